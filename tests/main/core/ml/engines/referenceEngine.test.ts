import { RandomForestClassifier } from 'ml-random-forest'
import { describe, expect, it } from 'vitest'
import { engineFor } from '../../../../../src/main/core/ml/engines'
import { trainReferenceForest } from '../../../../../src/main/core/ml/engines/referenceEngine'
import { leafIndexOfVector, type FlatTree } from '../../../../../src/main/core/model/FlatTree'
import { FOREST_COMBINE } from '../../../../../src/main/core/model/TreeEnsemble'
import { DEFAULT_TRAIN_PARAMS } from '../../../../../src/shared/params/trainParams'
import { engineInput } from './engineData'

const reference = engineFor('ml-random-forest')
const p = { ...DEFAULT_TRAIN_PARAMS, engine: 'ml-random-forest' as const }

/** ml-cart's own node, as the library grows it: `row[splitColumn] < splitValue` goes left. */
interface LibraryNode {
  splitColumn?: number
  splitValue?: number
  left?: LibraryNode
  right?: LibraryNode
  classify(row: number[]): { getRow(i: number): number[] }
}
interface LibraryForest {
  estimators: { root: LibraryNode }[]
  indexes: number[][]
}

/** Every split value of a library tree, as [column of the full row, value]. */
function librarySplits(node: LibraryNode, index: number[]): [number, number][] {
  if (!node.left || !node.right || node.splitColumn === undefined || node.splitValue === undefined) return []
  return [
    [index[node.splitColumn], node.splitValue],
    ...librarySplits(node.left, index),
    ...librarySplits(node.right, index)
  ]
}

/** The share of defaults the library's tree gives a full row (its leaf's class distribution). */
function libraryScore(forest: LibraryForest, t: number, row: number[]): number {
  const sub = forest.indexes[t].map((f) => row[f])
  const dist = forest.estimators[t].root.classify(sub).getRow(0)
  const total = dist.reduce((a, b) => a + b, 0)
  return (dist[1] ?? 0) / total
}

describe('the ml-random-forest reference engine’s settings', () => {
  it('names itself and its models by trees × depth, and is left out of the search', () => {
    expect(reference.id).toBe('ml-random-forest')
    expect(reference.label).toBe('ml-random-forest (reference)')
    expect(reference.describe(p)).toBe('ml-random-forest 200×15')
    expect(reference.describe({ ...p, trees: 3, maxDepth: 4 })).toBe('ml-random-forest 3×4')
    expect(reference.candidates).toBeUndefined()
    expect(reference.complexity).toBeUndefined()
    expect(reference.keepsMissing).toBeUndefined()
  })

  it('estimates 0.4 µs a tree × rows², and says it is quadratic', () => {
    // 10 trees on 1,000 rows: 10 × 4e-7 × 10⁶ = 4 s; twice the rows, four times the time.
    expect(reference.estimateSeconds(1000, { ...p, trees: 10 }).seconds).toBeCloseTo(4, 12)
    expect(reference.estimateSeconds(2000, { ...p, trees: 10 }).seconds).toBeCloseTo(16, 12)
    expect(reference.estimateSeconds(1000, p).note).toBe(
      'The ml-random-forest reference engine is slow on large data: its time grows with the square of the rows.'
    )
  })

  it('grows ⌈trees ÷ folds⌉ trees per fold model, at least one', () => {
    expect(reference.foldParams?.({ ...p, trees: 10 }, 3)).toEqual({ ...p, trees: 4 })
    expect(reference.foldParams?.({ ...p, trees: 100 }, 5)).toEqual({ ...p, trees: 20 })
    expect(reference.foldParams?.({ ...p, trees: 0 }, 5)).toEqual({ ...p, trees: 1 })
  })
})

