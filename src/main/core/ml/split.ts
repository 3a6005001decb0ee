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
