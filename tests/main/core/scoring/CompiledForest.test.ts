import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { FlatTree } from '../../../../src/main/core/model/FlatTree'
import {
  FOREST_COMBINE,
  predictEnsemble,
  type TreeEnsemble
} from '../../../../src/main/core/model/TreeEnsemble'
import { trainForest } from '../../../../src/main/core/ml/forest/trainForest'
import { Rng } from '../../../../src/main/core/base/random'
import { CompiledForest } from '../../../../src/main/core/scoring/CompiledForest'
import { pathAttribution } from '../../../../src/main/core/scoring/treeShap'
// The build script is plain ESM JavaScript; its exports are typed by use here.
import { compileKernel, generatedModule, generatedPath, KERNELS } from '../../../../scripts/buildWasm.mjs'
import { leafTree as leaf, stumpTree as stump } from '../../../fixtures/smallTrees'

/** Rows with an interaction signal, rounded values (ties at thresholds) and optional gaps. */
function data(numRows: number, numFeatures: number, seed: number, missingShare = 0) {
  const rng = new Rng(seed)
  const columns = Array.from({ length: numFeatures }, () => new Float64Array(numRows))
  const y = new Uint8Array(numRows)
  for (let r = 0; r < numRows; r++) {
    for (let f = 0; f < numFeatures; f++) {
      // Two decimals: many rows share a value, so rows land exactly on split thresholds.
      columns[f][r] = rng.next() < missingShare ? NaN : Math.round((rng.next() * 2 - 1) * 100) / 100
    }
    const a = columns[0][r]
    const b = columns[1][r]
    const signal = (a === a ? a : 0.3) * (b === b ? b : -0.2) > 0.05
    y[r] = (signal ? 1 : 0) ^ (rng.next() < 0.1 ? 1 : 0)
  }
  return { columns, y }
}

async function forestOn(
  columns: Float64Array[],
  y: Uint8Array,
  trees = 12,
  maxDepth = 9
): Promise<TreeEnsemble> {
  const { forest } = await trainForest(columns, y, {
    trees,
    maxDepth,
    minSamplesLeaf: 1,
    maxFeatures: 'sqrt',
    seed: 7,
    threads: 1
  })
  return forest
}

function row(columns: Float64Array[], r: number): number[] {
  return columns.map((c) => c[r])
}

