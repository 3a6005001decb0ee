// AssemblyScript, compiled to WebAssembly by scripts/buildWasm.mjs (npm run build:wasm) into
// src/main/core/scoring/forestWalkWasm.ts. It is the one hot loop of batch scoring; the rest of
// the pipeline stays in TypeScript (src/main/core/scoring/CompiledForest.ts lays out the memory).
//
// Why WebAssembly: walking 200 depth-15 trees is ~3,000 node steps per row. Measured on the
// bench model (2-core Xeon, Node 20): the best TypeScript walk took 21 µs a row with path
// attribution, this kernel 5.9 µs, the same loop in C (gcc -O2) 6.8 µs with missing-value
// handling; with each tree swept into the cache first and eight rows a step (walkTree),
// 4.5 µs (AMD EPYC, where the kernel before them took 6.6). The typed-array walk in V8 spends its time on bounds checks and tagging that
// WebAssembly's linear memory does not need.
//
// Memory layout (all offsets in bytes, set by CompiledForest):
//   nodes:  16 bytes per node, trees one after another, child indices global:
//             u32 feature | cut << 16   (cut: index of the split's threshold among the
//                                        feature's sorted thresholds; 0xffff on leaves)
//             i32 left child            (right child = left + 1)
//             f32 value(left) - value(node), f32 value(right) - value(node)
//           A leaf points to itself with cut 0xffff and a zero left delta, so a walk that
//           reaches it early stays there and adds nothing: every row takes exactly `depth`
//           steps, which lets a block of rows advance in lockstep with no branch that
//           depends on the data.
//   values: f64 per node, the node's positive-class fraction (read at the leaf reached);
//           the region starts right after the nodes, so the last tree's nodes end there.
//   roots, depths: i32 per tree.
//   bins:   u16 per row and feature, row-major (stride = features): the number of the
//           feature's thresholds below the value, so "x <= threshold[cut]" is "bin <= cut".
//   total:  f64 per row, += the leaf value of every tree (tree order, as predictForest).
//   phi:    f32 per row and feature, row-major: Σ over trees of the value deltas of the
//           splits on the row's path (Saabas path attribution), when phi != 0.
//   nodeOf: i32 scratch for BLOCK rows (walkForestRows).

const BLOCK = 256
/** Bin of a missing value (see walkForest's missingLeft). */
const MISSING_BIN: u32 = 0xffff

/**
 * Adds every tree's leaf value to total[r] and, when phi != 0, its path deltas to phi.
 * When missingLeft != 0 (a chunk with missing values), bins of MISSING_BIN follow the
 * per-node direction in missingLeft (u8 per node, 1 = left; leaves hold 1 so they stay).
 */
export function walkForest(
  nodes: usize,
  values: usize,
  roots: usize,
  depths: usize,
  numTrees: i32,
  bins: usize,
  stride: i32,
  numRows: i32,
  total: usize,
  phi: usize,
  nodeOf: usize,
  missingLeft: usize
): void {
  for (let t = 0; t < numTrees; t++) {
    const root = load<i32>(roots + (<usize>t << 2))
    const depth = load<i32>(depths + (<usize>t << 2))
    // The last tree's nodes end where the values begin.
    touchTree(nodes, values, roots, numTrees, t, <i32>((values - nodes) >> 4), nodeOf)
    // The four variants are the same inlined loops with their options folded to constants.
    if (phi != 0) {
      if (missingLeft != 0) walkTree(nodes, values, root, depth, bins, stride, numRows, total, phi, missingLeft, true, true)
      else walkTree(nodes, values, root, depth, bins, stride, numRows, total, phi, 0, true, false)
    } else if (missingLeft != 0) {
      walkTree(nodes, values, root, depth, bins, stride, numRows, total, 0, missingLeft, false, true)
    } else {
      walkTree(nodes, values, root, depth, bins, stride, numRows, total, 0, 0, false, false)
    }
  }
}

/**
 * Reads one word of every cache line of tree t's nodes and values, in address order, before
 * the tree is walked. A walk's reads jump about the tree and wait on each other, while this
 * sweep's are independent and sequential, so the CPU overlaps them and its prefetcher runs
 * ahead: the tree (~120 KB on the bench model) arrives in the cache at streaming speed instead
 * of one waited-for miss at a time. Tree t's nodes run from roots[t] to roots[t + 1], the
 * last tree's to lastEnd. Measured on the bench model (200 trees, ~5,100 nodes
 * each; 5,200 rows a call, AMD EPYC, Node 20): 6.6 → 5.1 µs a row with path reasons. The sum
 * is stored so that the reads are not optimised away.
 */
