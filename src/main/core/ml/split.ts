import type { Rng } from '../base/random'

export interface Split {
  train: Int32Array
  test: Int32Array
}

/**
 * Stratified train/test split (scikit-learn's `train_test_split(stratify=y)`): each
 * class is shuffled with the seeded generator and `testSize` of it goes to the test
 * rows, so both parts keep the default rate. Indices come back sorted.
 */
export function stratifiedSplit(y: Uint8Array, testSize: number, rng: Rng): Split {
  if (!(testSize >= 0 && testSize < 1)) throw new Error(`testSize must be in [0, 1), got ${testSize}`)
  const byClass: number[][] = [[], []]
  for (let i = 0; i < y.length; i++) byClass[y[i]].push(i)
  const train: number[] = []
  const test: number[] = []
  for (const rows of byClass) {
    shuffleInPlace(rows, rng)
    const nTest = Math.round(rows.length * testSize)
    for (let i = 0; i < rows.length; i++) (i < nTest ? test : train).push(rows[i])
  }
  return { train: Int32Array.from(train).sort(), test: Int32Array.from(test).sort() }
}

/** Fisher–Yates shuffle driven by the given generator. */
export function shuffleInPlace<T>(values: T[], rng: Rng): void {
  for (let i = values.length - 1; i > 0; i--) {
    const j = rng.int(i + 1)
    const t = values[i]
    values[i] = values[j]
    values[j] = t
  }
}

/**
 * Stratified k-fold assignment (scikit-learn's StratifiedKFold with shuffling): each class
 * is shuffled with the seeded generator and dealt round-robin into the folds, so every
 * fold keeps the default rate. Returns the fold (0 … k − 1) of each row.
 */
export function stratifiedFolds(y: Uint8Array, k: number, rng: Rng): Int32Array {
  if (!Number.isInteger(k) || k < 2) throw new Error(`folds must be a whole number >= 2, got ${k}`)
  const fold = new Int32Array(y.length)
  const byClass: number[][] = [[], []]
  for (let i = 0; i < y.length; i++) byClass[y[i]].push(i)
  let next = 0
  for (const rows of byClass) {
    shuffleInPlace(rows, rng)
    // Continue the deal where the other class stopped, so fold sizes differ by at most one.
    for (const r of rows) fold[r] = next++ % k
  }
  return fold
}

/** The rows of each fold, and of everything but each fold, from a fold assignment. */
export function foldRows(fold: Int32Array, k: number): { inFold: Int32Array[]; outOfFold: Int32Array[] } {
  const inFold: number[][] = Array.from({ length: k }, () => [])
  const outOfFold: number[][] = Array.from({ length: k }, () => [])
  for (let r = 0; r < fold.length; r++) {
    for (let f = 0; f < k; f++) (f === fold[r] ? inFold : outOfFold)[f].push(r)
  }
  return {
    inFold: inFold.map((a) => Int32Array.from(a)),
    outOfFold: outOfFold.map((a) => Int32Array.from(a))
  }
}
