import { describe, expect, it } from 'vitest'
import { informationValue, sumCounts, weightOfEvidence } from '../../../../../src/main/core/ml/scorecard/woe'

// A characteristic of 120 rows in four bins: 80 repaid, 40 defaulted, so the prior pseudo-row
// is 2/3 repayer and 1/3 defaulter. Bin A: (40 + 2/3) / 80 = 0.508333 of the repayers against
// (10 + 1/3) / 40 = 0.258333 of the defaulters: WoE = ln(1.967742) = 0.676887. The figures
// below were worked on a calculator (and checked in Python).
const bins = [
  { good: 40, bad: 10 },
  { good: 30, bad: 20 },
  { good: 10, bad: 10 },
  { good: 0, bad: 0 }
]
const total = { good: 80, bad: 40 }

describe('weight of evidence and information value', () => {
  it('match a table worked by hand', () => {
    expect(sumCounts(bins)).toEqual(total)
    const woe = bins.map((b) => weightOfEvidence(b, total))
    expect(woe[0]).toBeCloseTo(0.6768866596881647, 12)
    expect(woe[1]).toBeCloseTo(-0.28223246768421617, 12)
    expect(woe[2]).toBeCloseTo(-0.661398482245365, 12)
    // IV = (0.5 − 0.25)·0.676887 + (0.375 − 0.5)·(−0.282232) + (0.125 − 0.25)·(−0.661398) = 0.287176
    expect(informationValue(bins, total)).toBeCloseTo(0.28717553366323884, 12)
  })

  it('gives an empty bin the population odds (WoE 0) and no information value', () => {
    expect(weightOfEvidence({ good: 0, bad: 0 }, total)).toBe(0)
    expect(informationValue([{ good: 0, bad: 0 }], total)).toBe(0)
  })

  it('keeps a bin with no defaulters finite, positive and larger than any mixed bin', () => {
    const pure = weightOfEvidence({ good: 20, bad: 0 }, total)
    expect(Number.isFinite(pure)).toBe(true)
    // ln(((20 + 2/3) / 80) / ((1/3) / 40)) = ln(31) = 3.433987
    expect(pure).toBeCloseTo(Math.log(31), 12)
  })

  it('scores a bin as given when the caller overrides its WoE', () => {
    expect(informationValue(bins, total, [0.6768866596881647, -0.28223246768421617, 0, 0])).toBeCloseTo(
      0.25 * 0.6768866596881647 + 0.125 * 0.28223246768421617,
      12
    )
  })
})