describe('CompiledForest', () => {
  it('gives exactly predictEnsemble’s probabilities, over more rows than one kernel chunk', async () => {
    const train = data(3000, 6, 1)
    const forest = await forestOn(train.columns, train.y)
    const test = data(CompiledForest.CHUNK_ROWS + 917, 6, 2)
    const n = test.y.length
    const compiled = CompiledForest.compile(forest)
    const out = compiled.predict(test.columns, n, false)
    // Bit for bit: the same leaf values summed in the same tree order.
    expect(Array.from(out.raw)).toEqual(Array.from(predictEnsemble(forest, test.columns, n)))
    expect(out.path).toBeNull()
  })

  it('gives pathAttribution’s path contributions (to float32 precision), summing to raw − base', async () => {
    const train = data(3000, 5, 3)
    const forest = await forestOn(train.columns, train.y)
    const test = data(500, 5, 4)
    const compiled = CompiledForest.compile(forest)
    const out = compiled.predict(test.columns, 500, true)
    const base = forest.trees.reduce((s, t) => s + t.value[0], 0) / forest.trees.length
    for (let r = 0; r < 500; r++) {
      const expected = pathAttribution(forest.trees, row(test.columns, r), 5)
      const got = out.path!.subarray(r * 5, r * 5 + 5)
      for (let f = 0; f < 5; f++) expect(got[f]).toBeCloseTo(expected[f], 6)
      expect(got.reduce((s, v) => s + v, 0)).toBeCloseTo(out.raw[r] - base, 5)
    }
  })

  it('sends missing values the way each split says, as predictEnsemble does', async () => {
    const train = data(3000, 4, 5, 0.15)
    const forest = await forestOn(train.columns, train.y)
    // 1,203 rows: the kernel walks rows eight at a time, the last three one by one.
    const rows = 1203
    const test = data(rows, 4, 6, 0.2)
    const compiled = CompiledForest.compile(forest)
    const out = compiled.predict(test.columns, rows, true)
    expect(Array.from(out.raw)).toEqual(Array.from(predictEnsemble(forest, test.columns, rows)))
    for (const r of [...Array.from({ length: 172 }, (_, k) => k * 7), rows - 2, rows - 1]) {
      const expected = pathAttribution(forest.trees, row(test.columns, r), 4)
      for (let f = 0; f < 4; f++) expect(out.path![r * 4 + f]).toBeCloseTo(expected[f], 6)
    }
  })

  it('scores the same through a handle attached with another scratch slot (as worker threads do)', async () => {
    const train = data(2000, 4, 8, 0.1)
    const forest = await forestOn(train.columns, train.y)
    const test = data(700, 4, 9, 0.1)
    const compiled = CompiledForest.compile(forest, 3)
    const other = CompiledForest.attach(compiled.handle(), 2)
    const a = compiled.predict(test.columns, 700, true)
    const b = other.predict(test.columns, 700, true)
    expect(Array.from(b.raw)).toEqual(Array.from(a.raw))
    expect(Array.from(b.path!)).toEqual(Array.from(a.path!))
    expect(() => CompiledForest.attach(compiled.handle(), 3)).toThrow(/slot 3 does not exist/)
  })

  it('sends a value equal to the threshold left, ±Infinity to the ends, and handles single-leaf trees', () => {
    const forest: TreeEnsemble = {
      numFeatures: 2,
      trees: [stump(0, 0.5, 0.1, 0.9), leaf(0.4), stump(1, -2, 0.2, 0.6)],
      featureImportance: new Float64Array(2),
      combine: FOREST_COMBINE
    }
    const x0 = Float64Array.of(0.5, 0.5000001, -Infinity, Infinity, 0.49)
    const x1 = Float64Array.of(-2, -1.9, Infinity, -Infinity, -3)
    const out = CompiledForest.compile(forest).predict([x0, x1], 5, true)
    expect(Array.from(out.raw)).toEqual(Array.from(predictEnsemble(forest, [x0, x1], 5)))
    expect(out.raw[0]).toBeCloseTo((0.1 + 0.4 + 0.2) / 3, 12)
    expect(out.raw[1]).toBeCloseTo((0.9 + 0.4 + 0.6) / 3, 12)
    // Row 0: both splits sent it left: −0.4 on feature 0 and −0.2 on feature 1, over 3 trees.
    expect(out.path![0]).toBeCloseTo(-0.4 / 3, 6)
    expect(out.path![1]).toBeCloseTo(-0.2 / 3, 6)
  })

  it('refuses malformed trees with a RangeError naming the tree', () => {
    const cyclic = stump(0, 0.5, 0.1, 0.9)
    cyclic.left[0] = 0
    const outside = stump(0, 0.5, 0.1, 0.9)
    outside.right[0] = 9
    const nanThreshold = stump(0, NaN, 0.1, 0.9)
    const forestOf = (tree: FlatTree): TreeEnsemble => ({
      numFeatures: 1,
      trees: [leaf(0.5), tree],
      featureImportance: new Float64Array(1),
      combine: FOREST_COMBINE
    })
    expect(() => CompiledForest.compile(forestOf(cyclic))).toThrow(/tree 1 .*reached twice/)
    expect(() => CompiledForest.compile(forestOf(outside))).toThrow(/tree 1 node 0 has child 9/)
    expect(() => CompiledForest.compile(forestOf(nanThreshold))).toThrow(/NaN threshold/)
    expect(() =>
      CompiledForest.compile({
        numFeatures: 1,
        trees: [],
        featureImportance: new Float64Array(1),
        combine: FOREST_COMBINE
      })
    ).toThrow(/no trees/)
  })

  it('holds the kernel the WebAssembly source compiles to (run npm run build:wasm after editing src/wasm)', async () => {
    for (const { name, exportName } of KERNELS) {
      const expected = generatedModule(name, exportName, await compileKernel(name))
      expect(readFileSync(generatedPath(name), 'utf8')).toBe(expected)
    }
  })
})
