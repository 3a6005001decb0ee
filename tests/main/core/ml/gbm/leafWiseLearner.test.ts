import { describe, expect, it } from 'vitest'
import { binColumns, fitBins } from '../../../../../src/main/core/ml/binning'
import { LeafWiseLearner, type BoostedTreeParams } from '../../../../../src/main/core/ml/gbm/leafWiseLearner'
import { CATEGORICAL_DEFAULTS, setSplitCopies } from '../../../../../src/main/core/ml/gbm/splitSearch'

// Hand-worked trees: gain = G_L²/(H_L + λ) + G_R²/(H_R + λ) − G²/(H + λ), leaf value −η G/(H + λ).

const PARAMS: BoostedTreeParams = {
  ...CATEGORICAL_DEFAULTS,
  l2: 1,
  minChildWeight: 0.1,
  maxDepth: 2,
  maxLeaves: 3,
  learningRate: 0.5
}

/**
 * Eight rows, x = 0, 0, 1, 1, 2, 2, 3, 3 (one bin per value), hessian 1 each, gradients
 * −3 at x = 0, −1 at 1, 1 at 2, 4 at 3: G = 2, H = 8. The root splits at x ≤ 1 (G −8 | 10,
 * H 4 | 4: 64/5 + 100/5 − 4/9), the best of the three thresholds. Of its children, the left
 * would gain 36/3 + 4/3 − 64/5 = 0.533 and the right 4/3 + 64/3 − 100/5 = 2.667.
 */
function setting(params: Partial<BoostedTreeParams> = {}, second?: Float64Array) {
  const x = Float64Array.of(0, 0, 1, 1, 2, 2, 3, 3)
  const columns = second ? [x, second] : [x]
  const mapper = fitBins(columns)
  const bins = binColumns(mapper, columns)
  const g = [-3, -3, -1, -1, 1, 1, 4, 4]
  const gh = Float64Array.from(g.flatMap((v) => [v, 1]))
  const learner = new LeafWiseLearner(
    bins,
    mapper,
    new Uint8Array(columns.length),
    { ...PARAMS, ...params },
    8
  )
  learner.order.set([0, 1, 2, 3, 4, 5, 6, 7])
  return { learner, gh, mapper }
}

/** Each leaf's rows as the learner's partition holds them. */
function leafRows(learner: LeafWiseLearner): number[][] {
  return Array.from({ length: learner.numLeaves }, (_, i) =>
    Array.from(learner.order.subarray(learner.leafStart[i], learner.leafEnd[i]))
  )
}

