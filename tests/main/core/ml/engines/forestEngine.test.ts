import { describe, expect, it } from 'vitest'
import { engineFor } from '../../../../../src/main/core/ml/engines'
import { trainForest } from '../../../../../src/main/core/ml/forest/trainForest'
import { leafIndex } from '../../../../../src/main/core/model/FlatTree'
import { predictEnsemble } from '../../../../../src/main/core/model/TreeEnsemble'
import { DEFAULT_TRAIN_PARAMS } from '../../../../../src/shared/params/trainParams'
import { engineInput } from './engineData'

const forest = engineFor('forest')
const p = { ...DEFAULT_TRAIN_PARAMS, engine: 'forest' as const }

describe('the forest engine’s settings', () => {
  it('names itself and its models by trees × depth', () => {
    expect(forest.id).toBe('forest')
    expect(forest.label).toBe('Random forest (ours)')
    expect(forest.describe(p)).toBe('Forest 200×15')
    expect(forest.describe({ ...p, trees: 50, maxDepth: 7 })).toBe('Forest 50×7')
    expect(forest.keepsMissing).toBeUndefined()
    expect(forest.acceptsSmote).toBeUndefined()
    expect(forest.concurrentFits).toBeUndefined()
  })

  it('estimates 1.5 s + (20 ms a tree + 0.5 µs a row × tree) shared by at most two threads', () => {
    // 200 trees on 10,000 rows: 200 × 0.02 = 4 s of trees, 10,000 × 200 × 0.5 µs = 1 s of rows.
    const one = forest.estimateSeconds(10_000, { ...p, threads: 1 })
    expect(one.seconds).toBeCloseTo(1.5 + 5, 12)
    expect(one.note).toBe('Our histogram forest engine, on 1 worker thread.')
    const two = forest.estimateSeconds(10_000, { ...p, threads: 2 })
    expect(two.seconds).toBeCloseTo(1.5 + 5 / 2, 12)
    expect(two.note).toBe('Our histogram forest engine, on 2 worker threads.')
    // More threads than two are not counted; fewer than one count as one.
    expect(forest.estimateSeconds(10_000, { ...p, threads: 8 })).toEqual(two)
    expect(forest.estimateSeconds(10_000, { ...p, threads: 0 })).toEqual(one)
    // 50 trees on 1,000 rows, one thread: 1.5 + 1 + 0.025.
    expect(forest.estimateSeconds(1000, { ...p, trees: 50, threads: 1 }).seconds).toBeCloseTo(2.525, 12)
  })

  it('cross-validates the user’s forest at depths 15, 10 and 20 with their leaf sizes', () => {
    const base = { ...p, engine: 'gbm' as const, trees: 120, maxDepth: 6, minSamplesLeaf: 9 }
    expect(forest.candidates?.(base)).toEqual([
      { ...base, engine: 'forest', maxDepth: 15, minSamplesLeaf: 1 },
      { ...base, engine: 'forest', maxDepth: 10, minSamplesLeaf: 5 },
      { ...base, engine: 'forest', maxDepth: 20, minSamplesLeaf: 3 }
    ])
  })

  it('ranks complexity as 3 + trees × 2^min(depth, 20) ÷ leaf size × 10⁻⁹', () => {
    expect(forest.complexity?.(p)).toBeCloseTo(3 + 200 * 32768 * 1e-9, 15)
    expect(forest.complexity?.({ ...p, maxDepth: 25, minSamplesLeaf: 2 })).toBeCloseTo(
      3 + (200 * 1048576 * 1e-9) / 2,
      15
    )
    expect(forest.complexity?.({ ...p, maxDepth: 20, minSamplesLeaf: 2 })).toBe(
      forest.complexity?.({ ...p, maxDepth: 25, minSamplesLeaf: 2 })
    )
  })

  it('grows ⌈trees ÷ folds⌉ trees per fold model, at least 50 and never more than the model', () => {
    expect(forest.foldParams?.(p, 5)).toEqual({ ...p, trees: 50 })
    expect(forest.foldParams?.({ ...p, trees: 1000 }, 5)).toEqual({ ...p, trees: 200 })
    expect(forest.foldParams?.({ ...p, trees: 201 }, 2)).toEqual({ ...p, trees: 101 })
    expect(forest.foldParams?.({ ...p, trees: 30 }, 5)).toEqual({ ...p, trees: 30 })
  })
})

describe('the forest engine’s training', () => {
  const settings = { engine: 'forest' as const, trees: 6, maxDepth: 4, minSamplesLeaf: 2, seed: 7 }

  it('is the forest trainer with the user’s settings, fitted on real and synthetic rows', async () => {
    const input = engineInput(300, 3, settings, true)
    const progress: [number, number][] = []
    const result = await forest.train({ ...input, onProgress: (d, t) => progress.push([d, t]) })
    const fit = input.fitRows()
    expect(fit.y.length).toBeGreaterThan(300)
    const direct = await trainForest(fit.columns, fit.y, {
      trees: 6,
      maxDepth: 4,
      minSamplesLeaf: 2,
      maxFeatures: 'sqrt',
      seed: 7,
      threads: 1
    })
    expect(result.ensemble).toEqual(direct.forest)
    expect(progress).toEqual([1, 2, 3, 4, 5, 6].map((d) => [d, 6]))
    expect(result.notes).toEqual([])
    const scores = predictEnsemble(result.ensemble, input.columns, 300)
    for (const s of scores) {
      expect(s).toBeGreaterThanOrEqual(0)
      expect(s).toBeLessThanOrEqual(1)
    }
  })

  it('gives each real row the mean of the trees that left it out of their bootstrap, and no score for synthetic rows', async () => {
    const input = engineInput(300, 3, settings, true)
    const result = await forest.train(input)
    const oob = result.outOfBag as Float64Array
    expect(oob).toHaveLength(300)
    const rows = Int32Array.from({ length: 300 }, (_, i) => i)
    const masks = result.outOfBagTrees?.(rows) as Uint8Array[]
    expect(masks).toHaveLength(6)
    let scored = 0
    for (let r = 0; r < 300; r++) {
      let sum = 0
      let count = 0
      result.ensemble.trees.forEach((tree, t) => {
        if (masks[t][r] === 1) {
          sum += tree.value[leafIndex(tree, input.columns, r)]
          count++
        }
      })
      if (count === 0) expect(oob[r]).toBeNaN()
      else {
        expect(oob[r]).toBeCloseTo(sum / count, 12)
        scored++
      }
    }
    // A bootstrap leaves about e⁻¹ of the rows out, so nearly every row has an out-of-bag tree.
    expect(scored).toBeGreaterThan(250)
  })

  it('stops when cancelled', async () => {
    const controller = new AbortController()
    controller.abort()
    await expect(
      forest.train({ ...engineInput(100, 3, settings), signal: controller.signal })
    ).rejects.toMatchObject({ name: 'AbortError' })
  })
})
