import { describe, expect, it } from 'vitest'
import { binColumns, fitBins } from '../../../../../src/main/core/ml/binning'
import { BoostedTree } from '../../../../../src/main/core/ml/gbm/BoostedTree'
import { ValidationTracker } from '../../../../../src/main/core/ml/gbm/earlyStopping'

// Three validation rows, x = 0, 1, 2, labels 1, 1, 0; bins fitted on the same values.
const x = Float64Array.of(0, 1, 2)
const y = Uint8Array.of(1, 1, 0)
const mapper = fitBins([x])
const xBins = binColumns(mapper, [x])[0]

/** A tree of one leaf adding `v` to every row. */
function leaf(v: number): BoostedTree {
  const t = new BoostedTree()
  t.value[t.addLeaf(0, 1, 1)] = v
  return t
}

/** Mean log-loss of margins m, written out: ln(1 + e^−m) for a default, ln(1 + e^m) for a repayer. */
function logLoss(m: number[]): number {
  return m.reduce((s, mi, r) => s + Math.log(1 + Math.exp(y[r] === 1 ? -mi : mi)), 0) / m.length
}

describe('ValidationTracker (early stopping)', () => {
  it('starts from the bias plus the prior shift and records the mean log-loss round by round', () => {
    // bias 0.5, offset −0.3: every margin starts at 0.2.
    const tracker = new ValidationTracker({ columns: [x], y, marginOffset: -0.3 }, mapper, 0.5, 0)
    expect(tracker.addTree(leaf(0.3))).toBe(false)
    // A stump: x = 0 (its bin and below) left +1, the rest right −0.5.
    const stump = new BoostedTree()
    stump.addLeaf(0, 3, 1)
    const l = stump.addLeaf(0, 1, 1)
    const r = stump.addLeaf(0, 2, 1)
    stump.value[l] = 1
    stump.value[r] = -0.5
    const sides = new Uint8Array(mapper.missingBin[0] + 1)
    sides[xBins[0]] = 1
    stump.setSplit(0, 0, sides, xBins[0], null, 1, l, r)
    expect(tracker.addTree(stump)).toBe(false)
    const losses = Array.from(tracker.losses())
    expect(losses[0]).toBeCloseTo(logLoss([0.5, 0.5, 0.5]), 14)
    expect(losses[1]).toBeCloseTo(logLoss([1.5, 0, 0]), 14)
    // 0.529… after the stump against 0.641… before: the second round is the best so far.
    expect(losses[1]).toBeLessThan(losses[0])
    expect(tracker.bestRounds).toBe(2)
  })

  it('stops `patience` rounds after the last new minimum and keeps the first of equal minima', () => {
    const tracker = new ValidationTracker({ columns: [x], y, marginOffset: 0 }, mapper, 0, 3)
    // With two defaults and a repayer the loss is least at m = ln 2 ≈ 0.69. Margins after each
    // round: 3, 1.5, 1.5 (no change: equal, not better), 0.7 (the best), then −2 three times.
    const stops = [3, -1.5, 0, -0.8, -2.7, 0, 0].map((v) => tracker.addTree(leaf(v)))
    expect(stops).toEqual([false, false, false, false, false, false, true])
    const losses = Array.from(tracker.losses())
    ;[3, 1.5, 1.5, 0.7, -2, -2, -2].forEach((m, k) => expect(losses[k]).toBeCloseTo(logLoss([m, m, m]), 14))
    expect(losses[3]).toBeLessThan(losses[1])
    expect(losses[4]).toBeGreaterThan(losses[3])
    expect(tracker.bestRounds).toBe(4)
  })

  it('keeps the round of the first of two equal minima', () => {
    const tracker = new ValidationTracker({ columns: [x], y, marginOffset: 0 }, mapper, 0, 2)
    expect([0.4, 0, 0].map((v) => tracker.addTree(leaf(v)))).toEqual([false, false, true])
    expect(tracker.bestRounds).toBe(1)
  })

  it('never stops with patience 0, and measures huge margins without overflow', () => {
    const tracker = new ValidationTracker({ columns: [x], y, marginOffset: 0 }, mapper, 0, 0)
    expect(tracker.addTree(leaf(800))).toBe(false)
    expect(tracker.addTree(leaf(-1600))).toBe(false)
    // m = 800: the defaults lose ln(1 + e^−800) ≈ 0, the repayer 800; m = −800: 800 twice.
    expect(Array.from(tracker.losses())).toEqual([800 / 3, 1600 / 3])
    expect(tracker.bestRounds).toBe(1)
  })
})
