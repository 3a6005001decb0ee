import type { Worker } from 'node:worker_threads'
import { RandomForestClassifier } from 'ml-random-forest'
import { describe, expect, it, vi } from 'vitest'
import { binColumns, fitBins } from '../../../../../src/main/core/ml/binning'
import { leafIndex } from '../../../../../src/main/core/model/FlatTree'
import { deserializeEnsemble, serializeEnsemble } from '../../../../../src/main/core/model/ensembleFormat'
import { predictEnsemble, predictEnsembleVector } from '../../../../../src/main/core/model/TreeEnsemble'
import {
  resolveMaxFeatures,
  trainForest,
  type ForestOptions
} from '../../../../../src/main/core/ml/forest/trainForest'
import {
  createTreeLearner,
  type BinnedData,
  type TreeParams
} from '../../../../../src/main/core/ml/forest/treeLearner'
import { deriveSeed, Rng } from '../../../../../src/main/core/base/random'
import type { WorkerEntry } from '../../../../../src/main/core/base/spawnWorker'

// Spy on the real spawnWorker (behaviour unchanged) to check that no worker outlives a run.
const spawned = vi.hoisted(() => [] as Worker[])
vi.mock('../../../../../src/main/core/base/spawnWorker', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../../../src/main/core/base/spawnWorker')>()
  return {
    spawnWorker: (entry: WorkerEntry, workerData: unknown): Worker => {
      const worker = real.spawnWorker(entry, workerData)
      spawned.push(worker)
      return worker
    }
  }
})

const BASE: ForestOptions = {
  trees: 20,
  maxDepth: 10,
  minSamplesLeaf: 1,
  maxFeatures: 'sqrt',
  seed: 1,
  threads: 1
}

interface Dataset {
  columns: Float64Array[]
  y: Uint8Array
}

/** Rows with a non-linear signal in x0 and x1 (a disc) plus noise features and 5% label flips. */
function discData(numRows: number, numFeatures: number, seed: number): Dataset {
  const rng = new Rng(seed)
  const columns = Array.from({ length: numFeatures }, () => new Float64Array(numRows))
  const y = new Uint8Array(numRows)
  for (let r = 0; r < numRows; r++) {
    for (let f = 0; f < numFeatures; f++) columns[f][r] = rng.next() * 2 - 1
    const inside = columns[0][r] ** 2 + columns[1][r] ** 2 < 0.5
    y[r] = (inside ? 1 : 0) ^ (rng.next() < 0.05 ? 1 : 0)
  }
  return { columns, y }
}

function rowsOf(data: Dataset, from: number, to: number): Dataset {
  return { columns: data.columns.map((c) => c.slice(from, to)), y: data.y.slice(from, to) }
}

function binned(data: Dataset): BinnedData {
  const mapper = fitBins(data.columns)
  return { numRows: data.y.length, bins: binColumns(mapper, data.columns), y: data.y, mapper }
}

function accuracy(probability: ArrayLike<number>, y: Uint8Array): number {
  let right = 0
  for (let r = 0; r < y.length; r++) if ((probability[r] >= 0.5 ? 1 : 0) === y[r]) right++
  return right / y.length
}

function auc(score: ArrayLike<number>, y: ArrayLike<number>): number {
  let pairs = 0
  let wins = 0
  for (let i = 0; i < y.length; i++) {
    if (y[i] !== 1) continue
    for (let j = 0; j < y.length; j++) {
      if (y[j] !== 0) continue
      pairs++
      wins += score[i] > score[j] ? 1 : score[i] === score[j] ? 0.5 : 0
    }
  }
  return wins / pairs
}

