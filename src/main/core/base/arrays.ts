/** Values of `col` at `rows`, in that order. */
export function gather(col: ArrayLike<number>, rows: ArrayLike<number>): Float64Array {
  const out = new Float64Array(rows.length)
  for (let i = 0; i < rows.length; i++) out[i] = col[rows[i]]
  return out
}

/** Labels (or other bytes) of `col` at `rows`, in that order. */
export function gather8(col: Uint8Array, rows: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(rows.length)
  for (let i = 0; i < rows.length; i++) out[i] = col[rows[i]]
  return out
}

/** How many of `rows` have label 1 in `y` (all rows when omitted). */
export function countPositives(y: Uint8Array, rows?: ArrayLike<number>): number {
  let c = 0
  if (rows) for (let i = 0; i < rows.length; i++) c += y[rows[i]]
  else for (let i = 0; i < y.length; i++) c += y[i]
  return c
}

/**
 * The scores of the positive rows and of the negative rows, each sorted ascending (two native
 * numeric sorts instead of one index sort with a comparator); the scores must hold no NaN.
 */
export function scoresByClass(y: Uint8Array, score: Float64Array): { pos: Float64Array; neg: Float64Array } {
  const numPositive = countPositives(y)
  const pos = new Float64Array(numPositive)
  const neg = new Float64Array(y.length - numPositive)
  let a = 0
  let b = 0
  for (let i = 0; i < y.length; i++) {
    if (y[i] === 1) pos[a++] = score[i]
    else neg[b++] = score[i]
  }
  pos.sort()
  neg.sort()
  return { pos, neg }
}
