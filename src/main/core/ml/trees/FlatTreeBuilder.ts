import type { FlatTree } from '../../model/FlatTree'

const INITIAL_NODE_CAPACITY = 1024

/**
 * Node storage of a tree being grown (LightGBM's Tree): the FlatTree's parallel arrays,
 * grown by doubling and reused from tree to tree; `finish` copies out the exact-size tree.
 * A node starts as a leaf; `setSplit` turns it into an internal node.
 */
export class FlatTreeBuilder {
  private count = 0
  private capacity = 0
  private feature = new Int32Array(0)
  private threshold = new Float64Array(0)
  private missingLeft = new Uint8Array(0)
  private left = new Int32Array(0)
  private right = new Int32Array(0)
  private value = new Float64Array(0)
  private cover = new Float64Array(0)

  constructor(capacity = INITIAL_NODE_CAPACITY) {
    this.reserve(capacity)
  }

  /** Number of nodes so far. */
  get size(): number {
    return this.count
  }

  /** Forgets every node (the buffers are kept). */
  reset(): void {
    this.count = 0
  }

  /** Adds a leaf with its value and cover; returns its index. */
  addNode(value: number, cover: number): number {
    if (this.count === this.capacity) this.reserve(this.capacity * 2)
    const id = this.count++
    this.feature[id] = -1
    this.threshold[id] = 0
    this.missingLeft[id] = 0
    this.left[id] = -1
    this.right[id] = -1
    this.value[id] = value
    this.cover[id] = cover
    return id
  }

  /** Makes `node` send `x <= threshold` (and NaN when `missingLeft`) to `left`, the rest to `right`. */
  setSplit(
    node: number,
    feature: number,
    threshold: number,
    missingLeft: number,
    left: number,
    right: number
  ): void {
    this.feature[node] = feature
    this.threshold[node] = threshold
    this.missingLeft[node] = missingLeft
    this.left[node] = left
    this.right[node] = right
  }

  /** Overwrites a node's value (e.g. an internal node's, once its children are known). */
  setValue(node: number, value: number): void {
    this.value[node] = value
  }

  /**
   * Sets every internal node's value to the mean of its children's weighted by their share
   * of its cover, bottom up: the expectation path-dependent TreeSHAP starts from (it weighs
   * a child by cover[child] / cover[node]). A node of zero cover takes the plain mean.
   * Needs children added after their parents (true of every builder here).
   */
  fillInternalValues(): void {
    const { feature, left, right, value, cover } = this
    for (let n = this.count - 1; n >= 0; n--) {
      if (feature[n] < 0) continue
      const l = left[n]
      const r = right[n]
      value[n] =
        cover[n] > 0 ? (value[l] * cover[l] + value[r] * cover[r]) / cover[n] : (value[l] + value[r]) / 2
    }
  }

  /** The tree grown so far, in arrays of its exact size. */
  finish(): FlatTree {
    const count = this.count
    return {
      feature: this.feature.slice(0, count),
      threshold: this.threshold.slice(0, count),
      missingLeft: this.missingLeft.slice(0, count),
      left: this.left.slice(0, count),
      right: this.right.slice(0, count),
      value: this.value.slice(0, count),
      cover: this.cover.slice(0, count)
    }
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
