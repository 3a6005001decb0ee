import { describe, expect, it } from 'vitest'
import { Rng } from '../../../../src/main/core/base/random'
import {
  brierScore,
  calibrationCurve,
  classificationReport,
  confusionMatrix,
  evaluateBinary,
  ksStatistic,
  logLoss,
  precisionRecallCurve,
  probabilityHistogram,
  rocCurve
} from '../../../../src/main/core/ml/metrics'
import { permutationImportance } from '../../../../src/main/core/ml/permutationImportance'

/*
 * Hand-worked example (8 rows, a tie at 0.8 between a default and a non-default):
 *
 *   p : 0.9 0.8 0.8 0.6 0.5 0.4 0.3 0.1
 *   y :  1   1   0   1   0   0   1   0        P = 4 defaults, N = 4 non-defaults
 *
 * Distinct thresholds (descending), rows with p >= t:
 *   t    0.9  0.8  0.6  0.5  0.4  0.3  0.1
 *   TP    1    2    3    3    3    4    4
 *   FP    0    1    1    2    3    3    4
 * ROC points after (0,0): fpr 0 .25 .25 .5 .75 .75 1 / tpr .25 .5 .75 .75 .75 1 1.
 * AUC by trapezoids: .25·(.25+.5)/2 + .25·.75 + .25·.75 + .25·1 = 0.71875.
 * Mann–Whitney: the positives .9/.8/.6/.3 beat 4, 3.5 (tie with .8 counts half), 3, 1
 * negatives: 11.5 / 16 = 0.71875. Gini = 2·AUC − 1 = 0.4375.
 * KS: |TPR − FPR| = .25 .25 .5 .25 0 .25 0 → 0.5 at threshold 0.6.
 * Precision 1, 2/3, 3/4, 3/5, 1/2, 4/7, 1/2 at recall .25 .5 .75 .75 .75 1 1, so
 * AP = .25·1 + .25·2/3 + .25·3/4 + .25·4/7 = 251/336.
 * Brier: (.01 + .04 + .64 + .16 + .25 + .16 + .49 + .01) / 8 = 0.22.
 * At threshold 0.5: predicted 1 = {.9,.8,.8,.6,.5} → TP 3, FP 2; predicted 0 → TN 2, FN 1.
 */
const p8 = Float64Array.from([0.9, 0.8, 0.8, 0.6, 0.5, 0.4, 0.3, 0.1])
const y8 = Uint8Array.from([1, 1, 0, 1, 0, 0, 1, 0])

function randomScores(seed: number, n: number, decimals: number): { y: Uint8Array; p: Float64Array } {
  const rng = new Rng(seed)
  const y = new Uint8Array(n)
  const p = new Float64Array(n)
  const scale = 10 ** decimals
  for (let i = 0; i < n; i++) {
    y[i] = rng.next() < 0.3 ? 1 : 0
    // Informative but noisy, rounded so that many scores tie.
    const raw = Math.min(1, Math.max(0, 0.35 + 0.25 * y[i] + 0.2 * rng.normal()))
    p[i] = Math.round(raw * scale) / scale
  }
  return { y, p }
}

function bruteForceAuc(y: Uint8Array, p: Float64Array): number {
  let wins = 0
  let pairs = 0
  for (let i = 0; i < y.length; i++) {
    if (y[i] !== 1) continue
    for (let j = 0; j < y.length; j++) {
      if (y[j] !== 0) continue
      pairs++
      if (p[i] > p[j]) wins += 1
      else if (p[i] === p[j]) wins += 0.5
    }
  }
  return wins / pairs
}

