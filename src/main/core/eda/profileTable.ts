import type { Column, NumericColumn, Table, TextColumn } from '../data/Table'
import { meanAndStd, overflowSafeScale, quantileSorted, sum } from '../base/stats'

import type {
  BoxStats,
  CategoricalProfile,
  CategoryStat,
  ColumnProfile,
  DatasetProfile,
  NumericProfile
} from '../../../shared/dto'

export type { BoxStats, CategoricalProfile, CategoryStat, ColumnProfile, DatasetProfile, NumericProfile }

const HISTOGRAM_BINS = 30
const TOP_CATEGORIES = 30

/** Summarises every column of a table, its class balance and the correlation of its numeric columns. */
export function profileTable(table: Table): DatasetProfile {
  return assembleProfile(
    table,
    table.columns.map((c) => profileColumn(c, table.target))
  )
}

/** The profile of a table from its columns' profiles (computed here or on worker threads), with the correlations. */
export function assembleProfile(table: Table, columns: ColumnProfile[]): DatasetProfile {
  let positives = 0
  for (let i = 0; i < table.numRows; i++) positives += table.target[i]
  const numeric = table.columns.filter((c): c is NumericColumn => c.kind === 'numeric')
  const targetAsNumber = Float64Array.from(table.target)
  const corrColumns = [...numeric.map((c) => c.values), targetAsNumber]
  return {
    numRows: table.numRows,
    target: table.targetName,
    positiveClass: table.positiveClass,
    positives,
    defaultRate: table.numRows ? positives / table.numRows : 0,
    columns,
    correlation: {
      names: [...numeric.map((c) => c.name), table.targetName],
      matrix: pearsonMatrix(corrColumns)
    }
  }
}

/** The profile of one column against the 0/1 target. */
export function profileColumn(column: Column, target: Uint8Array): ColumnProfile {
  return column.kind === 'numeric' ? profileNumeric(column, target) : profileCategorical(column, target)
}

function profileNumeric(column: NumericColumn, target: Uint8Array): NumericProfile {
  const v = column.values
  const n = v.length
  // One pass for counts and moments (Welford, stable for rupee-sized values).
  let count = 0
  let mean = 0
  let m2 = 0
  let missingDefaults = 0
  let count1 = 0
  for (let i = 0; i < n; i++) {
    const x = v[i]
    if (x !== x) {
      missingDefaults += target[i]
      continue
    }
    count++
    count1 += target[i]
    const d = x - mean
    mean += d / count
    m2 += d * (x - mean)
  }
  const missing = n - count
  const byClass = [new Float64Array(count - count1), new Float64Array(count1)]
  const fill = [0, 0]
  for (let i = 0; i < n; i++) {
    const x = v[i]
    if (x !== x) continue
    const c = target[i]
    byClass[c][fill[c]++] = x
  }
  byClass[0].sort()
  byClass[1].sort()
  // The whole column sorted is the merge of the two (a third sort cost as much as both).
  const all = mergeSorted(byClass[0], byClass[1])
  let distinct = count > 0 ? 1 : 0
  for (let i = 1; i < count; i++) if (all[i] !== all[i - 1]) distinct++
  const min = count ? all[0] : NaN
  const max = count ? all[count - 1] : NaN
  const histogram = histogramByClass(v, target, min, max, distinct)
  let std = count > 1 ? Math.sqrt(m2 / (count - 1)) : NaN
  if (count > 1 && !(Number.isFinite(mean) && Number.isFinite(std))) {
    // Welford's differences overflow for values ±1e308 apart: the scaled two-pass form does not.
    const moments = meanAndStd(count, (i) => all[i])
    mean = moments.mean
    std = moments.std * Math.sqrt(count / (count - 1))
  }
  return {
    name: column.name,
    kind: 'numeric',
    count,
    missing,
    distinct,
    mean: count ? mean : NaN,
    std,
    min,
    q1: quantileSorted(all, 0.25),
    median: quantileSorted(all, 0.5),
    q3: quantileSorted(all, 0.75),
    max,
    histogram,
    boxByClass: [boxStats(byClass[0]), boxStats(byClass[1])],
    missingDefaultRate: missing ? missingDefaults / missing : null
  }
}

