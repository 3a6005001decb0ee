import { describe, expect, it } from 'vitest'
import { trainGbm, type GbmOptions } from '../../../../../src/main/core/ml/gbm/trainGbm'
import { trainGbmInWorker } from '../../../../../src/main/core/ml/gbm/trainGbmInWorker'
import { plainGbmOptions } from './plainGbmOptions'

// Fast checks of trainGbm's own rules on a handful of rows (the learner is tested by hand in
// leafWiseLearner.test.ts, whole models in trainGbm.test.ts).

const OPTIONS: GbmOptions = plainGbmOptions(1)
const x = [Float64Array.of(1, 2, 3, 4)]
const y = Uint8Array.of(0, 1, 0, 1)

describe('trainGbm’s checks', () => {
  it.each<[Partial<GbmOptions>, string]>([
    [{ rounds: 1.5 }, 'rounds must be a whole number >= 1, got 1.5'],
    [{ learningRate: 0 }, 'learningRate must be in (0, 1], got 0'],
    [{ learningRate: 1.01 }, 'learningRate must be in (0, 1], got 1.01'],
    [{ maxDepth: 0 }, 'maxDepth must be a whole number >= 1, got 0'],
    [{ maxDepth: 2.5 }, 'maxDepth must be a whole number >= 1, got 2.5'],
    [{ maxLeaves: 3.5 }, 'maxLeaves must be a whole number >= 2, got 3.5'],
    [{ subsample: 1.01 }, 'subsample must be in (0, 1], got 1.01'],
    [{ colsample: 0 }, 'colsample must be in (0, 1], got 0'],
    [{ colsample: 1.5 }, 'colsample must be in (0, 1], got 1.5'],
    [{ l2: -0.1 }, 'l2 must be >= 0, got -0.1'],
    [{ minChildWeight: -1 }, 'minChildWeight must be >= 0, got -1'],
    [{ earlyStoppingRounds: -1 }, 'earlyStoppingRounds must be a whole number >= 0, got -1'],
    [{ earlyStoppingRounds: 0.5 }, 'earlyStoppingRounds must be a whole number >= 0, got 0.5'],
    [{ seed: 0.5 }, 'seed must be a whole number, got 0.5']
  ])('refuses %j', async (over, message) => {
    await expect(trainGbm(x, y, { ...OPTIONS, ...over })).rejects.toMatchObject({ message })
  })

  it('accepts every setting at the edge of its range', async () => {
    const edge = { learningRate: 1, maxDepth: 1, maxLeaves: 2, subsample: 1, colsample: 1, l2: 0 }
    const model = await trainGbm(x, y, {
      ...OPTIONS,
      ...edge,
      minChildWeight: 0,
      earlyStoppingRounds: 0,
      seed: -3
    })
    expect(model.roundsRun).toBe(2)
  })

  it('refuses bad rows with the row, column or count at fault', async () => {
    await expect(trainGbm([], y, OPTIONS)).rejects.toMatchObject({
      message: 'cannot train boosted trees without feature columns'
    })
    await expect(trainGbm(x, Uint8Array.of(0, 1, 2, 1), OPTIONS)).rejects.toMatchObject({
      message: 'label of row 2 is 2; labels must be 0 or 1'
    })
    await expect(trainGbm(x, Uint8Array.of(0, 0, 0, 0), OPTIONS)).rejects.toMatchObject({
      message: 'boosted trees need rows of both classes; the fit rows hold 0 of 4 positive'
    })
    await expect(trainGbm(x, Uint8Array.of(1, 1, 1, 1), OPTIONS)).rejects.toMatchObject({
      message: 'boosted trees need rows of both classes; the fit rows hold 4 of 4 positive'
    })
    await expect(trainGbm([Float64Array.of(1, 2, 3)], y, OPTIONS)).rejects.toMatchObject({
      message: 'feature column 0 has 3 rows but there are 4 labels'
    })
  })
})

