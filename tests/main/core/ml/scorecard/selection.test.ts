import { describe, expect, it } from 'vitest'
import {
  pearson,
  selectCharacteristics,
  varianceInflation,
  type Candidate
} from '../../../../../src/main/core/ml/scorecard/selection'

/*
 * Worked by hand on four rows. WoE columns:
 *   A = 1 2 3 4, B = 1 −1 1 −1, D = 2A + 1, E = −B, F = 1 −1 −1 1, G constant.
 * Deviations of A from its mean 2.5: −1.5 −0.5 0.5 1.5 (sum of squares 5); B's mean is 0
 * (sum of squares 4). r(A, B) = (−1.5 − 0.5 + 0.5 − 1.5) / √(5·4) = −2/√20 = −0.447;
 * r(A, D) = 1; r(B, E) = −1; r(A, F) = r(B, F) = 0; anything against G: 0 (constant).
 */
const w = (...v: number[]): Float64Array => Float64Array.from(v)
const A = w(1, 2, 3, 4)
const B = w(1, -1, 1, -1)
const candidates: Candidate[] = [
  { feature: 'A', iv: 0.3, woe: A },
  { feature: 'B', iv: 0.6, woe: B },
  { feature: 'C', iv: 0.01, woe: w(4, 3, 2, 1) },
  { feature: 'D', iv: 0.2, woe: w(3, 5, 7, 9) },
  { feature: 'E', iv: 0.2, woe: w(-1, 1, -1, 1) },
  { feature: 'F', iv: 0.02, woe: w(1, -1, -1, 1) },
  { feature: 'G', iv: 0.5, woe: w(2, 2, 2, 2) }
]

describe('selectCharacteristics', () => {
  it('keeps by information value, drops the weaker of a correlated pair and what is below the floor, flags IV above 0.5', () => {
    // Strength order B .6, G .5, A .3, D .2, E .2 (tie: earlier first), F .02, C .01.
    expect(selectCharacteristics(candidates, 0.02)).toEqual({
      kept: [1, 6, 0, 5],
      dropped: [
        { index: 3, reason: "its WoE correlates 1.00 with A's, which has more information value" },
        { index: 4, reason: "its WoE correlates -1.00 with B's, which has more information value" },
        { index: 2, reason: 'information value 0.010 is below 0.02' }
      ],
      notes: [
        'B has an information value of 0.60 (above 0.5): check that it is known at application time and does not record the outcome.'
      ]
    })
  })

  it('keeps the strongest when none reaches the floor, says so, and takes it off the dropped list', () => {
    const weak = [
      { feature: 'X', iv: 0.001, woe: A },
      { feature: 'Y', iv: 0.005, woe: B }
    ]
    expect(selectCharacteristics(weak, 0.02)).toEqual({
      kept: [1],
      dropped: [{ index: 0, reason: 'information value 0.001 is below 0.02' }],
      notes: [
        'No characteristic reaches the information value floor of 0.02; the strongest, Y (0.005), is kept so that there is a model.'
      ]
    })
    expect(selectCharacteristics([], 0.02)).toEqual({ kept: [], dropped: [], notes: [] })
  })
})

describe('pearson and varianceInflation', () => {
  it('give the hand-worked correlations, 0 for a constant column', () => {
    expect(pearson(A, B)).toBeCloseTo(-2 / Math.sqrt(20), 15)
    expect(pearson(A, w(3, 5, 7, 9))).toBeCloseTo(1, 15)
    expect(pearson(A, w(2, 2, 2, 2))).toBe(0)
    expect(pearson(w(2, 2, 2, 2), A)).toBe(0)
  })

  it('is 1/(1 − r²) for two columns, null for one column or a singular set', () => {
    // r² = 4/20 = 0.2: the inverse of [[1, r], [r, 1]] has 1/(1 − r²) = 1.25 on its diagonal.
    const [a, b] = varianceInflation([A, B])
    expect(a).toBeCloseTo(1.25, 12)
    expect(b).toBeCloseTo(1.25, 12)
    expect(varianceInflation([A])).toEqual([null])
    expect(varianceInflation([A, w(3, 5, 7, 9)])).toEqual([null, null])
  })
})
