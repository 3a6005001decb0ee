import { describe, expect, it } from 'vitest'
import { Rng } from '../../../../../src/main/core/base/random'
import {
  draftCharacteristic,
  formatCut,
  niceThreshold
} from '../../../../../src/main/core/ml/scorecard/characteristics'
import type { BinningOptions } from '../../../../../src/main/core/ml/scorecard/woeBinning'
import type { FeatureSpec } from '../../../../../src/main/core/model/ModelArtifact'

/** A credit score standardised as the model does: mean 600, std 100. */
const SCORE = { mean: 600, std: 100 }
/** The boundary between two training values, in standardised units. */
const between = (below: number, above: number) => ({
  below: (below - SCORE.mean) * (1 / SCORE.std),
  above: (above - SCORE.mean) * (1 / SCORE.std)
})

describe('niceThreshold: the cut printed between two bins', () => {
  it('takes the roundest number between the two training values, worked by hand', () => {
    // Between 647 and 652 the tens give 650: (650 − 600) / 100 = 0.5.
    expect(niceThreshold(between(647, 652), SCORE)).toEqual({ cut: 650, split: 0.5 })
    // Between 612.34 and 620 the next ten is 620 itself (not below the upper value): units give 613.
    expect(niceThreshold(between(612.34, 620), SCORE)).toEqual({ cut: 613, split: 13 * (1 / 100) })
    // A wide gap (1,000 to 50,000): ten thousand, not a hundred thousand.
    expect(niceThreshold(between(1_000, 50_000), SCORE)).toEqual({ cut: 10_000, split: 9_400 * (1 / 100) })
    // Below zero the roundest number up from −652 is −650.
    expect(niceThreshold(between(-652, -647), SCORE)).toEqual({ cut: -650, split: -1_250 * (1 / 100) })
  })

  it('goes down to the decimals a narrow gap needs', () => {
    // Between 0.45123 and 0.4519 (a ratio): 0.452 is past the upper value, so 0.4513.
    const f = { mean: 0.3, std: 0.2 }
    const b = { below: (0.45123 - 0.3) * (1 / 0.2), above: (0.4519 - 0.3) * (1 / 0.2) }
    const { cut, split } = niceThreshold(b, f)
    expect(cut).toBe(0.4513)
    expect(split).toBe((0.4513 - 0.3) * (1 / 0.2))
    expect(split).toBeGreaterThanOrEqual(b.below)
    expect(split).toBeLessThan(b.above)
  })

  it('keeps the lower training value when the two values are equal', () => {
    expect(niceThreshold({ below: 1.25, above: 1.25 }, SCORE)).toEqual({ cut: 725, split: 1.25 })
  })
})

describe('formatCut', () => {
  it('prints at most six significant digits without trailing zeros', () => {
    expect(formatCut(650)).toBe('650')
    expect(formatCut(0.1 + 0.2)).toBe('0.3')
    expect(formatCut(1234567.89)).toBe('1234570')
    expect(formatCut(-0.000123456789)).toBe('-0.000123457')
  })
})

