/**
 * One boosted tree as the learner grows it, on bins: every internal node tests one
 * feature's bin through a side table (`sides[node][bin]` = 1 sends the row left), which
 * serves threshold and category-set splits alike, and routes NaN by its missing bin.
 * emitFlatTree.ts turns it into the product's FlatTree of raw thresholds.
 *
 * Nodes are added parent before children. Per node: its rows' gradient and hessian sums
 * (the hessian sum is its cover, as in XGBoost's TreeSHAP), the λ its value is computed
 * with, and for a leaf its value (the margin it adds, learning rate included).
 */
export class BoostedTree {
  readonly feature: number[] = []
  readonly left: number[] = []
  readonly right: number[] = []
  readonly sumG: number[] = []
  readonly sumH: number[] = []
  readonly l2: number[] = []
  readonly value: number[] = []
  /** Internal nodes: per bin (missing bin last), 1 when its rows go left. */
  readonly sides: (Uint8Array | null)[] = []
  /** Numeric splits: the last bin that goes left; −1 for a category-set split. */
  readonly bin: number[] = []
  /** Category-set splits: the hessian sum of the node's rows per bin (missing bin last), for emission. */
  readonly binHess: (Float64Array | null)[] = []
  /** Internal nodes: the gain of their split (splitSearch.ts), for feature importance. */
  readonly gain: number[] = []

  get size(): number {
    return this.feature.length
  }

  /** Adds a leaf with its rows' sums; its value is set by the learner once growth ends. */
  addLeaf(G: number, H: number, l2: number): number {
    this.feature.push(-1)
    this.left.push(-1)
    this.right.push(-1)
    this.sumG.push(G)
    this.sumH.push(H)
    this.l2.push(l2)
    this.value.push(0)
    this.sides.push(null)
    this.bin.push(-1)
    this.binHess.push(null)
    this.gain.push(0)
    return this.feature.length - 1
  }

  /** Turns leaf `node` into a split on feature f (see the fields above). */
  setSplit(
    node: number,
    f: number,
    sides: Uint8Array,
    bin: number,
    binHess: Float64Array | null,
    gain: number,
    left: number,
    right: number
  ): void {
    this.gain[node] = gain
    this.feature[node] = f
    this.sides[node] = sides
    this.bin[node] = bin
    this.binHess[node] = binHess
    this.left[node] = left
    this.right[node] = right
  }

  /** The leaf that row r of the binned columns reaches. */
  leafOf(bins: Uint8Array[], r: number): number {
    let node = 0
    for (let f = this.feature[0]; f >= 0; f = this.feature[node]) {
      node = (this.sides[node] as Uint8Array)[bins[f][r]] === 1 ? this.left[node] : this.right[node]
    }
    return node
  }
}
