import { describe, expect, it } from 'vitest'
import { Rng } from '../../../../../src/main/core/base/random'
import { binColumns, fitBins } from '../../../../../src/main/core/ml/binning'
import { outOfBagMasks, outOfBagPredictor } from '../../../../../src/main/core/ml/forest/outOfBag'
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

  it("gives trainForest's out-of-bag probabilities exactly for the rows' own values", async () => {
    const { columns, y } = data(1200, 2)
    const trained = await trainForest(columns, y, OPTIONS)
    const rows = Int32Array.from({ length: y.length }, (_, i) => i)
    const predicted = outOfBagPredictor(trained.forest, OPTIONS.seed, y.length)(columns, rows)
    // NaN where no tree left the row out, in the same places.
    expect(Array.from(predicted)).toEqual(Array.from(trained.oobProbability))
  })

  it('scores a subset of rows from columns given for that subset only', async () => {
    const { columns, y } = data(900, 3)
    const trained = await trainForest(columns, y, OPTIONS)
    const rows = Int32Array.from([899, 3, 450, 12])
    const subset = columns.map((c) => Float64Array.from(rows, (r) => c[r]))
    const predicted = outOfBagPredictor(trained.forest, OPTIONS.seed, y.length)(subset, rows)
    expect(Array.from(predicted)).toEqual(Array.from(rows, (r) => trained.oobProbability[r]))
  })
})