/**
 * Two ascending arrays merged into one, in the order Float64Array.prototype.sort gives
 * their union (−0 before +0), so the result is bit for bit the sorted union.
 */
export function mergeSorted(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length + b.length)
  let i = 0
  let j = 0
  let k = 0
  while (i < a.length && j < b.length) {
    const x = a[i]
    const y = b[j]
    // On equal values the one from `b` waits unless it is −0 against +0.
    if (y < x || (y === 0 && x === 0 && Object.is(y, -0) && !Object.is(x, -0))) out[k++] = b[j++]
    else out[k++] = a[i++]
  }
  while (i < a.length) out[k++] = a[i++]
  while (j < b.length) out[k++] = b[j++]
  return out
}

function histogramByClass(
  v: Float64Array,
  target: Uint8Array,
  min: number,
  max: number,
  distinct: number
): NumericProfile['histogram'] {
  if (!(max >= min)) return { edges: [], counts: [], countsByClass: [[], []] }
  const bins = Math.max(1, Math.min(HISTOGRAM_BINS, distinct))
  // Bins are placed on values divided by a power of two when max − min would overflow (exact otherwise).
  // Stryker disable next-line MethodExpression: max − min overflows only when both lie near ±1e308, where either gives a power of two that keeps it finite, and dividing by a power of two is exact
  const scale = overflowSafeScale(Math.max(Math.abs(min), Math.abs(max)))
  const lo = min / scale
  const width = max > min ? (max / scale - lo) / bins : 1
  const counts0 = new Array<number>(bins).fill(0)
  const counts1 = new Array<number>(bins).fill(0)
  const edges = Array.from({ length: bins + 1 }, (_, i) => Math.min(max, (lo + i * width) * scale))
  for (let i = 0; i < v.length; i++) {
    const x = v[i]
    if (x !== x) continue
    let b = Math.min(bins - 1, Math.floor((x / scale - lo) / width))
    // The division can round a value that equals a shown edge to just below it (12.77 → bin
    // 14.999…): settle it by the edges themselves, as numpy.histogram does, so that a bin
    // counts exactly the values in [its left edge, its right edge).
    if (b < bins - 1 && x >= edges[b + 1]) b++
    else if (b > 0 && x < edges[b]) b--
    if (target[i]) counts1[b]++
    else counts0[b]++
  }
  return { edges, counts: counts0.map((c, i) => c + counts1[i]), countsByClass: [counts0, counts1] }
}

/** Box-plot statistics of sorted values, or null when there are none. */
export function boxStats(sorted: Float64Array): BoxStats | null {
  const n = sorted.length
  if (n === 0) return null
  const q1 = quantileSorted(sorted, 0.25)
  const q3 = quantileSorted(sorted, 0.75)
  const iqr = q3 - q1
  let lowerWhisker = sorted[0]
  for (let i = 0; i < n; i++) {
    if (sorted[i] >= q1 - 1.5 * iqr) {
      lowerWhisker = sorted[i]
      break
    }
  }
  // Stryker disable next-line ArithmeticOperator: the loop below always assigns it (sorted[0] ≤ q3)
  let upperWhisker = sorted[n - 1]
  // Stryker disable next-line ArithmeticOperator: starting past the end reads undefined (never ≤ the fence) and reaches the same value
  for (let i = n - 1; i >= 0; i--) {
    if (sorted[i] <= q3 + 1.5 * iqr) {
      upperWhisker = sorted[i]
      break
    }
  }
  let sum = 0
  for (let i = 0; i < n; i++) sum += sorted[i]
  const mean = Number.isFinite(sum) ? sum / n : meanAndStd(n, (i) => sorted[i]).mean
  return {
    count: n,
    min: sorted[0],
    q1,
    median: quantileSorted(sorted, 0.5),
    q3,
    max: sorted[n - 1],
    mean,
    lowerWhisker,
    upperWhisker
  }
}

