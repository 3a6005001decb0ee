import { describe, expect, it } from 'vitest'
import { Rng } from '../../../../src/main/core/base/random'
import {
  applyCalibration,
  applyCalibrationArray,
  fitCalibration,
  fitIsotonic,
  fitPlatt,
  MIN_CLASS_COUNT_FOR_ISOTONIC,
  type IsotonicCalibration
} from '../../../../src/main/core/ml/calibration'

/**
 * Isotonic regression by its closed form, independent of PAV: over the distinct scores
 * (weighted by their row counts), f_i = max over j ≤ i of min over l ≥ i of the weighted
 * mean of the labels on blocks j..l.
 */
function isotonicByMinMax(score: Float64Array, y: Uint8Array): { x: number[]; f: number[] } {
  const xs = [...new Set(score)].sort((a, b) => a - b)
  const sum = xs.map((x) => y.reduce((s, v, i) => s + (score[i] === x ? v : 0), 0))
  const count = xs.map((x) => score.filter((s) => s === x).length)
  const f = xs.map((_, i) => {
    let best = -Infinity
    for (let j = 0; j <= i; j++) {
      let inner = Infinity
      for (let l = i; l < xs.length; l++) {
        let s = 0
        let c = 0
        for (let t = j; t <= l; t++) {
          s += sum[t]
          c += count[t]
        }
        inner = Math.min(inner, s / c)
      }
      best = Math.max(best, inner)
    }
    return best
  })
  return { x: xs, f }
}

/** Bernoulli labels with P(y = 1) = prob[i]. */
function drawLabels(rng: Rng, prob: Float64Array): Uint8Array {
  return Uint8Array.from(prob, (q) => (rng.next() < q ? 1 : 0))
}

describe('fitIsotonic', () => {
  it('pools adjacent violators and puts one knot at each pooled block’s centre, as worked by hand', () => {
    // y = 0 1 0 0 1 0 1 1 at x = 1..8: (1,0,0) pools to 1/3, (1,0) to 1/2, (1,1) stays 1.
    // Blocks {1}, {2,3,4}, {5,6}, {7,8}: centres 1, 3, 5.5, 7.5 with values 0, 1/3, 1/2, 1.
    const model = fitIsotonic(
      Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8]),
      Uint8Array.from([0, 1, 0, 0, 1, 0, 1, 1])
    )
    expect(model.x).toEqual([1, 3, 5.5, 7.5])
    expect(model.y).toEqual([0, 1 / 3, 0.5, 1])
    // Between centres the map rises: x = 2 lies halfway from 0 to 1/3; x = 8 is beyond the last centre.
    expect(applyCalibration(model, 2)).toBeCloseTo(1 / 6, 15)
    expect(applyCalibration(model, 8)).toBe(1)
  })

  it('keeps the rows above the highest default: y = 0 1 0 at 0.1, 0.5, 0.9 pools the last two', () => {
    // (1, 0) violates and pools to 1/2: blocks {0.1} and {0.5, 0.9}, centres 0.1 and 0.7.
    const model = fitIsotonic(Float64Array.of(0.1, 0.5, 0.9), Uint8Array.of(0, 1, 0))
    expect(model.x).toEqual([0.1, 0.7])
    expect(model.y).toEqual([0, 0.5])
  })

  it('takes the least-squares monotone fit (min–max formula) at each block’s weighted centre, with tied scores', () => {
    const rng = new Rng(21)
    const n = 60
    const score = Float64Array.from({ length: n }, () => rng.int(25) / 25) // many ties
    const y = drawLabels(
      rng,
      Float64Array.from(score, (s) => 0.2 + 0.6 * s)
    )
    const model = fitIsotonic(score, y)
    const expected = isotonicByMinMax(score, y)
    // Each run of equal fitted values is one block; its centre weighs each distinct score by its rows.
    for (let start = 0; start < expected.x.length;) {
      let end = start + 1
      while (end < expected.x.length && expected.f[end] === expected.f[start]) end++
      let rows = 0
      let sum = 0
      for (let i = start; i < end; i++) {
        const count = score.filter((s) => s === expected.x[i]).length
        rows += count
        sum += count * expected.x[i]
      }
      expect(applyCalibration(model, sum / rows)).toBeCloseTo(expected.f[start], 12)
      start = end
    }
    // Strictly increasing knots: no flat steps between the outermost centres, so no ties there.
    for (let i = 1; i < model.y.length; i++) {
      expect(model.x[i]).toBeGreaterThan(model.x[i - 1])
      expect(model.y[i]).toBeGreaterThan(model.y[i - 1])
    }
  })

  it('interpolates linearly between knots and clips outside them', () => {
    const model: IsotonicCalibration = { kind: 'isotonic', x: [0.2, 0.6], y: [0.1, 0.3] }
    expect(applyCalibration(model, 0.4)).toBeCloseTo(0.2, 15)
    expect(applyCalibration(model, -5)).toBe(0.1)
    expect(applyCalibration(model, 7)).toBe(0.3)
  })

  it('skips rows whose score is NaN (never out-of-bag) instead of failing', () => {
    const withNaN = fitIsotonic(Float64Array.from([1, NaN, 2, 3, NaN]), Uint8Array.from([0, 1, 1, 0, 1]))
    const without = fitIsotonic(Float64Array.from([1, 2, 3]), Uint8Array.from([0, 1, 0]))
    expect(withNaN).toEqual(without)
  })

  it('rejects scores and labels of different lengths', () => {
    expect(() => fitIsotonic(Float64Array.from([1, 2]), Uint8Array.from([1]))).toThrow(
      /2 scores but 1 labels/
    )
  })
})

