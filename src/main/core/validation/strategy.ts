import type {
  LgdPolicy,
  Recommendation,
  StrategyConventions,
  StrategyPoint,
  StrategyResult,
  StrategyTarget,
  SwapGroup,
  SwapSet
} from '../../../shared/validation'
import { countBelow } from '../base/stats'
import type { RiskGrade } from '../model/ModelArtifact'
import { checkRows, ratio } from './checks'
import { percent, rupees } from './format'

/**
 * The cut-off strategy a credit committee chooses: for each cut-off on the calibrated PD,
 * what it approves, the bad rate among the approved, and the ₹ it is expected to lose and earn.
 *
 * Conventions (stated with every result, see CONVENTIONS):
 * - an applicant is approved when PD < cut-off (the model flags default when PD ≥ its threshold);
 * - one period (the period of the margin, normally a year); per approved loan
 *   expected loss = PD × LGD × EAD and expected income = (1 − PD) × EAD × margin: a loan that
 *   defaults earns no interest and loses LGD × EAD, one that repays earns the margin on its
 *   exposure; a declined applicant earns and loses nothing (no opportunity cost);
 * - expected profit = expected income − expected loss.
 */

/** The rows a strategy is computed on, one entry per applicant. */
export interface PortfolioRows {
  pd: Float64Array
  /** 1 = defaulted; null when outcomes are not known. */
  outcome: Uint8Array | null
  /** Exposure at default, ₹. */
  ead: Float64Array
  /** Loss given default, a share. */
  lgd: Float64Array
}

export interface StrategyOptions {
  margin: number
  /** The model's current decision threshold: always on the grid and reported on its own. */
  threshold: number
  grades: RiskGrade[]
  target?: StrategyTarget
  /** Grid step, 0.005 (0.5 %) by default. */
  step?: number
  /** How the LGD was set, for the conventions. */
  lgd: { policy: LgdPolicy; source: 'collateral' | 'flat'; missing: number }
  /** Where the exposure came from, e.g. "Loan_Amount". */
  eadColumn: string
}

const DEFAULT_STEP = 0.005

/** Each multiple of `step` in (0, 1], every grade's upper edge and the model's threshold, ascending, without repeats. */
export function cutoffGrid(grades: RiskGrade[], threshold: number, step = DEFAULT_STEP): number[] {
  if (!(step > 0 && step <= 1)) throw new Error(`cutoffGrid: step ${step} is not in (0, 1].`)
  const count = Math.round(1 / step)
  // k / count rather than k · step: 0.035 stays 0.035, not 0.035000000000000003.
  const grid = Array.from({ length: count }, (_, k) => (k + 1) / count)
  return [...new Set([...grid, ...grades.map((g) => g.upTo), threshold])].sort((a, b) => a - b)
}

/** The strategy curve: one point per cut-off, from a single sort of the rows by PD. */
export function strategyCurve(
  rows: PortfolioRows,
  cutoffs: readonly number[],
  margin: number
): StrategyPoint[] {
  checkPortfolio(rows)
  const n = rows.pd.length
  const order = Uint32Array.from({ length: n }, (_, i) => i).sort((a, b) => rows.pd[a] - rows.pd[b])
  const sortedPd = new Float64Array(n)
  // Prefix sums over rows in ascending PD: entry m covers the m lowest PDs.
  const sumPd = new Float64Array(n + 1)
  const sumBad = new Float64Array(n + 1)
  const sumEad = new Float64Array(n + 1)
  const sumLoss = new Float64Array(n + 1)
  const sumIncome = new Float64Array(n + 1)
  for (let m = 0; m < n; m++) {
    const i = order[m]
    const pd = rows.pd[i]
    sortedPd[m] = pd
    sumPd[m + 1] = sumPd[m] + pd
    sumBad[m + 1] = sumBad[m] + (rows.outcome ? rows.outcome[i] : 0)
    sumEad[m + 1] = sumEad[m] + rows.ead[i]
    sumLoss[m + 1] = sumLoss[m] + pd * rows.lgd[i] * rows.ead[i]
    sumIncome[m + 1] = sumIncome[m] + (1 - pd) * rows.ead[i] * margin
  }
  return cutoffs.map((cutoff) => {
    const m = countBelow(sortedPd, cutoff)
    return {
      cutoff,
      approved: m,
      approvalRate: n === 0 ? 0 : m / n,
      badRate: rows.outcome ? ratio(sumBad[m], m) : null,
      expectedBadRate: ratio(sumPd[m], m),
      exposure: sumEad[m],
      expectedLoss: sumLoss[m],
      expectedIncome: sumIncome[m],
      expectedProfit: sumIncome[m] - sumLoss[m]
    }
  })
}