describe('tree learner', () => {
  it('splits a hand-checked 8-row example at the Gini-best threshold and skips the constant feature', () => {
    // x0 = 1..8, y = 0 0 0 0 1 0 1 1; x1 is constant. Scores pl*nl/wl + pr*nr/wr by cut:
    // after 3 rows 1.2, after 4 rows 0.75 (best), after 5 rows 1.47, after 6 rows 0.83.
    // The right part (rows 5..8: 1 0 1 1) is best cut after 6 (score 0.5). maxFeatures = 1
    // and x1 constant: scikit-learn draws again until a non-constant feature is seen.
    const data: Dataset = {
      columns: [Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8), new Float64Array(8)],
      y: Uint8Array.of(0, 0, 0, 0, 1, 0, 1, 1)
    }
    const params: TreeParams = { maxDepth: 2, minSamplesLeaf: 1, maxFeatures: 1, bootstrap: false }
    for (let seed = 0; seed < 5; seed++) {
      const { tree, impurityDecrease, inBag, oobLeaf } = createTreeLearner(
        binned(data),
        params
      )(new Rng(seed))
      expect(Array.from(tree.feature)).toEqual([0, -1, 0, -1, -1])
      expect(Array.from(tree.threshold)).toEqual([4.5, 0, 6.5, 0, 0])
      expect(Array.from(tree.left)).toEqual([1, -1, 3, -1, -1])
      expect(Array.from(tree.right)).toEqual([2, -1, 4, -1, -1])
      expect(Array.from(tree.value)).toEqual([3 / 8, 0, 3 / 4, 1 / 2, 1])
      expect(Array.from(tree.cover)).toEqual([8, 4, 4, 2, 2])
      // No NaN in training: NaN follows the heavier child (ties go left).
      expect(Array.from(tree.missingLeft)).toEqual([1, 0, 1, 0, 0])
      // Root: 2*(3*5/8 - 0.75) = 2.25; right node: 2*(3*1/4 - 0.5) = 0.5.
      expect(Array.from(impurityDecrease)).toEqual([2.75, 0])
      expect(Array.from(inBag)).toEqual([1, 1, 1, 1, 1, 1, 1, 1])
      expect(Array.from(oobLeaf)).toEqual([-1, -1, -1, -1, -1, -1, -1, -1])
    }
  })

  it('grows a tree without bootstrap that reproduces its labels from raw values (thresholds agree with bins)', () => {
    // Labels are a function of (x0, x1, isNaN(x1)), so a fully grown tree is pure.
    const rng = new Rng(11)
    const n = 3000
    const x0 = Float64Array.from({ length: n }, () => rng.int(200) - 100.5)
    const x1 = Float64Array.from({ length: n }, () => (rng.next() < 0.1 ? NaN : rng.int(50) / 3))
    const y = Uint8Array.from({ length: n }, (_, r) =>
      (Number.isNaN(x1[r]) ? x0[r] > 0 : (x0[r] * 7 + x1[r] * 3) % 5 < 2) ? 1 : 0
    )
    const data: Dataset = { columns: [x0, x1], y }
    const params: TreeParams = { maxDepth: 100, minSamplesLeaf: 1, maxFeatures: 2, bootstrap: false }
    const { tree } = createTreeLearner(binned(data), params)(new Rng(1))
    let wrong = 0
    for (let r = 0; r < n; r++) if (tree.value[leafIndex(tree, data.columns, r)] !== y[r]) wrong++
    expect(wrong).toBe(0)
  })

  it('routes each out-of-bag row to the leaf that raw-value prediction reaches', () => {
    const data = discData(2000, 4, 5)
    for (const column of data.columns) for (let r = 0; r < 2000; r += 9) column[r] = NaN
    const params: TreeParams = { maxDepth: 12, minSamplesLeaf: 2, maxFeatures: 2, bootstrap: true }
    const learn = createTreeLearner(binned(data), params)
    for (let t = 0; t < 3; t++) {
      const { tree, inBag, oobLeaf } = learn(new Rng(deriveSeed(9, t)))
      let mismatches = 0
      let outOfBag = 0
      for (let r = 0; r < 2000; r++) {
        if (inBag[r] === 1) {
          if (oobLeaf[r] !== -1) mismatches++
          continue
        }
        outOfBag++
        if (oobLeaf[r] !== leafIndex(tree, data.columns, r)) mismatches++
      }
      expect(mismatches).toBe(0)
      expect(outOfBag).toBeGreaterThan(600)
    }
  })

  it('keeps every leaf at or above minSamplesLeaf bootstrap-weighted samples', () => {
    const data = discData(1000, 3, 6)
    const { tree } = createTreeLearner(binned(data), {
      maxDepth: 20,
      minSamplesLeaf: 7,
      maxFeatures: 3,
      bootstrap: true
    })(new Rng(3))
    for (let node = 0; node < tree.feature.length; node++) {
      if (tree.feature[node] === -1) expect(tree.cover[node]).toBeGreaterThanOrEqual(7)
    }
  })
})