describe('draftCharacteristic', () => {
  const options: BinningOptions = { minBinShare: 0.05, minClass: 5, maxBins: 5, trends: ['descending'] }
  const numeric: FeatureSpec = {
    name: 'Credit_Score',
    kind: 'numeric',
    source: 'input',
    median: 600,
    ...SCORE
  }

  /** Scores 300..899 (some missing), defaults likelier the lower the score, standardised. */
  function scores(rows: number, missingEvery: number, missingDefaultsEvery = 0) {
    const rng = new Rng(17)
    const raw = new Float64Array(rows)
    const y = new Uint8Array(rows)
    for (let r = 0; r < rows; r++) {
      const missing = missingEvery > 0 && r % missingEvery === 0
      raw[r] = missing ? NaN : 300 + rng.int(600)
      const p = missing
        ? missingDefaultsEvery > 0 && r % missingDefaultsEvery === 0
          ? 1
          : 0
        : (900 - raw[r]) / 900
      y[r] = missing ? p : rng.next() < p * 0.5 ? 1 : 0
    }
    const column = raw.map((x) => (x - SCORE.mean) * (1 / SCORE.std))
    return { raw, column, y }
  }

  it('labels its bins by their cuts in the feature’s own units and counts the rows of each interval', () => {
    const { raw, column, y } = scores(3000, 0)
    const draft = draftCharacteristic(column, y, numeric, 2, options)
    expect(draft).toMatchObject({ feature: 'Credit_Score', featureIndex: 2, kind: 'numeric' })
    const bins = draft.bins.filter((b) => !b.missing)
    expect(bins.length).toBeGreaterThanOrEqual(3)
    const cuts = bins.slice(0, -1).map((b) => b.to as number)
    expect(bins[0]).toMatchObject({ from: null, label: `<= ${formatCut(cuts[0])}` })
    for (let k = 1; k < bins.length - 1; k++)
      expect(bins[k]).toMatchObject({
        from: cuts[k - 1],
        label: `(${formatCut(cuts[k - 1])}, ${formatCut(cuts[k])}]`
      })
    expect(bins[bins.length - 1]).toMatchObject({
      from: cuts[cuts.length - 1],
      to: null,
      label: `> ${formatCut(cuts[cuts.length - 1])}`
    })
    // Each interval (from, to] of the raw scores holds exactly the rows counted for it.
    for (const bin of bins) {
      let count = 0
      let defaults = 0
      for (let r = 0; r < raw.length; r++) {
        if ((bin.from === null || raw[r] > bin.from!) && (bin.to === null || raw[r] <= bin.to!)) {
          count++
          defaults += y[r]
        }
      }
      expect([bin.label, bin.count, bin.defaults]).toEqual([bin.label, count, defaults])
    }
    // The model's thresholds are the cuts standardised as scoring standardises a value.
    expect(draft.splits).toEqual(cuts.map((c) => (c - SCORE.mean) * (1 / SCORE.std)))
    expect(draft.notes).toEqual([])
  })

  it('scores a missing bin with too few of either outcome as the average, and says so', () => {
    // 30 missing rows, none of them defaults: fewer than minClass defaulters.
    const { column, y } = scores(3000, 100)
    const draft = draftCharacteristic(column, y, numeric, 0, options)
    const missing = draft.bins[draft.bins.length - 1]
    expect(missing).toMatchObject({ label: 'Missing', missing: true, count: 30, defaults: 0, woe: 0 })
    expect(draft.notes).toEqual([
      'Missing values: 30 training rows (0 defaults), too few to estimate; scored as the average (WoE 0).'
    ])
  })

  it('gives a missing bin with enough of both outcomes its own WoE, and one with no rows no note', () => {
    // 60 missing rows, every other one a default: 30 and 30.
    const { column, y } = scores(3000, 50, 100)
    const draft = draftCharacteristic(column, y, numeric, 0, options)
    const missing = draft.bins[draft.bins.length - 1]
    expect(missing).toMatchObject({ count: 60, defaults: 30 })
    const totalBad = y.reduce((s, v) => s + v, 0)
    const totalGood = y.length - totalBad
    // WoE = ln(share of repayers / share of defaulters), as the woe tests define it.
    expect(missing.woe).toBeCloseTo(Math.log(30 / totalGood / (30 / totalBad)), 1)
    expect(missing.woe).not.toBe(0)
    expect(draft.notes).toEqual([])
    const none = draftCharacteristic(scores(3000, 0).column, scores(3000, 0).y, numeric, 0, options)
    expect(none.bins[none.bins.length - 1]).toMatchObject({ count: 0, woe: 0 })
    expect(none.notes).toEqual([])
  })

  it('labels categorical bins by their categories and says how unseen ones score', () => {
    const feature: FeatureSpec = {
      name: 'Region',
      kind: 'categorical',
      source: 'input',
      levels: ['East', 'North', 'South'],
      fill: 1
    }
    const rng = new Rng(3)
    const rows = 3000
    const column = new Float64Array(rows)
    const y = new Uint8Array(rows)
    for (let r = 0; r < rows; r++) {
      column[r] = rng.int(3)
      y[r] = rng.next() < [0.05, 0.15, 0.3][column[r]] ? 1 : 0
    }
    const draft = draftCharacteristic(column, y, feature, 1, options)
    expect(draft).toMatchObject({ kind: 'categorical', trend: 'by rate' })
    const bins = draft.bins.filter((b) => !b.missing)
    for (const bin of bins) expect(bin.label).toBe(bin.categories!.join(', '))
    expect(bins.flatMap((b) => b.categories)).toEqual(expect.arrayContaining(['East', 'North', 'South']))
    expect(draft.notes).toEqual(['Categories not seen in training score as "North".'])
    expect(draft.splits).toBeUndefined()
  })
})