function profileCategorical(column: TextColumn, target: Uint8Array): CategoricalProfile {
  const levels = column.levels.length
  const counts = new Float64Array(levels)
  const defaults = new Float64Array(levels)
  let missing = 0
  let missingDefaults = 0
  const codes = column.codes
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]
    if (c < 0) {
      missing++
      missingDefaults += target[i]
    } else {
      counts[c]++
      defaults[c] += target[i]
    }
  }
  // An identifier lists no categories; any other column its most frequent ones, then the
  // rest as "(other)". Only those few are ranked: sorting every level of a column with a
  // million distinct values took half a second of `ptm inspect`.
  const top: CategoryStat[] = []
  if (column.kind !== 'identifier') {
    const first = mostFrequent(counts, column.levels, TOP_CATEGORIES)
    let count = codes.length - missing
    let d = sum(defaults)
    for (const i of first) {
      top.push({
        value: column.levels[i],
        count: counts[i],
        defaults: defaults[i],
        defaultRate: counts[i] ? defaults[i] / counts[i] : 0
      })
      count -= counts[i]
      d -= defaults[i]
    }
    if (levels > TOP_CATEGORIES)
      top.push({ value: '(other)', count, defaults: d, defaultRate: count ? d / count : 0 })
  }
  return {
    name: column.name,
    kind: column.kind,
    count: codes.length - missing,
    missing,
    distinct: levels,
    top,
    missingDefaultRate: missing ? missingDefaults / missing : null
  }
}

/** Pearson correlation over pairwise-complete rows; NaN where a column is constant. */
export function pearsonMatrix(columns: ArrayLike<number>[]): number[][] {
  const k = columns.length
  // Stryker disable next-line ArrayDeclaration: every cell of the matrix is assigned below, whatever the row's initial length
  const m: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(NaN))
  const scaled = columns.map(scaledToAvoidOverflow)
  for (let a = 0; a < k; a++) {
    m[a][a] = 1
    for (let b = a + 1; b < k; b++) {
      const r = pearson(scaled[a], scaled[b])
      m[a][b] = r
      m[b][a] = r
    }
  }
  return m
}

/**
 * A column divided once by a power of two when its values are extreme enough to overflow
 * the co-moment sums (r does not change, and the division is exact); an ordinary column
 * as it is, so that its sums are bit for bit the plain ones.
 */
function scaledToAvoidOverflow(column: ArrayLike<number>): ArrayLike<number> {
  const scale = overflowSafeScale(maxAbs(column))
  return scale === 1 ? column : Float64Array.from(column, (v) => v / scale)
}

function maxAbs(values: ArrayLike<number>): number {
  let m = 0
  for (let i = 0; i < values.length; i++) if (Math.abs(values[i]) > m) m = Math.abs(values[i])
  return m
}

/** Pearson's r over the rows where both x and y are present, by single-pass co-moment updates (stable for large magnitudes). */
function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let n = 0
  let mx = 0
  let my = 0
  let sxx = 0
  let syy = 0
  let sxy = 0
  for (let i = 0; i < x.length; i++) {
    const a = x[i]
    const b = y[i]
    if (a !== a || b !== b) continue
    n++
    const dx = a - mx
    mx += dx / n
    const dy = b - my
    my += dy / n
    sxx += dx * (a - mx)
    syy += dy * (b - my)
    sxy += dx * (b - my)
  }
  // Stryker disable next-line ConditionalExpression,LogicalOperator: with fewer than two rows or a constant column sxy is 0 too, and 0 / 0 is NaN anyway
  if (n < 2 || sxx === 0 || syy === 0) return NaN
  return sxy / Math.sqrt(sxx * syy)
}

/**
 * The k levels with the highest counts, highest first, equal counts in the levels' order as
 * text (the order of sorting them all, for the first k): one pass keeping the k best so far.
 */
export function mostFrequent(counts: Float64Array, levels: readonly string[], k: number): number[] {
  const before = (a: number, b: number): boolean =>
    counts[a] > counts[b] || (counts[a] === counts[b] && levels[a] < levels[b])
  const best: number[] = []
  for (let i = 0; i < counts.length; i++) {
    if (best.length === k && !before(i, best[k - 1])) continue
    let at = best.length === k ? k - 1 : best.length
    while (at > 0 && before(i, best[at - 1])) {
      best[at] = best[at - 1]
      at--
    }
    best[at] = i
  }
  return best
}
