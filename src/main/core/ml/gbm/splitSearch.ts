import type { HistogramLayout } from './gradientHistogram'

/**
 * Split search of the boosting tree learner: XGBoost's and LightGBM's exact-greedy search
 * over a leaf's gradient histograms, with the second-order gain
 *
 *   gain = G_L² / (H_L + λ') + G_R² / (H_R + λ') − G² / (H + λ)
 *
 * (twice the loss reduction; λ' = λ except below a many-category split, see below). Both
 * children need a hessian sum of at least `minChildWeight`; a split must gain more than
 * nothing. Of equal candidates the first offered wins (features in the order given, bins
 * ascending), so the search is deterministic.
 *
 * Missing values are learned, as XGBoost and LightGBM do: every threshold is tried with the
 * leaf's NaN rows on the left and on the right, and "all values left, NaN right" is a
 * candidate of its own. When the leaf has no NaN for the feature, NaN follows the child with
 * the larger hessian sum (where most of the leaf's weight went).
 *
 * Categorical features are split on sets of categories, as LightGBM does
 * (FindBestThresholdCategoricalInner): with at most `maxCatToOnehot` categories in the leaf,
 * one category against the rest; otherwise the categories holding at least `catSmooth` rows
 * are sorted by G / (H + catSmooth) and every prefix of that order, from either end, of at
 * most `maxCatThreshold` categories (and half of them) is a candidate left set, with the
 * children's λ raised by `catL2` and a candidate only every `minDataPerGroup` rows. Unlike
 * LightGBM (which always sends NaN to the non-member side), a leaf's NaN rows are one more
 * category here, so their side is learned like the numeric features'. Row counts are
 * estimated from hessians (count ≈ h · rows / H), as LightGBM does, so the histograms need
 * no count column.
 */

/** Settings of the split search, already validated. */
export interface SplitParams {
  /** λ: L2 penalty on leaf values. */
  l2: number
  minChildWeight: number
  maxCatToOnehot: number
  maxCatThreshold: number
  catL2: number
  catSmooth: number
  minDataPerGroup: number
}

/** LightGBM's defaults for categorical splits. */
export const CATEGORICAL_DEFAULTS = {
  maxCatToOnehot: 4,
  maxCatThreshold: 32,
  catL2: 10,
  catSmooth: 10,
  minDataPerGroup: 100
} as const

/**
 * Most copies of one grown node in the emitted FlatTree. A category-set split is emitted
 * with a copy of each child per run of categories (emitFlatTree.ts), so set splits nested
 * on one path multiply copies; with many-level categories (a bank's branches) that could
 * grow a tree exponentially. A set split that would push a leaf past this is not offered
 * (numeric splits and fewer-run sets still are): 256 leaves the emitted trees of the real
 * and generated files measured untouched.
 */
export const MAX_SUBTREE_COPIES = 256

/**
 * Copies of its left and right child that a category-set split makes when emitted: one
 * per run of consecutive value bins holding rows that go that way (bins without rows join
 * their neighbours' runs), plus one for NaN's side when NaN's rows go where no run of
 * values goes. Bin b's hessian is hess[offset + stride · b]; the missing bin is K.
 * Written to out[0] (left) and out[1] (right).
 */
export function setSplitCopies(
  sides: Uint8Array,
  hess: Float64Array,
  offset: number,
  stride: number,
  K: number,
  out: Int32Array
): void {
  out[0] = 0
  out[1] = 0
  let previous = -1
  for (let b = 0; b < K; b++) {
    if (!(hess[offset + stride * b] > 0)) continue
    const side = sides[b]
    if (side !== previous) out[side === 1 ? 0 : 1]++
    previous = side
  }
  if (hess[offset + stride * K] > 0) {
    const nanSide = sides[K] === 1 ? 0 : 1
    if (out[nanSide] === 0) out[nanSide] = 1
  }
}

