import type { ColumnProfile, NumericProfile } from '../../../../shared/dto'
import { formatPercent, formatStat, MISSING } from '../../ui/format'

/** A statistic of a numeric column the summary table shows. */
export type SummaryStat = keyof Pick<NumericProfile, 'mean' | 'min' | 'q1' | 'median' | 'q3' | 'max'>

/** The summary table's statistics, in column order, with the room each needs (max holds the longest ₹). */
export const SUMMARY_STATS: readonly { key: SummaryStat; label: string; minWidth: number }[] = [
  { key: 'mean', label: 'Mean', minWidth: 100 },
  { key: 'min', label: 'Min', minWidth: 88 },
  { key: 'q1', label: 'Q1', minWidth: 88 },
  { key: 'median', label: 'Median', minWidth: 88 },
  { key: 'q3', label: 'Q3', minWidth: 88 },
  { key: 'max', label: 'Max', minWidth: 104 }
]

/** A statistic of a column as the table writes it: ₹ for money, a dash for a column that is not numeric. */
export function statText(column: ColumnProfile, key: SummaryStat): string {
  return column.kind === 'numeric' ? formatStat(column.name, column[key]) : MISSING
}

/** A category column's most common value and its share ("South (26 %)"); a dash for others. */
export function mostCommonText(column: ColumnProfile): string {
  if (column.kind === 'numeric' || column.kind === 'identifier') return MISSING
  const top = column.top[0]
  return top ? `${top.value} (${formatPercent(column.count ? top.count / column.count : 0, 0)})` : MISSING
}
