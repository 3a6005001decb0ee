import { describe, expect, it } from 'vitest'
import { Rng } from '../../../../../src/main/core/base/random'
import { binColumns, fitBins } from '../../../../../src/main/core/ml/binning'
import { outOfBagMasks } from '../../../../../src/main/core/ml/forest/outOfBag'
import { predictEnsemble } from '../../../../../src/main/core/model/TreeEnsemble'
import { CompiledForest } from '../../../../../src/main/core/scoring/CompiledForest'
import { growForestTree, trainForest } from '../../../../../src/main/core/ml/forest/trainForest'
import { createTreeLearner } from '../../../../../src/main/core/ml/forest/treeLearner'

function data(numRows: number, seed: number) {
  const rng = new Rng(seed)
  const columns = Array.from({ length: 4 }, () =>
    Float64Array.from({ length: numRows }, () =>
      rng.next() < 0.05 ? NaN : Math.round(rng.normal() * 20) / 10
    )
  )
  const y = Uint8Array.from({ length: numRows }, (_, r) => {
    const a = columns[0][r]
    return (a === a ? a : 0) + 0.5 * columns[1][r] + 0.8 * rng.normal() > 0.4 ? 1 : 0
  })
  return { columns, y }
}

const OPTIONS = {
  trees: 25,
  maxDepth: 7,
  minSamplesLeaf: 1,
  maxFeatures: 'sqrt' as const,
  seed: 13,
  threads: 1
}

describe('out-of-bag record of a forest, replayed from its seed', () => {
  it("marks exactly the rows the tree learner's own bootstrap left out", () => {
    const { columns, y } = data(700, 1)
    const mapper = fitBins(columns)
    const learn = createTreeLearner(
      { numRows: y.length, bins: binColumns(mapper, columns), y, mapper },
      { maxDepth: 7, minSamplesLeaf: 1, maxFeatures: 2, bootstrap: true }
    )
    const rows = Int32Array.from([0, 5, 17, 99, 350, 699, 42])
    const masks = outOfBagMasks(OPTIONS.seed, 10, y.length, rows)
    for (let t = 0; t < 10; t++) {
      const { oobLeaf } = growForestTree(learn, OPTIONS.seed, t)
      expect(Array.from(masks[t])).toEqual(Array.from(rows, (r) => (oobLeaf[r] >= 0 ? 1 : 0)))
    }
  })

  it("gives, through the compiled walk over each tree's rows, trainForest's out-of-bag probabilities exactly", async () => {
    const { columns, y } = data(1200, 2)
    const trained = await trainForest(columns, y, OPTIONS)
    const rows = Int32Array.from({ length: y.length }, (_, i) => i)
    const masks = outOfBagMasks(OPTIONS.seed, OPTIONS.trees, y.length, rows)
    const sums = CompiledForest.compile(trained.forest).sumOverTrees(columns, y.length, masks)
    const predicted = sums.map((s, r) => {
      const count = masks.reduce((n, m) => n + m[r], 0)
      return count > 0 ? s / count : NaN
    })
    // NaN where no tree left the row out, in the same places.
    expect(Array.from(predicted)).toEqual(Array.from(trained.oobProbability))
  })

  it('sums the chosen trees of each row over more rows than one kernel chunk, as the trees themselves give them', async () => {
    const { columns, y } = data(CompiledForest.CHUNK_ROWS + 700, 3)
    const trained = await trainForest(columns, y, { ...OPTIONS, trees: 9 })
    const rng = new Rng(8)
    const masks = trained.forest.trees.map(() => Uint8Array.from(y, () => (rng.next() < 0.4 ? 1 : 0)))
    const sums = CompiledForest.compile(trained.forest).sumOverTrees(columns, y.length, masks)
    // The oracle: each chosen tree alone, as a one-tree forest, added in tree order.
    const expected = new Float64Array(y.length)
    trained.forest.trees.forEach((tree, t) => {
      const alone = predictEnsemble({ ...trained.forest, trees: [tree] }, columns, y.length)
      for (let r = 0; r < y.length; r++) if (masks[t][r] === 1) expected[r] += alone[r]
    })
    expect(Array.from(sums)).toEqual(Array.from(expected))
  })
})