/**
 * The cut-off that meets the target: the most approvals whose bad rate (expected: mean PD of
 * the approved; or observed) is at most the target, the most approvals not above a target
 * approval rate, or the highest expected profit. Among points approving the same rows the
 * lowest cut-off is named (the most prudent for applicants between grid points).
 */
export function recommendCutoff(curve: readonly StrategyPoint[], target: StrategyTarget): Recommendation {
  const none = (reason: string): Recommendation => ({ target, cutoff: null, point: null, reason })
  let best: StrategyPoint | null = null
  const better = (p: StrategyPoint, key: (q: StrategyPoint) => number): boolean =>
    best === null || key(p) > key(best) || (key(p) === key(best) && p.cutoff < best.cutoff)
  if (target.kind === 'max-profit') {
    for (const p of curve) if (better(p, (q) => q.expectedProfit)) best = p
    if (best === null) return none('The curve has no cut-off.')
    const b: StrategyPoint = best
    return {
      target,
      cutoff: b.cutoff,
      point: b,
      reason:
        b.expectedProfit > 0
          ? `The highest expected profit on the grid: ${rupees(b.expectedProfit)}, approving ${percent(b.approvalRate)}.`
          : `No cut-off is expected to make a profit at this margin; the smallest loss, ${rupees(-b.expectedProfit)}, approves ${percent(b.approvalRate)}.`
    }
  }
  if (target.kind === 'approval') {
    const a = target.maxApprovalRate
    for (const p of curve) if (p.approved > 0 && p.approvalRate <= a && better(p, (q) => q.approved)) best = p
    if (best === null)
      return none(`Every cut-off on the grid approves either nobody or more than ${percent(a)}.`)
    const b: StrategyPoint = best
    return {
      target,
      cutoff: b.cutoff,
      point: b,
      reason: `The most approvals within ${percent(a)}: ${percent(b.approvalRate)} (${b.approved} applicants).`
    }
  }
  const r = target.maxBadRate
  const rate = (p: StrategyPoint): number | null =>
    target.basis === 'expected' ? p.expectedBadRate : p.badRate
  if (target.basis === 'observed' && curve.every((p) => p.badRate === null)) {
    return none('The data has no outcomes, so no observed bad rate; target the expected bad rate instead.')
  }
  for (const p of curve) {
    const value = rate(p)
    if (value !== null && value <= r && better(p, (q) => q.approved)) best = p
  }
  if (best === null) {
    return none(`Even the strictest cut-off on the grid has a ${target.basis} bad rate above ${percent(r)}.`)
  }
  const b: StrategyPoint = best
  return {
    target,
    cutoff: b.cutoff,
    point: b,
    reason: `The most approvals, ${percent(b.approvalRate)}, with an ${target.basis} bad rate of ${percent(rate(b) ?? 0, 2)}, within the ${percent(r, 2)} target.`
  }
}

