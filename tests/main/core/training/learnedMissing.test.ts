import { describe, expect, it } from 'vitest'
import { Rng } from '../../../../src/main/core/base/random'
import { buildFeatureMatrix, fitFeatureSpecs, type RawInputs } from '../../../../src/main/core/ml/preprocess'
import { rowBalancer } from '../../../../src/main/core/training/balanceRows'
import { DEFAULT_TRAIN_PARAMS } from '../../../../src/shared/params/trainParams'

/** 10 rows: a number with two gaps, a category with one gap. */
function raw(): RawInputs {
  return {
    numRows: 10,
    numeric: new Map([['amount', Float64Array.from([1, 2, NaN, 4, 5, 6, NaN, 8, 9, 10])]]),
    categorical: new Map([['region', ['a', 'b', null, 'a', 'c', 'a', 'b', 'a', 'c', 'b']]])
  }
}
const ALL = Int32Array.from({ length: 10 }, (_, i) => i)

describe('features whose missing values are learned', () => {
  it('are marked in the artifact, and left NaN (not imputed) when the feature matrix is built', () => {
    const { features } = fitFeatureSpecs(raw(), ALL, new Set(), true)
    expect(features.map((f) => f.missing)).toEqual(['learned', 'learned'])
    // The fill values are still fitted (median 5.5, most frequent 'a'): they describe the feature.
    expect(features[0]).toMatchObject({ kind: 'numeric', median: 5.5 })
    expect(features[1]).toMatchObject({ kind: 'categorical', levels: ['a', 'b', 'c'], fill: 0 })
    const m = buildFeatureMatrix(features, raw())
    expect(Array.from(m.columns[0], Number.isNaN)).toEqual([
      false,
      false,
      true,
      false,
      false,
      false,
      true,
      false,
      false,
      false
    ])
    expect(Array.from(m.columns[1])).toEqual([0, 1, NaN, 0, 2, 0, 1, 0, 2, 1])
    expect(m.imputed).toEqual([2, 1])
    // An unseen category is still the most frequent level: only missing values are learned.
    const unseen = {
      ...raw(),
      categorical: new Map([['region', ['zz', null, 'b', 'a', 'a', 'a', 'a', 'a', 'a', 'a']]])
    }
    expect(Array.from(buildFeatureMatrix(features, unseen).columns[1].subarray(0, 3))).toEqual([0, NaN, 1])
  })

  it('are imputed exactly as before for every other engine (the artifact does not mention them)', () => {
    const { features } = fitFeatureSpecs(raw(), ALL, new Set())
    expect(features.every((f) => !('missing' in f))).toBe(true)
    const m = buildFeatureMatrix(features, raw())
    const f0 = features[0]
    if (f0.kind !== 'numeric') throw new Error('expected a number')
    expect(m.columns[0][2]).toBe((5.5 - f0.mean) * (1 / f0.std))
    expect(m.columns[1][2]).toBe(0)
  })

  it('go through SMOTE imputed, and a synthetic row is missing where its seed is', () => {
    // 400 repaid and 100 defaulted rows. Column 0: every default is missing. Column 1: no
    // default is missing (repaid rows are). Column 2: 30 % of the defaults are missing.
    const rng = new Rng(5)
    const n = 500
    const y = Uint8Array.from({ length: n }, (_, r) => (r < 100 ? 1 : 0))
    const columns = [
      Float64Array.from(y, (v) => (v === 1 ? NaN : rng.normal())),
      Float64Array.from(y, (v) => (v === 0 && rng.next() < 0.5 ? NaN : rng.normal())),
      Float64Array.from(y, (v, r) => (v === 1 && r % 10 < 3 ? NaN : rng.normal()))
    ]
    const features = [0, 1, 2].map((i) => ({
      name: `x${i}`,
      kind: 'numeric' as const,
      source: 'input' as const,
      median: 0.25,
      mean: 0,
      std: 0.5,
      missing: 'learned' as const
    }))
    const fit = rowBalancer(columns, y, features, { ...DEFAULT_TRAIN_PARAMS, smote: true })()
    expect(fit.numReal).toBe(n)
    const synthetic = fit.y.length - n
    expect(synthetic).toBe(300)
    const nanShare = (c: Float64Array): number => c.subarray(n).filter(Number.isNaN).length / synthetic
    expect(nanShare(fit.columns[0])).toBe(1)
    expect(nanShare(fit.columns[1])).toBe(0)
    // Seeds are drawn uniformly from the defaults, 30 of 100 of them missing in column 2.
    expect(nanShare(fit.columns[2])).toBeGreaterThan(0.2)
    expect(nanShare(fit.columns[2])).toBeLessThan(0.4)
    // Real rows keep their NaN; a neighbour's missing value counts as the imputed 0.5 (= (0.25 − 0) · 2).
    expect(fit.columns[1].subarray(0, n).filter(Number.isNaN).length).toBe(
      columns[1].filter(Number.isNaN).length
    )
    const lo = Math.min(0.5, ...columns[2].subarray(0, 100).filter((v) => !Number.isNaN(v)))
    const hi = Math.max(0.5, ...columns[2].subarray(0, 100).filter((v) => !Number.isNaN(v)))
    for (const v of fit.columns[2].subarray(n)) if (!Number.isNaN(v)) expect(v >= lo && v <= hi).toBe(true)
  })
})
