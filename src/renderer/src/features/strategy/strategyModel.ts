import type {
  StrategyPoint,
  StrategyReport,
  StrategyTarget,
  SwapRow,
  SwapSetView
} from '../../../../shared/validation'

/**
 * The Strategy screen's arithmetic on what main computed: the target the form asks for, which
 * curve point a cut-off lands on, where the screen starts, and the swap set as one list. Pure
 * functions; every figure shown is a figure main returned for a point of its curve.
 */

/** What the form's target choice holds; shares as percentages, as typed. */
export interface TargetForm {
  kind: 'none' | StrategyTarget['kind']
  badRatePercent: number
  basis: 'expected' | 'observed'
  approvalPercent: number
}

/** The target to send to main, or undefined for none. */
export function strategyTarget(form: TargetForm): StrategyTarget | undefined {
  switch (form.kind) {
    case 'bad-rate':
      return { kind: 'bad-rate', maxBadRate: form.badRatePercent / 100, basis: form.basis }
    case 'approval':
      return { kind: 'approval', maxApprovalRate: form.approvalPercent / 100 }
    case 'max-profit':
      return { kind: 'max-profit' }
    default:
      return undefined
  }
}

/** The index of the curve point whose cut-off is nearest `cutoff` (the lower one on a tie); -1 for an empty curve. */
export function nearestIndex(curve: readonly StrategyPoint[], cutoff: number): number {
  let best = -1
  let gap = Infinity
  for (let i = 0; i < curve.length; i++) {
    const d = Math.abs(curve[i].cutoff - cutoff)
    if (d < gap) {
      best = i
      gap = d
    }
  }
  return best
}

/**
 * Where the cut-off starts when a strategy arrives: where it was (a setting changed, the same
 * cut-off is kept), else the recommended cut-off, else the model's threshold.
 */
export function startingIndex(report: StrategyReport, previousCutoff: number | null): number {
  const { curve, recommended, modelThreshold } = report.result
  if (previousCutoff !== null) return nearestIndex(curve, previousCutoff)
  const cutoff = recommended?.cutoff ?? modelThreshold
  return nearestIndex(curve, cutoff)
}

/** One applicant of the swap set, with the way their decision changes. */
export interface SwapEntry extends SwapRow {
  change: 'in' | 'out'
}

/** Both sides of a swap set as one list, riskiest first (main sends each side riskiest first). */
export function swapEntries(view: SwapSetView): SwapEntry[] {
  return [
    ...view.swapInRows.map((r) => ({ ...r, change: 'in' as const })),
    ...view.swapOutRows.map((r) => ({ ...r, change: 'out' as const }))
  ].sort((a, b) => b.pd - a.pd || a.line - b.line)
}

/** How many applicants change decision, and how many of them main listed (it lists at most a limit of each side). */
export function swapCounts(view: SwapSetView): { total: number; listed: number } {
  return {
    total: view.swapIn.count + view.swapOut.count,
    listed: view.swapInRows.length + view.swapOutRows.length
  }
}

/** Beyond the cut-off that approves this share, the curves change little: the axis can stop there. */
const NEARLY_ALL = 0.98

/**
 * The right end of the chart's cut-off axis: past the first cut-off that approves 98 % (the
 * long flat tail of a few very risky applicants would squeeze the part a committee chooses
 * in), and past every marked cut-off, on a 5 % step; 20 % at least.
 */
export function axisEnd(curve: readonly StrategyPoint[], marks: readonly (number | null)[]): number {
  const all = curve.find((p) => p.approvalRate >= NEARLY_ALL)?.cutoff ?? 1
  const furthest = Math.max(all, ...marks.filter((m): m is number => m !== null))
  return Math.min(1, Math.max(0.2, Math.ceil((furthest + 0.025) * 20 - 1e-9) / 20))
}
