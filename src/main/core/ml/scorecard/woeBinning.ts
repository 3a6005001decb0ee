import { optimalMerge, type Merge, type Trend } from './optimalMerge'
import type { ClassCounts } from './woe'

/**
 * Binning of one characteristic for a scorecard, on training rows only: a numeric one is
 * cut into quantile pre-bins, which optimalMerge groups into the best bins of a trend; a
 * categorical one has its categories (the rare ones pooled) ordered by default rate and
 * grouped the same way. Missing values (NaN) always form a bin of their own, outside the
 * grouping: missing is information (no credit history is not an average score).
 */

export interface BinningOptions {
  /** Fewest rows of a bin, as a share of all rows (missing included), as OptBinning's min_bin_size. */
  minBinShare: number
  /** Fewest repayers and fewest defaulters a bin may hold. */
  minClass: number
  maxBins: number
  /** Trends to try: the one with the best penalised likelihood wins; earlier ones win ties. */
  trends: Trend[]
}

/** Pre-bins of a numeric characteristic: at most this many quantiles (OptBinning's max_n_prebins). */
export const MAX_PREBINS = 20

/** A cut between two bins of a numeric characteristic: every training value is ≤ below or ≥ above. */
export interface Boundary {
  below: number
  above: number
}

export interface NumericBinning {
  /** boundaries[k] separates bin k from bin k + 1 (bins in ascending order of value). */
  boundaries: Boundary[]
  bins: ClassCounts[]
  missing: ClassCounts
  trend: Trend
}

export interface CategoricalBinning {
  /** Codes per bin, bins in ascending order of default rate. */
  codes: number[][]
  bins: ClassCounts[]
  missing: ClassCounts
}

/** Bins of a numeric column (NaN = missing) for outcomes `y` (1 = default). */
export function binNumeric(values: Float64Array, y: Uint8Array, o: BinningOptions): NumericBinning {
  const n = values.length
  const order: number[] = []
  const missing = { good: 0, bad: 0 }
  for (let i = 0; i < n; i++) {
    if (values[i] === values[i]) order.push(i)
    else if (y[i]) missing.bad++
    else missing.good++
  }
  order.sort((a, b) => values[a] - values[b] || a - b)
  // Quantile pre-bins that never split a value: a pre-bin closes at the first change of
  // value once it holds its share of the rows.
  const target = order.length / MAX_PREBINS
  const prebins: ClassCounts[] = []
  const edges: Boundary[] = []
  let current = { good: 0, bad: 0 }
  for (let k = 0; k < order.length; k++) {
    const i = order[k]
    if (y[i]) current.bad++
    else current.good++
    const next = order[k + 1]
    if (next !== undefined && values[next] !== values[i] && current.good + current.bad >= target) {
      prebins.push(current)
      edges.push({ below: values[i], above: values[next] })
      current = { good: 0, bad: 0 }
    }
  }
  if (current.good + current.bad > 0) prebins.push(current)
  if (prebins.length === 0)
    return { boundaries: [], bins: [{ good: 0, bad: 0 }], missing, trend: o.trends[0] }
  const merge = bestMerge(prebins, n, o, o.trends)
  return {
    boundaries: merge.merge.starts.slice(1).map((s) => edges[s - 1]),
    bins: groupCounts(prebins, merge.merge.starts),
    missing,
    trend: merge.trend
  }
}

/**
 * Bins of a categorical column of codes 0 … numLevels − 1 (NaN = missing). Categories with
 * fewer rows than a bin may hold are pooled first; codes with no row here join the bin of
 * `homeCode` (the most frequent level, where scoring sends categories it never saw), or the
 * largest bin when that code has no row either.
 */