describe('LeafWiseLearner', () => {
  it('splits the root at its best threshold, then the leaf that gains most', () => {
    const { learner, gh } = setting()
    const tree = learner.grow(8, gh, Int32Array.of(0), 1)
    expect(tree.feature).toEqual([0, -1, 0, -1, -1])
    expect(tree.left).toEqual([1, -1, 3, -1, -1])
    expect(tree.right).toEqual([2, -1, 4, -1, -1])
    expect(tree.bin).toEqual([1, -1, 2, -1, -1])
    expect(tree.gain[0]).toBeCloseTo(32.8 - 4 / 9, 12)
    expect(tree.gain[2]).toBeCloseTo(68 / 3 - 20, 12)
    expect(tree.sumG).toEqual([2, -8, 10, 2, 8])
    expect(tree.sumH).toEqual([8, 4, 4, 2, 2])
    // Leaves −0.5 G ÷ (H + 1): 0.8, −1/3, −4/3; internal nodes keep 0.
    const values = [0, 0.8, 0, -1 / 3, -4 / 3]
    values.forEach((v, n) => expect(tree.value[n]).toBeCloseTo(v, 12))
    // The leaves' rows, and each row's leaf by descent.
    expect(learner.numLeaves).toBe(3)
    expect(Array.from(learner.leafNode.subarray(0, 3))).toEqual([1, 3, 4])
    expect(leafRows(learner)).toEqual([
      [0, 1, 2, 3],
      [4, 5],
      [6, 7]
    ])
  })

  it('splits both children when leaves and depth allow, and neither at depth 1 or two leaves', () => {
    const four = setting({ maxLeaves: 4 })
    const tree = four.learner.grow(8, four.gh, Int32Array.of(0), 1)
    // The right child first (it gains more), then the left.
    expect(tree.feature).toEqual([0, 0, 0, -1, -1, -1, -1])
    expect(tree.left).toEqual([1, 5, 3, -1, -1, -1, -1])
    expect(tree.gain[1]).toBeCloseTo(12 + 4 / 3 - 12.8, 12)
    expect(leafRows(four.learner)).toEqual([
      [0, 1],
      [4, 5],
      [6, 7],
      [2, 3]
    ])
    for (const params of [{ maxDepth: 1, maxLeaves: 4 }, { maxLeaves: 2 }]) {
      const one = setting(params)
      expect(one.learner.grow(8, one.gh, Int32Array.of(0), 1).feature).toEqual([0, -1, -1])
    }
  })

  it('grows a single leaf of the Newton step when no split gains or none is allowed', () => {
    const { learner, gh } = setting({ maxDepth: 0 })
    const tree = learner.grow(8, gh, Int32Array.of(0), 1)
    expect(tree.feature).toEqual([-1])
    expect(tree.value[0]).toBeCloseTo((-0.5 * 2) / 9, 12)
    // Equal gradients everywhere: nothing to gain.
    const flat = setting()
    const same = flat.learner.grow(
      8,
      Float64Array.from({ length: 16 }, (_, k) => (k % 2 ? 1 : 0.5)),
      Int32Array.of(0),
      1
    )
    expect(same.feature).toEqual([-1])
  })

  it('grows on the round’s sample alone and splits only on the features it is given', () => {
    // Rows 0, 2, 4, 6 (x = 0, 1, 2, 3): G = 1, H = 4; the root splits at x ≤ 1 (−4 | 5).
    const { learner, gh } = setting({ maxLeaves: 2 })
    learner.order.set([0, 2, 4, 6])
    const tree = learner.grow(4, gh, Int32Array.of(0), 1)
    expect(tree.sumG[0]).toBe(1)
    expect(tree.sumH[0]).toBe(4)
    expect(tree.bin[0]).toBe(1)
    expect(leafRows(learner)).toEqual([
      [0, 2],
      [4, 6]
    ])
    // A second feature z (rows 6 and 7 apart) is split on when it is the one given, and is
    // not looked at when only the first `count` features are.
    const z = Float64Array.of(0, 0, 0, 0, 0, 0, 1, 1)
    const onlyZ = setting({ maxLeaves: 2 }, z)
    const zTree = onlyZ.learner.grow(8, onlyZ.gh, Int32Array.of(1), 1)
    expect([zTree.feature[0], zTree.sumG[zTree.right[0]]]).toEqual([1, 8])
    const firstOnly = setting({ maxLeaves: 2 }, z)
    expect(firstOnly.learner.grow(8, firstOnly.gh, Int32Array.of(0, 1), 1).feature[0]).toBe(0)
  })

  it('builds the larger child’s histograms from the parent’s minus the smaller child’s', () => {
    // Rows x = 0, 1, 1, 1, 2, 2, 3, 3 with gradients making the root split 1 | 7 rows: the
    // right child's histograms come by subtraction, and its split must be what its rows say.
    const x = Float64Array.of(0, 1, 1, 1, 2, 2, 3, 3)
    const mapper = fitBins([x])
    const g = [-6, 1, 1, 1, -2, -2, 3, 3]
    const gh = Float64Array.from(g.flatMap((v) => [v, 1]))
    const learner = new LeafWiseLearner(binColumns(mapper, [x]), mapper, new Uint8Array(1), PARAMS, 8)
    learner.order.set([0, 1, 2, 3, 4, 5, 6, 7])
    const tree = learner.grow(8, gh, Int32Array.of(0), 1)
    // Root (G −1, H 8): x ≤ 0 (−6 | 5, H 1 | 7): 36/2 + 25/8 − 1/9, above x ≤ 1 and x ≤ 2.
    expect(tree.bin[0]).toBe(0)
    // Right (x ≥ 1, G 5, H 7): splits at x ≤ 2 (−1 | 6, H 5 | 2): 1/6 + 36/3 − 25/8.
    expect(tree.feature[2]).toBe(0)
    expect(tree.bin[2]).toBe(2)
    expect(tree.gain[2]).toBeCloseTo(1 / 6 + 12 - 25 / 8, 12)
  })
})

