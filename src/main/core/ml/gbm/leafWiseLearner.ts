import type { BinMapper } from '../binning'
import { partitionRows, setThresholdSides } from '../trees/rowPartition'
import { BoostedTree } from './BoostedTree'
import {
  buildGradientHistograms,
  gatherGradients,
  HistogramLayout,
  HistogramPool,
  subtractHistograms
} from './gradientHistogram'
import { setSplitCopies, SplitCandidate, SplitFinder, type SplitParams } from './splitSearch'

/** Settings of one boosted tree, already validated. */
export interface BoostedTreeParams extends SplitParams {
  /** Deepest level a leaf may sit at (root = 0). */
  maxDepth: number
  /** Most leaves of a tree (≥ 2). */
  maxLeaves: number
  /** Shrinkage η: every leaf value is multiplied by it. */
  learningRate: number
}

/**
 * Grows one regression tree on gradients and hessians, leaf-wise (best-first) as LightGBM
 * does: the leaf whose best split gains most is split next, until `maxLeaves` leaves, no
 * leaf above `maxDepth` − 1 can gain, or none gains at all. With `maxLeaves = 2^maxDepth`
 * this is the full depth-wise tree of XGBoost (gain > 0 wherever a split is valid).
 *
 * Each leaf's histograms are built once: a split builds the smaller child's from its rows
 * and turns the parent's into the larger child's by subtraction (LightGBM's histogram
 * subtraction), and children that may not split further get none. A leaf's value is the
 * Newton step −η G / (H + λ).
 *
 * The learner owns the partition: the caller writes the rows of the tree (the round's
 * sample, ascending) into `order` and passes their count; afterwards `leafStart`,
 * `leafEnd` and `leafNode` give each leaf's rows as positions of `order`.
 */
export class LeafWiseLearner {
  /** The tree's rows, each leaf owning a contiguous range (see the class comment). */
  readonly order: Int32Array
  readonly leafNode: Int32Array
  readonly leafStart: Int32Array
  readonly leafEnd: Int32Array
  numLeaves = 0

  private readonly scratch: Int32Array
  /** Gradients by position of `order`, gathered per leaf before its histograms are built. */
  private readonly ordered: Float64Array
  private readonly leafDepth: Int32Array
  /** Copies each leaf will have in the emitted tree (splitSearch.ts, MAX_SUBTREE_COPIES). */
  private readonly leafCopies: Int32Array
  private readonly copies = new Int32Array(2)
  private readonly leafHist: Int32Array
  private readonly candidates: SplitCandidate[]
  private readonly layout: HistogramLayout
  private readonly pool: HistogramPool
  private readonly finder: SplitFinder
  private features: Int32Array = new Int32Array(0)
  private numActive = 0
  private gh: Float64Array = new Float64Array(0)

  constructor(
    private readonly bins: Uint8Array[],
    private readonly mapper: BinMapper,
    isCategorical: Uint8Array,
    private readonly params: BoostedTreeParams,
    numRows: number
  ) {
    this.order = new Int32Array(numRows)
    this.scratch = new Int32Array(numRows)
    this.ordered = new Float64Array(2 * numRows)
    const maxLeaves = params.maxLeaves
    this.leafNode = new Int32Array(maxLeaves)
    this.leafStart = new Int32Array(maxLeaves)
    this.leafEnd = new Int32Array(maxLeaves)
    this.leafDepth = new Int32Array(maxLeaves)
    this.leafCopies = new Int32Array(maxLeaves)
    this.leafHist = new Int32Array(maxLeaves)
    this.candidates = Array.from({ length: maxLeaves }, () => new SplitCandidate())
    this.layout = new HistogramLayout(mapper.numValueBins)
    this.pool = new HistogramPool(this.layout)
    this.finder = new SplitFinder(params, mapper.numValueBins, isCategorical, this.layout)
  }

  /**
   * Grows a tree on rows order[0, size), whose gradient and hessian are gh[2r], gh[2r + 1],
   * splitting only on `features[0, count)`.
   */
  grow(size: number, gh: Float64Array, features: Int32Array, count: number): BoostedTree {
    this.gh = gh
    this.features = features
    this.numActive = count
    this.pool.releaseAll()
    const ordered = this.ordered
    gatherGradients(gh, this.order, 0, size, ordered)
    let G = 0
    let H = 0
    for (let i = 0; i < size; i++) {
      G += ordered[2 * i]
      H += ordered[2 * i + 1]
    }
    const tree = new BoostedTree()
    const root = tree.addLeaf(G, H, this.params.l2)
    this.numLeaves = 1
    this.leafNode[0] = root
    this.leafStart[0] = 0
    this.leafEnd[0] = size
    this.leafDepth[0] = 0
    this.leafCopies[0] = 1
    this.leafHist[0] = -1
    this.candidates[0].reset()
    if (this.params.maxDepth > 0 && this.params.maxLeaves > 1) {
      this.leafHist[0] = this.pool.acquire()
      this.buildLeaf(0, false)
      this.searchLeaf(tree, 0)
    }
    for (;;) {
      const best = this.bestLeaf()
      if (best < 0) break
      this.splitLeaf(tree, best)
    }
    const eta = this.params.learningRate
    for (let i = 0; i < this.numLeaves; i++) {
      const node = this.leafNode[i]
      tree.value[node] = (-eta * tree.sumG[node]) / (tree.sumH[node] + tree.l2[node])
    }
    return tree
  }

