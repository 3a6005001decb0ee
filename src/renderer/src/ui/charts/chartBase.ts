import { t } from '../../i18n'
import type { ComposeOption } from 'echarts/core'
import type {
  BarSeriesOption,
  BoxplotSeriesOption,
  GaugeSeriesOption,
  HeatmapSeriesOption,
  LineSeriesOption
} from 'echarts/charts'
import type {
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  TitleComponentOption,
  TooltipComponentOption,
  VisualMapComponentOption
} from 'echarts/components'
import type { XAXisComponentOption, YAXisComponentOption } from 'echarts'
import { formatPercent } from '../format'
import { CLASS_COLORS, SECONDARY_COLOR, TEXT_COLOR } from './palette'

/**
 * What the chart builders of the features (profileCharts.ts, evaluationCharts.ts, scoreCharts.ts) share: the option type, the
 * text style, titles, tooltips and axes. Pure values and functions, like the builders.
 */

/** An ECharts option of the chart types and components registerCharts.ts loads (keep the two in step). */
export type ChartOption = ComposeOption<
  | BarSeriesOption
  | BoxplotSeriesOption
  | GaugeSeriesOption
  | HeatmapSeriesOption
  | LineSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | TitleComponentOption
  | TooltipComponentOption
  | VisualMapComponentOption
>

/** The two outcomes' names (repaid 0, defaulted 1), in the window's language. */
export function classNames(): [string, string] {
  return [t('explore.charts.repaid'), t('explore.charts.defaulted')]
}

/** Axis labels and legends. */
export const TEXT = { color: TEXT_COLOR, fontSize: 12 }
/** Axis names, mark lines and totals. */
export const SECONDARY = SECONDARY_COLOR

/** A chart on a screen: its option, its name for screen readers, its height and test id. */
export interface ChartSpec {
  option: ChartOption
  label: string
  /** Pixels; the width follows the container. */
  height?: number
  testId?: string
}

/** A chart's title, top left. */
export function title(text: string): TitleComponentOption {
  return { text, left: 0, textStyle: { fontSize: 14 } }
}

/** The index of the hovered item, whatever shape ECharts hands the tooltip formatter. */
export function hoveredIndex(params: unknown): number {
  const first: unknown = Array.isArray(params) ? params[0] : params
  if (first && typeof first === 'object' && 'dataIndex' in first && typeof first.dataIndex === 'number') {
    return first.dataIndex
  }
  return -1
}

/** The index of the series of the hovered item. */
export function hoveredSeries(params: unknown): number {
  const first: unknown = Array.isArray(params) ? params[0] : params
  if (first && typeof first === 'object' && 'seriesIndex' in first && typeof first.seriesIndex === 'number') {
    return first.seriesIndex
  }
  return -1
}

/** Text safe to put in a tooltip (ECharts renders tooltips as HTML). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/**
 * A tooltip formatter for charts with one item per category: the hovered item's `lines`, the
 * first in bold, each escaped (plain text in, HTML out); empty off the items.
 */
export function itemTooltip<T>(
  items: readonly T[],
  lines: (item: T) => string[]
): (params: unknown) => string {
  return (params) => {
    const item = items[hoveredIndex(params)]
    if (item === undefined) return ''
    const [head = '', ...rest] = lines(item).map(escapeHtml)
    return [`<b>${head}</b>`, ...rest].join('<br>')
  }
}

/** The tooltip of a bar chart: the hovered category, shaded across the whole band. */
export function barTooltip(formatter: (params: unknown) => string): TooltipComponentOption {
  return { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter }
}

/** What a vertical bar chart over categories (grades, score bins) shows around its bars. */
export interface ColumnChart<T> {
  title: string
  /** One per category, left to right. */
  items: readonly T[]
  category: (item: T) => string
  /** The hovered category's tooltip lines, the first in bold (itemTooltip). */
  lines: (item: T) => string[]
  /** The series' names under the plot, for bars side by side. */
  legend: boolean
  /** The categories' labels, when the plain text style does not fit them. */
  categoryLabels?: typeof TEXT & { interval?: number; rotate?: number }
}

/** The frame of a vertical bar chart over categories: everything but its value axis and its series. */
export function columnChart<T>(chart: ColumnChart<T>): ChartOption {
  return {
    animation: false,
    title: title(chart.title),
    ...(chart.legend ? { legend: { bottom: 0, textStyle: TEXT } } : {}),
    grid: { left: 8, right: 16, top: 40, bottom: chart.legend ? 30 : 8, containLabel: true },
    tooltip: barTooltip(itemTooltip(chart.items, chart.lines)),
    xAxis: {
      type: 'category',
      data: chart.items.map(chart.category),
      axisLabel: chart.categoryLabels ?? TEXT
    }
  }
}

/** Axis labels of shares as percentages ("40 %"). */
export function percentLabels(digits = 0): typeof TEXT & { formatter: (v: number) => string } {
  return { ...TEXT, formatter: (v: number) => formatPercent(v, digits) }
}