describe('rocCurve', () => {
  it('matches the hand-worked 8-row example, one point per distinct score', () => {
    const roc = rocCurve(y8, p8)
    expect(roc.fpr).toEqual([0, 0, 0.25, 0.25, 0.5, 0.75, 0.75, 1])
    expect(roc.tpr).toEqual([0, 0.25, 0.5, 0.75, 0.75, 0.75, 1, 1])
    expect(roc.thresholds).toEqual([1.9, 0.9, 0.8, 0.6, 0.5, 0.4, 0.3, 0.1])
    expect(roc.auc).toBe(0.71875)
  })

  it('equals the brute-force pairwise AUC (ties counted half) on seeded random scores with many ties', () => {
    for (const seed of [1, 2, 3]) {
      const { y, p } = randomScores(seed, 600, 2)
      expect(rocCurve(y, p).auc).toBeCloseTo(bruteForceAuc(y, p), 12)
    }
  })

  it('keeps at most maxPoints chart points, from (0,0) to (1,1), while the AUC comes from the full curve', () => {
    const { y, p } = randomScores(4, 5000, 6)
    const full = rocCurve(y, p, Infinity)
    const small = rocCurve(y, p, 200)
    expect(full.fpr.length).toBeGreaterThan(1000)
    expect(small.fpr.length).toBeLessThanOrEqual(200)
    expect(small.fpr.length).toBeGreaterThan(100)
    expect([small.fpr[0], small.tpr[0]]).toEqual([0, 0])
    expect([small.fpr.at(-1), small.tpr.at(-1)]).toEqual([1, 1])
    for (let i = 1; i < small.fpr.length; i++) {
      expect(small.fpr[i]).toBeGreaterThanOrEqual(small.fpr[i - 1])
      expect(small.tpr[i]).toBeGreaterThanOrEqual(small.tpr[i - 1])
      expect(small.thresholds[i]).toBeLessThan(small.thresholds[i - 1])
    }
    expect(small.auc).toBe(full.auc)
  })

  it('refuses a test set with only one class, saying how many of each it found', () => {
    expect(() => rocCurve(Uint8Array.from([0, 0, 0]), Float64Array.from([0.1, 0.2, 0.3]))).toThrow(
      /0 defaults and 3 non-defaults/
    )
  })

  it('refuses mismatched lengths and NaN predictions', () => {
    expect(() => rocCurve(Uint8Array.from([0, 1]), Float64Array.from([0.1]))).toThrow(
      /2 labels but 1 predictions/
    )
    expect(() => rocCurve(Uint8Array.from([0, 1]), Float64Array.from([0.1, NaN]))).toThrow(/row 1 is NaN/)
  })
})

describe('precisionRecallCurve', () => {
  it('matches the hand-worked example in sklearn order with AP = 251/336', () => {
    const pr = precisionRecallCurve(y8, p8)
    expect(pr.thresholds).toEqual([0.1, 0.3, 0.4, 0.5, 0.6, 0.8, 0.9])
    expect(pr.recall).toEqual([1, 1, 0.75, 0.75, 0.75, 0.5, 0.25, 0])
    const expected = [0.5, 4 / 7, 0.5, 0.6, 0.75, 2 / 3, 1, 1]
    pr.precision.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 15))
    expect(pr.averagePrecision).toBeCloseTo(251 / 336, 15)
  })

  it('gives AP equal to the mean over defaulters of the precision at their own score', () => {
    const { y, p } = randomScores(5, 500, 2)
    let sum = 0
    let positives = 0
    for (let i = 0; i < y.length; i++) {
      if (y[i] !== 1) continue
      positives++
      let above = 0
      let positivesAbove = 0
      for (let j = 0; j < y.length; j++) {
        if (p[j] >= p[i]) {
          above++
          positivesAbove += y[j]
        }
      }
      sum += positivesAbove / above
    }
    expect(precisionRecallCurve(y, p).averagePrecision).toBeCloseTo(sum / positives, 12)
  })

  it('gives AP 1 for a perfect ranking', () => {
    const pr = precisionRecallCurve(Uint8Array.from([0, 0, 1, 1]), Float64Array.from([0.1, 0.2, 0.8, 0.9]))
    expect(pr.averagePrecision).toBe(1)
  })
})

describe('ksStatistic', () => {
  it('finds the hand-worked KS of 0.5 at threshold 0.6 with the class CDFs below each threshold', () => {
    const ks = ksStatistic(y8, p8)
    expect(ks.ks).toBe(0.5)
    expect(ks.threshold).toBe(0.6)
    expect(ks.curve.thresholds).toEqual([0.1, 0.3, 0.4, 0.5, 0.6, 0.8, 0.9])
    expect(ks.curve.cdfPositive).toEqual([0, 0, 0.25, 0.25, 0.25, 0.5, 0.75])
    expect(ks.curve.cdfNegative).toEqual([0, 0.25, 0.25, 0.5, 0.75, 0.75, 1])
  })

  it('equals the two-sample KS statistic computed from the empirical CDFs directly', () => {
    const { y, p } = randomScores(6, 400, 2)
    const pos = Array.from(p).filter((_, i) => y[i] === 1)
    const neg = Array.from(p).filter((_, i) => y[i] === 0)
    let best = 0
    for (const t of p) {
      const fPos = pos.filter((v) => v <= t).length / pos.length
      const fNeg = neg.filter((v) => v <= t).length / neg.length
      best = Math.max(best, Math.abs(fPos - fNeg))
    }
    expect(ksStatistic(y, p).ks).toBeCloseTo(best, 12)
  })
})

