import type { ScorecardTableView } from '../../../../shared/scorecard'
import { t } from '../../i18n'
import { formatCount, formatNumber, formatPercent } from '../../ui/format'

/**
 * A scorecard's points table as the Models screen draws it: one row per bin, the
 * characteristic named on its first bin (the table merges its cells down the bins), and
 * the scale in the words a bank files it with.
 */
export interface PointsRow {
  feature: string
  /** Rows of this characteristic, on its first row (0 on the others: merged away). */
  span: number
  iv: number
  trend: string
  bin: string
  count: number
  /** Default rate of the bin's training rows; null for an empty bin. */
  defaultRate: number | null
  woe: number
  points: number
  /** The bin with the most points of its characteristic (the safest). */
  best: boolean
  missing: boolean
}

/** Every bin of every characteristic, in the table's order. */
export function pointsRows(table: ScorecardTableView): PointsRow[] {
  return table.characteristics.flatMap((c) => {
    const top = Math.max(...c.bins.map((b) => b.points))
    return c.bins.map((b, k) => ({
      feature: c.feature,
      span: k === 0 ? c.bins.length : 0,
      iv: c.iv,
      trend: t(`models.points.trend.${TREND_KEYS[c.trend]}`),
      bin: b.missing ? t('models.points.missing') : b.label,
      count: b.count,
      defaultRate: b.count > 0 ? b.defaults / b.count : null,
      woe: b.woe,
      points: b.points,
      best: b.points === top,
      missing: b.missing === true
    }))
  })
}

const TREND_KEYS = {
  ascending: 'ascending',
  descending: 'descending',
  peak: 'peak',
  valley: 'valley',
  'by rate': 'byRate'
} as const

/** "600 points at 50:1 odds, 20 points to double the odds". */
export function scaleText(table: Pick<ScorecardTableView, 'basePoints' | 'baseOdds' | 'pdo'>): string {
  return t('models.points.scale', {
    base: formatNumber(table.basePoints),
    odds: formatNumber(table.baseOdds),
    pdo: formatNumber(table.pdo)
  })
}

/** The lowest and highest total score the table can give (each characteristic's worst and best bin, as printed). */
export function scoreRange(table: ScorecardTableView): { min: number; max: number } {
  let min = 0
  let max = 0
  for (const c of table.characteristics) {
    const points = c.bins.map((b) => b.points)
    min += Math.min(...points)
    max += Math.max(...points)
  }
  return { min, max }
}

/** The probability of default a score states: 1 ÷ (1 + e^((score − offset) ÷ factor)). */
export function defaultProbabilityAt(
  table: Pick<ScorecardTableView, 'offset' | 'factor'>,
  score: number
): number {
  return 1 / (1 + Math.exp((score - table.offset) / table.factor))
}

/** What the scores mean, in one line: their range and the default probability at each end. */
export function rangeText(table: ScorecardTableView): string {
  const { min, max } = scoreRange(table)
  return t('models.points.range', {
    min: formatCount(min),
    max: formatCount(max),
    pdMin: formatPercent(defaultProbabilityAt(table, min)),
    pdMax: formatPercent(defaultProbabilityAt(table, max))
  })
}
