import { describe, expect, it } from 'vitest'
import { DEFAULT_TRAIN_PARAMS } from '../../../../src/shared/params/trainParams'
import { rowBalancer } from '../../../../src/main/core/training/balanceRows'
import type { FeatureSpec } from '../../../../src/main/core/model/ModelArtifact'

describe('rowBalancer with columns that keep missing values', () => {
  // 40 rows, 8 defaults; every fifth value of the score is missing, every seventh job.
  const n = 40
  const y = Uint8Array.from({ length: n }, (_, i) => (i % 5 === 0 ? 1 : 0))
  const score = Float64Array.from({ length: n }, (_, i) =>
    i % 5 === 1 || i % 10 === 0 ? NaN : (i - 20) / 10
  )
  const job = Float64Array.from({ length: n }, (_, i) => (i % 7 === 0 ? NaN : i % 3))
  const features: FeatureSpec[] = [
    { name: 'Score', kind: 'numeric', source: 'input', median: 650, mean: 600, std: 100 },
    { name: 'Job', kind: 'categorical', source: 'input', levels: ['a', 'b', 'c'], fill: 2 }
  ]
  const fit = rowBalancer([score, job], y, features, { ...DEFAULT_TRAIN_PARAMS, smote: true, smoteK: 3 })()

  it('keeps the real rows as they are, NaN included', () => {
    expect(fit.numReal).toBe(n)
    expect(Array.from(fit.columns[0].subarray(0, n))).toEqual(Array.from(score))
    expect(Array.from(fit.columns[1].subarray(0, n))).toEqual(Array.from(job))
  })

  it('makes synthetic rows from imputed values: the standardised median and the most frequent code, never NaN', () => {
    expect(fit.y.length).toBeGreaterThan(n)
    const synthetic = fit.columns.map((c) => Array.from(c.subarray(n)))
    for (const c of synthetic) expect(c.some(Number.isNaN)).toBe(false)
    // Between the real defaulters' scores, a missing one counting as (650 − 600) / 100 = 0.5.
    const defaulterScores = [
      ...Array.from(score)
        .filter((_, i) => y[i] === 1)
        .map((v) => (Number.isNaN(v) ? 0.5 : v))
    ]
    for (const v of synthetic[0]) {
      expect(v).toBeGreaterThanOrEqual(Math.min(...defaulterScores) - 1e-12)
      expect(v).toBeLessThanOrEqual(Math.max(...defaulterScores) + 1e-12)
    }
    for (const code of synthetic[1]) expect([0, 1, 2]).toContain(code)
  })
})
