import { describe, expect, it } from 'vitest'
import { meanOfMargins } from '../../../../../src/main/core/ml/engines/blendEngine'
import type { FlatTree } from '../../../../../src/main/core/model/FlatTree'
import {
  ensembleMargins,
  FOREST_COMBINE,
  type TreeEnsemble
} from '../../../../../src/main/core/model/TreeEnsemble'
import { leafTree, stumpTree } from '../../../../fixtures/smallTrees'

const boosted = (trees: FlatTree[], bias: number, importance: number[]): TreeEnsemble => ({
  numFeatures: 2,
  trees,
  featureImportance: Float64Array.from(importance),
  combine: { aggregate: 'sum', bias, link: 'logistic' }
})

describe('meanOfMargins (the blend engine)', () => {
  it("gives each row the mean of the ensembles' margins, hand-computed", () => {
    // A: bias 0.2 + stump (1 left of 0.5, −1 right); B: bias −0.6 + leaf 0.4 + stump (0.3, 0.1).
    const a = boosted([stumpTree(0, 0.5, 1, -1)], 0.2, [1, 0])
    const b = boosted([leafTree(0.4), stumpTree(0, 0.5, 0.3, 0.1)], -0.6, [0.5, 0.5])
    const blend = meanOfMargins([a, b])
    // x = 0: A = 1.2, B = 0.1 → 0.65; x = 1: A = −0.8, B = −0.1 → −0.45; missing goes left.
    const margins = ensembleMargins(blend, [Float64Array.of(0, 1, NaN), Float64Array.of(0, 0, 0)], 3)
    expect(Array.from(margins).map((m) => Number(m.toFixed(12)))).toEqual([0.65, -0.45, 0.65])
    expect(blend.combine).toMatchObject({ aggregate: 'sum', link: 'logistic' })
    expect(blend.combine.bias).toBeCloseTo(-0.2, 12)
    expect(Array.from(blend.featureImportance)).toEqual([0.75, 0.25])
    // The parts are left as they were.
    expect(Array.from(a.trees[0].value)).toEqual([0, 1, -1])
  })

  it('refuses a forest, whose averaged probabilities are not margins', () => {
    const forest: TreeEnsemble = { ...boosted([leafTree(0.3)], 0, [0, 0]), combine: FOREST_COMBINE }
    expect(() => meanOfMargins([boosted([leafTree(1)], 0, [0, 0]), forest])).toThrow(/log-odds margins/)
  })
})