describe('trainForest', () => {
  it('is bit-identical for 1 and 2 threads with the same seed and differs with another seed', async () => {
    const data = discData(2000, 6, 21)
    const options = { ...BASE, trees: 16 }
    const inline = await trainForest(data.columns, data.y, { ...options, threads: 1 })
    const threaded = await trainForest(data.columns, data.y, { ...options, threads: 2 })
    const otherSeed = await trainForest(data.columns, data.y, { ...options, seed: 2 })
    const bytes = serializeEnsemble(inline.forest)
    expect(serializeEnsemble(threaded.forest).equals(bytes)).toBe(true)
    expect(
      Buffer.from(threaded.oobProbability.buffer).equals(Buffer.from(inline.oobProbability.buffer))
    ).toBe(true)
    expect(serializeEnsemble(otherSeed.forest).equals(bytes)).toBe(false)
  })

  it('is at least as accurate on held-out rows as ml-random-forest (within 0.03) on a non-linear signal', async () => {
    const data = discData(500, 5, 31)
    const train = rowsOf(data, 0, 300)
    const test = rowsOf(data, 300, 500)
    const { forest } = await trainForest(train.columns, train.y, { ...BASE, trees: 50, seed: 3 })
    const ours = accuracy(predictEnsemble(forest, test.columns, 200), test.y)

    const toRows = (d: Dataset): number[][] => Array.from(d.y, (_, r) => d.columns.map((c) => c[r]))
    const theirs = new RandomForestClassifier({
      nEstimators: 50,
      maxFeatures: 0.8,
      replacement: true,
      useSampleBagging: true,
      seed: 3,
      noOOB: true
    })
    theirs.train(toRows(train), Array.from(train.y))
    const theirPredictions = theirs.predict(toRows(test))
    const theirAccuracy = accuracy(theirPredictions, test.y)
    expect(ours).toBeGreaterThanOrEqual(theirAccuracy - 0.03)
    expect(ours).toBeGreaterThan(0.8)
  })

  it('learns from missing values at train time and predicts rows with NaN', async () => {
    // x0 is missing for a third of the rows, and those rows are mostly positive; otherwise
    // y = (x0 > 0). x1 is never missing in training but is NaN at prediction.
    const rng = new Rng(41)
    const n = 1500
    const x0 = new Float64Array(n)
    const x1 = new Float64Array(n)
    const y = new Uint8Array(n)
    for (let r = 0; r < n; r++) {
      x1[r] = rng.normal()
      if (rng.next() < 1 / 3) {
        x0[r] = NaN
        y[r] = rng.next() < 0.9 ? 1 : 0
      } else {
        x0[r] = rng.normal()
        y[r] = x0[r] > 0 ? 1 : 0
      }
    }
    const { forest } = await trainForest([x0, x1], y, { ...BASE, maxFeatures: 'all', trees: 30 })
    expect(predictEnsembleVector(forest, [NaN, 0])).toBeGreaterThan(0.75)
    expect(predictEnsembleVector(forest, [1.5, NaN])).toBeGreaterThan(0.8)
    expect(predictEnsembleVector(forest, [-1.5, NaN])).toBeLessThan(0.2)
    const p = predictEnsemble(forest, [Float64Array.of(NaN, 1.5, -1.5), Float64Array.of(NaN, NaN, NaN)], 3)
    for (const v of p) expect(v >= 0 && v <= 1).toBe(true)
  })

  it('sends NaN to the heavier child at splits on features that had no NaN in training', async () => {
    const data = discData(800, 3, 42)
    const { forest } = await trainForest(data.columns, data.y, { ...BASE, trees: 5 })
    let internal = 0
    for (const tree of forest.trees) {
      for (let node = 0; node < tree.feature.length; node++) {
        if (tree.feature[node] === -1) continue
        internal++
        const heavierLeft = tree.cover[tree.left[node]] >= tree.cover[tree.right[node]]
        expect(tree.missingLeft[node]).toBe(heavierLeft ? 1 : 0)
      }
    }
    expect(internal).toBeGreaterThan(50)
  })

  it('predicts the same probabilities row by row as for a whole table', async () => {
    const data = discData(600, 4, 43)
    const { forest } = await trainForest(data.columns, data.y, BASE)
    const all = predictEnsemble(forest, data.columns, 600)
    for (let r = 0; r < 600; r += 37) {
      expect(
        predictEnsembleVector(
          forest,
          data.columns.map((c) => c[r])
        )
      ).toBe(all[r])
    }
  })

  it('gives out-of-bag probabilities, NaN exactly for rows in every bootstrap sample', async () => {
    const data = discData(300, 3, 51)
    const options = { ...BASE, trees: 4, seed: 5 }
    const { oobProbability } = await trainForest(data.columns, data.y, options)
    const params: TreeParams = {
      maxDepth: options.maxDepth,
      minSamplesLeaf: options.minSamplesLeaf,
      maxFeatures: resolveMaxFeatures(options.maxFeatures, 3),
      bootstrap: true
    }
    const learn = createTreeLearner(binned(data), params)
    const alwaysInBag = new Uint8Array(300).fill(1)
    for (let t = 0; t < options.trees; t++) {
      const { inBag } = learn(new Rng(deriveSeed(options.seed, t)))
      for (let r = 0; r < 300; r++) alwaysInBag[r] &= inBag[r]
    }
    let neverOutOfBag = 0
    for (let r = 0; r < 300; r++) {
      expect(Number.isNaN(oobProbability[r])).toBe(alwaysInBag[r] === 1)
      neverOutOfBag += alwaysInBag[r]
    }
    expect(neverOutOfBag).toBeGreaterThan(0)
  })

  it('has an out-of-bag AUC well above 0.5 on a learnable data set', async () => {
    const data = discData(1500, 4, 52)
    const { oobProbability } = await trainForest(data.columns, data.y, { ...BASE, trees: 40 })
    const rows = Array.from(data.y.keys()).filter((r) => !Number.isNaN(oobProbability[r]))
    expect(rows.length).toBe(1500)
    expect(
      auc(
        rows.map((r) => oobProbability[r]),
        rows.map((r) => data.y[r])
      )
    ).toBeGreaterThan(0.85)
  })

  it('ranks an informative feature above pure noise in impurity importance, summing to 1', async () => {
    const data = discData(1000, 4, 61)
    const { forest } = await trainForest(data.columns, data.y, { ...BASE, trees: 30 })
    const importance = forest.featureImportance
    expect(importance.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12)
    expect(Math.min(importance[0], importance[1])).toBeGreaterThan(Math.max(importance[2], importance[3]))
  })

  it('grows single-leaf trees when labels or features give nothing to split on', async () => {
    const constantLabel = await trainForest([Float64Array.of(1, 2, 3, 4)], new Uint8Array(4), BASE)
    expect(constantLabel.forest.trees.every((t) => t.feature.length === 1 && t.value[0] === 0)).toBe(true)
    expect(Array.from(constantLabel.forest.featureImportance)).toEqual([0])
    const constantFeature = await trainForest(
      [new Float64Array(6).fill(7)],
      Uint8Array.of(0, 1, 0, 1, 1, 1),
      BASE
    )
    expect(constantFeature.forest.trees.every((t) => t.feature.length === 1)).toBe(true)
    const oneRow = await trainForest([Float64Array.of(NaN)], Uint8Array.of(1), BASE)
    expect(predictEnsembleVector(oneRow.forest, [5])).toBe(1)
    expect(Number.isNaN(oneRow.oobProbability[0])).toBe(true)
  })

  it('reports progress once per tree, ending at the total', async () => {
    const data = discData(200, 3, 71)
    const seen: Array<[number, number]> = []
    await trainForest(
      data.columns,
      data.y,
      { ...BASE, trees: 5 },
      { onProgress: (done, total) => seen.push([done, total]) }
    )
    expect(seen).toEqual([
      [1, 5],
      [2, 5],
      [3, 5],
      [4, 5],
      [5, 5]
    ])
  })

  it('rejects with an AbortError when cancelled mid-run and leaves no worker running', async () => {
    const data = discData(20_000, 8, 81)
    const controller = new AbortController()
    spawned.length = 0
    const run = trainForest(
      data.columns,
      data.y,
      { ...BASE, trees: 400, maxDepth: 15, threads: 2 },
      { signal: controller.signal, onProgress: () => controller.abort() }
    )
    await expect(run).rejects.toMatchObject({ name: 'AbortError' })
    expect(spawned.length).toBe(2)
    for (const worker of spawned) expect(worker.threadId).toBe(-1)
  })

  it('rejects with an AbortError when cancelled while training inline, or when already cancelled', async () => {
    const data = discData(2000, 4, 82)
    const controller = new AbortController()
    const run = trainForest(
      data.columns,
      data.y,
      { ...BASE, trees: 50 },
      { signal: controller.signal, onProgress: () => controller.abort() }
    )
    await expect(run).rejects.toMatchObject({ name: 'AbortError' })
    await expect(
      trainForest(data.columns, data.y, BASE, { signal: AbortSignal.abort() })
    ).rejects.toMatchObject({
      name: 'AbortError'
    })
  })

  it('rejects invalid options and inputs with messages naming the problem', async () => {
    const data = discData(50, 2, 91)
    await expect(trainForest(data.columns, data.y, { ...BASE, trees: 0 })).rejects.toThrow(/trees/)
    await expect(trainForest(data.columns, data.y, { ...BASE, maxDepth: 1.5 })).rejects.toThrow(/maxDepth/)
    await expect(trainForest(data.columns, data.y, { ...BASE, maxFeatures: 0 })).rejects.toThrow(
      /maxFeatures/
    )
    await expect(
      trainForest(
        data.columns,
        Uint8Array.from(data.y, () => 2),
        BASE
      )
    ).rejects.toThrow(/label of row 0 is 2/)
    await expect(trainForest([data.columns[0].slice(1)], data.y, BASE)).rejects.toThrow(
      /column 0 has 49 rows/
    )
    await expect(trainForest([], data.y, BASE)).rejects.toThrow(/without feature columns/)
  })

  it('resolves maxFeatures like scikit-learn', () => {
    expect(resolveMaxFeatures('sqrt', 20)).toBe(4)
    expect(resolveMaxFeatures('sqrt', 2)).toBe(1)
    expect(resolveMaxFeatures('log2', 20)).toBe(4)
    expect(resolveMaxFeatures('all', 20)).toBe(20)
    expect(resolveMaxFeatures(7, 5)).toBe(5)
    expect(resolveMaxFeatures(0.5, 9)).toBe(4)
    expect(resolveMaxFeatures(0.01, 9)).toBe(1)
  })
})

