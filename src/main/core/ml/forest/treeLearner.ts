import type { Rng } from '../../base/random'
import type { BinMapper } from '../binning'
import type { FlatTree } from '../../model/FlatTree'

/**
 * One decision tree of a random forest, grown on binned features (LightGBM's serial tree
 * learner in random-forest mode, with scikit-learn's split rules).
 *
 * - Bootstrap: `numRows` draws with replacement, kept as integer per-row counts; rows drawn
 *   zero times are left out of the partition (they are the tree's out-of-bag rows).
 * - Every split draws a fresh subset of `maxFeatures` features. As in scikit-learn, a
 *   feature found constant in the node does not count towards `maxFeatures` and another
 *   one is drawn, until `maxFeatures` non-constant features were seen or none are left.
 * - Split quality is the Gini impurity of bootstrap-weighted class counts; both children
 *   must hold at least `minSamplesLeaf` weighted samples. NaN goes to whichever side gives
 *   the lower impurity; when the node had no NaN for the feature it goes to the heavier side.
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

/** The training matrix as the learner sees it: binned features, labels and the bin edges. */
export interface BinnedData {
  numRows: number
  /** One Uint8Array of `numRows` bins per feature (see binning.ts for bin semantics). */
  bins: Uint8Array[]
  /** Labels, 0 or 1. */
  y: Uint8Array
  mapper: BinMapper
}

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

/**
 * Histograms of nodes with fewer rows than the widest feature has bins are scanned through
 * a bitmap of the bins they touched instead of over every bin: deep nodes hold a handful of
 * rows, and walking 255 mostly empty bins for each would cost more than building them.
 */
const SPARSE_ROWS_PER_BIN = 1

