/**
 * A decision tree stored as flat parallel typed arrays (one slot per node), so that a
 * forest serialises straight into a SQLite BLOB and predicts with a tight loop.
 *
 * Invariants: node 0 is the root; a leaf has `feature[n] === -1` and `left/right === -1`;
 * an internal node sends a row left when `x[feature] <= threshold` and sends a missing
 * value (NaN) left when `missingLeft[n] === 1`. In a forest's tree `value[n]` is the
 * fraction of positive (default) samples among the (bootstrap-weighted) training samples
 * that reached the node and `cover[n]` their weighted count, so a leaf's `value` is its
 * class frequency; in a boosted tree a leaf's value is the margin it adds and `cover` the
 * hessian sum of its rows, an internal node's value the cover-weighted mean of its
 * children's. Either way internal nodes carry what TreeSHAP needs.
 */
export interface FlatTree {
  feature: Int32Array
  threshold: Float64Array
  missingLeft: Uint8Array
  left: Int32Array
  right: Int32Array
  value: Float64Array
  cover: Float64Array
}

/** Index of the leaf that row `row` of the column-major features reaches. */
export function leafIndex(tree: FlatTree, columns: ArrayLike<number>[], row: number): number {
  const { feature, threshold, missingLeft, left, right } = tree
  let node = 0
  while (feature[node] >= 0) {
    const x = columns[feature[node]][row]
    const goLeft = x !== x ? missingLeft[node] === 1 : x <= threshold[node]
    node = goLeft ? left[node] : right[node]
  }
  return node
}

/** Leaf index for a single feature vector. */
export function leafIndexOfVector(tree: FlatTree, x: ArrayLike<number>): number {
  const { feature, threshold, missingLeft, left, right } = tree
  let node = 0
  while (feature[node] >= 0) {
    const v = x[feature[node]]
    const goLeft = v !== v ? missingLeft[node] === 1 : v <= threshold[node]
    node = goLeft ? left[node] : right[node]
  }
  return node
}