export function binCategorical(
  codes: Float64Array,
  y: Uint8Array,
  numLevels: number,
  homeCode: number,
  o: BinningOptions
): CategoricalBinning {
  const n = codes.length
  const perCode = Array.from({ length: numLevels }, () => ({ good: 0, bad: 0 }))
  const missing = { good: 0, bad: 0 }
  for (let i = 0; i < n; i++) {
    const c = codes[i]
    const counts = c === c ? perCode[c] : missing
    if (y[i]) counts.bad++
    else counts.good++
  }
  const minCount = Math.ceil(o.minBinShare * n)
  const groups: { codes: number[]; counts: ClassCounts }[] = []
  const rare = { codes: [] as number[], counts: { good: 0, bad: 0 } }
  perCode.forEach((counts, code) => {
    const size = counts.good + counts.bad
    if (size === 0) return
    if (size >= minCount) groups.push({ codes: [code], counts })
    else {
      rare.codes.push(code)
      rare.counts.good += counts.good
      rare.counts.bad += counts.bad
    }
  })
  if (rare.codes.length) groups.push(rare)
  if (groups.length === 0) {
    return { codes: [Array.from({ length: numLevels }, (_, c) => c)], bins: [{ good: 0, bad: 0 }], missing }
  }
  // Ascending default rate (exact cross products), ties by the smallest code.
  groups.sort((a, b) => {
    const lhs = a.counts.bad * (b.counts.good + b.counts.bad)
    const rhs = b.counts.bad * (a.counts.good + a.counts.bad)
    return lhs - rhs || a.codes[0] - b.codes[0]
  })
  // In rate order every grouping of neighbours rises: the trend only names the order.
  const { merge } = bestMerge(
    groups.map((g) => g.counts),
    n,
    o,
    ['ascending']
  )
  const binCodes = merge.starts.map((s, k) =>
    groups.slice(s, merge.starts[k + 1] ?? groups.length).flatMap((g) => g.codes)
  )
  const bins = groupCounts(
    groups.map((g) => g.counts),
    merge.starts
  )
  const seen = new Set(binCodes.flat())
  let home = binCodes.findIndex((c) => c.includes(homeCode))
  if (home < 0)
    home = bins.reduce((big, b, k) => (b.good + b.bad > bins[big].good + bins[big].bad ? k : big), 0)
  for (let code = 0; code < numLevels; code++) if (!seen.has(code)) binCodes[home].push(code)
  for (const c of binCodes) c.sort((a, b) => a - b)
  return { codes: binCodes, bins, missing }
}

/**
 * The best merge over the trends (one bin for all when none meets the limits): the
 * likeliest bins of each trend (optimalMerge), compared by their log-likelihood, with a
 * peak's or valley's turning point counted as a parameter that must earn ½ ln n (BIC's
 * price): a shape can always fit at least as well as a monotone trend, so it wins only
 * when the data bend clearly. Rising against falling is a plain comparison (neither has
 * more freedom); earlier trends win ties. Bins are not charged here: the size limits,
 * the trend and the most bins already bound them, and charging them measured worse.
 */
function bestMerge(
  prebins: ClassCounts[],
  numRows: number,
  o: BinningOptions,
  trends: Trend[]
): { merge: Merge; trend: Trend } {
  const limits = { minCount: Math.ceil(o.minBinShare * numRows), minClass: o.minClass, maxBins: o.maxBins }
  const turnPrice = 0.5 * Math.log(Math.max(2, numRows))
  let chosen: { merge: Merge; trend: Trend; score: number } | null = null
  for (const trend of trends) {
    const merge = optimalMerge(prebins, { ...limits, trend })
    if (!merge) continue
    const score = merge.logLikelihood - (trend === 'peak' || trend === 'valley' ? turnPrice : 0)
    if (!chosen || score > chosen.score) chosen = { merge, trend, score }
  }
  return chosen ?? { merge: { starts: [0], logLikelihood: -Infinity }, trend: trends[0] }
}

/** Counts of the bins made of pre-bins starts[k] … starts[k + 1] − 1. */
function groupCounts(prebins: ClassCounts[], starts: number[]): ClassCounts[] {
  return starts.map((s, k) => {
    const out = { good: 0, bad: 0 }
    for (let p = s; p < (starts[k + 1] ?? prebins.length); p++) {
      out.good += prebins[p].good
      out.bad += prebins[p].bad
    }
    return out
  })
}
