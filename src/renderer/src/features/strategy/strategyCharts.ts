import type { LineSeriesOption } from 'echarts/charts'
import type { MarkLineComponentOption } from 'echarts/components'
import type { XAXisComponentOption, YAXisComponentOption } from 'echarts'
import type { StrategyPoint } from '../../../../shared/validation'
import { t } from '../../i18n'
import { itemTooltip, percentLabels, SECONDARY, TEXT, type ChartOption } from '../../ui/charts/chartBase'
import { CLASS_COLORS, STATUS_COLORS, STRATEGY_COLORS } from '../../ui/charts/palette'
import { formatCompact, formatPercent } from '../../ui/format'
import { axisEnd } from './strategyModel'
import { formatCutoff, formatLakhCrore } from './strategyText'

/**
 * The strategy chart: four panels over one cut-off axis (approvals; bad rates observed and
 * expected; expected loss; expected profit, each ₹ panel on its own scale so that the smaller
 * profit is not flattened by the loss), the model's current threshold, the recommended and the
 * chosen cut-off marked on every panel, and a handle under the axis that the user drags.
 * Pure: curve in, option out.
 */

export interface StrategyChartInput {
  curve: readonly StrategyPoint[]
  /** The chosen cut-off (the handle's position). */
  chosen: number
  threshold: number
  recommended: number | null
}

/** Panel tops and heights in pixels; the bottom panel's axis carries the labels and the handle. */
const PANEL = { tops: [34, 124, 224, 314], heights: [60, 70, 60, 60] }
/** The chart's height in pixels: the four panels, the axis labels and the handle under them. */
export const STRATEGY_CHART_HEIGHT = 430
/** How many panels (grids) the chart has. */
export const STRATEGY_PANELS = PANEL.tops.length

function line(
  name: string,
  data: [number, number | null][],
  color: string,
  panel: number,
  dashed = false
): LineSeriesOption {
  return {
    type: 'line',
    name,
    data,
    xAxisIndex: panel,
    yAxisIndex: panel,
    showSymbol: false,
    connectNulls: false,
    lineStyle: { width: 2, color, type: dashed ? 'dashed' : 'solid' },
    itemStyle: { color }
  }
}

/**
 * The chosen cut-off (solid), the model's threshold and the recommended cut-off (dashed);
 * labelled on the top panel. A recommendation equal to the threshold is one mark with both names.
 */
function marks(input: StrategyChartInput, labelled: boolean): MarkLineComponentOption {
  const same = input.recommended !== null && Math.abs(input.recommended - input.threshold) < 1e-12
  const data: NonNullable<MarkLineComponentOption['data']> = [
    {
      xAxis: input.chosen,
      lineStyle: { color: STRATEGY_COLORS.chosen, type: 'solid', width: 2 },
      label: { show: false }
    },
    {
      xAxis: input.threshold,
      lineStyle: { color: same ? STATUS_COLORS.good : SECONDARY, type: 'dashed' },
      label: {
        show: labelled,
        formatter: t(same ? 'strategy.chart.nowRecommended' : 'strategy.chart.now', {
          cutoff: formatCutoff(input.threshold)
        })
      }
    }
  ]
  if (input.recommended !== null && !same)
    data.push({
      xAxis: input.recommended,
      lineStyle: { color: STATUS_COLORS.good, type: 'dashed' },
      label: {
        show: labelled,
        color: STATUS_COLORS.good,
        formatter: t('strategy.chart.recommended', { cutoff: formatCutoff(input.recommended) })
      }
    })
  return { symbol: 'none', silent: true, animation: false, label: { position: 'end', fontSize: 11 }, data }
}

function xAxis(panel: number, end: number, input: StrategyChartInput): XAXisComponentOption {
  const bottom = panel === PANEL.tops.length - 1
  return {
    type: 'value',
    gridIndex: panel,
    min: 0,
    max: end,
    axisLabel: bottom ? percentLabels() : { show: false },
    axisTick: { show: bottom },
    axisPointer: {
      value: input.chosen,
      snap: true,
      lineStyle: { color: STRATEGY_COLORS.chosen, width: 2 },
      label: {
        show: bottom,
        formatter: (p: { value?: unknown }) => formatCutoff(Number(p.value)),
        backgroundColor: STRATEGY_COLORS.chosen
      },
      // The handle is what the user drags; only the bottom axis has one, the others follow (link).
      handle: bottom ? { show: true, color: STRATEGY_COLORS.chosen, size: 24, margin: 34 } : { show: false }
    }
  }
}

