/** Linear-interpolated quantile of sorted values (numpy's default), NaN when empty; finite for any finite values. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length
  if (n === 0) return NaN
  const pos = (n - 1) * q
  const lo = Math.floor(pos)
  const hi = Math.min(n - 1, lo + 1)
  const a = sorted[lo]
  const b = sorted[hi]
  const t = pos - lo
  const value = a + (b - a) * t
  // b − a overflows when the values span more than the largest double (−1e308 … 1e308).
  return Number.isFinite(value) || !Number.isFinite(a) || !Number.isFinite(b) ? value : a * (1 - t) + b * t
}

/** How many of the sorted values lie strictly below x: the index of the first one not below it (binary search). */
export function countBelow(sorted: ArrayLike<number>, x: number): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (sorted[mid] < x) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Between these magnitudes sums of values and of their squared differences neither overflow nor underflow. */
const LARGEST_SAFE = 2 ** 450
const SMALLEST_SAFE = 2 ** -450

/**
 * A power of two to divide values by before summing them or their squared differences, so
 * that neither overflows (±1e308) nor underflows to 0 (5e-324): 1 (no change, bit for bit)
 * while the largest magnitude lies within 2^-450 … 2^450, else the largest power of two not
 * above it (the values then lie within ±2). Dividing by a power of two is exact.
 */
export function overflowSafeScale(maxAbs: number): number {
  if (!Number.isFinite(maxAbs) || maxAbs === 0) return 1
  if (maxAbs <= LARGEST_SAFE && maxAbs >= SMALLEST_SAFE) return 1
  // log2 of values near the largest double rounds up to 1024; 2^1023 is the largest power of two.
  return 2 ** Math.max(-1074, Math.min(1023, Math.floor(Math.log2(maxAbs))))
}

/**
 * Mean and population standard deviation of `count` values given by `value(i)`, finite for
 * any finite values (scaled by overflowSafeScale when they are extreme, such as ±1e308).
 */
export function meanAndStd(count: number, value: (i: number) => number): { mean: number; std: number } {
  if (count === 0) return { mean: NaN, std: NaN }
  let maxAbs = 0
  for (let i = 0; i < count; i++) {
    const a = Math.abs(value(i))
    if (a > maxAbs) maxAbs = a
  }
  const scale = overflowSafeScale(maxAbs)
  let sum = 0
  for (let i = 0; i < count; i++) sum += value(i) / scale
  const mean = sum / count
  let ss = 0
  for (let i = 0; i < count; i++) {
    const d = value(i) / scale - mean
    ss += d * d
  }
  // Both lie within the values' range, so scaling back stays finite (held there against rounding).
  const clamp = (x: number): number => Math.max(-Number.MAX_VALUE, Math.min(Number.MAX_VALUE, x))
  return { mean: clamp(mean * scale), std: clamp(Math.sqrt(ss / count) * scale) }
}

/** The plain sum of the values, in order. */
export function sum(values: ArrayLike<number>): number {
  let total = 0
  for (let i = 0; i < values.length; i++) total += values[i]
  return total
}
