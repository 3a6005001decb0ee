import { describe, expect, it } from 'vitest'
import type { FlatTree } from '../../../../src/main/core/model/FlatTree'
import {
  FOREST_COMBINE,
  type EnsembleCombine,
  type TreeEnsemble
} from '../../../../src/main/core/model/TreeEnsemble'
import { CompiledForest } from '../../../../src/main/core/scoring/CompiledForest'
import { compiledPredictor } from '../../../../src/main/core/scoring/compiledPredictor'
import {
  restoreCompiled,
  storedForm,
  type StoredCompiledForest
} from '../../../../src/main/core/scoring/compiledForestStore'
import { leafTree as leaf, stumpTree as stump } from '../../../fixtures/smallTrees'

// Hand-built forests whose scores are worked out here: the limits and refusals of the
// compiled layout, the sum combination of boosted engines, out-of-bag sums over tree masks,
// and the stored form a model keeps of its compiled trees.

/** A chain of `splits` splits on feature 0 at thresholds 0, 1, 2, …: that many distinct cuts. */
function chain(splits: number): FlatTree {
  const n = 2 * splits + 1
  const tree: FlatTree = {
    feature: new Int32Array(n).fill(-1),
    threshold: new Float64Array(n),
    missingLeft: new Uint8Array(n),
    left: new Int32Array(n).fill(-1),
    right: new Int32Array(n).fill(-1),
    value: new Float64Array(n),
    cover: new Float64Array(n).fill(1)
  }
  // Split k is node 2k: its left child 2k + 1 is a leaf worth k, its right child the next split.
  for (let k = 0; k < splits; k++) {
    tree.feature[2 * k] = 0
    tree.threshold[2 * k] = k
    tree.left[2 * k] = 2 * k + 1
    tree.right[2 * k] = 2 * k + 2
    tree.value[2 * k + 1] = k
  }
  tree.value[n - 1] = splits
  return tree
}

function forest(trees: FlatTree[], numFeatures = 1, combine: EnsembleCombine = FOREST_COMBINE): TreeEnsemble {
  return { numFeatures, trees, featureImportance: new Float64Array(numFeatures), combine }
}

const TWO_STUMPS = forest([stump(0, 0.5, 0.1, 0.9), stump(1, -2, 0.2, 0.6)], 2)

describe('CompiledForest limits and refusals', () => {
  it('refuses a feature count outside 1 to 65,535 and a slot count below 1', () => {
    expect(() => CompiledForest.compile(forest([leaf(0.5)], 0))).toThrow(
      'CompiledForest: 0 features; the layout holds 1 to 65,535'
    )
    expect(() => CompiledForest.compile(forest([leaf(0.5)], 65536))).toThrow(
      'CompiledForest: 65536 features; the layout holds 1 to 65,535'
    )
    expect(() => CompiledForest.compile(TWO_STUMPS, 0)).toThrow('CompiledForest: 0 slots')
    expect(() => CompiledForest.compile(TWO_STUMPS, 1.5)).toThrow('CompiledForest: 1.5 slots')
  })

  it('attaches only to a scratch slot that exists', () => {
    const handle = CompiledForest.compile(TWO_STUMPS, 2).handle()
    expect(() => CompiledForest.attach(handle, -1)).toThrow(
      'CompiledForest: slot -1 does not exist (2 slots)'
    )
    expect(() => CompiledForest.attach(handle, 0.5)).toThrow(
      'CompiledForest: slot 0.5 does not exist (2 slots)'
    )
    expect(() => CompiledForest.attach(handle, 2)).toThrow('CompiledForest: slot 2 does not exist (2 slots)')
    expect(CompiledForest.attach(handle, 1).numFeatures).toBe(2)
  })

  it('refuses too few feature columns, and a column shorter than the rows asked for', () => {
    const compiled = CompiledForest.compile(TWO_STUMPS)
    expect(() => compiled.predict([Float64Array.of(1)], 1, false)).toThrow(
      'the forest needs 2 feature columns, got 1'
    )
    expect(() => compiled.predict([new Float64Array(5), new Float64Array(3)], 5, false)).toThrow(
      'column 1 has 3 rows, expected 5'
    )
  })

  it('names the tree and node of a split on a feature the forest does not have, and a tree without nodes', () => {
    expect(() => CompiledForest.compile(forest([leaf(0.5), stump(1, 0, 0, 1)], 1))).toThrow(
      'CompiledForest: tree 1 node 0 splits on feature 1, the forest has 1'
    )
    const empty = leaf(0)
    for (const key of ['feature', 'left', 'right'] as const) empty[key] = new Int32Array(0)
    empty.threshold = new Float64Array(0)
    empty.value = new Float64Array(0)
    expect(() => CompiledForest.compile(forest([leaf(0.5), empty]))).toThrow(
      'CompiledForest: tree 1 has no nodes'
    )
    const outside = stump(0, 0.5, 0.1, 0.9)
    outside.right[0] = 3
    expect(() => CompiledForest.compile(forest([outside]))).toThrow(
      'CompiledForest: tree 0 node 0 has child 3, outside its 3 nodes'
    )
  })

  it('holds 65,534 distinct thresholds of a feature and refuses one more; the predictor then walks the trees', () => {
    const most = CompiledForest.compile(forest([chain(65534)]))
    // x = 100.5 passes splits 0..100 to the right and stops left of split 101: leaf value 101.
    expect(Array.from(most.predict([Float64Array.of(100.5, -1, 1e9)], 3, false).raw)).toEqual([101, 0, 65534])
    const tooMany = forest([chain(65535)])
    expect(() => CompiledForest.compile(tooMany)).toThrow(
      'CompiledForest: feature 0 has 65535 distinct thresholds; the layout holds 65534'
    )
    expect(Array.from(compiledPredictor(tooMany)([Float64Array.of(7.5, 70000)], 2))).toEqual([8, 65535])
  })
})