describe('the reference engine’s trees', () => {
  const settings = { engine: 'ml-random-forest' as const, trees: 6, maxDepth: 3, minSamplesLeaf: 1, seed: 11 }

  /** The engine's trees and the library's, the library set by hand: `minNumSamples` is max(3, 2 × min leaf). */
  async function trainBoth(
    minSamplesLeaf = 1,
    minNumSamples = 3
  ): Promise<{ trees: FlatTree[]; library: LibraryForest; rows: number[][] }> {
    const input = engineInput(150, 2, { ...settings, minSamplesLeaf })
    const result = await reference.train(input)
    expect(result.outOfBag).toBeNull()
    expect(result.notes).toEqual([])
    expect(result.ensemble.combine).toEqual(FOREST_COMBINE)
    expect(result.ensemble.numFeatures).toBe(3)
    expect(Array.from(result.ensemble.featureImportance)).toEqual([0, 0, 0])
    // The library as documented, with the settings the engine maps to by hand: two of the
    // three features per tree (round(√3) ÷ 3), features drawn without replacement, and a
    // node split only above minNumSamples rows.
    const rows = Array.from(input.y, (_, i) => input.columns.map((c) => c[i]))
    const model = new RandomForestClassifier({
      seed: 11,
      nEstimators: 6,
      maxFeatures: 2 / 3,
      replacement: false,
      useSampleBagging: true,
      noOOB: true,
      treeOptions: { maxDepth: 3, minNumSamples }
    })
    model.train(rows, Array.from(input.y))
    return { trees: result.ensemble.trees, library: model as unknown as LibraryForest, rows }
  }

  it('score every row as the library’s own trees do, also rows exactly at a split value', async () => {
    const { trees, library, rows } = await trainBoth()
    expect(trees).toHaveLength(6)
    const splits = library.estimators.flatMap((e, t) => librarySplits(e.root, library.indexes[t]))
    // The data puts split values below, at and above zero (see engineRows).
    expect(splits.some(([, v]) => v < 0)).toBe(true)
    expect(splits.some(([, v]) => v === 0)).toBe(true)
    expect(splits.some(([, v]) => v > 0)).toBe(true)
    const probes = splits.flatMap(([f, v]) =>
      [v, v - 1e-9, v + 1e-9].map((x) => rows[0].map((value, g) => (g === f ? x : value)))
    )
    for (const row of [...rows, ...probes]) {
      trees.forEach((tree, t) => {
        const ours = tree.value[leafIndexOfVector(tree, row)]
        expect(ours).toBeCloseTo(libraryScore(library, t, row), 12)
      })
    }
  })

  it('stops splitting at twice the minimum leaf size, as the library is told', async () => {
    // Min leaf 10: nodes of 20 rows or fewer are leaves (with the default 3, the trees differ).
    const { trees, library, rows } = await trainBoth(10, 20)
    const withDefault = await trainBoth(1, 3)
    expect(trees.map((t) => t.feature.length)).not.toEqual(withDefault.trees.map((t) => t.feature.length))
    for (const row of rows) {
      trees.forEach((tree, t) => {
        expect(tree.value[leafIndexOfVector(tree, row)]).toBeCloseTo(libraryScore(library, t, row), 12)
      })
    }
  })

  it('keeps the FlatTree layout: arrays of one length, leaves with no children', async () => {
    const { trees } = await trainBoth()
    for (const tree of trees) {
      const size = tree.feature.length
      expect(size).toBeGreaterThan(1)
      for (const a of [tree.threshold, tree.missingLeft, tree.left, tree.right, tree.value, tree.cover])
        expect(a).toHaveLength(size)
      for (let node = 0; node < size; node++) {
        if (tree.feature[node] >= 0) continue
        expect([tree.left[node], tree.right[node]]).toEqual([-1, -1])
      }
    }
  })

  it('counts the rows at a split between two adjacent doubles on the side the library sends them', () => {
    // a and its next double b: their mean rounds (half to even) to b, so ml-cart splits at
    // x < b and the tree's threshold is a itself; the rows of a go left, those of b right.
    const a = 1 + 2 ** -52
    const b = 1 + 2 ** -51
    const x = Float64Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? a : b))
    const y = Uint8Array.from(x, (v) => (v === b ? 1 : 0))
    const forest = trainReferenceForest([x], y, { trees: 1, maxDepth: 1, minSamplesLeaf: 1, seed: 1 })
    const [tree] = forest.trees
    expect(tree.feature[0]).toBe(0)
    expect(tree.threshold[0]).toBe(a)
    expect(tree.value[tree.left[0]]).toBe(0)
    expect(tree.value[tree.right[0]]).toBe(1)
    expect([tree.cover[0], tree.cover[tree.left[0]], tree.cover[tree.right[0]]]).toEqual([40, 20, 20])
    expect(tree.value[0]).toBeCloseTo(0.5, 15)
  })

  it('weights each node by the training rows that reach it and values it as the mean of its leaves', async () => {
    const { trees, rows } = await trainBoth()
    for (const tree of trees) {
      expect(tree.cover[0]).toBe(rows.length)
      const leafRows = new Float64Array(tree.cover.length)
      for (const row of rows) leafRows[leafIndexOfVector(tree, row)]++
      for (let node = 0; node < tree.cover.length; node++) {
        expect(tree.missingLeft[node]).toBe(0)
        if (tree.feature[node] < 0) {
          expect(tree.cover[node]).toBe(leafRows[node])
          continue
        }
        const [l, r] = [tree.left[node], tree.right[node]]
        expect(tree.cover[node]).toBe(tree.cover[l] + tree.cover[r])
        const mean = (tree.value[l] * tree.cover[l] + tree.value[r] * tree.cover[r]) / tree.cover[node]
        expect(tree.value[node]).toBeCloseTo(mean, 12)
      }
    }
  })
})