const INITIAL_NODE_CAPACITY = 1024

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
   * The partition (LightGBM's DataPartition): in-bag rows, each node owning a contiguous
   * range; `orderWy[i]` is `weight << 1 | y` of row `order[i]`, moved along with it so the
   * histogram loop reads weight and label sequentially instead of at random.
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
  /**
   * One histogram slot per feature drawn in a batch (`histStride` ints each): [negative
   * weight, positive weight] per bin, missing bin last. All zero between scans.
   */
  private readonly hist: Int32Array
  private readonly histStride: number
  /** Per slot, bins touched by a sparse node (bit b of word b >> 5 of the slot's 8 words). */
  private readonly touched: Int32Array
  /** Depth-first stack of pending nodes: id, start, end, oobStart, oobEnd, depth, weight, positive weight. */
  private readonly stack: Float64Array

  private rng: Rng | null = null
  private impurityDecrease = new Float64Array(0)

  private nodeCount = 0
  private capacity = 0
  private feature = new Int32Array(0)
  private threshold = new Float64Array(0)
  private missingLeft = new Uint8Array(0)
  private left = new Int32Array(0)
  private right = new Int32Array(0)
  private value = new Float64Array(0)
  private cover = new Float64Array(0)

  // The node being split: its weights and the best candidate so far. Kept in fields so that
  // the scan allocates nothing; `bestMissingLeft === -1` means the node had no NaN for the
  // feature and NaN will follow the heavier child.
  private nodeW = 0
  private nodeP = 0
  private bestScore = Infinity
  private bestFeature = -1
  private bestBin = -1
  private bestMissingLeft = -1
  private bestLeftW = 0
  private bestLeftP = 0

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
    this.sparseBelow = SPARSE_ROWS_PER_BIN * maxValueBins
    this.histStride = 2 * (maxValueBins + 1)
    this.hist = new Int32Array(this.maxFeatures * this.histStride)
    this.touched = new Int32Array(this.maxFeatures * 8)
    // Depth-first with the left child first: at most one pending right sibling per level.
    this.stack = new Float64Array(STACK_FIELDS * (Math.min(this.maxDepth, this.numRows) + 2))
  }

  grow(rng: Rng): GrownTree {
    this.rng = rng
    const n = this.numRows
    const { weight, order, orderWy, oobOrder, y } = this
    weight.fill(0)
    if (this.bootstrap) for (let k = 0; k < n; k++) weight[rng.int(n)]++
    else weight.fill(1)
    const inBag = new Uint8Array(n)
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
    for (let f = 0; f < this.numFeatures; f++) this.featurePerm[f] = f
    this.impurityDecrease = new Float64Array(this.numFeatures)
    this.oobLeaf = new Int32Array(n).fill(-1)
    this.nodeCount = 0
    if (this.capacity === 0) this.reserve(INITIAL_NODE_CAPACITY)

    const root = this.addNode(totalW, totalP)
    const stack = this.stack
    let top = this.push(0, root, 0, size, 0, oobSize, 0, totalW, totalP)
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
      const oobMid = this.partitionOutOfBag(this.feature[node], oobStart, oobEnd)
      const leftW = this.bestLeftW
      const leftP = this.bestLeftP
      // Right pushed first so the left subtree is grown first (scikit-learn's order).
      top = this.push(top, this.right[node], mid, end, oobMid, oobEnd, depth + 1, w - leftW, p - leftP)
      top = this.push(top, this.left[node], start, mid, oobStart, oobMid, depth + 1, leftW, leftP)
    }
    this.rng = null
    const count = this.nodeCount
    const tree: FlatTree = {
      feature: this.feature.slice(0, count),
      threshold: this.threshold.slice(0, count),
      missingLeft: this.missingLeft.slice(0, count),
      left: this.left.slice(0, count),
      right: this.right.slice(0, count),
      value: this.value.slice(0, count),
      cover: this.cover.slice(0, count)
    }
    return { tree, impurityDecrease: this.impurityDecrease, inBag, oobLeaf: this.oobLeaf }
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
    const sparse = end - start < this.sparseBelow
    this.nodeW = w
    this.nodeP = p
    this.bestScore = Infinity
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
      this.buildHistograms(first, batch, start, end, sparse)
      for (let k = 0; k < batch; k++) {
        if (this.scanHistogram(perm[first + k], k, sparse)) visited++
      }
    }
    if (this.bestScore === Infinity) return -1

    const f = this.bestFeature
    const bin = this.bestBin
    const leftW = this.bestLeftW
    const leftP = this.bestLeftP
    const missingLeft = this.bestMissingLeft === -1 ? (leftW >= w - leftW ? 1 : 0) : this.bestMissingLeft
    this.setGoesLeft(f, bin, missingLeft === 1)
    const mid = this.partition(f, start, end)
    const l = this.addNode(leftW, leftP)
    const r = this.addNode(w - leftW, p - leftP)
    this.feature[node] = f
    this.threshold[node] = this.upperEdges[f][bin]
    this.missingLeft[node] = missingLeft
    this.left[node] = l
    this.right[node] = r
    // Weighted impurity decrease: w*gini(node) - wl*gini(l) - wr*gini(r), where w*gini is
    // 2*p*(w-p)/w and the children's sum is 2*score. Clamped: rounding may leave -1e-16.
    const decrease = 2 * ((p * (w - p)) / w - this.bestScore)
    if (decrease > 0) this.impurityDecrease[f] += decrease
    return mid
  }

  /**
   * Histograms features perm[first .. first+count) over rows [start, end) into slots
   * 0..count-1, four features per pass over the rows, then two, then one. One pass serves
   * several features because reading the row index, weight and label once and issuing
   * independent histogram updates measured ~1.5-3x faster than a pass per feature. The
   * loops are written out per width (rather than looping over an array of columns) because
   * the inner array-of-columns lookup cost as much as the pass itself.
   */
  private buildHistograms(first: number, count: number, start: number, end: number, sparse: boolean): void {
    let k = 0
    while (count - k >= 4) {
      this.buildHistograms4(first + k, k, start, end, sparse)
      k += 4
    }
    if (count - k >= 2) {
      this.buildHistograms2(first + k, k, start, end, sparse)
      k += 2
    }
    if (count - k === 1) this.buildHistograms1(first + k, k, start, end, sparse)
  }

  private buildHistograms4(p: number, slot: number, start: number, end: number, sparse: boolean): void {
    const { hist, touched, order, orderWy, bins, featurePerm } = this
    const b0 = bins[featurePerm[p]]
    const b1 = bins[featurePerm[p + 1]]
    const b2 = bins[featurePerm[p + 2]]
    const b3 = bins[featurePerm[p + 3]]
    const h0 = slot * this.histStride
    const h1 = h0 + this.histStride
    const h2 = h1 + this.histStride
    const h3 = h2 + this.histStride
    const t0 = slot * 8
    for (let i = start; i < end; i++) {
      const r = order[i]
      const wy = orderWy[i]
      const c = wy & 1
      const w = wy >>> 1
      const x0 = b0[r]
      const x1 = b1[r]
      const x2 = b2[r]
      const x3 = b3[r]
      hist[h0 + ((x0 << 1) | c)] += w
      hist[h1 + ((x1 << 1) | c)] += w
      hist[h2 + ((x2 << 1) | c)] += w
      hist[h3 + ((x3 << 1) | c)] += w
      if (sparse) {
        touched[t0 + (x0 >>> 5)] |= 1 << (x0 & 31)
        touched[t0 + 8 + (x1 >>> 5)] |= 1 << (x1 & 31)
        touched[t0 + 16 + (x2 >>> 5)] |= 1 << (x2 & 31)
        touched[t0 + 24 + (x3 >>> 5)] |= 1 << (x3 & 31)
      }
    }
  }

  private buildHistograms2(p: number, slot: number, start: number, end: number, sparse: boolean): void {
    const { hist, touched, order, orderWy, bins, featurePerm } = this
    const b0 = bins[featurePerm[p]]
    const b1 = bins[featurePerm[p + 1]]
    const h0 = slot * this.histStride
    const h1 = h0 + this.histStride
    const t0 = slot * 8
    for (let i = start; i < end; i++) {
      const r = order[i]
      const wy = orderWy[i]
      const c = wy & 1
      const w = wy >>> 1
      const x0 = b0[r]
      const x1 = b1[r]
      hist[h0 + ((x0 << 1) | c)] += w
      hist[h1 + ((x1 << 1) | c)] += w
      if (sparse) {
        touched[t0 + (x0 >>> 5)] |= 1 << (x0 & 31)
        touched[t0 + 8 + (x1 >>> 5)] |= 1 << (x1 & 31)
      }
    }
  }

  private buildHistograms1(p: number, slot: number, start: number, end: number, sparse: boolean): void {
    const { hist, touched, order, orderWy } = this
    const b0 = this.bins[this.featurePerm[p]]
    const h0 = slot * this.histStride
    const t0 = slot * 8
    for (let i = start; i < end; i++) {
      const wy = orderWy[i]
      const x0 = b0[order[i]]
      hist[h0 + ((x0 << 1) | (wy & 1))] += wy >>> 1
      if (sparse) touched[t0 + (x0 >>> 5)] |= 1 << (x0 & 31)
    }
  }

  /**
   * Offers every split point of feature f's histogram (in `slot`) to `consider`, then clears
   * the slot. Returns false when the feature is constant in the node (a single non-empty
   * bin), which scikit-learn does not count towards maxFeatures.
   *
   * Two copies of the same walk: dense visits every bin; sparse visits only the bins set in
   * the slot's `touched` bitmap, in ascending order (lowest set bit via count-leading-zeros),
   * which is what keeps the thousands of tiny deep nodes cheap.
   */
  private scanHistogram(f: number, slot: number, sparse: boolean): boolean {
    const hist = this.hist
    const touched = this.touched
    const h = slot * this.histStride
    const t = slot * 8
    const numBins = this.numValueBins[f]
    const numWords = (numBins >>> 5) + 1
    const missingAt = h + 2 * numBins
    const p = this.nodeP
    const missP = hist[missingAt + 1]
    const missW = hist[missingAt] + missP
    const valueW = this.nodeW - missW
    let leftW = 0
    let leftP = 0
    let splittable = false
    if (valueW > 0) {
      if (sparse) {
        scan: for (let k = 0; k < numWords; k++) {
          let word = touched[t + k]
          while (word !== 0) {
            const low = word & -word
            word ^= low
            const b = (k << 5) + 31 - Math.clz32(low)
            if (b === numBins) break scan
            const binP = hist[h + 2 * b + 1]
            leftP += binP
            leftW += hist[h + 2 * b] + binP
            if (leftW >= valueW) break scan
            splittable = true
            this.considerValueSplit(f, b, leftW, leftP, missW, missP)
          }
        }
      } else {
        for (let b = 0; b < numBins; b++) {
          const binP = hist[h + 2 * b + 1]
          const binW = hist[h + 2 * b] + binP
          if (binW === 0) continue
          leftP += binP
          leftW += binW
          if (leftW >= valueW) break
          splittable = true
          this.considerValueSplit(f, b, leftW, leftP, missW, missP)
        }
      }
      if (missW > 0) {
        // Values on one side, NaN on the other: stored as threshold +Infinity (the last edge).
        splittable = true
        this.consider(f, numBins - 1, valueW, p - missP, 0)
      }
    }

    if (sparse) {
      for (let k = 0; k < numWords; k++) {
        let word = touched[t + k]
        while (word !== 0) {
          const low = word & -word
          word ^= low
          const b = (k << 5) + 31 - Math.clz32(low)
          hist[h + 2 * b] = 0
          hist[h + 2 * b + 1] = 0
        }
        touched[t + k] = 0
      }
    } else {
      hist.fill(0, h, missingAt + 2)
    }
    return splittable
  }

  /** Offers "bins <= b go left" with NaN on either side (or, without NaN, on the heavier side). */
  private considerValueSplit(
    f: number,
    b: number,
    leftW: number,
    leftP: number,
    missW: number,
    missP: number
  ): void {
    if (missW === 0) {
      this.consider(f, b, leftW, leftP, -1)
    } else {
      this.consider(f, b, leftW, leftP, 0)
      this.consider(f, b, leftW + missW, leftP + missP, 1)
    }
  }

  /**
   * Scores a candidate whose left child holds weight `leftW` (of which `leftP` positive).
   * Score = sum over children of weight * Gini / 2 = pl*nl/wl + pr*nr/wr; lower is better,
   * and the first of equal candidates wins.
   */
  private consider(f: number, b: number, leftW: number, leftP: number, missingLeft: number): void {
    const rightW = this.nodeW - leftW
    if (leftW < this.minSamplesLeaf || rightW < this.minSamplesLeaf) return
    const rightP = this.nodeP - leftP
    const score = (leftP * (leftW - leftP)) / leftW + (rightP * (rightW - rightP)) / rightW
    if (score < this.bestScore) {
      this.bestScore = score
      this.bestFeature = f
      this.bestBin = b
      this.bestMissingLeft = missingLeft
      this.bestLeftW = leftW
      this.bestLeftP = leftP
    }
  }

  /**
   * Marks in `goesLeft` the bins of feature f that go left: bins 0..b, and the missing bin
   * when NaN goes left. A table lookup lets the partitions below run without branches.
   */
  private setGoesLeft(f: number, b: number, missingLeft: boolean): void {
    const goesLeft = this.goesLeft
    const missing = this.numValueBins[f]
    goesLeft.fill(1, 0, b + 1)
    goesLeft.fill(0, b + 1, missing + 1)
    goesLeft[missing] = missingLeft ? 1 : 0
  }

  /**
   * Stable partition of rows [start, end) by `goesLeft` (moving `orderWy` along): left rows
   * first, right rows after, each in their previous order. Keeping every node's rows in
   * ascending row order turns the histogram loop's reads of `bins[f][row]` from random
   * into nearly sequential ones. Every row is written to both the left run (in place) and
   * a scratch run, and only one cursor advances: no unpredictable branch per row.
   * Returns the first index of the right part.
   */
  private partition(f: number, start: number, end: number): number {
    const bins = this.bins[f]
    const { order, orderWy, scratchOrder, scratchWy, goesLeft } = this
    let l = start
    let k = 0
    for (let i = start; i < end; i++) {
      const row = order[i]
      const wy = orderWy[i]
      const g = goesLeft[bins[row]]
      order[l] = row
      orderWy[l] = wy
      scratchOrder[k] = row
      scratchWy[k] = wy
      l += g
      k += 1 - g
    }
    order.set(scratchOrder.subarray(0, k), l)
    orderWy.set(scratchWy.subarray(0, k), l)
    return l
  }

  /**
   * The same stable partition for the out-of-bag rows [start, end) of the node just split.
   * Their bins decide as their raw values would: for a training row, "bin <= b" is
   * "x <= upper edge of b" (see binning.ts).
   */
  private partitionOutOfBag(f: number, start: number, end: number): number {
    const bins = this.bins[f]
    const { oobOrder, scratchOrder, goesLeft } = this
    let l = start
    let k = 0
    for (let i = start; i < end; i++) {
      const row = oobOrder[i]
      const g = goesLeft[bins[row]]
      oobOrder[l] = row
      scratchOrder[k] = row
      l += g
      k += 1 - g
    }
    oobOrder.set(scratchOrder.subarray(0, k), l)
    return l
  }

  private addNode(w: number, p: number): number {
    if (this.nodeCount === this.capacity) this.reserve(this.capacity * 2)
    const id = this.nodeCount++
    this.feature[id] = -1
    this.threshold[id] = 0
    this.missingLeft[id] = 0
    this.left[id] = -1
    this.right[id] = -1
    this.value[id] = p / w
    this.cover[id] = w
    return id
  }

  private reserve(capacity: number): void {
    const grow = <T extends Int32Array | Float64Array | Uint8Array>(old: T, fresh: T): T => {
      fresh.set(old)
      return fresh
    }
    this.feature = grow(this.feature, new Int32Array(capacity))
    this.threshold = grow(this.threshold, new Float64Array(capacity))
    this.missingLeft = grow(this.missingLeft, new Uint8Array(capacity))
    this.left = grow(this.left, new Int32Array(capacity))
    this.right = grow(this.right, new Int32Array(capacity))
    this.value = grow(this.value, new Float64Array(capacity))
    this.cover = grow(this.cover, new Float64Array(capacity))
    this.capacity = capacity
  }
}