describe('confusionMatrix and classificationReport', () => {
  it('predicts default for p >= threshold (the hand-worked example at 0.5)', () => {
    expect(confusionMatrix(y8, p8, 0.5)).toEqual({ tn: 2, fp: 2, fn: 1, tp: 3 })
  })

  it("reproduces sklearn's classification_report numbers for unequal class supports", () => {
    const report = classificationReport({ tn: 50, fp: 10, fn: 5, tp: 15 })
    // class 0: precision 50/55, recall 50/60, F1 100/115; class 1: 15/25, 15/20, 30/45.
    expect(report.class0.precision).toBeCloseTo(50 / 55, 15)
    expect(report.class0.recall).toBeCloseTo(50 / 60, 15)
    expect(report.class0.f1).toBeCloseTo(100 / 115, 15)
    expect(report.class0.support).toBe(60)
    expect(report.class1).toEqual({ precision: 0.6, recall: 0.75, f1: 30 / 45, support: 20 })
    expect(report.accuracy).toBe(65 / 80)
    expect(report.macroAvg.precision).toBeCloseTo((50 / 55 + 0.6) / 2, 15)
    expect(report.macroAvg.recall).toBeCloseTo((50 / 60 + 0.75) / 2, 15)
    expect(report.macroAvg.f1).toBeCloseTo((100 / 115 + 30 / 45) / 2, 15)
    expect(report.macroAvg.support).toBe(80)
    expect(report.weightedAvg.precision).toBeCloseTo((60 * (50 / 55) + 20 * 0.6) / 80, 15)
    expect(report.weightedAvg.recall).toBeCloseTo(65 / 80, 15)
    expect(report.weightedAvg.f1).toBeCloseTo((60 * (100 / 115) + 20 * (30 / 45)) / 80, 15)
    expect(report.weightedAvg.support).toBe(80)
  })

  it('reports 0 instead of NaN when a class is never predicted (zero_division=0)', () => {
    const report = classificationReport({ tn: 10, fp: 0, fn: 3, tp: 0 })
    expect(report.class1).toEqual({ precision: 0, recall: 0, f1: 0, support: 3 })
    expect(report.class0.precision).toBeCloseTo(10 / 13, 15)
    expect(report.class0.recall).toBe(1)
  })
})

describe('brierScore and logLoss', () => {
  it('gives the hand-worked Brier score 0.22', () => {
    expect(brierScore(y8, p8)).toBeCloseTo(0.22, 15)
  })

  it('computes the mean negative log-likelihood and clips certain mistakes at 1e-15', () => {
    const expected = -(Math.log(0.9) + Math.log(0.8) + Math.log(0.2) + Math.log(0.6)) / 4
    expect(logLoss(Uint8Array.from([1, 1, 0, 1]), Float64Array.from([0.9, 0.8, 0.8, 0.6]))).toBeCloseTo(
      expected,
      14
    )
    expect(logLoss(Uint8Array.from([1, 0]), Float64Array.from([0, 1]))).toBeCloseTo(-Math.log(1e-15), 10)
  })

  it('rejects values outside [0, 1] as probabilities', () => {
    expect(() => brierScore(Uint8Array.from([1]), Float64Array.from([1.5]))).toThrow(/not a probability/)
  })
})