@inline
function touchTree(nodes: usize, values: usize, roots: usize, numTrees: i32, t: i32, lastEnd: i32, scratch: usize): void {
  const first = <usize>load<i32>(roots + (<usize>t << 2))
  const end = <usize>(t + 1 < numTrees ? load<i32>(roots + (<usize>(t + 1) << 2)) : lastEnd)
  let sum: u32 = 0
  for (let at = nodes + (first << 4); at < nodes + (end << 4); at += 64) sum += load<u32>(at)
  for (let at = values + (first << 3); at < values + (end << 3); at += 64) sum += load<u32>(at)
  store<u32>(scratch, sum)
}

/**
 * Walks rows [0, numRows) down one tree, eight at a time: each of the eight rows' node in a
 * local of its own, all eight moved one level per step. A row's steps wait on each other
 * (node, then bin, then the next node), the eight rows' do not, so the CPU overlaps their
 * reads; holding the nodes in locals instead of a scratch array saves a load and a store a
 * step (measured 10 % faster than 256 rows stepped through memory, with the sweep above).
 */
@inline
function walkTree(
  nodes: usize,
  values: usize,
  root: i32,
  depth: i32,
  bins: usize,
  stride: i32,
  numRows: i32,
  total: usize,
  phi: usize,
  missingLeft: usize,
  withPath: bool,
  withMissing: bool
): void {
  const binStride = <usize>stride << 1
  const phiStride = <usize>stride << 2
  let r = 0
  for (; r + 8 <= numRows; r += 8) {
    const b = bins + <usize>r * binStride
    const p = phi + <usize>r * phiStride
    let n0 = root, n1 = root, n2 = root, n3 = root, n4 = root, n5 = root, n6 = root, n7 = root
    for (let d = 0; d < depth; d++) {
      n0 = step(nodes, n0, b, p, missingLeft, withPath, withMissing)
      n1 = step(nodes, n1, b + binStride, p + phiStride, missingLeft, withPath, withMissing)
      n2 = step(nodes, n2, b + 2 * binStride, p + 2 * phiStride, missingLeft, withPath, withMissing)
      n3 = step(nodes, n3, b + 3 * binStride, p + 3 * phiStride, missingLeft, withPath, withMissing)
      n4 = step(nodes, n4, b + 4 * binStride, p + 4 * phiStride, missingLeft, withPath, withMissing)
      n5 = step(nodes, n5, b + 5 * binStride, p + 5 * phiStride, missingLeft, withPath, withMissing)
      n6 = step(nodes, n6, b + 6 * binStride, p + 6 * phiStride, missingLeft, withPath, withMissing)
      n7 = step(nodes, n7, b + 7 * binStride, p + 7 * phiStride, missingLeft, withPath, withMissing)
    }
    const sum = total + (<usize>r << 3)
    addLeaf(sum, values, n0)
    addLeaf(sum + 8, values, n1)
    addLeaf(sum + 16, values, n2)
    addLeaf(sum + 24, values, n3)
    addLeaf(sum + 32, values, n4)
    addLeaf(sum + 40, values, n5)
    addLeaf(sum + 48, values, n6)
    addLeaf(sum + 56, values, n7)
  }
  for (; r < numRows; r++) {
    const b = bins + <usize>r * binStride
    const p = phi + <usize>r * phiStride
    let n = root
    for (let d = 0; d < depth; d++) n = step(nodes, n, b, p, missingLeft, withPath, withMissing)
    addLeaf(total + (<usize>r << 3), values, n)
  }
}

/** *sum += values[leaf] (f64). */
@inline
function addLeaf(sum: usize, values: usize, leaf: i32): void {
  store<f64>(sum, load<f64>(sum) + load<f64>(values + (<usize>leaf << 3)))
}

/**
 * One level down from node `index` for the row whose bins start at binRow: returns the
 * child (a leaf returns itself). With withPath, adds the step's value delta to the row's
 * phi (at phiRow) for the split's feature. Inlined: each call site folds withPath and
 * withMissing away.
 */
@inline
function step(
  nodes: usize,
  index: i32,
  binRow: usize,
  phiRow: usize,
  missingLeft: usize,
  withPath: bool,
  withMissing: bool
): i32 {
  const node = nodes + (<usize>index << 4)
  const split = load<u32>(node)
  const f = <usize>(split & 0xffff)
  const bin = <u32>load<u16>(binRow + (f << 1))
  // bin > cut, as 0 or 1 without a branch (both are below 2^16).
  let right = ((split >>> 16) - bin) >>> 31
  if (withMissing) right = select<u32>(1 - <u32>load<u8>(missingLeft + <usize>index), right, bin == MISSING_BIN)
  if (withPath) {
    const p = phiRow + (f << 2)
    store<f32>(p, load<f32>(p) + load<f32>(node + 8 + (<usize>right << 2)))
  }
  return load<i32>(node, 4) + <i32>right
}