function yAxis(panel: number, name: string, money: boolean): YAXisComponentOption {
  return {
    type: 'value',
    gridIndex: panel,
    // Profit can be negative: only the share axes are pinned to start at 0.
    min: money ? undefined : 0,
    max: panel === 0 ? 1 : undefined,
    splitNumber: 2,
    name,
    nameLocation: 'end',
    nameGap: 14,
    nameTextStyle: { color: SECONDARY, align: 'left', padding: [0, 0, 0, -58] },
    axisLabel: money ? { ...TEXT, formatter: (v: number) => formatCompact(v, true) } : percentLabels()
  }
}

/** The tooltip at a cut-off: every figure of that curve point. */
function tooltip(curve: readonly StrategyPoint[]): (params: unknown) => string {
  return itemTooltip(curve, (p) => [
    t('strategy.chart.at', { cutoff: formatCutoff(p.cutoff) }),
    t('strategy.chart.tipApproval', { rate: formatPercent(p.approvalRate) }),
    t('strategy.chart.tipBad', { rate: formatPercent(p.badRate, 2) }),
    t('strategy.chart.tipExpected', { rate: formatPercent(p.expectedBadRate, 2) }),
    t('strategy.chart.tipLoss', { amount: formatLakhCrore(p.expectedLoss) }),
    t('strategy.chart.tipProfit', { amount: formatLakhCrore(p.expectedProfit) })
  ])
}

/** The option of the strategy chart. */
export function strategyChartOption(input: StrategyChartInput): ChartOption {
  const { curve } = input
  const end = axisEnd(curve, [input.chosen, input.threshold, input.recommended])
  const xy = (value: (p: StrategyPoint) => number | null): [number, number | null][] =>
    curve.map((p) => [p.cutoff, value(p)])
  const marked = (series: LineSeriesOption, labelled = false): LineSeriesOption => ({
    ...series,
    markLine: marks(input, labelled)
  })
  const series: LineSeriesOption[] = [
    marked(
      line(
        t('strategy.chart.approval'),
        xy((p) => p.approvalRate),
        STRATEGY_COLORS.approval,
        0
      ),
      true
    ),
    marked(
      line(
        t('strategy.chart.badRate'),
        xy((p) => p.badRate),
        CLASS_COLORS.defaulted,
        1
      )
    ),
    line(
      t('strategy.chart.expectedBadRate'),
      xy((p) => p.expectedBadRate),
      STRATEGY_COLORS.expected,
      1,
      true
    ),
    marked(
      line(
        t('strategy.chart.loss'),
        xy((p) => p.expectedLoss),
        STRATEGY_COLORS.loss,
        2
      )
    ),
    marked(
      line(
        t('strategy.chart.profit'),
        xy((p) => p.expectedProfit),
        STRATEGY_COLORS.profit,
        3
      )
    )
  ]
  return {
    animation: false,
    legend: { top: 0, right: 0, textStyle: TEXT, itemWidth: 18 },
    grid: PANEL.tops.map((top, i) => ({ left: 80, right: 24, top, height: PANEL.heights[i] })),
    axisPointer: { link: [{ xAxisIndex: 'all' }] },
    tooltip: { trigger: 'axis', formatter: tooltip(curve), confine: true },
    xAxis: PANEL.tops.map((_, i) => xAxis(i, end, input)),
    yAxis: [
      yAxis(0, t('strategy.chart.approvalAxis'), false),
      yAxis(1, t('strategy.chart.badRateAxis'), false),
      yAxis(2, t('strategy.chart.lossAxis'), true),
      yAxis(3, t('strategy.chart.profitAxis'), true)
    ],
    series
  }
}

/** The cut-off an axis-pointer event carries (ECharts' updateAxisPointer), or null. */
export function axisPointerValue(event: unknown): number | null {
  if (!event || typeof event !== 'object' || !('axesInfo' in event) || !Array.isArray(event.axesInfo))
    return null
  for (const info of event.axesInfo as unknown[]) {
    if (info && typeof info === 'object' && 'axisDim' in info && info.axisDim === 'x' && 'value' in info) {
      const value = Number(info.value)
      if (Number.isFinite(value)) return value
    }
  }
  return null
}

/**
 * The cut-off under a click on the chart, or null off the panels: `convert` turns the pixel
 * into the panel's [cut-off, value] when the panel holds it (the chart instance's
 * containPixel and convertFromPixel).
 */
export function clickedCutoff(
  event: unknown,
  panels: number,
  convert: (grid: number, pixel: [number, number]) => number[] | number | null
): number | null {
  if (!event || typeof event !== 'object' || !('offsetX' in event) || !('offsetY' in event)) return null
  const pixel: [number, number] = [Number(event.offsetX), Number(event.offsetY)]
  for (let grid = 0; grid < panels; grid++) {
    const found = convert(grid, pixel)
    const x = Array.isArray(found) ? found[0] : found
    if (typeof x === 'number' && Number.isFinite(x)) return Math.min(1, Math.max(0, x))
  }
  return null
}