/** A value axis from 0 to 100 %, named along its middle; either axis of a chart. */
export function percentAxis(name: string, nameGap: number): XAXisComponentOption & YAXisComponentOption {
  return {
    type: 'value',
    min: 0,
    max: 1,
    name,
    nameLocation: 'middle',
    nameGap,
    nameTextStyle: { color: SECONDARY },
    axisLabel: percentLabels()
  }
}

/** A dashed vertical line across the plot at `x` (a cut-off), labelled at its end. */
export function cutOffLine(text: string, x: number): MarkLineComponentOption {
  return {
    symbol: 'none',
    silent: true,
    lineStyle: { color: SECONDARY, type: 'dashed' },
    label: { formatter: text, position: 'end' },
    data: [{ xAxis: x }]
  }
}

/** A chart of curves on the unit square: both axes 0–100 %, the legend below. */
export interface CurveChart {
  title: string
  xName: string
  yName: string
  /** 'item': the tooltip tells the hovered point of one curve; 'axis': every curve at the hovered x. */
  trigger: 'item' | 'axis'
  tooltip: (params: unknown) => string
  series: LineSeriesOption[]
  /** More room above and to the right, for a label drawn past the plot (a mark line's). */
  roomForLabel?: boolean
}

/** The option of a curve chart (ROC, precision-recall, KS, calibration). */
export function curveChartOption(chart: CurveChart): ChartOption {
  return {
    animation: false,
    title: title(chart.title),
    legend: { bottom: 0, textStyle: TEXT },
    grid: chart.roomForLabel
      ? { left: 60, right: 28, top: 60, bottom: 76 }
      : { left: 60, right: 20, top: 40, bottom: 76 },
    tooltip: { trigger: chart.trigger, formatter: chart.tooltip },
    xAxis: percentAxis(chart.xName, 28),
    yAxis: percentAxis(chart.yName, 44),
    series: chart.series
  }
}

/**
 * A tooltip formatter for charts with one series per model (and reference lines after
 * them): the hovered model's label in bold, then `lines` for the hovered point. Empty for
 * a reference line, or where `lines` returns null.
 */
export function perModelTooltip<M extends { label: string }>(
  models: M[],
  lines: (model: M, index: number, modelIndex: number) => string[] | null
): (params: unknown) => string {
  return (params) => {
    const k = hoveredSeries(params)
    const m = models[k]
    const i = hoveredIndex(params)
    if (!m || i < 0) return ''
    const body = lines(m, i, k)
    return body ? [`<b>${escapeHtml(m.label)}</b>`, ...body].join('<br>') : ''
  }
}

/** The colour of an outcome on every chart: 0 repaid, 1 defaulted. */
export function classColor(k: 0 | 1): string {
  return k === 0 ? CLASS_COLORS.repaid : CLASS_COLORS.defaulted
}

/** Each bar's value written at its end, as `format` says it. */
export function barLabel(
  format: (value: number) => string,
  position: 'right' | 'top' = 'right',
  fontSize = 12
): NonNullable<BarSeriesOption['label']> {
  return { show: true, position, fontSize, formatter: (p: { value?: unknown }) => format(Number(p.value)) }
}

/** A horizontal bar chart: one bar per item, the first item on top, its value at its end. */
export interface HorizontalBars<T> {
  title: string
  /** The bars, top first. */
  items: readonly T[]
  name: (item: T) => string
  value: (item: T) => number
  /** The tooltip's lines under the hovered bar's name (HTML: escape any text from the data). */
  details: (item: T) => string[]
  seriesName: string
  color: string
  /** A value as the axis writes it, and as each bar's label writes it. */
  axisFormat: (value: number) => string
  labelFormat: (value: number) => string
  /** Room around the plot: to the right for the bars' labels. */
  grid: { right: number; top: number; bottom: number }
  /** Longer names are cut to this many pixels. */
  nameWidth?: number
  labelSize?: number
}

/** The option of a horizontal bar chart (importance, default rate by category, missing values). */
export function horizontalBarsOption<T>(bars: HorizontalBars<T>): ChartOption {
  // ECharts draws a category axis bottom-up: reversed, the first item is on top.
  const shown = [...bars.items].reverse()
  const truncate = bars.nameWidth ? { width: bars.nameWidth, overflow: 'truncate' as const } : {}
  return {
    animation: false,
    title: title(bars.title),
    grid: { left: 8, ...bars.grid, containLabel: true },
    tooltip: barTooltip((params: unknown) => {
      const item = shown[hoveredIndex(params)]
      if (item === undefined) return ''
      return [`<b>${escapeHtml(bars.name(item))}</b>`, ...bars.details(item)].join('<br>')
    }),
    xAxis: { type: 'value', axisLabel: { ...TEXT, formatter: bars.axisFormat } },
    yAxis: { type: 'category', data: shown.map(bars.name), axisLabel: { ...TEXT, interval: 0, ...truncate } },
    series: [
      {
        type: 'bar',
        name: bars.seriesName,
        data: shown.map(bars.value),
        itemStyle: { color: bars.color },
        label: barLabel(bars.labelFormat, 'right', bars.labelSize)
      }
    ]
  }
}
