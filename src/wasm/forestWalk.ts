// AssemblyScript, compiled to WebAssembly by scripts/buildWasm.mjs (npm run build:wasm) into
// src/main/core/scoring/forestWalkWasm.ts. It is the one hot loop of batch scoring; the rest of
// the pipeline stays in TypeScript (src/main/core/scoring/CompiledForest.ts lays out the memory).
//
// Why WebAssembly: walking 200 depth-15 trees is ~3,000 node steps per row. Measured on the
// bench model (2-core Xeon, Node 20): the best TypeScript walk took 21 µs a row with path
// attribution, this kernel 5.9 µs, the same loop in C (gcc -O2) 6.8 µs with missing-value
// handling. The typed-array walk in V8 spends its time on bounds checks and tagging that
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
//   values: f64 per node, the node's positive-class fraction (read at the leaf reached).
//   roots, depths: i32 per tree.
//   bins:   u16 per row and feature, row-major (stride = features): the number of the
//           feature's thresholds below the value, so "x <= threshold[cut]" is "bin <= cut".
//   total:  f64 per row, += the leaf value of every tree (tree order, as predictForest).
//   phi:    f32 per row and feature, row-major: Σ over trees of the value deltas of the
//           splits on the row's path (Saabas path attribution), when phi != 0.
//   nodeOf: i32 scratch for BLOCK rows.

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
    for (let r0 = 0; r0 < numRows; r0 += BLOCK) {
      const m = min(BLOCK, numRows - r0)
      for (let k = 0; k < m; k++) store<i32>(nodeOf + (<usize>k << 2), root)
      const binBase = bins + (<usize>(r0 * stride) << 1)
      const phiBase = phi + (<usize>(r0 * stride) << 2)
      // One level at a time over the block: the rows' steps are independent, so the CPU
      // overlaps their loads instead of waiting on one row's chain of node reads. The
      // four variants are the same inlined loop with its options folded to constants.
      for (let d = 0; d < depth; d++) {
        if (phi != 0) {
          if (missingLeft != 0) stepBlock(nodes, binBase, phiBase, stride, m, nodeOf, missingLeft, true, true)
          else stepBlock(nodes, binBase, phiBase, stride, m, nodeOf, 0, true, false)
        } else if (missingLeft != 0) {
          stepBlock(nodes, binBase, 0, stride, m, nodeOf, missingLeft, false, true)
        } else {
          stepBlock(nodes, binBase, 0, stride, m, nodeOf, 0, false, false)
        }
      }
      for (let k = 0; k < m; k++) {
        const leaf = <usize>load<i32>(nodeOf + (<usize>k << 2))
        const sum = total + (<usize>(r0 + k) << 3)
        store<f64>(sum, load<f64>(sum) + load<f64>(values + (leaf << 3)))
      }
    }
  }
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

/** stepBlock for the listed rows of walkForestRows (no path attribution). */
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
    const index = <usize>load<i32>(slot)
    const node = nodes + (index << 4)
    const split = load<u32>(node)
    const f = <usize>(split & 0xffff)
    const row = <usize>load<i32>(rows + (<usize>k << 2))
    const bin = <u32>load<u16>(bins + ((row * <usize>stride + f) << 1))
    let right = ((split >>> 16) - bin) >>> 31
    if (withMissing) right = select<u32>(1 - <u32>load<u8>(missingLeft + index), right, bin == MISSING_BIN)
    store<i32>(slot, load<i32>(node, 4) + <i32>right)
  }
}

/** Moves each of the block's m rows one level down its tree (inlined: each call site folds withPath and withMissing away). */
@inline
function stepBlock(
  nodes: usize,
  binRow: usize,
  phiRow: usize,
  stride: i32,
  m: i32,
  nodeOf: usize,
  missingLeft: usize,
  withPath: bool,
  withMissing: bool
): void {
  for (let k = 0; k < m; k++) {
    const slot = nodeOf + (<usize>k << 2)
    const index = <usize>load<i32>(slot)
    const node = nodes + (index << 4)
    const split = load<u32>(node)
    const f = <usize>(split & 0xffff)
    const bin = <u32>load<u16>(binRow + (f << 1))
    // bin > cut, as 0 or 1 without a branch (both are below 2^16).
    let right = ((split >>> 16) - bin) >>> 31
    if (withMissing) right = select<u32>(1 - <u32>load<u8>(missingLeft + index), right, bin == MISSING_BIN)
    if (withPath) {
      const p = phiRow + (f << 2)
      store<f32>(p, load<f32>(p) + load<f32>(node + 8 + (<usize>right << 2)))
      phiRow += <usize>stride << 2
    }
    store<i32>(slot, load<i32>(node, 4) + <i32>right)
    binRow += <usize>stride << 1
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
