/**
 * The data partition of a tree learner (LightGBM's DataPartition): the rows of a tree in
 * one Int32Array, each node owning a contiguous range, split in place by a per-bin side
 * table. Both tree learners (forest and boosting) partition with these functions.
 *
 * The partitions are stable: left rows first, right rows after, each in their previous
 * order. Keeping every node's rows in ascending row order turns the histogram loops' reads
 * of `bins[f][row]` from random into nearly sequential ones. Every row is written to both
 * the left run (in place) and a scratch run, and only one cursor advances: no
 * unpredictable branch per row.
 */

/**
 * Fills `goesLeft` (indexed by bin) for the split "bin <= b goes left" of a feature whose
 * missing bin is `missingBin`: bins 0..b left, the others right, NaN as `missingLeft` says.
 * A table lookup lets the partitions run without branches, and a categorical split is the
 * same table with its own bins set.
 */
export function setThresholdSides(
  goesLeft: Uint8Array,
  b: number,
  missingBin: number,
  missingLeft: boolean
): void {
  goesLeft.fill(1, 0, b + 1)
  goesLeft.fill(0, b + 1, missingBin + 1)
  goesLeft[missingBin] = missingLeft ? 1 : 0
}

/**
 * Stable partition of `order[start, end)` by `goesLeft[bins[row]]`, moving `payload` (one
 * Int32 per row, e.g. a weight and label packed together so the histogram loop reads them
 * sequentially) along with the rows, in the same pass: partitioning the payload in a pass
 * of its own (then the rows with partitionRows) measured 1.5x slower. Returns the first
 * index of the right part.
 */
export function partitionWithPayload(
  order: Int32Array,
  payload: Int32Array,
  scratchOrder: Int32Array,
  scratchPayload: Int32Array,
  bins: Uint8Array,
  goesLeft: Uint8Array,
  start: number,
  end: number
): number {
  let l = start
  let k = 0
  for (let i = start; i < end; i++) {
    const row = order[i]
    const p = payload[i]
    const g = goesLeft[bins[row]]
    order[l] = row
    payload[l] = p
    scratchOrder[k] = row
    scratchPayload[k] = p
    l += g
    k += 1 - g
  }
  order.set(scratchOrder.subarray(0, k), l)
  payload.set(scratchPayload.subarray(0, k), l)
  return l
}

/**
 * The same stable partition for rows that carry nothing along (its own loop: passing the rows
 * as their own payload measured 1-4 % slower in boosting). Returns the first index of the right part.
 */
export function partitionRows(
  order: Int32Array,
  scratch: Int32Array,
  bins: Uint8Array,
  goesLeft: Uint8Array,
  start: number,
  end: number
): number {
  let l = start
  let k = 0
  for (let i = start; i < end; i++) {
    const row = order[i]
    const g = goesLeft[bins[row]]
    order[l] = row
    scratch[k] = row
    l += g
    k += 1 - g
  }
  order.set(scratch.subarray(0, k), l)
  return l
}
