import type { Rng } from '../../base/random'
import type { FlatTree } from '../../model/FlatTree'
import type { BinnedData } from '../trees/BinnedData'
import { FlatTreeBuilder } from '../trees/FlatTreeBuilder'
import { partitionRows, partitionWithPayload, setThresholdSides } from '../trees/rowPartition'
import { buildClassHistograms, ClassHistograms, clearSlot } from './classHistogram'
import { GiniSplitSearch } from './giniSplit'

export type { BinnedData }

/**
 * One decision tree of a random forest, grown on binned features (LightGBM's serial tree
 * learner in random-forest mode, with scikit-learn's split rules). This module holds the
 * growth; the pieces it drives have a module each: the row partition and node storage
 * (../trees, shared with boosting), the class-count histograms (classHistogram.ts) and the
 * Gini split search (giniSplit.ts).
 *
 * - Bootstrap: `numRows` draws with replacement, kept as integer per-row counts; rows drawn
 *   zero times are left out of the partition (they are the tree's out-of-bag rows).
 * - Every split draws a fresh subset of `maxFeatures` features. As in scikit-learn, a
 *   feature found constant in the node does not count towards `maxFeatures` and another
 *   one is drawn, until `maxFeatures` non-constant features were seen or none are left.
 * - Depth-first growth (left child first); a node is a leaf at `maxDepth`, when it holds
 *   fewer than 2 weighted samples (`minSamplesSplit`) or fewer than `2 * minSamplesLeaf`, when
 *   it is pure, or when no sampled feature offers a valid split.
 *
 * No histogram subtraction (LightGBM's "larger child = parent - smaller child"): with a
 * fresh feature subset per split, a child's features were histogrammed at its parent only
 * maxFeatures/numFeatures of the time (1 in 5 for 4 of 20), and keeping every parent's
 * histograms until both children are done costs more than the few passes it saves.
 * Instead, each node histograms its drawn features in one pass over its rows, and
 * partitions are stable so those passes read the bins in ascending row order.
 */

/** Tree settings, already resolved and validated by the caller. */
export interface TreeParams {
  maxDepth: number
  minSamplesLeaf: number
  /** Number of non-constant features to examine per split, 1..numFeatures. */
  maxFeatures: number
  /** False only in tests: every row is used once, so a tree can be checked by hand. */
  bootstrap: boolean
}

/** A grown tree with what the forest aggregates from it. */
export interface GrownTree {
  tree: FlatTree
  /** Weighted Gini decrease summed per feature (not normalised). */
  impurityDecrease: Float64Array
  /** 1 for rows drawn at least once by the bootstrap, 0 for out-of-bag rows. */
  inBag: Uint8Array
  /** Leaf reached by each out-of-bag row, -1 for in-bag rows. */
  oobLeaf: Int32Array
}

/** Nodes with fewer rows than this many per bin of the widest feature are histogrammed sparsely. */
const SPARSE_ROWS_PER_BIN = 1

const STACK_FIELDS = 8

/** Creates a learner bound to one data set; it reuses its buffers and keeps no state between trees. */
export function createTreeLearner(data: BinnedData, params: TreeParams): (rng: Rng) => GrownTree {
  const grower = new TreeGrower(data, params)
  return (rng) => grower.grow(rng)
}

class TreeGrower {
  private readonly bins: Uint8Array[]
  private readonly y: Uint8Array
  private readonly numValueBins: Int32Array
  private readonly upperEdges: Float64Array[]
  private readonly numRows: number
  private readonly numFeatures: number
  private readonly maxDepth: number
  private readonly minSamplesLeaf: number
  private readonly maxFeatures: number
  private readonly bootstrap: boolean
  /** Nodes with fewer rows than this use the sparse histogram scan. */
  private readonly sparseBelow: number

  /** Bootstrap count of each row. */
  private readonly weight: Int32Array
  /**
   * The partition: in-bag rows, each node owning a contiguous range; `orderWy[i]` is
   * `weight << 1 | y` of row `order[i]`, moved along with it so the histogram loop reads
   * weight and label sequentially instead of at random.
   */
  private readonly order: Int32Array
  private readonly orderWy: Int32Array
  /**
   * Out-of-bag rows, partitioned alongside the in-bag ones (each node also owns a range of
   * these), so that each ends up knowing its leaf without a second descent of the tree.
   */
  private readonly oobOrder: Int32Array
  /** Scratch for the right part of a stable partition. */
  private readonly scratchOrder: Int32Array
  private readonly scratchWy: Int32Array
  /** Per bin of the feature being split on: 1 when its rows go left. */
  private readonly goesLeft = new Uint8Array(256)
  private oobLeaf = new Int32Array(0)
  /** Features in Fisher-Yates order; reset per tree so trees do not depend on each other. */
  private readonly featurePerm: Int32Array
  /** One histogram slot per feature drawn in a batch. */
  private readonly histograms: ClassHistograms
  private readonly search: GiniSplitSearch
  private readonly nodes = new FlatTreeBuilder()
  /** Depth-first stack of pending nodes: id, start, end, oobStart, oobEnd, depth, weight, positive weight. */
  private readonly stack: Float64Array