describe('calibrationCurve', () => {
  it('bins uniformly with edges belonging to the lower bin, as numpy.searchsorted does', () => {
    // Edges 0, .25, .5, .75, 1: .1 | .3 .4 .5 | .6 | .8 .8 .9
    const bins = calibrationCurve(y8, p8, 4, 'uniform')
    expect(bins.map((b) => b.count)).toEqual([1, 3, 1, 3])
    expect(bins.map((b) => b.fractionPositive)).toEqual([0, 1 / 3, 1, 2 / 3])
    const means = [0.1, 0.4, 0.6, 2.5 / 3]
    bins.forEach((b, i) => expect(b.meanPredicted).toBeCloseTo(means[i], 15))
  })

  it('skips empty bins', () => {
    // Ten bins: .1→0, .3→2, .4→3, .5→4, .6→5, .8→7, .9→8; bins 1, 6 and 9 are empty.
    const bins = calibrationCurve(y8, p8, 10, 'uniform')
    expect(bins.map((b) => b.lower)).toEqual([0, 0.2, 0.30000000000000004, 0.4, 0.5, 0.7000000000000001, 0.8])
    expect(bins.reduce((s, b) => s + b.count, 0)).toBe(8)
  })

  it('places quantile edges at the interpolated percentiles of the scores', () => {
    // Median of .1 .3 .4 .5 .6 .8 .8 .9 is (.5 + .6)/2 = .55.
    const bins = calibrationCurve(y8, p8, 2, 'quantile')
    expect(bins).toHaveLength(2)
    expect(bins[0]).toMatchObject({ lower: 0.1, upper: 0.55, count: 4, fractionPositive: 0.25 })
    expect(bins[1]).toMatchObject({ lower: 0.55, upper: 0.9, count: 4, fractionPositive: 0.75 })
  })
})

describe('probabilityHistogram', () => {
  it('counts each true class per probability bin, p = 1 falling in the last bin', () => {
    const h = probabilityHistogram(y8, p8, 4)
    expect(h.edges).toEqual([0, 0.25, 0.5, 0.75, 1])
    expect(h.positive).toEqual([0, 1, 1, 2])
    expect(h.negative).toEqual([1, 1, 1, 1])
    expect(probabilityHistogram(Uint8Array.from([1]), Float64Array.from([1]), 4).positive).toEqual([
      0, 0, 0, 1
    ])
  })
})

describe('evaluateBinary', () => {
  it('bundles every metric in an object that survives JSON unchanged, with gini = 2·AUC − 1', () => {
    const { y, p } = randomScores(7, 3000, 3)
    const e = evaluateBinary(y, p, 0.5)
    expect(JSON.parse(JSON.stringify(e))).toEqual(e)
    expect(e.numRows).toBe(3000)
    expect(e.gini).toBeCloseTo(2 * e.auc - 1, 15)
    expect(e.auc).toBe(rocCurve(y, p).auc)
    expect(e.averagePrecision).toBe(precisionRecallCurve(y, p).averagePrecision)
    expect(e.ks.ks).toBe(ksStatistic(y, p).ks)
    expect(e.confusion).toEqual(confusionMatrix(y, p, 0.5))
    expect(e.accuracy).toBe(e.report.accuracy)
    expect(e.positiveRate).toBe(e.numPositive / e.numRows)
    expect(e.calibration.quantile).toEqual(calibrationCurve(y, p, 10, 'quantile'))
    expect(e.brier).toBe(brierScore(y, p))
  })
})

describe('permutationImportance', () => {
  // The model scores with column 0 only; column 1 is ignored noise.
  const rng = new Rng(11)
  const n = 2000
  const y = new Uint8Array(n)
  const signal = new Float64Array(n)
  const noise = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    y[i] = rng.next() < 0.4 ? 1 : 0
    signal[i] = y[i] + rng.normal()
    noise[i] = rng.normal()
  }
  const predict = (columns: Float64Array[]): Float64Array => Float64Array.from(columns[0])

  it('gives an informative column a large AUC drop and an unused column exactly zero', () => {
    const result = permutationImportance(predict, [signal, noise], y, ['signal', 'noise'], {
      rng: new Rng(1),
      repeats: 4
    })
    expect(result.baseline).toBeGreaterThan(0.7)
    expect(result.features[0].feature).toBe('signal')
    expect(result.features[0].importanceMean).toBeGreaterThan(0.15)
    expect(result.features[0].drops).toHaveLength(4)
    expect(result.features[1]).toMatchObject({ feature: 'noise', importanceMean: 0, importanceStd: 0 })
  })

  it('leaves the caller columns untouched and repeats exactly for the same seed', () => {
    const before = [Float64Array.from(signal), Float64Array.from(noise)]
    const columns = [signal, noise]
    const a = permutationImportance(predict, columns, y, ['signal', 'noise'], { rng: new Rng(3) })
    const b = permutationImportance(predict, columns, y, ['signal', 'noise'], { rng: new Rng(3) })
    expect(a).toEqual(b)
    expect(columns[0]).toBe(signal)
    expect(signal).toEqual(before[0])
    expect(noise).toEqual(before[1])
  })
})