describe('fitPlatt', () => {
  it('recovers a known logistic relation P = 1/(1 + exp(a·s + b))', () => {
    const rng = new Rng(5)
    const n = 20_000
    const a = -1.5
    const b = 0.7
    const score = Float64Array.from({ length: n }, () => rng.next() * 8 - 4)
    const y = drawLabels(
      rng,
      Float64Array.from(score, (s) => 1 / (1 + Math.exp(a * s + b)))
    )
    const model = fitPlatt(score, y)
    // Standard errors at this size are ~0.02 for both.
    expect(Math.abs(model.a - a)).toBeLessThan(0.1)
    expect(Math.abs(model.b - b)).toBeLessThan(0.1)
  })

  it('lands on the optimum of Lin, Lin & Weng’s smoothed-target loss that SciPy and scikit-learn find', () => {
    // Oracle: the same loss minimised by SciPy's BFGS to a gradient of 1e-13 (and scikit-learn
    // 1.2's _sigmoid_calibration, which agrees to 1e-5):
    //   (a, b) = (-3.2001755, 1.74238496) and (-0.40549183, 0.13803609).
    const cases: [number[], number[], number, number][] = [
      [
        [0.05, 0.1, 0.2, 0.25, 0.3, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.15, 0.35, 0.65],
        [0, 0, 0, 1, 0, 0, 1, 0, 1, 0, 1, 1, 1, 0, 1, 0],
        -3.2001755,
        1.74238496
      ],
      [[-3, -2.5, -1, -0.5, 0, 0.5, 1, 2, 3, 4], [0, 0, 1, 0, 0, 1, 1, 0, 1, 1], -0.40549183, 0.13803609]
    ]
    for (const [score, y, a, b] of cases) {
      const model = fitPlatt(Float64Array.from(score), Uint8Array.from(y))
      expect(Math.abs(model.a - a)).toBeLessThan(2e-5)
      expect(Math.abs(model.b - b)).toBeLessThan(2e-5)
    }
  })

  it('stays finite on perfectly separated scores thanks to the smoothed targets', () => {
    const model = fitPlatt(
      Float64Array.from([0, 1, 2, 3, 10, 11, 12, 13]),
      Uint8Array.from([0, 0, 0, 0, 1, 1, 1, 1])
    )
    expect(Number.isFinite(model.a) && Number.isFinite(model.b)).toBe(true)
    const low = applyCalibration(model, 0)
    const high = applyCalibration(model, 13)
    expect(low).toBeGreaterThan(0)
    expect(low).toBeLessThan(0.2)
    expect(high).toBeGreaterThan(0.8)
    expect(high).toBeLessThan(1)
  })

  it('never leaves [0, 1] or returns NaN for extreme scores', () => {
    const model = { kind: 'platt' as const, a: -3, b: 1 }
    for (const s of [-1e308, -1e6, 0, 1e6, 1e308]) {
      const v = applyCalibration(model, s)
      expect(v >= 0 && v <= 1).toBe(true)
    }
  })
})