  /** The leaf whose split gains most (the first of equals), or −1 when no leaf may split. */
  private bestLeaf(): number {
    if (this.numLeaves >= this.params.maxLeaves) return -1
    let best = -1
    let bestGain = 0
    for (let i = 0; i < this.numLeaves; i++) {
      const gain = this.candidates[i].gain
      if (gain > bestGain) {
        best = i
        bestGain = gain
      }
    }
    return best
  }

  /** Builds leaf i's histograms from its rows (gathering their gradients first unless done). */
  private buildLeaf(i: number, gather: boolean): void {
    const start = this.leafStart[i]
    const end = this.leafEnd[i]
    if (gather) gatherGradients(this.gh, this.order, start, end, this.ordered)
    const hist = this.pool.buffer(this.leafHist[i])
    buildGradientHistograms(
      hist,
      this.layout,
      this.bins,
      this.features,
      this.numActive,
      this.order,
      this.ordered,
      start,
      end
    )
  }

  private searchLeaf(tree: BoostedTree, i: number): void {
    const node = this.leafNode[i]
    this.finder.find(
      this.pool.buffer(this.leafHist[i]),
      this.features,
      this.numActive,
      tree.sumG[node],
      tree.sumH[node],
      this.leafEnd[i] - this.leafStart[i],
      this.leafCopies[i],
      this.candidates[i]
    )
  }

  /** Splits leaf i by its best candidate: leaf i becomes the left child, a new leaf the right one. */
  private splitLeaf(tree: BoostedTree, i: number): void {
    const c = this.candidates[i]
    const f = c.feature
    const node = this.leafNode[i]
    const start = this.leafStart[i]
    const end = this.leafEnd[i]
    const depth = this.leafDepth[i]
    const parentHist = this.leafHist[i]
    const K = this.mapper.numValueBins[f]
    const sides = new Uint8Array(K + 1)
    let binHess: Float64Array | null = null
    if (c.categorical) {
      binHess = this.categoricalSides(c, this.pool.buffer(parentHist), f, K, tree.sumH[node], sides)
    } else setThresholdSides(sides, c.bin, K, c.missingLeft === 1)
    const mid = partitionRows(this.order, this.scratch, this.bins[f], sides, start, end)
    const G = tree.sumG[node]
    const H = tree.sumH[node]
    const l = tree.addLeaf(c.leftG, c.leftH, c.childL2)
    const r = tree.addLeaf(G - c.leftG, H - c.leftH, c.childL2)
    tree.setSplit(node, f, sides, c.categorical ? -1 : c.bin, binHess, c.gain, l, r)

    const j = this.numLeaves++
    this.leafNode[i] = l
    this.leafEnd[i] = mid
    this.leafNode[j] = r
    this.leafStart[j] = mid
    this.leafEnd[j] = end
    this.leafDepth[i] = depth + 1
    this.leafDepth[j] = depth + 1
    if (binHess) {
      setSplitCopies(sides, binHess, 0, 1, K, this.copies)
      this.leafCopies[j] = this.leafCopies[i] * this.copies[1]
      this.leafCopies[i] *= this.copies[0]
    } else this.leafCopies[j] = this.leafCopies[i]
    this.candidates[i].reset()
    this.candidates[j].reset()
    this.leafHist[j] = -1
    if (depth + 1 >= this.params.maxDepth || this.numLeaves >= this.params.maxLeaves) {
      // Neither child will be split: no histograms needed.
      this.pool.release(parentHist)
      this.leafHist[i] = -1
      return
    }
    // The smaller child's histograms from its rows, the larger's by subtraction.
    const small = mid - start <= end - mid ? i : j
    const large = small === i ? j : i
    const smallHist = this.pool.acquire()
    this.leafHist[small] = smallHist
    this.buildLeaf(small, true)
    subtractHistograms(
      this.pool.buffer(parentHist),
      this.pool.buffer(smallHist),
      this.layout,
      this.features,
      this.numActive
    )
    this.leafHist[large] = parentHist
    this.searchLeaf(tree, i)
    this.searchLeaf(tree, j)
  }

  /**
   * The side table of a category-set split, completed for emission: bins the leaf has no
   * rows in (free to go either way) join the side of the nearest bin below them that has
   * rows (above, for the lowest ones), so the set falls into as few runs of consecutive
   * bins as it can (each run becomes one threshold test, see emitFlatTree.ts); NaN follows
   * the heavier child when the leaf has no NaN. Returns the leaf's hessian per bin.
   */
  private categoricalSides(
    c: SplitCandidate,
    hist: Float64Array,
    f: number,
    K: number,
    H: number,
    sides: Uint8Array
  ): Float64Array {
    const o = this.layout.offset[f]
    const binHess = new Float64Array(K + 1)
    for (let b = 0; b <= K; b++) binHess[b] = hist[o + 2 * b + 1]
    sides.set(c.sides.subarray(0, K + 1))
    let first = 0
    while (first < K - 1 && !(binHess[first] > 0)) first++
    let previous = sides[first]
    for (let b = 0; b < K; b++) {
      if (binHess[b] > 0) previous = sides[b]
      else sides[b] = previous
    }
    if (!(binHess[K] > 0)) sides[K] = c.leftH >= H - c.leftH ? 1 : 0
    return binHess
  }
}
