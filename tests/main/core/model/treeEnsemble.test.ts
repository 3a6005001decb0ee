import { describe, expect, it } from 'vitest'
import { leafIndex, leafIndexOfVector } from '../../../../src/main/core/model/FlatTree'
import {
  ensembleMargins,
  expectedMargin,
  FOREST_COMBINE,
  isForestCombine,
  linkScore,
  predictEnsemble,
  predictEnsembleVector,
  type TreeEnsemble
} from '../../../../src/main/core/model/TreeEnsemble'
import { TREE_A, TREE_B } from '../../../fixtures/smallTrees'

const forest: TreeEnsemble = {
  numFeatures: 2,
  trees: [TREE_A, TREE_B],
  featureImportance: Float64Array.of(0.5, 0.5),
  combine: FOREST_COMBINE
}
const boosted: TreeEnsemble = { ...forest, combine: { aggregate: 'sum', bias: -1, link: 'logistic' } }

// Rows (x0, x1): (1, 9), (3, 4), (3, 7), (NaN, 0), (2, NaN), (2.5, 5), (3, 1)
const columns = [Float64Array.of(1, 3, 3, NaN, 2, 2.5, 3), Float64Array.of(9, 4, 7, 0, NaN, 5, 1)]
// Leaves reached, by hand: A → 0.1, 0.6, 0.9, 0.1 (missing left), 0.1 (x0 = 2 ≤ 2), 0.6 (x1 = 5 ≤ 5), 0.6
//                          B → 0.5, 0.5, 0.5, 0.2, 0.5 (missing right), 0.5, 0.2 (x1 = 1 ≤ 1)
const leavesA = [0.1, 0.6, 0.9, 0.1, 0.1, 0.6, 0.6]
const leavesB = [0.5, 0.5, 0.5, 0.2, 0.5, 0.5, 0.2]

describe('FlatTree descent', () => {
  it('sends a row left when x ≤ threshold, and a missing value the way the node says', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((r) => TREE_A.value[leafIndex(TREE_A, columns, r)])).toEqual(leavesA)
    expect([0, 1, 2, 3, 4, 5, 6].map((r) => TREE_B.value[leafIndex(TREE_B, columns, r)])).toEqual(leavesB)
    expect(leafIndexOfVector(TREE_A, [3, 7])).toBe(4)
    expect(leafIndexOfVector(TREE_A, [NaN, 7])).toBe(1)
    expect(leafIndexOfVector(TREE_B, [0, NaN])).toBe(2)
  })
})

describe('ensemble margins and scores', () => {
  it('averages a forest’s leaf values', () => {
    const margins = ensembleMargins(forest, columns, 7)
    leavesA.forEach((a, r) => expect(margins[r]).toBeCloseTo((a + leavesB[r]) / 2, 15))
    expect([...predictEnsemble(forest, columns, 7)]).toEqual([...margins])
  })

  it('sums a boosted ensemble’s leaves onto its bias and applies the logistic link', () => {
    const margins = ensembleMargins(boosted, columns, 7)
    leavesA.forEach((a, r) => expect(margins[r]).toBeCloseTo(a + leavesB[r] - 1, 15))
    const scores = predictEnsemble(boosted, columns, 7)
    leavesA.forEach((a, r) => expect(scores[r]).toBeCloseTo(1 / (1 + Math.exp(1 - a - leavesB[r])), 15))
  })

  it('scores one vector exactly as the column-wise walk does', () => {
    for (const model of [forest, boosted]) {
      const batch = predictEnsemble(model, columns, 7)
      for (let r = 0; r < 7; r++)
        expect(predictEnsembleVector(model, [columns[0][r], columns[1][r]])).toBe(batch[r])
    }
  })

  it('adds a bias to a mean ensemble after averaging', () => {
    const shifted: TreeEnsemble = { ...forest, combine: { aggregate: 'mean', bias: 0.25, link: 'identity' } }
    expect(ensembleMargins(shifted, columns, 1)[0]).toBeCloseTo((0.1 + 0.5) / 2 + 0.25, 15)
    expect(predictEnsembleVector(shifted, [1, 9])).toBeCloseTo(0.55, 15)
  })

  it('starts reasons from the combined root values', () => {
    expect(expectedMargin(forest)).toBeCloseTo(0.35, 15)
    expect(expectedMargin(boosted)).toBeCloseTo(0.4 + 0.3 - 1, 15)
  })

  it('scores only as many rows as asked', () => {
    expect(ensembleMargins(forest, columns, 2)).toHaveLength(2)
  })

  it('refuses too few feature columns or too short ones, saying how many', () => {
    expect(() => ensembleMargins(forest, [columns[0]], 7)).toThrow('the model needs 2 feature columns, got 1')
    expect(() => ensembleMargins(forest, [columns[0], Float64Array.of(1)], 7)).toThrow(
      'column 1 has 1 rows, expected 7'
    )
    expect(() => predictEnsembleVector(forest, [1])).toThrow('the model needs 2 features, got 1')
  })
})

describe('links and combinations', () => {
  it('passes margins through the identity link and squashes them through the logistic one', () => {
    expect(linkScore('identity', 0.37)).toBe(0.37)
    expect(linkScore('logistic', 0)).toBe(0.5)
    expect(linkScore('logistic', Math.log(3))).toBeCloseTo(0.75, 15)
    expect(linkScore('logistic', -Math.log(3))).toBeCloseTo(0.25, 15)
  })

  it('knows a forest only by mean, no bias and the identity link', () => {
    expect(isForestCombine(FOREST_COMBINE)).toBe(true)
    expect(isForestCombine({ aggregate: 'sum', bias: 0, link: 'identity' })).toBe(false)
    expect(isForestCombine({ aggregate: 'mean', bias: 0.1, link: 'identity' })).toBe(false)
    expect(isForestCombine({ aggregate: 'mean', bias: 0, link: 'logistic' })).toBe(false)
  })
})