describe('fitCalibration', () => {
  // A forest trained on balanced rows: true odds multiplied by 10, as after SMOTE to ~1:1.
  function overstatedScores(seed: number, n: number): { score: Float64Array; y: Uint8Array } {
    const rng = new Rng(seed)
    const truth = Float64Array.from({ length: n }, () => 1 / (1 + Math.exp(3 - 1.2 * rng.normal())))
    const y = drawLabels(rng, truth)
    const score = Float64Array.from(truth, (q) => (10 * q) / (1 - q + 10 * q))
    return { score, y }
  }

  it('turns an over-stated score into probabilities whose mean matches the held-out default rate', () => {
    const fit = overstatedScores(8, 20_000)
    const test = overstatedScores(9, 20_000)
    const defaultRate = test.y.reduce((s, v) => s + v, 0) / test.y.length
    const rawMean = test.score.reduce((s, v) => s + v, 0) / test.score.length
    expect(rawMean).toBeGreaterThan(2 * defaultRate)
    for (const method of ['isotonic', 'platt'] as const) {
      const { model, used } = fitCalibration(fit.score, fit.y, method)
      expect(used).toBe(method)
      const calibrated = applyCalibrationArray(model, test.score)
      const mean = calibrated.reduce((s, v) => s + v, 0) / calibrated.length
      expect(Math.abs(mean - defaultRate)).toBeLessThan(0.01)
      expect(calibrated.every((v) => v >= 0 && v <= 1)).toBe(true)
    }
  })

  it(`falls back from isotonic to Platt under ${MIN_CLASS_COUNT_FOR_ISOTONIC} defaults and says why`, () => {
    const rng = new Rng(13)
    const score = Float64Array.from({ length: 1000 }, () => rng.next())
    const y = Uint8Array.from(score, (s, i) => (s > 0.9 && i % 4 === 0 ? 1 : 0)) // ~25 defaults
    const fit = fitCalibration(score, y, 'isotonic')
    expect(fit.numPositive).toBeLessThan(MIN_CLASS_COUNT_FOR_ISOTONIC)
    expect(fit).toMatchObject({ requested: 'isotonic', used: 'platt', numRows: 1000, numSkipped: 0 })
    expect(fit.model.kind).toBe('platt')
    expect(fit.note).toMatch(/defaults/)
  })

  it(`keeps isotonic with exactly ${MIN_CLASS_COUNT_FOR_ISOTONIC} rows of the smaller class, either class, and names both counts when it falls back`, () => {
    const m = MIN_CLASS_COUNT_FOR_ISOTONIC
    // m defaults among 3m rows, then m non-defaults among 3m rows: isotonic, no note.
    for (const positives of [m, 2 * m]) {
      const score = Float64Array.from({ length: 3 * m }, (_, i) => i / (3 * m))
      const y = Uint8Array.from(score, (_, i) => (i < positives ? 1 : 0))
      expect(fitCalibration(score, y, 'isotonic')).toMatchObject({
        used: 'isotonic',
        note: '',
        numPositive: positives
      })
    }
    // One non-default fewer than m: Platt, and the note gives both counts as found.
    const score = Float64Array.from({ length: 3 * m }, (_, i) => i / (3 * m))
    const y = Uint8Array.from(score, (_, i) => (i < 2 * m + 1 ? 1 : 0))
    expect(fitCalibration(score, y, 'isotonic')).toMatchObject({
      used: 'platt',
      note: `Isotonic calibration needs at least ${m} rows of each class; found ${2 * m + 1} defaults and ${m - 1} non-defaults, so Platt scaling was used.`
    })
    expect(fitCalibration(score, y, 'platt')).toMatchObject({ used: 'platt', note: '' })
  })

  it('gives NaN for a NaN score under every model, and refuses a label other than 0 or 1 naming its row', () => {
    for (const model of [
      { kind: 'none' as const },
      { kind: 'platt' as const, a: -1, b: 0 },
      { kind: 'isotonic' as const, x: [0, 1], y: [0.1, 0.9] }
    ])
      expect(applyCalibration(model, NaN)).toBeNaN()
    expect(() => fitCalibration(Float64Array.of(0.1, 0.2), Uint8Array.of(0, 2), 'platt')).toThrow(
      'fitCalibration: label 2 at row 1; labels must be 0 or 1.'
    )
  })

  it("reports skipped NaN rows and leaves scores as they are (clipped) for 'none'", () => {
    const fit = fitCalibration(Float64Array.from([0.2, NaN, 1.3]), Uint8Array.from([0, 1, 1]), 'none')
    expect(fit).toMatchObject({ used: 'none', numRows: 2, numSkipped: 1, numPositive: 1, note: '' })
    expect(applyCalibrationArray(fit.model, Float64Array.from([0.2, 1.3, -0.1, NaN]))).toEqual(
      Float64Array.from([0.2, 1, 0, NaN])
    )
  })

  it('produces models that survive JSON unchanged', () => {
    const rng = new Rng(17)
    const score = Float64Array.from({ length: 2000 }, () => rng.next())
    const y = drawLabels(rng, score)
    for (const method of ['isotonic', 'platt', 'none'] as const) {
      const { model } = fitCalibration(score, y, method)
      expect(JSON.parse(JSON.stringify(model))).toEqual(model)
    }
  })

  it('refuses to fit when no row has a finite score', () => {
    expect(() => fitCalibration(Float64Array.from([NaN, NaN]), Uint8Array.from([0, 1]), 'platt')).toThrow(
      /no row has a finite score/
    )
  })
})
