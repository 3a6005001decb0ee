import type { BarSeriesOption } from 'echarts/charts'
import type {
  CategoricalProfile,
  ColumnProfile,
  DatasetProfile,
  NumericProfile
} from '../../../../shared/dto'
import { formatCompact, formatCount, formatPercent, formatStat, isMoneyColumn } from '../../ui/format'
import {
  CLASS_NAMES,
  TEXT,
  classColor,
  cutOffLine,
  horizontalBarsOption,
  escapeHtml,
  hoveredIndex,
  title,
  type ChartOption
} from '../../ui/charts/chartBase'
import {
  CLASS_COLORS,
  CLASS_FILLS,
  DIVERGING_SCALE,
  STATUS_COLORS,
  TEXT_COLOR
} from '../../ui/charts/palette'

/**
 * ECharts options built from the profile main computed (docs/ARCHITECTURE.md rule 8): the
 * renderer turns aggregates into series and never sees a row. Pure functions.
 */

export type HistogramMode = 'stacked' | 'share'

/**
 * Histogram of a numeric column split by class: stacked counts, or each class's share of
 * its own rows per bin, overlaid (compares the two distributions whatever the class balance).
 */
export function histogramOption(column: NumericProfile, mode: HistogramMode = 'stacked'): ChartOption {
  const { edges, countsByClass } = column.histogram
  const money = isMoneyColumn(column.name)
  const labels = edges.slice(0, -1).map((lo) => formatCompact(lo, money))
  const totals = countsByClass.map((counts) => counts.reduce((a, b) => a + b, 0))
  const values = (k: 0 | 1): number[] =>
    mode === 'stacked' ? countsByClass[k] : countsByClass[k].map((c) => (totals[k] ? c / totals[k] : 0))
  const series: BarSeriesOption[] = ([0, 1] as const).map((k) => ({
    type: 'bar',
    name: CLASS_NAMES[k],
    data: values(k),
    itemStyle: {
      color: classColor(k),
      opacity: mode === 'share' ? 0.65 : 1
    },
    barCategoryGap: '8%',
    ...(mode === 'stacked' ? { stack: 'class' } : { barGap: '-100%' })
  }))
  return {
    title: title(`${column.name}: distribution by outcome`),
    legend: { top: 0, right: 0 },
    grid: { left: 64, right: 16, top: 64, bottom: 56 },
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const i = hoveredIndex(params)
        if (i < 0) return ''
        const repaid = countsByClass[0][i]
        const defaulted = countsByClass[1][i]
        const all = repaid + defaulted
        return [
          `<b>${escapeHtml(formatStat(column.name, edges[i]))} – ${escapeHtml(formatStat(column.name, edges[i + 1]))}</b>`,
          `Repaid: ${formatCount(repaid)}`,
          `Defaulted: ${formatCount(defaulted)}`,
          `Default rate in this range: ${all ? formatPercent(defaulted / all) : '—'}`
        ].join('<br>')
      }
    },
    xAxis: {
      type: 'category',
      data: labels,
      name: column.name,
      nameLocation: 'middle',
      nameGap: 36,
      axisLabel: { ...TEXT, hideOverlap: true }
    },
    yAxis: {
      type: 'value',
      name: mode === 'stacked' ? 'Loans' : 'Share of class',
      axisLabel: {
        ...TEXT,
        formatter: (v: number) => (mode === 'stacked' ? formatCompact(v) : formatPercent(v, 0))
      }
    },
    series
  }
}

/** Box plot of a numeric column for repaid and defaulted loans (Tukey whiskers, from main). */
export function boxByClassOption(column: NumericProfile): ChartOption {
  const money = isMoneyColumn(column.name)
  const data = column.boxByClass.map((b, k) => ({
    name: CLASS_NAMES[k],
    value: b ? [b.lowerWhisker, b.q1, b.median, b.q3, b.upperWhisker] : [],
    itemStyle: {
      color: k === 0 ? CLASS_FILLS.repaid : CLASS_FILLS.defaulted,
      borderColor: classColor(k as 0 | 1)
    }
  }))
  return {
    title: title(`${column.name} by outcome`),
    grid: { left: 72, right: 16, top: 64, bottom: 32 },
    tooltip: {
      trigger: 'item',
      formatter: (params: unknown) => {
        const k = hoveredIndex(params)
        const b = column.boxByClass[k]
        if (!b) return 'No values'
        const f = (v: number): string => escapeHtml(formatStat(column.name, v))
        return [
          `<b>${CLASS_NAMES[k]}</b> (${formatCount(b.count)} loans)`,
          `Upper whisker: ${f(b.upperWhisker)}`,
          `Q3: ${f(b.q3)}`,
          `Median: ${f(b.median)}`,
          `Q1: ${f(b.q1)}`,
          `Lower whisker: ${f(b.lowerWhisker)}`,
          `Mean: ${f(b.mean)}`
        ].join('<br>')
      }
    },
    xAxis: { type: 'category', data: [...CLASS_NAMES], axisLabel: TEXT },
    yAxis: {
      type: 'value',
      scale: true,
      axisLabel: { ...TEXT, formatter: (v: number) => formatCompact(v, money) }
    },
    series: [{ type: 'boxplot', name: column.name, data, boxWidth: ['30%', '45%'] }]
  }
}

