import { describe, expect, it } from 'vitest'
import { evaluateAtThreshold } from '../../../../src/main/core/ml/thresholdEvaluation'
import { countScores } from '../../../../src/main/core/training/evaluateModel'

// Fourteen evaluated rows, worked by hand. Defaults (y = 1) at p = 0.100, 0.100, 0.300, 0.700,
// 0.700, 0.700; repaid loans at p = 0.050 ×4, 0.2995 ×2, 0.300 and 1.000.
const y = Uint8Array.from([1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0])
const p = Float64Array.from([0.1, 0.1, 0.3, 0.7, 0.7, 0.7, 0.05, 0.05, 0.05, 0.05, 0.2995, 0.2995, 0.3, 1])
const counts = countScores(y, p)

describe('evaluateAtThreshold (the Models screen slider), worked by hand', () => {
  it('keeps the rows per 0.001 bin, by class', () => {
    expect(counts.positive[100]).toBe(2)
    expect(counts.positive[300]).toBe(1)
    expect(counts.positive[700]).toBe(3)
    expect(counts.negative[50]).toBe(4)
    expect(counts.negative[299]).toBe(2)
    expect(counts.negative[300]).toBe(1)
    expect(counts.negative[1000]).toBe(1)
    expect(counts.positive.reduce((a, b) => a + b)).toBe(6)
    expect(counts.negative.reduce((a, b) => a + b)).toBe(8)
  })

  it('predicts default for p ≥ 0.3 at 0.3: rows at exactly the threshold count as predicted defaults', () => {
    const at = evaluateAtThreshold(counts, 0.3)
    // Predicted default: 0.3 (1 default, 1 repaid), 0.7 ×3, 1.0 (repaid) → tp 4, fp 2.
    expect(at.confusion).toEqual({ tn: 6, fp: 2, fn: 2, tp: 4 })
    expect(at.threshold).toBe(0.3)
    expect(at.report.class1.precision).toBeCloseTo(4 / 6, 15)
    expect(at.report.class1.recall).toBeCloseTo(4 / 6, 15)
    expect(at.report.class0.recall).toBeCloseTo(6 / 8, 15)
    expect(at.report.accuracy).toBeCloseTo(10 / 14, 15)
  })

  it('rounds the threshold down to the 0.001 grid of the counts', () => {
    // 0.2999 → 0.299: the two repaid rows at 0.2995 are now predicted defaults too.
    const at = evaluateAtThreshold(counts, 0.2999)
    expect(at.threshold).toBe(0.299)
    expect(at.confusion).toEqual({ tn: 4, fp: 4, fn: 2, tp: 4 })
  })

  it('moves one bin at a time: 0.301 leaves out the rows at 0.300', () => {
    expect(evaluateAtThreshold(counts, 0.301).confusion).toEqual({ tn: 7, fp: 1, fn: 3, tp: 3 })
  })

  it('predicts every row at 0 and only p = 1 at 1, and clamps thresholds outside [0, 1]', () => {
    expect(evaluateAtThreshold(counts, 0).confusion).toEqual({ tn: 0, fp: 8, fn: 0, tp: 6 })
    expect(evaluateAtThreshold(counts, -0.5).confusion).toEqual({ tn: 0, fp: 8, fn: 0, tp: 6 })
    expect(evaluateAtThreshold(counts, 1).confusion).toEqual({ tn: 7, fp: 1, fn: 6, tp: 0 })
    expect(evaluateAtThreshold(counts, 1.5).threshold).toBe(1)
  })

  it('agrees with counting p ≥ t row by row at every grid threshold', () => {
    for (let k = 0; k <= 1000; k += 7) {
      const t = k / 1000
      let tp = 0
      let fp = 0
      for (let i = 0; i < y.length; i++) {
        if (p[i] >= t && y[i] === 1) tp++
        if (p[i] >= t && y[i] === 0) fp++
      }
      const at = evaluateAtThreshold(counts, t).confusion
      expect([at.tp, at.fp, at.fn, at.tn], `t = ${t}`).toEqual([tp, fp, 6 - tp, 8 - fp])
    }
  })
})
