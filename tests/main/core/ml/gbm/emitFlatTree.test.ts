import { describe, expect, it } from 'vitest'
import { binOf, type BinMapper } from '../../../../../src/main/core/ml/binning'
import { BoostedTree } from '../../../../../src/main/core/ml/gbm/BoostedTree'
import { emitFlatTree } from '../../../../../src/main/core/ml/gbm/emitFlatTree'
import { FlatTreeBuilder } from '../../../../../src/main/core/ml/trees/FlatTreeBuilder'
import { leafIndexOfVector, type FlatTree } from '../../../../../src/main/core/model/FlatTree'
import { forestShapPrepared, prepareForestShap } from '../../../../../src/main/core/scoring/linearTreeShap'

/**
 * Feature 0: a category with codes 0..5 (one bin each); feature 1: numeric, bins x ≤ 0,
 * x ≤ 1, above; feature 2: numeric, bins x ≤ 0.5, above. Missing bins last.
 */
const MAPPER: BinMapper = {
  numFeatures: 3,
  numValueBins: Int32Array.from([6, 3, 2]),
  missingBin: Int32Array.from([6, 3, 2]),
  upperEdges: [
    Float64Array.from([0.5, 1.5, 2.5, 3.5, 4.5, Infinity]),
    Float64Array.from([0, 1, Infinity]),
    Float64Array.from([0.5, Infinity])
  ]
}

/** Sides of a split on a feature: `left` lists the bins (missing bin included) that go left. */
function sides(f: number, left: number[]): Uint8Array {
  const s = new Uint8Array(MAPPER.numValueBins[f] + 1)
  for (const b of left) s[b] = 1
  return s
}

/**
 * A boosted tree as the learner leaves it, with two category-set splits on feature 0 on one
 * path (the second below a numeric split) and one that sends its NaN rows right:
 *
 *   0: f0 ∈ {0, 2, 3, 5} left, {1, 4} and NaN right            H 9.7
 *     1: f1 ≤ 0 (NaN left)                                      H 4
 *       3: leaf 0.3                                             H 1.5
 *       4: f0 ∈ {0, 1, 3, 4} left, {2, 5} right (NaN left)      H 2.5 (codes 1, 4: no rows, free)
 *         7: leaf −0.1                                          H 1.5
 *         8: leaf −0.35                                         H 1
 *     2: f2 ≤ 0.5 (NaN right)                                   H 5.7
 *       5: leaf 0.5                                             H 2
 *       6: leaf −0.4                                            H 3.7
 */
function handTree(): BoostedTree {
  const t = new BoostedTree()
  const H = [9.7, 4, 5.7, 1.5, 2.5, 2, 3.7, 1.5, 1]
  const value = [0, 0, 0, 0.3, 0, 0.5, -0.4, -0.1, -0.35]
  for (let n = 0; n < H.length; n++) {
    t.addLeaf(0, H[n], 1)
    t.value[n] = value[n]
  }
  t.setSplit(0, 0, sides(0, [0, 2, 3, 5]), -1, Float64Array.from([1, 2, 0.5, 1.5, 3, 1, 0.7]), 1, 1, 2)
  t.setSplit(1, 1, sides(1, [0, 3]), 0, null, 1, 3, 4)
  t.setSplit(2, 2, sides(2, [0]), 0, null, 1, 5, 6)
  t.setSplit(4, 0, sides(0, [0, 1, 3, 4, 6]), -1, Float64Array.from([0.6, 0, 0.2, 0.9, 0, 0.8, 0]), 1, 7, 8)
  return t
}

const bin = (f: number, x: number): number => binOf(MAPPER.upperEdges[f], MAPPER.numValueBins[f], x)

/** The leaf value the set-split tree gives x (sides by bin). */
function setTreeValue(t: BoostedTree, x: number[]): number {
  let n = 0
  while (t.feature[n] >= 0)
    n = (t.sides[n] as Uint8Array)[bin(t.feature[n], x[t.feature[n]])] === 1 ? t.left[n] : t.right[n]
  return t.value[n]
}

/**
 * v(S) of path-dependent TreeSHAP on the set-split tree itself: features in S follow x,
 * the others split by the children's share of the node's cover (hessian sum).
 */
function gameValue(t: BoostedTree, n: number, x: number[], inS: boolean[]): number {
  const f = t.feature[n]
  if (f < 0) return t.value[n]
  const l = t.left[n]
  const r = t.right[n]
  if (inS[f]) return gameValue(t, (t.sides[n] as Uint8Array)[bin(f, x[f])] === 1 ? l : r, x, inS)
  return (t.sumH[l] * gameValue(t, l, x, inS) + t.sumH[r] * gameValue(t, r, x, inS)) / t.sumH[n]
}

/** Shapley values of that game by enumerating every coalition (3 features: 8 of them). */
function bruteForceShapley(t: BoostedTree, x: number[]): number[] {
  const m = x.length
  const fact = (k: number): number => (k <= 1 ? 1 : k * fact(k - 1))
  const phi = new Array<number>(m).fill(0)
  for (let mask = 0; mask < 1 << m; mask++) {
    const size = [...Array(m).keys()].filter((j) => (mask >> j) & 1).length
    for (let i = 0; i < m; i++) {
      if ((mask >> i) & 1) continue
      const without = [...Array(m).keys()].map((j) => ((mask >> j) & 1) === 1)
      const withI = without.map((v, j) => v || j === i)
      const weight = (fact(size) * fact(m - size - 1)) / fact(m)
      phi[i] += weight * (gameValue(t, 0, x, withI) - gameValue(t, 0, x, without))
    }
  }
  return phi
}