/** Indices of the rows approved only under `to` (swapIn) and only under `from` (swapOut). */
export function swapRows(
  pd: Float64Array,
  from: number,
  to: number
): { swapIn: Int32Array; swapOut: Int32Array } {
  const swapIn: number[] = []
  const swapOut: number[] = []
  for (let i = 0; i < pd.length; i++) {
    const before = pd[i] < from
    const after = pd[i] < to
    if (after && !before) swapIn.push(i)
    else if (before && !after) swapOut.push(i)
  }
  return { swapIn: Int32Array.from(swapIn), swapOut: Int32Array.from(swapOut) }
}

/** Who changes decision when the cut-off moves from `from` to `to`, with their counts, bad rates and ₹. */
export function swapSet(rows: PortfolioRows, from: number, to: number): SwapSet {
  checkPortfolio(rows)
  const { swapIn, swapOut } = swapRows(rows.pd, from, to)
  return { from, to, swapIn: swapGroup(rows, swapIn), swapOut: swapGroup(rows, swapOut) }
}

/** The whole strategy: curve over the grid, the point at the model's threshold, the recommendation and the conventions. */
export function buildStrategy(rows: PortfolioRows, options: StrategyOptions): StrategyResult {
  const curve = strategyCurve(
    rows,
    cutoffGrid(options.grades, options.threshold, options.step),
    options.margin
  )
  const atModelThreshold = curve.find((p) => p.cutoff === options.threshold)
  if (!atModelThreshold) throw new Error('buildStrategy: the grid lost the model threshold.')
  let defaults: number | null = null
  if (rows.outcome) defaults = rows.outcome.reduce((s, v) => s + v, 0)
  return {
    rows: rows.pd.length,
    defaults,
    curve,
    modelThreshold: options.threshold,
    atModelThreshold,
    recommended: options.target ? recommendCutoff(curve, options.target) : null,
    conventions: conventions(options)
  }
}

/** The assumptions behind the figures, in words a committee reads. */
export function conventions(
  options: Pick<StrategyOptions, 'margin' | 'lgd' | 'eadColumn'>
): StrategyConventions {
  const { policy, source, missing } = options.lgd
  return {
    decision: 'An applicant is approved when the calibrated PD is below the cut-off.',
    period:
      'One period (that of the margin, normally a year): expected income = Σ (1 − PD) × EAD × margin, expected loss = Σ PD × LGD × EAD over the approved; a defaulting loan earns no interest; declined applicants earn and lose nothing.',
    ead: `EAD is the ${options.eadColumn} column, in rupees.`,
    lgd:
      source === 'collateral'
        ? `LGD ${percent(policy.secured, 0)} for secured and ${percent(policy.unsecured, 0)} for unsecured loans (Collateral column)${missing > 0 ? `; ${missing} rows without a collateral flag take ${percent(policy.flat, 0)}` : ''}.`
        : `LGD ${percent(policy.flat, 0)} for every loan (no Collateral column).`,
    margin: options.margin,
    lgdPolicy: policy,
    lgdSource: source,
    lgdMissing: missing
  }
}

function swapGroup(rows: PortfolioRows, indices: Int32Array): SwapGroup {
  let defaults = 0
  let sumPd = 0
  let exposure = 0
  let loss = 0
  for (const i of indices) {
    defaults += rows.outcome ? rows.outcome[i] : 0
    sumPd += rows.pd[i]
    exposure += rows.ead[i]
    loss += rows.pd[i] * rows.lgd[i] * rows.ead[i]
  }
  return {
    count: indices.length,
    defaults: rows.outcome ? defaults : null,
    badRate: rows.outcome ? ratio(defaults, indices.length) : null,
    expectedBadRate: ratio(sumPd, indices.length),
    exposure,
    expectedLoss: loss
  }
}

function checkPortfolio(rows: PortfolioRows): void {
  checkRows('strategy', rows.pd, rows.outcome)
  const n = rows.pd.length
  if (rows.ead.length !== n || rows.lgd.length !== n) {
    throw new Error(
      `strategy: ${n} PDs but ${rows.ead.length} exposures and ${rows.lgd.length} LGDs; they must be one per row.`
    )
  }
}