describe('serializeEnsemble / deserializeEnsemble', () => {
  async function smallForest(): Promise<ReturnType<typeof deserializeEnsemble>> {
    const data = discData(400, 3, 101)
    for (let r = 0; r < 400; r += 11) data.columns[1][r] = NaN
    return (await trainForest(data.columns, data.y, { ...BASE, trees: 6 })).forest
  }

  it('round-trips to a forest with identical predictions and identical bytes', async () => {
    const forest = await smallForest()
    const bytes = serializeEnsemble(forest)
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('PTMF')
    const copy = deserializeEnsemble(bytes)
    expect(copy.numFeatures).toBe(3)
    expect(Array.from(copy.featureImportance)).toEqual(Array.from(forest.featureImportance))
    const probe = discData(300, 3, 102)
    probe.columns[2][0] = NaN
    expect(Array.from(predictEnsemble(copy, probe.columns, 300))).toEqual(
      Array.from(predictEnsemble(forest, probe.columns, 300))
    )
    expect(serializeEnsemble(copy).equals(bytes)).toBe(true)
  })

  it('reads a forest from a Buffer that does not start on an 8-byte boundary', async () => {
    const bytes = serializeEnsemble(await smallForest())
    const shifted = Buffer.alloc(bytes.length + 3)
    bytes.copy(shifted, 3)
    expect(serializeEnsemble(deserializeEnsemble(shifted.subarray(3))).equals(bytes)).toBe(true)
  })

  it('throws a clear error on truncated, foreign, newer, padded or structurally broken buffers', async () => {
    const forest = await smallForest()
    const bytes = serializeEnsemble(forest)
    const firstTree = 16 + 8 * forest.numFeatures
    const n = forest.trees[0].feature.length
    const patched = (offset: number, value: number): Buffer => {
      const copy = Buffer.from(bytes)
      copy.writeInt32LE(value, offset)
      return copy
    }
    expect(() => deserializeEnsemble(bytes.subarray(0, bytes.length - 1))).toThrow(/corrupt.*truncated/)
    expect(() => deserializeEnsemble(bytes.subarray(0, 10))).toThrow(/corrupt.*header/)
    expect(() => deserializeEnsemble(Buffer.concat([Buffer.from('XXXX'), bytes.subarray(4)]))).toThrow(/PTMF/)
    expect(() => deserializeEnsemble(patched(4, 99))).toThrow(/version 99/)
    expect(() => deserializeEnsemble(Buffer.concat([bytes, Buffer.alloc(1)]))).toThrow(/unexpected bytes/)
    // feature[0] of tree 0 out of range; left[0] of tree 0 out of range and pointing backwards.
    expect(() => deserializeEnsemble(patched(firstTree + 4, 3))).toThrow(/tree 0: node 0 splits on feature 3/)
    expect(() => deserializeEnsemble(patched(firstTree + 4 + 4 * n, n + 5))).toThrow(
      /tree 0: node 0 has left child/
    )
    expect(() => deserializeEnsemble(patched(firstTree + 4 + 8 * n, 0))).toThrow(
      /tree 0: node 0 has right child 0/
    )
  })
})
