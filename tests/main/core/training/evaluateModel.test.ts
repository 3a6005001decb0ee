import { describe, expect, it } from 'vitest'
import {
  bestF1Threshold,
  countScores,
  permutationOnSample
} from '../../../../src/main/core/training/evaluateModel'
import { rowBalancer } from '../../../../src/main/core/training/balanceRows'
import { DEFAULT_TRAIN_PARAMS } from '../../../../src/shared/params/trainParams'
import type { FeatureSpec } from '../../../../src/main/core/model/ModelArtifact'

const f64 = (...v: number[]): Float64Array => Float64Array.from(v)
const u8 = (...v: number[]): Uint8Array => Uint8Array.from(v)

describe('bestF1Threshold, worked by hand', () => {
  it('picks the score whose cut (predict p ≥ cut) gives the highest F1', () => {
    // Cuts 0.9 … 0.5 give F1 2/3, 1/2, 4/5, 2/3, 4/7: the best is 0.7.
    expect(bestF1Threshold(u8(1, 0, 1, 0, 0), f64(0.9, 0.8, 0.7, 0.6, 0.5))).toBe(0.7)
  })

  it('keeps the higher cut on a tie', () => {
    // Cuts 0.9 and 0.6 both give F1 2/3.
    expect(bestF1Threshold(u8(1, 0, 0, 1), f64(0.9, 0.8, 0.7, 0.6))).toBe(0.9)
  })

  it('cuts only between distinct scores', () => {
    // Rows at 0.5 go together: F1 2/3 at 0.5 (not 1 after the first of them), 1/2 at 0.2.
    expect(bestF1Threshold(u8(1, 0, 0), f64(0.5, 0.5, 0.2))).toBe(0.5)
    expect(bestF1Threshold(u8(0, 1, 0), f64(0.5, 0.5, 0.2))).toBe(0.5)
  })

  it('holds the cut within [0.01, 0.99], ignores rows without a score, and is 0.5 without defaults', () => {
    expect(bestF1Threshold(u8(1, 0), f64(0.995, 0.1))).toBe(0.99)
    expect(bestF1Threshold(u8(1, 1), f64(0.005, 0.003))).toBe(0.01)
    expect(bestF1Threshold(u8(1, 1), f64(NaN, 0.4))).toBe(0.4)
    expect(bestF1Threshold(u8(0, 0), f64(0.3, 0.6))).toBe(0.5)
    expect(bestF1Threshold(u8(1, 0), f64(NaN, 0.2))).toBe(0.5)
  })
})

describe('countScores', () => {
  it('bins each row by floor(p × 1000), p = 1 in the last bin, by class', () => {
    const counts = countScores(u8(1, 0, 0, 1, 0), f64(0, 0.0019, 0.5, 1, 0.999))
    expect(counts.positive).toHaveLength(1001)
    expect(counts.negative).toHaveLength(1001)
    expect(counts.positive[0]).toBe(1)
    expect(counts.negative[1]).toBe(1)
    expect(counts.negative[500]).toBe(1)
    expect(counts.positive[1000]).toBe(1)
    expect(counts.negative[999]).toBe(1)
    expect(counts.positive.reduce((a, b) => a + b) + counts.negative.reduce((a, b) => a + b)).toBe(5)
  })
})