  private rng: Rng | null = null
  private impurityDecrease = new Float64Array(0)
  /** Children of the node just split (set by splitNode). */
  private splitLeft = -1
  private splitRight = -1
  /** The partition drawBootstrap laid out: in-bag and out-of-bag row counts, in-bag weights. */
  private inBagSize = 0
  private oobSize = 0
  private totalW = 0
  private totalP = 0

  constructor(data: BinnedData, params: TreeParams) {
    this.bins = data.bins
    this.y = data.y
    this.numValueBins = data.mapper.numValueBins
    this.upperEdges = data.mapper.upperEdges
    this.numRows = data.numRows
    this.numFeatures = data.bins.length
    this.maxDepth = params.maxDepth
    this.minSamplesLeaf = params.minSamplesLeaf
    this.maxFeatures = params.maxFeatures
    this.bootstrap = params.bootstrap
    this.weight = new Int32Array(this.numRows)
    this.order = new Int32Array(this.numRows)
    this.orderWy = new Int32Array(this.numRows)
    this.oobOrder = new Int32Array(this.numRows)
    this.scratchOrder = new Int32Array(this.numRows)
    this.scratchWy = new Int32Array(this.numRows)
    this.featurePerm = new Int32Array(this.numFeatures)
    let maxValueBins = 1
    for (let f = 0; f < this.numFeatures; f++) maxValueBins = Math.max(maxValueBins, this.numValueBins[f])
    // Stryker disable next-line ArithmeticOperator: where sparse scanning starts changes speed only (see the sparse flag below)
    this.sparseBelow = SPARSE_ROWS_PER_BIN * maxValueBins
    this.histograms = new ClassHistograms(this.maxFeatures, maxValueBins)
    this.search = new GiniSplitSearch(this.minSamplesLeaf)
    // Depth-first with the left child first: at most one pending right sibling per level.
    this.stack = new Float64Array(STACK_FIELDS * (Math.min(this.maxDepth, this.numRows) + 2))
  }

  grow(rng: Rng): GrownTree {
    this.rng = rng
    const n = this.numRows
    const inBag = new Uint8Array(n)
    this.impurityDecrease = new Float64Array(this.numFeatures)
    this.oobLeaf = new Int32Array(n).fill(-1)
    for (let f = 0; f < this.numFeatures; f++) this.featurePerm[f] = f
    this.nodes.reset()
    this.drawBootstrap(rng, inBag)
    this.growNodes()
    this.rng = null
    return {
      tree: this.nodes.finish(),
      impurityDecrease: this.impurityDecrease,
      inBag,
      oobLeaf: this.oobLeaf
    }
  }

  /**
   * Draws the bootstrap and lays out the partition: in-bag rows in `order`, out-of-bag rows
   * in `oobOrder`. The hot loops of a tree are methods of their own (here and growNodes)
   * rather than one long `grow`: V8 then optimises each as a whole function instead of
   * entering it mid-loop and leaving compiled code at the first line after the loop, tree
   * after tree.
   */
  private drawBootstrap(rng: Rng, inBag: Uint8Array): void {
    const n = this.numRows
    const { weight, order, orderWy, oobOrder, y } = this
    weight.fill(0)
    if (this.bootstrap) for (let k = 0; k < n; k++) weight[rng.int(n)]++
    else weight.fill(1)
    let size = 0
    let oobSize = 0
    let totalW = 0
    let totalP = 0
    for (let r = 0; r < n; r++) {
      const w = weight[r]
      if (w === 0) {
        oobOrder[oobSize++] = r
        continue
      }
      inBag[r] = 1
      order[size] = r
      orderWy[size] = (w << 1) | y[r]
      size++
      totalW += w
      if (y[r] === 1) totalP += w
    }
    this.inBagSize = size
    this.oobSize = oobSize
    this.totalW = totalW
    this.totalP = totalP
  }