/** A split of a leaf (LightGBM's SplitInfo): what it tests and the left child's sums. */
export class SplitCandidate {
  /** Gain as defined above; 0 when there is no valid split. */
  gain = 0
  feature = -1
  categorical = false
  /** Numeric: bins <= bin go left (bin = last value bin: values left, NaN right). */
  bin = -1
  /** 1 when NaN goes left. */
  missingLeft = 0
  leftG = 0
  leftH = 0
  /** λ of the children's values. */
  childL2 = 0
  /** Categorical: 1 for each bin (missing bin included) whose rows go left. */
  readonly sides = new Uint8Array(256)

  reset(): void {
    this.gain = 0
    this.feature = -1
  }
}

/** Finds the best split of a leaf over the features a tree may use. One per learner, reused. */
export class SplitFinder {
  private readonly sortIndex = new Int32Array(257)
  private readonly sortKey = new Float64Array(257)
  private readonly categories = new Int32Array(257)
  private readonly candidateSides = new Uint8Array(257)
  private readonly copies = new Int32Array(2)
  // The leaf being searched.
  private G = 0
  private H = 0
  private parentGain = 0
  private cntFactor = 0
  /** Copies the leaf will have in the emitted tree (see MAX_SUBTREE_COPIES). */
  private leafCopies = 1

  constructor(
    private readonly params: SplitParams,
    private readonly numValueBins: Int32Array,
    private readonly isCategorical: Uint8Array,
    private readonly layout: HistogramLayout
  ) {}

  /**
   * Writes into `out` the best split of a leaf with gradient sum G, hessian sum H and
   * `numRows` rows, over `features[0, count)` of its histograms `hist`. The leaf will have
   * `copies` copies in the emitted tree.
   */
  find(
    hist: Float64Array,
    features: Int32Array,
    count: number,
    G: number,
    H: number,
    numRows: number,
    copies: number,
    out: SplitCandidate
  ): void {
    out.reset()
    if (H < 2 * this.params.minChildWeight || numRows < 2) return
    this.leafCopies = copies
    this.G = G
    this.H = H
    this.parentGain = (G * G) / (H + this.params.l2)
    this.cntFactor = numRows / H
    for (let k = 0; k < count; k++) {
      const f = features[k]
      if (this.isCategorical[f] === 1) this.scanCategorical(hist, f, numRows, out)
      else this.scanNumeric(hist, f, out)
    }
  }

  private scanNumeric(hist: Float64Array, f: number, out: SplitCandidate): void {
    const o = this.layout.offset[f]
    const K = this.numValueBins[f]
    const gm = hist[o + 2 * K]
    const hm = hist[o + 2 * K + 1]
    const hasMissing = hm > 0
    let GL = 0
    let HL = 0
    for (let b = 0; b < K - 1; b++) {
      const gb = hist[o + 2 * b]
      const hb = hist[o + 2 * b + 1]
      // An empty bin offers the same partition as the bin before it.
      if (hb === 0 && gb === 0) continue
      GL += gb
      HL += hb
      if (hasMissing) {
        this.offerNumeric(f, b, GL, HL, 0, out)
        this.offerNumeric(f, b, GL + gm, HL + hm, 1, out)
      } else this.offerNumeric(f, b, GL, HL, -1, out)
    }
    if (hasMissing) {
      // Every value left, NaN right (the last edge is +Infinity).
      this.offerNumeric(f, K - 1, this.G - gm, this.H - hm, 0, out)
    }
  }

  /** `missingLeft` −1: the leaf has no NaN, which then follows the heavier child. */
  private offerNumeric(
    f: number,
    b: number,
    GL: number,
    HL: number,
    missingLeft: number,
    out: SplitCandidate
  ): void {
    const { l2, minChildWeight } = this.params
    const HR = this.H - HL
    if (HL < minChildWeight || HR < minChildWeight) return
    const GR = this.G - GL
    const gain = (GL * GL) / (HL + l2) + (GR * GR) / (HR + l2) - this.parentGain
    if (!(gain > out.gain)) return
    out.gain = gain
    out.feature = f
    out.categorical = false
    out.bin = b
    out.missingLeft = missingLeft === -1 ? (HL >= HR ? 1 : 0) : missingLeft
    out.leftG = GL
    out.leftH = HL
    out.childL2 = l2
  }