describe('permutationOnSample', () => {
  // The score is one feature itself: permuting it destroys the ranking, permuting another changes nothing.
  const scoreIsFeature0 = (columns: Float64Array[]): Float64Array => Float64Array.from(columns[0])

  it('ranks an informative feature above an unused one (exactly 0), largest mean first', () => {
    const n = 200
    const y = Uint8Array.from({ length: n }, (_, i) => (i % 4 === 0 ? 1 : 0))
    const informative = Float64Array.from(y, (v, i) => v + (i % 7) / 10)
    const unused = Float64Array.from({ length: n }, (_, i) => i)
    // Listed noise first: the result comes back largest mean first.
    const result = permutationOnSample(
      (c) => Float64Array.from(c[1]),
      [unused, informative],
      y,
      ['noise', 'signal'],
      1
    )
    expect(result[0].feature).toBe('signal')
    expect(result[0].mean).toBeGreaterThan(0.3)
    expect(result[0].std).toBeGreaterThan(0)
    expect(result[1]).toEqual({ feature: 'noise', mean: 0, std: 0 })
  })

  it('scores at most 2,000 distinct rows, each by its own index', () => {
    const n = 2500
    const y = Uint8Array.from({ length: n }, (_, i) => (i % 5 === 0 ? 1 : 0))
    const seen: Int32Array[] = []
    const predict = (columns: Float64Array[], rows: Int32Array): Float64Array => {
      seen.push(rows)
      return Float64Array.from(columns[0])
    }
    permutationOnSample(predict, [Float64Array.from(y)], y, ['x'], 4)
    for (const rows of seen) {
      expect(rows).toHaveLength(2000)
      expect(new Set(rows).size).toBe(2000)
      expect(Math.min(...rows)).toBeGreaterThanOrEqual(0)
      expect(Math.max(...rows)).toBeLessThan(n)
    }
    const small: Int32Array[] = []
    permutationOnSample(
      (c, rows) => (small.push(rows), Float64Array.from(c[0])),
      [f64(0, 1, 0)],
      u8(0, 1, 0),
      ['x'],
      4
    )
    expect([...small[0]]).toEqual([0, 1, 2])
  })

  it('gives zeros when the sample holds one class only', () => {
    expect(permutationOnSample(scoreIsFeature0, [f64(1, 2, 3)], u8(1, 1, 1), ['x'], 1)).toEqual([
      { feature: 'x', mean: 0, std: 0 }
    ])
  })
})

describe('rowBalancer', () => {
  const features: FeatureSpec[] = [
    { name: 'n', kind: 'numeric', source: 'input', median: 0, mean: 0, std: 1 },
    { name: 'c', kind: 'categorical', source: 'input', levels: ['a', 'b', 'c'], fill: 0 }
  ]
  // 16 repaid rows and 4 defaulted ones.
  const y = Uint8Array.from({ length: 20 }, (_, i) => (i < 4 ? 1 : 0))
  const columns = [
    Float64Array.from({ length: 20 }, (_, i) => i / 10),
    Float64Array.from({ length: 20 }, (_, i) => i % 3)
  ]

  it('without SMOTE gives the real rows as they are', () => {
    const rows = rowBalancer(columns, y, features, { ...DEFAULT_TRAIN_PARAMS, smote: false })()
    expect(rows).toEqual({ columns, y, numReal: 20 })
  })

  it('with SMOTE appends synthetic defaulted rows up to balance, after the real ones', () => {
    const balancer = rowBalancer(columns, y, features, { ...DEFAULT_TRAIN_PARAMS, smote: true, smoteK: 3 })
    const rows = balancer()
    expect(rows.numReal).toBe(20)
    expect(rows.y).toHaveLength(32)
    expect([...rows.y.subarray(0, 20)]).toEqual([...y])
    expect([...rows.y.subarray(20)].every((v) => v === 1)).toBe(true)
    expect([...rows.columns[0].subarray(0, 20)]).toEqual([...columns[0]])
    // Synthetic numbers lie between defaulted rows (0 … 0.3); categories are real codes.
    for (const v of rows.columns[0].subarray(20)) expect(v >= 0 && v <= 0.3).toBe(true)
    for (const v of rows.columns[1].subarray(20)) expect([0, 1, 2]).toContain(v)
    expect(balancer()).toBe(rows)
  })

  it('balances a subset from its own rows, the same whoever asks first', () => {
    const params = { ...DEFAULT_TRAIN_PARAMS, smote: true, smoteK: 2 }
    const subset = Int32Array.from([0, 1, 2, 5, 6, 7, 8, 9, 10, 11])
    const first = rowBalancer(columns, y, features, params)(subset)
    const other = rowBalancer(columns, y, features, params)
    other()
    expect(other(subset)).toEqual(first)
    expect(first.numReal).toBe(10)
    expect([...first.columns[0].subarray(0, 10)]).toEqual([...subset].map((r) => r / 10))
    expect(first.y).toHaveLength(14)
    expect(other(Int32Array.from([0, 1, 2, 5, 6, 7, 8, 9, 10, 12]))).not.toEqual(first)
  })
})
