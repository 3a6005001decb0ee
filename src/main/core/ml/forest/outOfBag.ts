import { deriveSeed, Rng } from '../../base/random'

/**
 * For each tree of a forest grown with `seed` on `numRows` rows, which of `rows` it left
 * out of its bootstrap: one mask per tree, 1 where rows[k] was out of bag.
 *
 * The forest keeps no per-tree record (it would cost trees × rows bytes); the bootstrap is
 * replayed instead. Tree i draws its bootstrap first, numRows draws of
 * `new Rng(deriveSeed(seed, i)).int(numRows)` (treeLearner's grow; trainForest gives tree i
 * that generator), so the replay is exact; a test holds it to the learner's own record.
 */
export function outOfBagMasks(
  seed: number,
  numTrees: number,
  numRows: number,
  rows: Int32Array
): Uint8Array[] {
  // Position of each asked-for row, -1 for the others (a row may be asked for once).
  const position = new Int32Array(numRows).fill(-1)
  rows.forEach((r, k) => (position[r] = k))
  const masks: Uint8Array[] = []
  for (let t = 0; t < numTrees; t++) {
    const rng = new Rng(deriveSeed(seed, t))
    const mask = new Uint8Array(rows.length).fill(1)
    for (let k = 0; k < numRows; k++) {
      const k2 = position[rng.int(numRows)]
      if (k2 >= 0) mask[k2] = 0
    }
    masks.push(mask)
  }
  return masks
}