/** A learner over given columns (flags: 1 = categorical) and [g, h] per row, its order 0..n−1. */
function learnerOn(
  columns: Float64Array[],
  flags: number[],
  g: number[],
  h: number[],
  params: Partial<BoostedTreeParams>
) {
  const mapper = fitBins(columns)
  const learner = new LeafWiseLearner(
    binColumns(mapper, columns),
    mapper,
    Uint8Array.from(flags),
    { ...PARAMS, ...params },
    g.length
  )
  learner.order.set(g.map((_, r) => r))
  const gh = Float64Array.from(g.flatMap((v, r) => [v, h[r]]))
  return { learner, gh }
}

describe('LeafWiseLearner’s partition and bookkeeping', () => {
  it('grows the same tree whatever order the rows come in, and the same again when reused', () => {
    // setting()'s rows shuffled: x = 3, 0, 2, 1, 3, 0, 2, 1 with their gradients.
    const x = [3, 0, 2, 1, 3, 0, 2, 1]
    const gOf = [-3, -1, 1, 4]
    const { learner, gh } = learnerOn(
      [Float64Array.from(x)],
      [0],
      x.map((v) => gOf[v]),
      x.map(() => 1),
      {
        maxLeaves: 4
      }
    )
    const first = learner.grow(8, gh, Int32Array.of(0), 1)
    const sorted = setting({ maxLeaves: 4 })
    const expected = sorted.learner.grow(8, sorted.gh, Int32Array.of(0), 1)
    for (const key of ['feature', 'left', 'right', 'bin', 'sumG', 'sumH'] as const)
      expect(first[key]).toEqual(expected[key])
    expect(first.value).toEqual(expected.value)
    expect(first.size).toBe(7)
    // Leaves hold their own rows: x ≤ 0, 1, 2, 3 apart.
    const rows = leafRows(learner).map((r) => r.map((k) => x[k]))
    for (const leaf of rows) expect(new Set(leaf).size).toBe(1)
    // Reused for a shallower tree, then for the first again: nothing of the earlier trees is left.
    learner.order.set([0, 1, 2, 3, 4, 5, 6, 7])
    const flat = Float64Array.from({ length: 16 }, (_, k) => (k % 2 ? 1 : 0.5))
    const single = learner.grow(8, flat, Int32Array.of(0), 1)
    expect(single.feature).toEqual([-1])
    // One leaf of −0.5 × 4 ÷ (8 + 1), and no value written for a leaf of the earlier tree.
    expect(single.value).toHaveLength(1)
    expect(single.value[0]).toBeCloseTo(-2 / 9, 15)
    learner.order.set([0, 1, 2, 3, 4, 5, 6, 7])
    const again = learner.grow(8, gh, Int32Array.of(0), 1)
    expect(again.feature).toEqual(expected.feature)
    expect(again.value).toEqual(expected.value)
  })

  it('searches a smaller right child from its own rows and the larger left one by subtraction', () => {
    // x = 0 ×4, 1 ×4, 2 ×2, 3; g −1, −1.5, 4, −2 (G −4, H 11). Root: x ≤ 1 (−10 | 6, H 8 | 3):
    // 100/9 + 36/4 − 16/12, the best; the right child (3 rows) is the smaller. It splits at
    // x ≤ 2 (8 | −2, H 2 | 1): 64/3 + 4/2 − 36/4; the left one cannot gain (16/5 + 36/5 < 100/9).
    const x = Float64Array.of(0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 3)
    const g = [-1, -1, -1, -1, -1.5, -1.5, -1.5, -1.5, 4, 4, -2]
    const { learner, gh } = learnerOn(
      [x],
      [0],
      g,
      g.map(() => 1),
      { maxLeaves: 3 }
    )
    const tree = learner.grow(11, gh, Int32Array.of(0), 1)
    expect(tree.bin[0]).toBe(1)
    expect(tree.gain[0]).toBeCloseTo(100 / 9 + 9 - 4 / 3, 12)
    expect(tree.feature).toEqual([0, -1, 0, -1, -1])
    expect(tree.bin[2]).toBe(2)
    expect(tree.gain[2]).toBeCloseTo(64 / 3 + 2 - 9, 12)
  })

  it('sends NaN rows the way the split learned', () => {
    // x = 0, 0, 1, 1, NaN, NaN with g −2, −2, 1, 1, 3, 3: the NaN rows go with the high ones.
    const x = Float64Array.of(0, 0, 1, 1, NaN, NaN)
    const g = [-2, -2, 1, 1, 3, 3]
    const { learner, gh } = learnerOn(
      [x],
      [0],
      g,
      g.map(() => 1),
      { maxLeaves: 2 }
    )
    const tree = learner.grow(6, gh, Int32Array.of(0), 1)
    // G 4, H 6: x ≤ 0 with NaN right (−4 | 8, H 2 | 4): 16/3 + 64/5 − 16/7, above NaN left
    // (4/5 + 4/3 − 16/7) and values | NaN (4/5 + 36/3 − 16/7).
    expect(tree.gain[0]).toBeCloseTo(16 / 3 + 64 / 5 - 16 / 7, 12)
    expect(leafRows(learner)).toEqual([
      [0, 1],
      [2, 3, 4, 5]
    ])
    // The NaN rows' gradients flipped: NaN goes left with x = 0.
    const flipped = learnerOn([x], [0], [-2, -2, 1, 1, -3, -3], [1, 1, 1, 1, 1, 1], { maxLeaves: 2 })
    flipped.learner.grow(6, flipped.gh, Int32Array.of(0), 1)
    expect(leafRows(flipped.learner)).toEqual([
      [0, 1, 4, 5],
      [2, 3]
    ])
  })

  it('splits no leaf below maxDepth, however many leaves are allowed', () => {
    // Eight values, gradients rising, λ 0: every split of different gradients gains, so
    // depth 2 allows four leaves of the eight possible.
    const x = Float64Array.of(0, 1, 2, 3, 4, 5, 6, 7)
    const g = [-4, -3, -2, -1, 1, 2, 3, 4]
    const { learner, gh } = learnerOn(
      [x],
      [0],
      g,
      g.map(() => 1),
      { maxDepth: 2, maxLeaves: 8, minChildWeight: 0.5, l2: 0 }
    )
    learner.grow(8, gh, Int32Array.of(0), 1)
    expect(learner.numLeaves).toBe(4)
  })
})