/** Every code, NaN, and values on both sides of each numeric edge. */
const VECTORS: number[][] = []
for (const c of [0, 1, 2, 3, 4, 5, NaN])
  for (const x1 of [-1, 0.5, 2, NaN]) for (const x2 of [0, 1, NaN]) VECTORS.push([c, x1, x2])

describe('emitFlatTree', () => {
  const tree = handTree()
  /** Emitted inside each test: Stryker counts only code a test runs as covered by it. */
  const emitted = (): FlatTree => emitFlatTree(tree, MAPPER, new FlatTreeBuilder())

  it('uses only threshold splits and sends every vector to the set split tree’s leaf value', () => {
    const flat = emitted()
    for (const x of VECTORS) expect(flat.value[leafIndexOfVector(flat, x)]).toBe(setTreeValue(tree, x))
    // Root split: runs {0} {1} {2,3} {4} {5} of codes → 4 threshold tests; the lower split:
    // runs {0,1} {2} {3,4} {5} (free codes 1 and 4 joined to their neighbours) → 3 tests.
    expect(Array.from(flat.feature).filter((f) => f === 0).length).toBeGreaterThanOrEqual(4 + 3)
    for (const f of flat.feature) expect(f).toBeLessThan(3)
  })

  it('keeps covers additive (each node the sum of its children) and the root value the cover-weighted mean', () => {
    const flat = emitted()
    for (let n = 0; n < flat.feature.length; n++) {
      if (flat.feature[n] < 0) continue
      expect(flat.cover[flat.left[n]] + flat.cover[flat.right[n]]).toBeCloseTo(flat.cover[n], 12)
    }
    expect(flat.cover[0]).toBeCloseTo(9.7, 12)
    const x = [NaN, NaN, NaN]
    expect(flat.value[0]).toBeCloseTo(gameValue(tree, 0, x, [false, false, false]), 12)
  })

  it('emits one threshold test between runs of codes and one copy of a child per run, 37 nodes', () => {
    // Root: runs {0} {1} {2,3} {4} {5} → 4 tests; left runs copy node 1's subtree (its f1
    // test, leaf 3, and node 4's runs {0,1} {2} {3,4} {5}: 3 tests and 4 leaves: 9 nodes)
    // three times; right runs copy node 2's subtree (3 nodes) twice: 4 + 27 + 6.
    expect(emitted().feature).toHaveLength(37)
  })

  it('sends NaN through the heaviest run on its side, which carries NaN’s hessian', () => {
    const flat = emitted()
    /** The first node below the root's runs that x reaches (a copy of node 1 or node 2). */
    const below = (x: number[]): number => {
      let n = 0
      while (flat.feature[n] === 0) {
        const v = x[0]
        n = (v !== v ? flat.missingLeft[n] === 1 : v <= flat.threshold[n]) ? flat.left[n] : flat.right[n]
      }
      return n
    }
    // Right runs {1} (hessian 2) and {4} (3): NaN (0.7) takes {4}'s exit, a copy of node 2
    // scaled to 3 + 0.7; code 1's copy carries 2.
    expect(below([NaN, 0, 0])).toBe(below([4, 0, 0]))
    expect(flat.cover[below([NaN, 0, 0])]).toBeCloseTo(3.7, 12)
    expect(flat.cover[below([1, 0, 0])]).toBeCloseTo(2, 12)
  })

  it('tests values against +Infinity first when NaN’s side holds no run of values', () => {
    // Every code left, NaN alone right: x <= +Infinity sends values to a copy of the left
    // leaf, NaN to the right leaf.
    const t = new BoostedTree()
    ;[
      [0, 4],
      [0.2, 3],
      [-0.5, 1]
    ].forEach(([v, h], n) => {
      t.addLeaf(0, h, 1)
      t.value[n] = v
    })
    t.setSplit(0, 0, sides(0, [0, 1, 2, 3, 4, 5]), -1, Float64Array.from([1, 0, 1, 0.5, 0, 0.5, 1]), 1, 1, 2)
    const flat = emitFlatTree(t, MAPPER, new FlatTreeBuilder())
    expect(Array.from(flat.feature)).toEqual([0, -1, -1])
    expect(flat.threshold[0]).toBe(Infinity)
    expect(flat.missingLeft[0]).toBe(0)
    expect(Array.from(flat.value.subarray(1))).toEqual([0.2, -0.5])
    expect(Array.from(flat.cover)).toEqual([4, 3, 1])
  })

  it('gives path-dependent TreeSHAP values equal to brute-force Shapley values of the set split tree', () => {
    const flat = emitted()
    const prepared = prepareForestShap({
      trees: [flat],
      numFeatures: 3,
      combine: { aggregate: 'sum', bias: 0, link: 'logistic' }
    })
    for (const x of VECTORS) {
      const { base, phi } = forestShapPrepared(prepared, x)
      const expected = bruteForceShapley(tree, x)
      for (let j = 0; j < 3; j++) expect(phi[j]).toBeCloseTo(expected[j], 12)
      expect(base + phi[0] + phi[1] + phi[2]).toBeCloseTo(setTreeValue(tree, x), 12)
    }
  })
})
