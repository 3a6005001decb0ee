import { amountInWords } from '../../../../shared/numbers'
import type {
  Recommendation,
  StrategyConventions,
  StrategyPoint,
  SwapGroup
} from '../../../../shared/validation'
import { t } from '../../i18n'
import { formatCount, formatPercent, MISSING } from '../../ui/format'

/** Rupees as a committee says them: "₹4.52 lakh", "₹1.31 crore", "−₹5.41 lakh" (shared/numbers.ts). */
export function formatLakhCrore(value: number | null | undefined): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return MISSING
  const words = amountInWords(Math.abs(value), t)
  return `${value < 0 ? '−' : ''}₹${words}`
}

/** A cut-off as the screen writes it: "8.0 %" (one decimal: the grid steps by half a percent). */
export function formatCutoff(cutoff: number): string {
  return formatPercent(cutoff, 1)
}

/** One tile of the chosen cut-off: its figure, what it is, and the same figure at the model's threshold. */
export interface StrategyTile {
  key: 'approval' | 'badRate' | 'expectedBadRate' | 'loss' | 'profit'
  value: string
  label: string
  now: string
  tone?: 'good' | 'bad'
}

/** The tiles of a curve point, each beside the same figure at the model's current threshold. */
export function strategyTiles(point: StrategyPoint, atThreshold: StrategyPoint): StrategyTile[] {
  const share = (v: number | null): string => formatPercent(v, 1)
  return [
    {
      key: 'approval',
      value: share(point.approvalRate),
      label: t('strategy.tiles.approval', { n: formatCount(point.approved) }),
      now: share(atThreshold.approvalRate)
    },
    {
      key: 'badRate',
      value: formatPercent(point.badRate, 2),
      label: t('strategy.tiles.badRate'),
      now: formatPercent(atThreshold.badRate, 2)
    },
    {
      key: 'expectedBadRate',
      value: formatPercent(point.expectedBadRate, 2),
      label: t('strategy.tiles.expectedBadRate'),
      now: formatPercent(atThreshold.expectedBadRate, 2)
    },
    {
      key: 'loss',
      value: formatLakhCrore(point.expectedLoss),
      label: t('strategy.tiles.loss'),
      now: formatLakhCrore(atThreshold.expectedLoss)
    },
    {
      key: 'profit',
      value: formatLakhCrore(point.expectedProfit),
      label: t('strategy.tiles.profit'),
      now: formatLakhCrore(atThreshold.expectedProfit),
      tone: point.expectedProfit < 0 ? 'bad' : undefined
    }
  ]
}

/** The recommendation in words: the cut-off and what it does, or why no cut-off meets the target. */
export function recommendationWords(rec: Recommendation, hasOutcomes: boolean): string {
  const target = rec.target
  if (rec.cutoff === null || rec.point === null) {
    if (target.kind === 'approval')
      return t('strategy.recommend.noneApproval', { target: formatPercent(target.maxApprovalRate) })
    if (target.kind === 'bad-rate')
      return target.basis === 'observed' && !hasOutcomes
        ? t('strategy.recommend.noOutcomes')
        : t('strategy.recommend.noneBadRate', { target: formatPercent(target.maxBadRate, 2) })
    return t('strategy.recommend.noneProfit')
  }
  const p = rec.point
  const common = { cutoff: formatCutoff(rec.cutoff), approval: formatPercent(p.approvalRate) }
  if (target.kind === 'max-profit')
    return p.expectedProfit > 0
      ? t('strategy.recommend.profit', { ...common, profit: formatLakhCrore(p.expectedProfit) })
      : t('strategy.recommend.leastLoss', { ...common, loss: formatLakhCrore(-p.expectedProfit) })
  if (target.kind === 'approval')
    return t('strategy.recommend.approval', { ...common, target: formatPercent(target.maxApprovalRate) })
  const rate = target.basis === 'expected' ? p.expectedBadRate : p.badRate
  return t(target.basis === 'expected' ? 'strategy.recommend.expected' : 'strategy.recommend.observed', {
    ...common,
    rate: formatPercent(rate, 2),
    target: formatPercent(target.maxBadRate, 2)
  })
}

/** The assumptions behind the ₹ figures, in the window's language (main states them in English). */
export function conventionWords(c: StrategyConventions): string[] {
  const pct = (v: number): string => formatPercent(v, 0)
  const lgd =
    c.lgdSource === 'collateral'
      ? t('strategy.conventions.lgdCollateral', {
          secured: pct(c.lgdPolicy.secured),
          unsecured: pct(c.lgdPolicy.unsecured)
        }) +
        (c.lgdMissing > 0
          ? ` ${t('strategy.conventions.lgdMissing', { flat: pct(c.lgdPolicy.flat) }, c.lgdMissing)}`
          : '')
      : t('strategy.conventions.lgdFlat', { flat: pct(c.lgdPolicy.flat) })
  return [
    t('strategy.conventions.decision'),
    t('strategy.conventions.period', { margin: formatPercent(c.margin, 1) }),
    lgd
  ]
}

/** One side of a swap set in a line: how many, their bad rate and expected loss. */
export function swapGroupWords(group: SwapGroup, change: 'in' | 'out'): string {
  return t(
    change === 'in' ? 'strategy.swap.inLine' : 'strategy.swap.outLine',
    {
      n: formatCount(group.count),
      badRate: formatPercent(group.badRate, 1),
      expected: formatPercent(group.expectedBadRate, 1),
      exposure: formatLakhCrore(group.exposure),
      loss: formatLakhCrore(group.expectedLoss)
    },
    group.count
  )
}

/** What applying a cut-off changes, in one line: approvals, bad rate and profit, from the current threshold's to the new one's. */
export function applyImpactWords(from: StrategyPoint, to: StrategyPoint): string {
  return t('strategy.apply.impact', {
    approvalFrom: formatPercent(from.approvalRate),
    approvalTo: formatPercent(to.approvalRate),
    badFrom: formatPercent(from.expectedBadRate, 2),
    badTo: formatPercent(to.expectedBadRate, 2),
    profitFrom: formatLakhCrore(from.expectedProfit),
    profitTo: formatLakhCrore(to.expectedProfit)
  })
}
