import { deriveSeed, Rng } from '../../base/random'
import type { TreeEnsemble } from '../../model/TreeEnsemble'

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

/**
 * Scores training rows of a forest (grown with `seed` on `numRows` rows) from the given
 * feature columns, each row by the trees that did not fit on it: column f, entry k holds
 * feature f for training row rows[k] (its own value, or another row's when permutation
 * importance shuffles a column). With the rows' own values this is trainForest's
 * oobProbability exactly (leaf values summed in tree order, divided by their count); NaN
 * for a row no tree left out. The masks of the last `rows` asked for are kept, since
 * permutation importance asks for the same rows some fifty times.
 */
export function outOfBagPredictor(
  forest: TreeEnsemble,
  seed: number,
  numRows: number
): (columns: ArrayLike<number>[], rows: Int32Array) => Float64Array {
  let cached: { rows: Int32Array; masks: Uint8Array[] } | null = null
  return (columns, rows) => {
    if (cached?.rows !== rows) {
      cached = { rows, masks: outOfBagMasks(seed, forest.trees.length, numRows, rows) }
    }
    const masks = cached.masks
    const n = rows.length
    const sum = new Float64Array(n)
    const count = new Int32Array(n)
    forest.trees.forEach(({ feature, threshold, missingLeft, left, right, value }, t) => {
      const mask = masks[t]
      for (let k = 0; k < n; k++) {
        if (mask[k] === 0) continue
        let node = 0
        while (feature[node] >= 0) {
          const x = columns[feature[node]][k]
          const goLeft = x !== x ? missingLeft[node] === 1 : x <= threshold[node]
          node = goLeft ? left[node] : right[node]
        }
        sum[k] += value[node]
        count[k]++
      }
    })
    const out = new Float64Array(n)
    for (let k = 0; k < n; k++) out[k] = count[k] > 0 ? sum[k] / count[k] : NaN
    return out
  }
}