/**
 * Like walkForest without path attribution, but tree t walks only the rows listed for it:
 * rowIndex[rowStart[t] .. rowStart[t + 1]) (i32 row numbers of `bins`), adding its leaf
 * value to total[row]. Trees go in order, so each row's sum runs in tree order as
 * walkForest's does. Out-of-bag scores use it: each row by the trees that left it out.
 */
export function walkForestRows(
  nodes: usize,
  values: usize,
  roots: usize,
  depths: usize,
  numTrees: i32,
  bins: usize,
  stride: i32,
  rowStart: usize,
  rowIndex: usize,
  total: usize,
  nodeOf: usize,
  missingLeft: usize
): void {
  for (let t = 0; t < numTrees; t++) {
    const root = load<i32>(roots + (<usize>t << 2))
    const depth = load<i32>(depths + (<usize>t << 2))
    const from = load<i32>(rowStart + (<usize>t << 2))
    const to = load<i32>(rowStart + (<usize>(t + 1) << 2))
    // The group's last tree need not be the forest's last: its end is not known, so it is not swept.
    touchTree(nodes, values, roots, numTrees, t, root, nodeOf)
    for (let r0 = from; r0 < to; r0 += BLOCK) {
      const m = min(BLOCK, to - r0)
      const rows = rowIndex + (<usize>r0 << 2)
      for (let k = 0; k < m; k++) store<i32>(nodeOf + (<usize>k << 2), root)
      for (let d = 0; d < depth; d++) {
        if (missingLeft != 0) stepRows(nodes, bins, stride, rows, m, nodeOf, missingLeft, true)
        else stepRows(nodes, bins, stride, rows, m, nodeOf, 0, false)
      }
      for (let k = 0; k < m; k++) {
        const leaf = <usize>load<i32>(nodeOf + (<usize>k << 2))
        const sum = total + (<usize>load<i32>(rows + (<usize>k << 2)) << 3)
        store<f64>(sum, load<f64>(sum) + load<f64>(values + (leaf << 3)))
      }
    }
  }
}

/** Moves each of the m listed rows one level down its tree (nodeOf[k]: row k's node). */
@inline
function stepRows(
  nodes: usize,
  bins: usize,
  stride: i32,
  rows: usize,
  m: i32,
  nodeOf: usize,
  missingLeft: usize,
  withMissing: bool
): void {
  for (let k = 0; k < m; k++) {
    const slot = nodeOf + (<usize>k << 2)
    const row = <usize>load<i32>(rows + (<usize>k << 2))
    const binRow = bins + ((row * <usize>stride) << 1)
    store<i32>(slot, step(nodes, load<i32>(slot), binRow, 0, missingLeft, false, withMissing))
  }
}

/**
 * Bins numRows rows of numFeatures column-major f64 values (columns: [f][r]) into the
 * row-major u16 bins walkForest reads: the number of the feature's cuts below the value,
 * found by a branch-free binary search; MISSING_BIN for NaN. cuts holds every feature's
 * sorted thresholds one after another, feature f's from index cutStart[f] to
 * cutStart[f + 1] (i32 offsets). Returns 1 when some value was missing, else 0.
 */
export function binColumns(
  columns: usize,
  numRows: i32,
  numFeatures: i32,
  cuts: usize,
  cutStart: usize,
  bins: usize
): i32 {
  let missing = 0
  for (let f = 0; f < numFeatures; f++) {
    const first = load<i32>(cutStart + (<usize>f << 2))
    const count = load<i32>(cutStart + (<usize>(f + 1) << 2)) - first
    const base = cuts + (<usize>first << 3)
    const column = columns + (<usize>(f * numRows) << 3)
    let out = bins + (<usize>f << 1)
    for (let r = 0; r < numRows; r++) {
      const x = load<f64>(column + (<usize>r << 3))
      let lo = 0
      let len = count
      while (len > 0) {
        const half = len >> 1
        const below = load<f64>(base + (<usize>(lo + half) << 3)) < x
        lo = select<i32>(lo + half + 1, lo, below)
        len = select<i32>(len - half - 1, half, below)
      }
      const isMissing = x != x
      missing |= <i32>isMissing
      store<u16>(out, select<u32>(MISSING_BIN, <u32>lo, isMissing))
      out += <usize>numFeatures << 1
    }
  }
  return missing
}