describe('CompiledForest combinations', () => {
  it('adds the trees and the bias for a summing (boosted) model, with path attributions summing to raw − expected', () => {
    const boosted = forest([stump(0, 0.5, -1, 1), stump(1, 0, 0.5, -0.5)], 2, {
      aggregate: 'sum',
      bias: 0.25,
      link: 'logistic'
    })
    const compiled = CompiledForest.compile(boosted)
    // Root values 0 and 0: the expected margin is the bias alone.
    expect(compiled.expectedMargin).toBe(0.25)
    const out = compiled.predict([Float64Array.of(0.2, 0.9), Float64Array.of(1, -1)], 2, true)
    // Row 0: −1 + (−0.5) + 0.25; row 1: 1 + 0.5 + 0.25.
    expect(Array.from(out.raw)).toEqual([-1.25, 1.75])
    expect(Array.from(out.path ?? [])).toEqual([-1, -0.5, 1, 0.5])
    // The predictor turns margins into probabilities through the logistic link.
    const p = compiledPredictor(boosted)([Float64Array.of(0.2), Float64Array.of(1)], 1)
    expect(p[0]).toBeCloseTo(1 / (1 + Math.exp(1.25)), 15)
  })

  it('averages root values for a forest: the expected margin is their mean plus the bias', () => {
    const compiled = CompiledForest.compile(
      forest([stump(0, 0.5, 0.1, 0.9), leaf(0.2)], 1, { aggregate: 'mean', bias: 0.1, link: 'identity' })
    )
    expect(compiled.expectedMargin).toBeCloseTo((0.5 + 0.2) / 2 + 0.1, 15)
  })

  it('sums the leaf values of the trees each row is masked in, over more rows than a kernel chunk', () => {
    const compiled = CompiledForest.compile(
      forest([stump(0, 0.5, 0.1, 0.9), leaf(0.4), stump(0, 0.25, 1, 2)])
    )
    const n = CompiledForest.CHUNK_ROWS + 5
    const x = Float64Array.from({ length: n }, (_, r) => (r % 4) / 4)
    const masks = [0, 1, 2].map((t) => Uint8Array.from({ length: n }, (_, r) => ((r + t) % 3 === 0 ? 0 : 1)))
    const sums = compiled.sumOverTrees([x], n, masks)
    for (const r of [0, 1, 2, 3, 4, 5, n - 5, n - 4, n - 3, n - 2, n - 1]) {
      const leaves = [x[r] <= 0.5 ? 0.1 : 0.9, 0.4, x[r] <= 0.25 ? 1 : 2]
      const expected = leaves.reduce((s, v, t) => s + (masks[t][r] === 1 ? v : 0), 0)
      expect(sums[r], `row ${r}`).toBeCloseTo(expected, 12)
    }
    expect(() => compiled.sumOverTrees([x], n, masks.slice(1))).toThrow(
      '2 tree masks for a forest of 3 trees'
    )
  })
})

describe('the stored form of a compiled forest', () => {
  const rows = [Float64Array.of(0.2, 0.7, NaN), Float64Array.of(-3, 5, -2)]
  const stored = (): StoredCompiledForest => storedForm(CompiledForest.compile(TWO_STUMPS))

  it('restores to the same scores, with as many scratch slots as asked', () => {
    const restored = restoreCompiled(stored(), 2)
    expect(restored).not.toBeNull()
    // Row 0: 0.1 and 0.2; row 1: 0.9 and 0.6; row 2: missing goes left (0.1), −2 ≤ −2 left (0.2).
    expect(Array.from(restored?.predict(rows, 3, false).raw ?? [])).toEqual([
      (0.1 + 0.2) / 2,
      (0.9 + 0.6) / 2,
      (0.1 + 0.2) / 2
    ])
    expect(restored?.expectedMargin).toBeCloseTo((0.5 + 0.4) / 2, 15)
    expect(CompiledForest.attach(restored!.handle(), 1).numFeatures).toBe(2)
  })

  it('gives null for another layout, a malformed header or bytes that are not the ones stored', () => {
    const s = stored()
    const flipped = s.bytes.slice()
    flipped[flipped.length - 1] ^= 1
    const cases: Partial<StoredCompiledForest>[] = [
      { layout: '0:deadbeef' },
      { combine: { aggregate: 'median', bias: 0, link: 'identity' } as unknown as EnsembleCombine },
      { combine: { aggregate: 'sum', bias: 0, link: 'probit' } as unknown as EnsembleCombine },
      { combine: { aggregate: 'mean', bias: NaN, link: 'identity' } },
      { expectedMargin: Infinity },
      { numNodes: -1 },
      { numTrees: 1.5 },
      { numCuts: -2 },
      { numFeatures: 0 },
      { numFeatures: 65536 },
      { numFeatures: 2.5 },
      { bytes: s.bytes.slice(0, -1) },
      { bytes: flipped }
    ]
    for (const change of cases)
      expect(restoreCompiled({ ...s, ...change }), JSON.stringify(change)).toBeNull()
    expect(restoreCompiled({ ...s, combine: { aggregate: 'sum', bias: 0, link: 'logistic' } })).not.toBeNull()
    expect(() => restoreCompiled(s, 0)).toThrow('CompiledForest: 0 slots')
  })
})