/** Default rate per category (the most frequent ones, as main sent them), with the overall rate as a line. */
export function categoryRateOption(column: CategoricalProfile, overallRate: number): ChartOption {
  const option = horizontalBarsOption({
    title: `Default rate by ${column.name}`,
    items: column.top,
    name: (c) => c.value,
    value: (c) => c.defaultRate,
    details: (c) => [
      `Loans: ${formatCount(c.count)}`,
      `Defaulted: ${formatCount(c.defaults)}`,
      `Default rate: ${formatPercent(c.defaultRate)}`
    ],
    seriesName: 'Default rate',
    color: CLASS_COLORS.defaulted,
    axisFormat: (v) => formatPercent(v, 0),
    labelFormat: (v) => formatPercent(v),
    grid: { right: 56, top: 40, bottom: 32 },
    nameWidth: 160
  })
  const [bars] = option.series as BarSeriesOption[]
  bars.markLine = cutOffLine(`overall ${formatPercent(overallRate)}`, overallRate)
  return option
}

/** The height a horizontal bar chart needs to show `bars` bars legibly. */
export function barChartHeight(bars: number): number {
  return Math.max(220, 26 * bars + 90)
}

/** Correlation heatmap of the numeric columns and the target (values in [-1, 1]). */
export function correlationOption(correlation: DatasetProfile['correlation']): ChartOption {
  const { names, matrix } = correlation
  const data: [number, number, number | null][] = []
  for (let i = 0; i < names.length; i++) {
    for (let j = 0; j < names.length; j++) {
      const r = matrix[i]?.[j]
      data.push([j, i, typeof r === 'number' && Number.isFinite(r) ? Math.round(r * 100) / 100 : null])
    }
  }
  return {
    title: title('Correlation of numeric columns (Pearson)'),
    grid: { left: 8, right: 90, top: 40, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (params: unknown) => {
        if (!params || typeof params !== 'object' || !('value' in params) || !Array.isArray(params.value))
          return ''
        const [x, y, r] = params.value as [number, number, number | null]
        return `${escapeHtml(names[y])} × ${escapeHtml(names[x])}<br>r = ${r === null ? 'undefined' : r.toFixed(2)}`
      }
    },
    xAxis: {
      type: 'category',
      data: names,
      axisLabel: { ...TEXT, rotate: 40, interval: 0 },
      splitArea: { show: true }
    },
    yAxis: {
      type: 'category',
      data: names,
      inverse: true,
      axisLabel: { ...TEXT, interval: 0 },
      splitArea: { show: true }
    },
    visualMap: {
      min: -1,
      max: 1,
      calculable: true,
      orient: 'vertical',
      right: 0,
      top: 'middle',
      itemHeight: 200,
      inRange: { color: DIVERGING_SCALE }
    },
    series: [
      {
        type: 'heatmap',
        name: 'r',
        data,
        label: {
          show: names.length <= 16,
          fontSize: 10,
          formatter: (p: { value?: unknown }) => cellLabel(p.value)
        },
        emphasis: { itemStyle: { borderColor: TEXT_COLOR, borderWidth: 1 } }
      }
    ]
  }
}

function cellLabel(value: unknown): string {
  const r = Array.isArray(value) ? value[2] : null
  return typeof r === 'number' ? r.toFixed(2) : ''
}

/** The columns with missing values, most-missing first. */
export function columnsWithMissing(profile: DatasetProfile): ColumnProfile[] {
  return profile.columns.filter((c) => c.missing > 0).sort((a, b) => b.missing - a.missing)
}

/**
 * Missing share of each column that has missing values, most-missing on top, with the
 * default rate among the missing rows in the tooltip (missingness that predicts default matters).
 */
export function missingOption(profile: DatasetProfile): ChartOption {
  const share = (c: ColumnProfile): number => missingShare(c, profile.numRows)
  return horizontalBarsOption({
    title: 'Missing values per column',
    items: columnsWithMissing(profile),
    name: (c) => c.name,
    value: share,
    details: (c) => [
      `Missing: ${formatCount(c.missing)} of ${formatCount(profile.numRows)} (${formatPercent(share(c), 2)})`,
      `Default rate where missing: ${c.missingDefaultRate === null ? '—' : formatPercent(c.missingDefaultRate)}`
    ],
    seriesName: 'Missing',
    color: STATUS_COLORS.caution,
    axisFormat: (v) => formatPercent(v, 1),
    labelFormat: (v) => formatPercent(v, 2),
    grid: { right: 64, top: 40, bottom: 32 }
  })
}

/** The share of a column's values that are missing. */
export function missingShare(column: ColumnProfile, numRows: number): number {
  return numRows ? column.missing / numRows : 0
}

/** A numeric column's correlation with the target. */
export interface TargetCorrelation {
  name: string
  r: number
}

/** The numeric columns most correlated with the target (the matrix's last row), strongest first. */
export function targetCorrelations(
  correlation: DatasetProfile['correlation'],
  top = 12
): TargetCorrelation[] {
  const t = correlation.names.length - 1
  return correlation.names
    .slice(0, t)
    .map((name, i) => ({ name, r: correlation.matrix[t]?.[i] ?? Number.NaN }))
    .filter((x) => Number.isFinite(x.r))
    .sort((a, b) => Math.abs(b.r) - Math.abs(a.r))
    .slice(0, top)
}