  /** Grows the tree depth-first from the root over the partition drawBootstrap laid out. */
  private growNodes(): void {
    const { oobOrder, stack } = this
    const totalW = this.totalW
    const totalP = this.totalP
    const root = this.nodes.addNode(totalP / totalW, totalW)
    let top = this.push(0, root, 0, this.inBagSize, 0, this.oobSize, 0, totalW, totalP)
    while (top > 0) {
      top -= STACK_FIELDS
      const node = stack[top]
      const start = stack[top + 1]
      const end = stack[top + 2]
      const oobStart = stack[top + 3]
      const oobEnd = stack[top + 4]
      const depth = stack[top + 5]
      const w = stack[top + 6]
      const p = stack[top + 7]
      const mid = this.splitNode(node, start, end, depth, w, p)
      if (mid < 0) {
        for (let i = oobStart; i < oobEnd; i++) this.oobLeaf[oobOrder[i]] = node
        continue
      }
      // The split's side table is still in goesLeft: the out-of-bag rows follow it.
      const oobMid = partitionRows(
        oobOrder,
        this.scratchOrder,
        this.bins[this.search.bestFeature],
        this.goesLeft,
        oobStart,
        oobEnd
      )
      const leftW = this.search.bestLeftW
      const leftP = this.search.bestLeftP
      // Right pushed first so the left subtree is grown first (scikit-learn's order).
      top = this.push(top, this.splitRight, mid, end, oobMid, oobEnd, depth + 1, w - leftW, p - leftP)
      top = this.push(top, this.splitLeft, start, mid, oobStart, oobMid, depth + 1, leftW, leftP)
    }
  }

  private push(
    top: number,
    node: number,
    start: number,
    end: number,
    oobStart: number,
    oobEnd: number,
    depth: number,
    w: number,
    p: number
  ): number {
    const stack = this.stack
    stack[top] = node
    stack[top + 1] = start
    stack[top + 2] = end
    stack[top + 3] = oobStart
    stack[top + 4] = oobEnd
    stack[top + 5] = depth
    stack[top + 6] = w
    stack[top + 7] = p
    return top + STACK_FIELDS
  }

  /**
   * Finds the best split of a node and, if there is one, partitions its rows and creates
   * its children. Returns the first row of the right child, or -1 when the node stays a leaf.
   */
  private splitNode(node: number, start: number, end: number, depth: number, w: number, p: number): number {
    if (depth >= this.maxDepth || w < 2 || w < 2 * this.minSamplesLeaf || p === 0 || p === w) return -1
    const rng = this.rng as Rng
    const perm = this.featurePerm
    const numFeatures = this.numFeatures
    // The same flag goes to the histogram build and the split scan: the sparse scan visits only
    // the bins the build marked as touched, and an untouched bin is empty, so both find the
    // same split.
    // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: as above
    const sparse = end - start < this.sparseBelow
    const search = this.search
    const histograms = this.histograms
    search.begin(w, p)
    let visited = 0
    let drawn = 0
    while (visited < this.maxFeatures && drawn < numFeatures) {
      // Draw as many features as are still wanted (partial Fisher-Yates: perm[0..drawn) are
      // this node's draws, without replacement) and histogram them in one pass over the rows.
      // The draws are the same as drawing one at a time until enough non-constant features
      // were seen, because a batch never asks for more than are still wanted.
      const first = drawn
      const batch = Math.min(this.maxFeatures - visited, numFeatures - drawn)
      for (let k = 0; k < batch; k++) {
        const j = drawn + rng.int(numFeatures - drawn)
        const f = perm[j]
        perm[j] = perm[drawn]
        perm[drawn] = f
        drawn++
      }
      buildClassHistograms(
        histograms,
        this.bins,
        perm,
        first,
        batch,
        this.order,
        this.orderWy,
        start,
        end,
        sparse
      )
      for (let k = 0; k < batch; k++) {
        const f = perm[first + k]
        if (search.scan(histograms, f, k, this.numValueBins[f], sparse)) visited++
        clearSlot(histograms, k, this.numValueBins[f], sparse)
      }
    }
    if (!search.found) return -1

    const f = search.bestFeature
    const bin = search.bestBin
    const leftW = search.bestLeftW
    const leftP = search.bestLeftP
    const missingLeft = search.bestMissingGoesLeft()
    setThresholdSides(this.goesLeft, bin, this.numValueBins[f], missingLeft === 1)
    const mid = partitionWithPayload(
      this.order,
      this.orderWy,
      this.scratchOrder,
      this.scratchWy,
      this.bins[f],
      this.goesLeft,
      start,
      end
    )
    const l = this.nodes.addNode(leftP / leftW, leftW)
    const r = this.nodes.addNode((p - leftP) / (w - leftW), w - leftW)
    this.nodes.setSplit(node, f, this.upperEdges[f][bin], missingLeft, l, r)
    this.splitLeft = l
    this.splitRight = r
    // Weighted impurity decrease: w*gini(node) - wl*gini(l) - wr*gini(r), where w*gini is
    // 2*p*(w-p)/w and the children's sum is 2*score. Clamped: rounding may leave -1e-16.
    const decrease = 2 * ((p * (w - p)) / w - search.bestScore)
    if (decrease > 0) this.impurityDecrease[f] += decrease
    return mid
  }
}