describe('trainGbm’s rounds', () => {
  it('reports every round and stops when cancelled', async () => {
    const progress: [number, number][] = []
    await trainGbm(x, y, { ...OPTIONS, rounds: 3 }, null, { onProgress: (d, t) => progress.push([d, t]) })
    expect(progress).toEqual([
      [1, 3],
      [2, 3],
      [3, 3]
    ])
    const controller = new AbortController()
    controller.abort()
    await expect(trainGbm(x, y, OPTIONS, null, { signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
      message: 'Boosted-tree training was cancelled.'
    })
  })

  it('keeps the trees up to the best validation round and reports every round’s loss', async () => {
    // Validation rows labelled against the training signal: the loss is least before any
    // tree, so the first round is the best there is and training stops `patience` rounds on.
    const train = [Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8)]
    const trainY = Uint8Array.of(0, 0, 0, 0, 1, 1, 1, 1)
    const validation = { columns: [Float64Array.of(1, 8)], y: Uint8Array.of(1, 0), marginOffset: 0 }
    const model = await trainGbm(
      train,
      trainY,
      { ...OPTIONS, rounds: 20, earlyStoppingRounds: 3 },
      validation
    )
    expect(model.roundsKept).toBe(1)
    expect(model.roundsRun).toBe(4)
    expect(model.ensemble.trees).toHaveLength(1)
    const losses = Array.from(model.validationLoss ?? [])
    expect(losses).toHaveLength(4)
    for (let k = 1; k < 4; k++) expect(losses[k]).toBeGreaterThan(losses[0])
    // Patience 0 runs every round and still keeps the best; without validation rows, all are kept.
    const patient = await trainGbm(train, trainY, { ...OPTIONS, rounds: 5 }, validation)
    expect([patient.roundsRun, patient.roundsKept, patient.ensemble.trees.length]).toEqual([5, 1, 1])
    const all = await trainGbm(train, trainY, { ...OPTIONS, rounds: 5 })
    expect([all.roundsRun, all.roundsKept, all.ensemble.trees.length, all.validationLoss]).toEqual([
      5,
      5,
      5,
      null
    ])
  })

  it('gives each feature its share of the split gain, and none when nothing splits', async () => {
    // Feature 1 separates the classes; feature 0 is constant and never split on.
    const columns = [Float64Array.of(5, 5, 5, 5), Float64Array.of(1, 2, 3, 4)]
    const model = await trainGbm(columns, Uint8Array.of(0, 0, 1, 1), {
      ...OPTIONS,
      categorical: new Uint8Array(2)
    })
    expect(Array.from(model.ensemble.featureImportance)).toEqual([0, 1])
    const flat = await trainGbm([Float64Array.of(5, 5, 5, 5)], y, OPTIONS)
    expect(Array.from(flat.ensemble.featureImportance)).toEqual([0])
    expect(flat.ensemble.trees.every((t) => t.feature.length === 1)).toBe(true)
  })

  it('splits each tree on one feature of four with colsample 0.25, and on at least one with 0.1', async () => {
    const n = 40
    const columns = Array.from({ length: 4 }, (_, f) =>
      Float64Array.from({ length: n }, (_, r) => (r * (f + 3)) % 11)
    )
    const labels = Uint8Array.from({ length: n }, (_, r) => (r % 3 === 0 ? 1 : 0))
    for (const colsample of [0.25, 0.1]) {
      const model = await trainGbm(columns, labels, {
        ...OPTIONS,
        rounds: 8,
        maxDepth: 3,
        maxLeaves: 8,
        colsample,
        categorical: new Uint8Array(4)
      })
      const used = model.ensemble.trees.map((t) => new Set(Array.from(t.feature).filter((f) => f >= 0)))
      for (const features of used) expect(features.size).toBe(1)
      // Different rounds draw different features.
      expect(new Set(used.map((s) => [...s][0])).size).toBeGreaterThan(1)
    }
  })
})

describe('trainGbm’s row sample', () => {
  it('fits each round on at least one row, however small the share', async () => {
    const model = await trainGbm(x, y, { ...OPTIONS, subsample: 1e-9, rounds: 3 })
    // One row a round: its hessian p(1 − p) = 1/4 at the start is the root's cover.
    expect(model.ensemble.trees[0].cover[0]).toBeCloseTo(0.25, 12)
    for (const t of model.ensemble.trees) expect(t.cover[0]).toBeGreaterThan(0)
  })
})

describe('trainGbmInWorker', () => {
  it('gives the model trainGbm gives, without hooks', async () => {
    const inline = await trainGbm(x, y, OPTIONS)
    const threaded = await trainGbmInWorker(x, y, OPTIONS)
    expect(threaded.ensemble).toEqual(inline.ensemble)
  })

  it('refuses at once when already cancelled, and passes on the worker’s own refusal', async () => {
    const controller = new AbortController()
    controller.abort()
    await expect(trainGbmInWorker(x, y, OPTIONS, null, { signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError'
    })
    // toMatchObject, not toThrow: vitest's rejects.toThrow(message) passes on a rejection with undefined.
    await expect(trainGbmInWorker(x, y, { ...OPTIONS, rounds: 0 })).rejects.toMatchObject({
      message: 'rounds must be a whole number >= 1, got 0'
    })
  })
})
