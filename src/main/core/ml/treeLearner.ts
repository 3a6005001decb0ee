import type { Rng } from '../random'
import type { BinMapper } from './binning'
import type { FlatTree } from './FlatTree'

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
}

/**
 * Below this many rows a node's histogram is scanned through a bitmap of the bins it
 * touched instead of over every bin: deep nodes hold a handful of rows, and walking 255
 * mostly empty bins for each of them would cost more than building the histogram.
 */
const SPARSE_ROWS_PER_BIN = 1

const INITIAL_NODE_CAPACITY = 1024

/** Creates a learner bound to one data set; it reuses its buffers and keeps no state between trees. */
export function createTreeLearner(data: BinnedData, params: TreeParams): (rng: Rng) => GrownTree {
  const grower = new TreeGrower(data, params)
  return (rng) => grower.grow(rng)
}

/**
 * Leaf reached by each out-of-bag row (-1 for in-bag rows), routed on bins rather than raw
 * values. For a training row of bin `b`, `x <= u[t]` exactly when `u[b] <= u[t]` (edges are
 * strictly increasing), so this is the leaf raw-value prediction reaches.
 */
export function outOfBagLeaves(tree: FlatTree, data: BinnedData, inBag: Uint8Array): Int32Array {
  const { feature, threshold, missingLeft, left, right } = tree
  const { bins } = data
  const { upperEdges, missingBin } = data.mapper
  const leaves = new Int32Array(data.numRows)
  for (let r = 0; r < data.numRows; r++) {
    if (inBag[r] === 1) {
      leaves[r] = -1
      continue
    }
    let node = 0
    while (feature[node] >= 0) {
      const f = feature[node]
      const b = bins[f][r]
      const goLeft = b === missingBin[f] ? missingLeft[node] === 1 : upperEdges[f][b] <= threshold[node]
      node = goLeft ? left[node] : right[node]
    }
    leaves[r] = node
  }
  return leaves
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

  /** Bootstrap count of each row. */
  private readonly weight: Int32Array
  /**
   * The partition (LightGBM's DataPartition): in-bag rows, each node owning a contiguous
   * range; `orderWy[i]` is `weight << 1 | y` of row `order[i]`, moved along with it so the
   * histogram loop reads weight and label sequentially instead of at random.
   */
  private readonly order: Int32Array
  private readonly orderWy: Int32Array
  /** Features in Fisher-Yates order; reset per tree so trees do not depend on each other. */
  private readonly featurePerm: Int32Array
  /** Histogram of one feature: [negative weight, positive weight] per bin, missing bin last. */
  private readonly hist: Int32Array
  /** Bins touched by a small node (bit b of word b >> 5), for the sparse scan. */
  private readonly touched: Int32Array
  /** Depth-first stack of pending nodes: id, start, end, depth, weight, positive weight. */
  private stack: Float64Array

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
    this.featurePerm = new Int32Array(this.numFeatures)
    let maxBins = 1
    for (let f = 0; f < this.numFeatures; f++) maxBins = Math.max(maxBins, this.numValueBins[f] + 1)
    this.hist = new Int32Array(2 * maxBins)
    this.touched = new Int32Array(8)
    // Depth-first with the left child first: at most one pending right sibling per level.
    this.stack = new Float64Array(6 * (Math.min(this.maxDepth, this.numRows) + 2))
  }

  grow(rng: Rng): GrownTree {
    this.rng = rng
    const n = this.numRows
    const { weight, order, orderWy, y } = this
    weight.fill(0)
    if (this.bootstrap) for (let k = 0; k < n; k++) weight[rng.int(n)]++
    else weight.fill(1)
    const inBag = new Uint8Array(n)
    let size = 0
    let totalW = 0
    let totalP = 0
    for (let r = 0; r < n; r++) {
      const w = weight[r]
      if (w === 0) continue
      inBag[r] = 1
      order[size] = r
      orderWy[size] = (w << 1) | y[r]
      size++
      totalW += w
      if (y[r] === 1) totalP += w
    }
    for (let f = 0; f < this.numFeatures; f++) this.featurePerm[f] = f
    this.impurityDecrease = new Float64Array(this.numFeatures)
    this.nodeCount = 0
    if (this.capacity === 0) this.reserve(INITIAL_NODE_CAPACITY)

    const root = this.addNode(totalW, totalP)
    const stack = this.stack
    let top = 0
    stack[0] = root
    stack[1] = 0
    stack[2] = size
    stack[3] = 0
    stack[4] = totalW
    stack[5] = totalP
    top = 6
    while (top > 0) {
      top -= 6
      const node = stack[top]
      const start = stack[top + 1]
      const end = stack[top + 2]
      const depth = stack[top + 3]
      const w = stack[top + 4]
      const p = stack[top + 5]
      const mid = this.splitNode(node, start, end, depth, w, p)
      if (mid < 0) continue
      const leftW = this.bestLeftW
      const leftP = this.bestLeftP
      const l = this.left[node]
      const r = this.right[node]
      // Right pushed first so the left subtree is grown first (scikit-learn's order).
      stack[top] = r
      stack[top + 1] = mid
      stack[top + 2] = end
      stack[top + 3] = depth + 1
      stack[top + 4] = w - leftW
      stack[top + 5] = p - leftP
      stack[top + 6] = l
      stack[top + 7] = start
      stack[top + 8] = mid
      stack[top + 9] = depth + 1
      stack[top + 10] = leftW
      stack[top + 11] = leftP
      top += 12
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
    return { tree, impurityDecrease: this.impurityDecrease, inBag }
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
    this.nodeW = w
    this.nodeP = p
    this.bestScore = Infinity
    let visited = 0
    let drawn = 0
    while (visited < this.maxFeatures && drawn < numFeatures) {
      // Partial Fisher-Yates: perm[0..drawn) are this node's draws, without replacement.
      const j = drawn + rng.int(numFeatures - drawn)
      const f = perm[j]
      perm[j] = perm[drawn]
      perm[drawn] = f
      drawn++
      if (this.scanFeature(f, start, end)) visited++
    }
    if (this.bestScore === Infinity) return -1

    const f = this.bestFeature
    const leftW = this.bestLeftW
    const leftP = this.bestLeftP
    const missingLeft = this.bestMissingLeft === -1 ? (leftW >= w - leftW ? 1 : 0) : this.bestMissingLeft
    const mid = this.partition(f, this.bestBin, missingLeft === 1, start, end)
    const l = this.addNode(leftW, leftP)
    const r = this.addNode(w - leftW, p - leftP)
    this.feature[node] = f
    this.threshold[node] = this.upperEdges[f][this.bestBin]
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
   * Builds feature f's histogram over rows [start, end), offers every split point to
   * `consider`, and clears the histogram again. Returns false when the feature is constant
   * in the node (a single non-empty bin), which scikit-learn does not count as visited.
   *
   * Two copies of the same scan: dense walks every bin, sparse walks only the bins set in
   * the `touched` bitmap (in ascending order via count-leading-zeros), which is what keeps
   * the thousands of tiny deep nodes cheap.
   */
  private scanFeature(f: number, start: number, end: number): boolean {
    const hist = this.hist
    const order = this.order
    const orderWy = this.orderWy
    const bins = this.bins[f]
    const numBins = this.numValueBins[f]
    const missingAt = 2 * numBins
    const w = this.nodeW
    const p = this.nodeP
    const sparse = end - start < SPARSE_ROWS_PER_BIN * numBins
    const touched = this.touched
    const numWords = (numBins >>> 5) + 1

    if (sparse) {
      for (let i = start; i < end; i++) {
        const b = bins[order[i]]
        const wy = orderWy[i]
        hist[(b << 1) | (wy & 1)] += wy >>> 1
        touched[b >>> 5] |= 1 << (b & 31)
      }
    } else {
      for (let i = start; i < end; i++) {
        const wy = orderWy[i]
        hist[(bins[order[i]] << 1) | (wy & 1)] += wy >>> 1
      }
    }

    const missP = hist[missingAt + 1]
    const missW = hist[missingAt] + missP
    const valueW = w - missW
    let leftW = 0
    let leftP = 0
    let splittable = false
    if (valueW > 0) {
      if (sparse) {
        scan: for (let k = 0; k < numWords; k++) {
          let word = touched[k]
          while (word !== 0) {
            const low = word & -word
            word ^= low
            const b = (k << 5) + 31 - Math.clz32(low)
            if (b === numBins) break scan
            leftP += hist[2 * b + 1]
            leftW += hist[2 * b] + hist[2 * b + 1]
            if (leftW >= valueW) break scan
            splittable = true
            this.considerValueSplit(f, b, leftW, leftP, missW, missP)
          }
        }
      } else {
        for (let b = 0; b < numBins; b++) {
          const binP = hist[2 * b + 1]
          const binW = hist[2 * b] + binP
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
        let word = touched[k]
        while (word !== 0) {
          const low = word & -word
          word ^= low
          const b = (k << 5) + 31 - Math.clz32(low)
          hist[2 * b] = 0
          hist[2 * b + 1] = 0
        }
        touched[k] = 0
      }
    } else {
      hist.fill(0, 0, missingAt + 2)
    }
    return splittable
  }

  /** Offers "bins <= b go left" with NaN on either side (or, without NaN, on the heavier side). */
  private considerValueSplit(f: number, b: number, leftW: number, leftP: number, missW: number, missP: number): void {
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
   * Reorders rows [start, end) in place so that rows going left come first (Hoare-style,
   * moving `orderWy` along). A row goes left when its bin is <= b, or when it is the missing
   * bin and NaN goes left. Returns the first index of the right part.
   */
  private partition(f: number, b: number, missingLeft: boolean, start: number, end: number): number {
    const bins = this.bins[f]
    const order = this.order
    const orderWy = this.orderWy
    // A second bin that also goes left: the missing bin, or -1 (no bin) when NaN goes right.
    const alsoLeft = missingLeft ? this.numValueBins[f] : -1
    let i = start
    let j = end - 1
    for (;;) {
      while (i <= j) {
        const bin = bins[order[i]]
        if (bin <= b || bin === alsoLeft) i++
        else break
      }
      while (i <= j) {
        const bin = bins[order[j]]
        if (bin <= b || bin === alsoLeft) break
        j--
      }
      if (i >= j) return i
      const row = order[i]
      order[i] = order[j]
      order[j] = row
      const wy = orderWy[i]
      orderWy[i] = orderWy[j]
      orderWy[j] = wy
      i++
      j--
    }
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