  private scanCategorical(hist: Float64Array, f: number, numRows: number, out: SplitCandidate): void {
    const p = this.params
    const o = this.layout.offset[f]
    const K = this.numValueBins[f]
    // The leaf's categories: non-empty value bins, and the missing bin when it holds rows.
    const cats = this.categories
    let numCats = 0
    for (let t = 0; t <= K; t++) if (hist[o + 2 * t + 1] > 0) cats[numCats++] = t
    if (numCats < 2) return
    if (numCats <= p.maxCatToOnehot) {
      for (let i = 0; i < numCats; i++) {
        const t = cats[i]
        this.offerCategorical(hist, f, K, hist[o + 2 * t], hist[o + 2 * t + 1], p.l2, cats, i, 1, 1, out)
      }
      return
    }
    const key = this.sortKey
    const idx = this.sortIndex
    let used = 0
    for (let i = 0; i < numCats; i++) {
      const t = cats[i]
      const h = hist[o + 2 * t + 1]
      if (Math.round(h * this.cntFactor) < p.catSmooth) continue
      idx[used] = t
      key[t] = hist[o + 2 * t] / (h + p.catSmooth)
      used++
    }
    insertionSortByKey(idx, used, key)
    const maxNumCat = Math.min(p.maxCatThreshold, (used + 1) >> 1)
    const l2 = p.l2 + p.catL2
    for (let dir = 1; dir >= -1; dir -= 2) {
      let GL = 0
      let HL = 0
      let countLeft = 0
      let countGroup = 0
      for (let i = 0; i < used && i < maxNumCat; i++) {
        const t = idx[dir === 1 ? i : used - 1 - i]
        const h = hist[o + 2 * t + 1]
        const c = Math.round(h * this.cntFactor)
        GL += hist[o + 2 * t]
        HL += h
        countLeft += c
        countGroup += c
        if (HL < p.minChildWeight) continue
        if (numRows - countLeft < p.minDataPerGroup || this.H - HL < p.minChildWeight) break
        if (countGroup < p.minDataPerGroup) continue
        countGroup = 0
        this.offerCategorical(hist, f, K, GL, HL, l2, idx, dir === 1 ? 0 : used - 1, i + 1, dir, out)
      }
    }
  }

  /**
   * Offers "the `size` categories of `list` from position `from` in direction `dir` go
   * left, every other bin right", unless its emission would copy a child past
   * MAX_SUBTREE_COPIES.
   */
  private offerCategorical(
    hist: Float64Array,
    f: number,
    K: number,
    GL: number,
    HL: number,
    l2: number,
    list: Int32Array,
    from: number,
    size: number,
    dir: number,
    out: SplitCandidate
  ): void {
    const HR = this.H - HL
    const { minChildWeight } = this.params
    if (HL < minChildWeight || HR < minChildWeight) return
    const GR = this.G - GL
    const gain = (GL * GL) / (HL + l2) + (GR * GR) / (HR + l2) - this.parentGain
    if (!(gain > out.gain)) return
    const sides = this.candidateSides
    sides.fill(0, 0, K + 1)
    for (let i = 0; i < size; i++) sides[list[from + i * dir]] = 1
    setSplitCopies(sides, hist, this.layout.offset[f] + 1, 2, K, this.copies)
    if (this.leafCopies * Math.max(this.copies[0], this.copies[1]) > MAX_SUBTREE_COPIES) return
    out.gain = gain
    out.feature = f
    out.categorical = true
    out.bin = -1
    out.leftG = GL
    out.leftH = HL
    out.childL2 = l2
    out.sides.set(sides.subarray(0, K + 1))
    out.missingLeft = sides[K]
  }
}

/** Sorts idx[0, n) by key[idx[i]] ascending (stable: equal keys keep their bin order). n ≤ 256. */
function insertionSortByKey(idx: Int32Array, n: number, key: Float64Array): void {
  for (let i = 1; i < n; i++) {
    const t = idx[i]
    const k = key[t]
    let j = i - 1
    while (j >= 0 && key[idx[j]] > k) {
      idx[j + 1] = idx[j]
      j--
    }
    idx[j + 1] = t
  }
}