describe('LeafWiseLearner’s category-set splits', () => {
  // Codes 0..3, two rows each; hessian 1. The round's sample leaves one code out, so the
  // leaf has a bin without rows: it joins the side of its nearest bin below with rows (or
  // above, for the lowest), and NaN (no rows) follows the heavier child.
  const codes = Float64Array.of(0, 0, 1, 1, 2, 2, 3, 3)

  function grown(sample: number[], g: number[]) {
    const { learner, gh } = learnerOn(
      [codes],
      [1],
      g,
      g.map(() => 1),
      { maxLeaves: 2 }
    )
    learner.order.set(sample)
    const tree = learner.grow(sample.length, gh, Int32Array.of(0), 1)
    return { tree, learner }
  }

  it('puts an empty bin on the side of the bin below it', () => {
    // Sample without code 1; g = 3 for code 0, −1 for codes 2, 3: code 0 alone goes left.
    const { tree, learner } = grown([0, 1, 4, 5, 6, 7], [3, 3, 0, 0, -1, -1, -1, -1])
    expect(tree.bin[0]).toBe(-1)
    expect(Array.from(tree.sides[0] ?? [])).toEqual([1, 1, 0, 0, 0])
    expect(Array.from(tree.binHess[0] ?? [])).toEqual([2, 0, 2, 2, 0])
    expect(leafRows(learner)).toEqual([
      [0, 1],
      [4, 5, 6, 7]
    ])
  })

  it('puts empty bins below every row on the side of the lowest bin with rows', () => {
    // Sample without code 0; g = 3 for code 1: code 1 (and the empty code 0) left.
    const { tree } = grown([2, 3, 4, 5, 6, 7], [0, 0, 3, 3, -1, -1, -1, -1])
    expect(Array.from(tree.sides[0] ?? [])).toEqual([1, 1, 0, 0, 0])
  })

  it('keeps the last code’s side, and NaN’s side when NaN rows decided it', () => {
    // Code 3 alone left (g −4 against 1): 64/3 + 36/7; NaN has no rows and goes right.
    const last = grown([0, 1, 2, 3, 4, 5, 6, 7], [1, 1, 1, 1, 1, 1, -4, -4])
    expect(Array.from(last.tree.sides[0] ?? [])).toEqual([0, 0, 0, 1, 0])
    // With two NaN rows of g −4, NaN alone goes left (64/3 + 64/9), light as it is.
    const withNaN = Float64Array.of(0, 0, 1, 1, 2, 2, 3, 3, NaN, NaN)
    const g = [1, 1, 1, 1, 1, 1, 1, 1, -4, -4]
    const { learner, gh } = learnerOn(
      [withNaN],
      [1],
      g,
      g.map(() => 1),
      {
        maxLeaves: 2,
        maxCatToOnehot: 8,
        catSmooth: 1,
        minDataPerGroup: 1
      }
    )
    const tree = learner.grow(10, gh, Int32Array.of(0), 1)
    expect(Array.from(tree.sides[0] ?? [])).toEqual([0, 0, 0, 0, 1])
    expect(tree.gain[0]).toBeCloseTo(64 / 3 + 64 / 9, 12)
    expect(leafRows(learner)).toEqual([
      [8, 9],
      [0, 1, 2, 3, 4, 5, 6, 7]
    ])
  })

  it('sends NaN left when the left child is at least as heavy', () => {
    // Codes 1 and 3 only, two rows each: 2 | 2, NaN left; the empty codes follow their neighbours.
    const { tree } = grown([2, 3, 6, 7], [0, 0, 3, 3, 0, 0, -3, -3])
    expect(Array.from(tree.sides[0] ?? [])).toEqual([1, 1, 1, 0, 1])
    expect(tree.gain[0]).toBeCloseTo(36 / 3 + 36 / 3, 12)
  })
})

