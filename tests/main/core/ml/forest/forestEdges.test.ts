import { describe, expect, it } from 'vitest'
import { Rng } from '../../../../../src/main/core/base/random'
import { binColumns, fitBins } from '../../../../../src/main/core/ml/binning'
import { createTreeLearner, type TreeParams } from '../../../../../src/main/core/ml/forest/treeLearner'
import { leafIndex } from '../../../../../src/main/core/model/FlatTree'
import { predictEnsemble } from '../../../../../src/main/core/model/TreeEnsemble'
import {
  resolveMaxFeatures,
  trainForest,
  type ForestOptions
} from '../../../../../src/main/core/ml/forest/trainForest'

// trainForest's refusals word for word, and the edges of scikit-learn's max_features rule
// (an integer count from 1, a fraction strictly between 0 and 1, nothing else).

const BASE: ForestOptions = {
  trees: 3,
  maxDepth: 4,
  minSamplesLeaf: 1,
  maxFeatures: 'sqrt',
  seed: 1,
  threads: 1
}
const columns = [Float64Array.of(0, 1, 2, 3), Float64Array.of(1, 1, 0, 0)]
const y = Uint8Array.of(0, 1, 0, 1)

describe('trainForest refusals', () => {
  it('names the option and the value it refuses', async () => {
    await expect(trainForest(columns, y, { ...BASE, minSamplesLeaf: 0 })).rejects.toThrow(
      'minSamplesLeaf must be a whole number >= 1, got 0'
    )
    await expect(trainForest(columns, y, { ...BASE, threads: 0.5 })).rejects.toThrow(
      'threads must be a whole number >= 1, got 0.5'
    )
    await expect(trainForest(columns, y, { ...BASE, seed: 1.5 })).rejects.toThrow(
      'seed must be a whole number, got 1.5'
    )
  })

  it('refuses zero rows', async () => {
    await expect(trainForest([new Float64Array(0)], new Uint8Array(0), BASE)).rejects.toThrow(
      'cannot train a forest on zero rows'
    )
  })

  it('says the training was cancelled', async () => {
    await expect(trainForest(columns, y, BASE, { signal: AbortSignal.abort() })).rejects.toMatchObject({
      name: 'AbortError',
      message: 'Forest training was cancelled.'
    })
  })
})

describe('resolveMaxFeatures edges', () => {
  it('takes a count of 1 as one feature, and refuses a count that is not whole', () => {
    expect(resolveMaxFeatures(1, 10)).toBe(1)
    const refusal = "maxFeatures must be 'sqrt', 'log2', 'all', a count >= 1 or a fraction in (0, 1), got 1.5"
    expect(() => resolveMaxFeatures(1.5, 10)).toThrow(refusal)
    expect(() => resolveMaxFeatures(-1, 10)).toThrow('got -1')
  })
})

describe('trainForest with every feature at every split', () => {
  it('finds a rule of two of six features exactly, whichever histogram lane each feature lands in', async () => {
    // Values on a grid of tenths, so that every bin edge falls between two of them: Default is
    // x1 ≥ 0.5 and x4 ≥ 0.5, the other four features are noise. Six features per split are
    // histogrammed four, then two, at a time.
    const n = 600
    const grid = (r: number, f: number): number => ((r * (f + 3) + f * 7) % 10) / 10
    const cols = Array.from({ length: 6 }, (_, f) => Float64Array.from({ length: n }, (_, r) => grid(r, f)))
    for (let r = 0; r < n; r++) cols[1][r] = (Math.floor(r / 10) % 10) / 10
    const labels = Uint8Array.from({ length: n }, (_, r) => (cols[1][r] >= 0.5 && cols[4][r] >= 0.5 ? 1 : 0))
    const { forest } = await trainForest(cols, labels, {
      ...BASE,
      trees: 8,
      maxDepth: 3,
      maxFeatures: 'all',
      seed: 7
    })
    const p = predictEnsemble(forest, cols, n)
    for (let r = 0; r < n; r++) expect(p[r], `row ${r}`).toBe(labels[r])
    expect(forest.featureImportance[1] + forest.featureImportance[4]).toBeCloseTo(1, 12)
  })
})

describe('a tree grown on six features at a time', () => {
  it('reproduces its labels without bootstrap, down to nodes small enough for the sparse pass', () => {
    // Six whole-number features (one bin per value), labels a function of three of them: a fully
    // grown tree is pure. Six features a split are histogrammed four, then two, at a time, and
    // nodes of fewer rows than a feature has bins (40) only over the bins their rows touch.
    const rng = new Rng(17)
    const n = 2000
    const cols = Array.from({ length: 6 }, () => Float64Array.from({ length: n }, () => rng.int(40)))
    const labels = Uint8Array.from({ length: n }, (_, r) =>
      (cols[0][r] * 7 + cols[2][r] * 3 + cols[5][r] * 5) % 5 < 2 ? 1 : 0
    )
    const mapper = fitBins(cols)
    const data = { numRows: n, bins: binColumns(mapper, cols), y: labels, mapper }
    const params: TreeParams = { maxDepth: 100, minSamplesLeaf: 1, maxFeatures: 6, bootstrap: false }
    const { tree } = createTreeLearner(data, params)(new Rng(1))
    let wrong = 0
    for (let r = 0; r < n; r++) if (tree.value[leafIndex(tree, cols, r)] !== labels[r]) wrong++
    expect(wrong).toBe(0)
  })
})
