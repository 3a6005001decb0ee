import { describe, expect, it } from 'vitest'
import { Rng } from '../../../../src/main/core/base/random'
import type { FlatTree } from '../../../../src/main/core/model/FlatTree'
import { predictEnsemble, type TreeEnsemble } from '../../../../src/main/core/model/TreeEnsemble'
import { trainForest } from '../../../../src/main/core/ml/forest/trainForest'
import { compiledPredictor } from '../../../../src/main/core/scoring/compiledPredictor'

function columnsOf(numRows: number, numFeatures: number, seed: number): Float64Array[] {
  const rng = new Rng(seed)
  return Array.from({ length: numFeatures }, () =>
    Float64Array.from({ length: numRows }, () =>
      rng.next() < 0.05 ? NaN : Math.round((rng.next() * 2 - 1) * 100) / 100
    )
  )
}

function stump(feature: number, threshold: number, left: number, right: number): FlatTree {
  return {
    feature: Int32Array.of(feature, -1, -1),
    threshold: Float64Array.of(threshold, 0, 0),
    missingLeft: Uint8Array.of(0, 0, 0),
    left: Int32Array.of(1, -1, -1),
    right: Int32Array.of(2, -1, -1),
    value: Float64Array.of((left + right) / 2, left, right),
    cover: Float64Array.of(2, 1, 1)
  }
}

describe('compiledPredictor', () => {
  it('scores a forest exactly as predictEnsemble does', async () => {
    const train = columnsOf(2000, 5, 3)
    const y = Uint8Array.from(train[0], (x, i) => ((x === x ? x : 0) + train[1][i] > 0.1 ? 1 : 0))
    const { forest } = await trainForest(train, y, {
      trees: 15,
      maxDepth: 8,
      minSamplesLeaf: 1,
      maxFeatures: 'sqrt',
      seed: 4,
      threads: 1
    })
    const rows = columnsOf(5000, 5, 9)
    expect(Array.from(compiledPredictor(forest)(rows, 5000))).toEqual(
      Array.from(predictEnsemble(forest, rows, 5000))
    )
  })

  it('applies the logistic link of a summed ensemble with a bias, as predictEnsemble does', () => {
    const boosted: TreeEnsemble = {
      numFeatures: 2,
      trees: [stump(0, 0, -0.7, 0.4), stump(1, 0.25, 0.3, -1.1)],
      featureImportance: Float64Array.of(0.5, 0.5),
      combine: { aggregate: 'sum', bias: -2, link: 'logistic' }
    }
    const rows = [Float64Array.of(-1, 1, 0, 0.5), Float64Array.of(0, 0.3, 0.25, 2)]
    const scores = compiledPredictor(boosted)(rows, 4)
    // Hand-computed: 1 / (1 + exp(−(bias + leaf0 + leaf1))).
    const expected = [-2 - 0.7 + 0.3, -2 + 0.4 - 1.1, -2 - 0.7 + 0.3, -2 + 0.4 - 1.1].map(
      (m) => 1 / (1 + Math.exp(-m))
    )
    scores.forEach((s, i) => expect(s).toBeCloseTo(expected[i], 14))
    expect(Array.from(scores)).toEqual(Array.from(predictEnsemble(boosted, rows, 4)))
  })
})