describe('setSplitCopies', () => {
  it('counts one copy of a child per run of non-empty bins going its way', () => {
    const out = new Int32Array(2)
    // Bins L, R, R, L, L, NaN right: runs L | R | L → two left copies, one right.
    setSplitCopies(Uint8Array.of(1, 0, 0, 1, 1, 0), Float64Array.of(1, 1, 1, 1, 1, 1), 0, 1, 5, out)
    expect(Array.from(out)).toEqual([2, 1])
    // Empty bins join their neighbours' runs: L, (empty), R, L, (empty) → L | R | L.
    setSplitCopies(Uint8Array.of(1, 0, 0, 1, 1, 0), Float64Array.of(1, 0, 1, 1, 0, 0), 0, 1, 5, out)
    expect(Array.from(out)).toEqual([2, 1])
  })

  it('adds a copy for NaN on a side no run of values goes, read with the histogram’s stride', () => {
    const out = new Int32Array(2)
    // Hessians at offset 1, stride 2 of [g, h] pairs: values all left, NaN right.
    const hist = Float64Array.of(0, 1, 0, 2, 0, 3, 0, 1)
    setSplitCopies(Uint8Array.of(1, 1, 1, 0), hist, 1, 2, 3, out)
    expect(Array.from(out)).toEqual([1, 1])
    // Without NaN rows, no copy is made for NaN.
    setSplitCopies(Uint8Array.of(1, 1, 1, 0), Float64Array.of(0, 1, 0, 2, 0, 3, 0, 0), 1, 2, 3, out)
    expect(Array.from(out)).toEqual([1, 0])
    // Values all right, NaN left: one copy each side.
    setSplitCopies(Uint8Array.of(0, 0, 0, 1), hist, 1, 2, 3, out)
    expect(Array.from(out)).toEqual([1, 1])
  })

  it('skips bins without rows, whatever their side, and adds nothing for NaN on a side with runs', () => {
    const out = new Int32Array(2)
    // L, (empty, marked R), L: one run left; NaN right with rows: one copy right.
    setSplitCopies(Uint8Array.of(1, 0, 1, 0), Float64Array.of(1, 0, 1, 1), 0, 1, 3, out)
    expect(Array.from(out)).toEqual([1, 1])
    // L, R, L and NaN left: NaN joins a left run, still two copies left.
    setSplitCopies(Uint8Array.of(1, 0, 1, 1), Float64Array.of(1, 1, 1, 1), 0, 1, 3, out)
    expect(Array.from(out)).toEqual([2, 1])
  })
})
