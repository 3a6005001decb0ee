import type { DriftBins } from '../model/ModelArtifact'
import type { RawInputs } from './preprocess'
import { ColumnSummaries, mapInputs } from './preprocess'
import { quantileSorted, sum } from '../base/stats'

const DECILES = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]
const MAX_LEVELS = 30
/** Floor for empty bins so PSI stays finite (the usual 0.0001 convention). */
const EPSILON = 1e-4

/** Training distribution of every raw input column: deciles for numbers, level shares for categories. */
export function fitDriftBins(
  raw: RawInputs,
  rows: Int32Array,
  summaries: ColumnSummaries = new ColumnSummaries()
): DriftBins[] {
  const n = rows.length || 1
  return mapInputs<DriftBins>(
    raw,
    rows,
    summaries,
    (name, sorted, values) => {
      const edges = [...new Set(DECILES.map((q) => quantileSorted(sorted, q)).filter(Number.isFinite))]
      const counts = countNumeric(values, rows, edges)
      return { name, kind: 'numeric', edges, shares: counts.shares, missingShare: counts.missingShare }
    },
    (name, { levels: sorted, counts, missing }) => {
      // The most frequent first, equal counts in the levels' order (sorted); stable.
      const order = sorted.map((_, i) => i).sort((a, b) => counts[b] - counts[a])
      const top = order.slice(0, MAX_LEVELS)
      const shares = top.map((i) => counts[i] / n)
      const other = 1 - missing / n - sum(shares)
      return {
        name,
        kind: 'categorical',
        levels: top.map((i) => sorted[i]),
        shares,
        otherShare: Math.max(0, other),
        missingShare: missing / n
      }
    }
  )
}

/** Counts of a batch in the training bins of one column, to be merged over chunks. */
export interface DriftCounts {
  name: string
  counts: number[]
  total: number
}

/** Adds a chunk's values of one column to its running counts (bins, then "other", then missing). */
export function accumulateDrift(
  bins: DriftBins,
  counts: DriftCounts,
  numeric: Float64Array | undefined,
  text: (string | null)[] | undefined,
  numRows: number
): void {
  if (bins.kind === 'numeric') {
    const e = bins.edges
    for (let i = 0; i < numRows; i++) {
      const x = numeric ? numeric[i] : NaN
      if (x !== x) counts.counts[e.length + 1]++
      else {
        let b = 0
        while (b < e.length && x > e[b]) b++
        counts.counts[b]++
      }
    }
  } else {
    const index = new Map(bins.levels.map((l, i) => [l, i]))
    const other = bins.levels.length
    for (let i = 0; i < numRows; i++) {
      const v = text ? text[i] : null
      if (v === null || v === undefined) counts.counts[other + 1]++
      else counts.counts[index.get(v) ?? other]++
    }
  }
  counts.total += numRows
}

/** Empty running counts for a column's bins. */
export function emptyDriftCounts(bins: DriftBins): DriftCounts {
  const size = bins.kind === 'numeric' ? bins.edges.length + 2 : bins.levels.length + 2
  return { name: bins.name, counts: new Array<number>(size).fill(0), total: 0 }
}

/**
 * The training shares in the same layout as DriftCounts: numeric bins then missing
 * (edges.length + 2 entries); categorical levels, then "other", then missing.
 */
export function expectedShares(bins: DriftBins): number[] {
  return bins.kind === 'numeric'
    ? [...bins.shares, bins.missingShare]
    : [...bins.shares, bins.otherShare, bins.missingShare]
}

/**
 * Population stability index: Σ (a − e) · ln(a / e) over the bins. Rule of thumb used
 * by banks: below 0.1 stable, 0.1–0.25 some shift, above 0.25 a major shift.
 */
export function populationStabilityIndex(expected: number[], counts: DriftCounts): number {
  if (counts.total === 0) return 0
  let psi = 0
  for (let b = 0; b < expected.length; b++) {
    const e = Math.max(expected[b], EPSILON)
    const a = Math.max(counts.counts[b] / counts.total, EPSILON)
    if (expected[b] === 0 && counts.counts[b] === 0) continue
    psi += (a - e) * Math.log(a / e)
  }
  return psi
}

/** The traffic light of a PSI value. */
export function psiStatus(psi: number): 'stable' | 'shift' | 'major shift' {
  return psi < 0.1 ? 'stable' : psi < 0.25 ? 'shift' : 'major shift'
}

function countNumeric(
  values: Float64Array,
  rows: Int32Array,
  edges: number[]
): { shares: number[]; missingShare: number } {
  const counts = new Array<number>(edges.length + 1).fill(0)
  let missing = 0
  for (const r of rows) {
    const x = values[r]
    if (x !== x) {
      missing++
      continue
    }
    let b = 0
    while (b < edges.length && x > edges[b]) b++
    counts[b]++
  }
  const n = rows.length || 1
  return { shares: counts.map((c) => c / n), missingShare: missing / n }
}
