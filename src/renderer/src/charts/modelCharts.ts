import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts'
import type { ReasonInfo } from '../../../shared/dto'
import type {
  BinaryEvaluation,
  CalibrationBin,
  ConfusionMatrix,
  KsResult,
  ProbabilityHistogram
} from '../../../shared/evaluation'
import { formatCount, formatNumber, formatPercent, formatStat } from '../util/format'
import {
  CLASS_COLORS,
  CLASS_NAMES,
  SECONDARY,
  TEXT,
  barTooltip,
  curveChartOption,
  cutOffLine,
  escapeHtml,
  hoveredIndex,
  perModelTooltip,
  percentLabels,
  title,
  type ChartOption
} from './chartBase'

/**
 * ECharts options for a model's evaluation and for scores, built from what main computed
 * (ARCHITECTURE.md rule 8): curves, bins and contributions in, options out. Pure functions.
 */

/** The colours of the model shown and of the one it is compared with. */
export const MODEL_COLORS = ['#4c78a8', '#f58518'] as const
/** Risk grades from very low (A, green) to very high (E, red). */
export const GRADE_COLORS: Record<string, string> = {
  A: '#3f9b4f',
  B: '#8cc265',
  C: '#e6b422',
  D: '#ee8a3c',
  E: '#d9463e'
}
const RAISES = CLASS_COLORS.defaulted
const LOWERS = '#3f9b4f'
const TOTAL = SECONDARY
const REFERENCE = '#a8abb2'

/** One model's evaluation drawn on a shared chart. */
export interface ModelCurves {
  label: string
  color: string
  metrics: BinaryEvaluation
}

function referenceLine(name: string, data: [number, number][]): LineSeriesOption {
  return {
    type: 'line',
    name,
    data,
    showSymbol: false,
    silent: true,
    lineStyle: { type: 'dashed', width: 1, color: REFERENCE },
    itemStyle: { color: REFERENCE }
  }
}

function curve(m: ModelCurves, name: string, data: [number, number][]): LineSeriesOption {
  return {
    type: 'line',
    name,
    data,
    symbol: 'circle',
    symbolSize: data.length > 150 ? 2 : 5,
    lineStyle: { width: 2, color: m.color },
    itemStyle: { color: m.color }
  }
}

/** ROC curves (one per model) with the chance diagonal; the legend carries each AUC. */
export function rocOption(models: ModelCurves[]): ChartOption {
  const series = models.map((m) =>
    curve(
      m,
      `${m.label}: AUC ${m.metrics.auc.toFixed(3)}`,
      m.metrics.roc.fpr.map((x, i) => [x, m.metrics.roc.tpr[i]])
    )
  )
  return curveChartOption({
    title: 'ROC curve',
    xName: 'False positive rate (good borrowers flagged)',
    yName: 'True positive rate (defaulters caught)',
    trigger: 'item',
    tooltip: perModelTooltip(models, (m, i) => {
      const { fpr, tpr, thresholds } = m.metrics.roc
      return [
        `Flag when p ≥ ${i === 0 ? 'never' : formatPercent(thresholds[i])}`,
        `Defaulters caught: ${formatPercent(tpr[i])}`,
        `Good borrowers flagged: ${formatPercent(fpr[i])}`
      ]
    }),
    series: [
      ...series,
      referenceLine('Chance', [
        [0, 0],
        [1, 1]
      ])
    ]
  })
}

/** Precision-recall curves with the no-skill line at the default rate; the legend carries each AP. */
export function precisionRecallOption(models: ModelCurves[]): ChartOption {
  const series = models.map((m) =>
    curve(
      m,
      `${m.label}: AP ${m.metrics.averagePrecision.toFixed(3)}`,
      m.metrics.precisionRecall.recall.map((r, i) => [r, m.metrics.precisionRecall.precision[i]])
    )
  )
  const rate = models[0]?.metrics.positiveRate ?? 0
  return curveChartOption({
    title: 'Precision-recall curve',
    xName: 'Recall (defaulters caught)',
    yName: 'Precision (flagged who default)',
    trigger: 'item',
    tooltip: perModelTooltip(models, (m, i) => {
      const { precision, recall, thresholds } = m.metrics.precisionRecall
      const t = thresholds[i]
      return [
        t === undefined ? 'Flag nobody' : `Flag when p ≥ ${formatPercent(t)}`,
        `Defaulters caught (recall): ${formatPercent(recall[i])}`,
        `Flagged who default (precision): ${formatPercent(precision[i])}`
      ]
    }),
    series: [
      ...series,
      referenceLine(`No skill (default rate ${formatPercent(rate)})`, [
        [0, rate],
        [1, rate]
      ])
    ]
  })
}

/**
 * KS plot: the share of defaulters and of repaid loans scoring below each cut-off, with
 * the largest gap marked. Each curve is a step function (constant between scores).
 */
export function ksOption(ks: KsResult): ChartOption {
  const { thresholds, cdfPositive, cdfNegative } = ks.curve
  const line = (name: string, values: number[], color: string): LineSeriesOption => ({
    type: 'line',
    name,
    step: 'start',
    data: thresholds.map((t, i) => [t, values[i]]),
    showSymbol: false,
    lineStyle: { width: 2, color },
    itemStyle: { color }
  })
  const positive = line('Defaulted', cdfPositive, CLASS_COLORS.defaulted)
  positive.markLine = cutOffLine(`KS ${ks.ks.toFixed(3)} at ${formatPercent(ks.threshold)}`, ks.threshold)
  return curveChartOption({
    title: 'KS plot: share of each class scoring below the cut-off',
    xName: 'Cut-off on the probability of default',
    yName: 'Share of the class below the cut-off',
    trigger: 'axis',
    tooltip: (params: unknown) => {
      const i = hoveredIndex(params)
      if (i < 0) return ''
      return [
        `<b>Cut-off ${formatPercent(thresholds[i])}</b>`,
        `Defaulters below: ${formatPercent(cdfPositive[i])}`,
        `Repaid below: ${formatPercent(cdfNegative[i])}`,
        `Gap: ${formatPercent(Math.abs(cdfNegative[i] - cdfPositive[i]))}`
      ].join('<br>')
    },
    series: [positive, line('Repaid', cdfNegative, CLASS_COLORS.repaid)],
    roomForLabel: true
  })
}

/** Calibration curves (one per model): mean predicted probability against the observed default rate per bin. */
export function calibrationOption(
  models: { label: string; color: string; bins: CalibrationBin[] }[]
): ChartOption {
  const used = models.map((m) => m.bins.filter((b) => b.count > 0))
  const series = models.map((m, k): LineSeriesOption => ({
    type: 'line',
    name: m.label,
    data: used[k].map((b) => [b.meanPredicted, b.fractionPositive]),
    symbol: 'circle',
    symbolSize: 7,
    lineStyle: { width: 2, color: m.color },
    itemStyle: { color: m.color }
  }))
  return curveChartOption({
    title: 'Calibration: predicted against observed default rate',
    xName: 'Predicted probability of default',
    yName: 'Observed default rate',
    trigger: 'item',
    tooltip: perModelTooltip(models, (_m, i, k) => {
      const b = used[k][i]
      if (!b) return null
      return [
        `Probabilities ${formatPercent(b.lower, 0)} – ${formatPercent(b.upper, 0)}: ${formatCount(b.count)} loans`,
        `Predicted on average: ${formatPercent(b.meanPredicted)}`,
        `Actually defaulted: ${formatPercent(b.fractionPositive)}`
      ]
    }),
    series: [
      ...series,
      referenceLine('Perfectly calibrated', [
        [0, 0],
        [1, 1]
      ])
    ]
  })
}

/**
 * The predicted probabilities of the evaluated rows, by true class, each class as a share
 * of its own rows (the classes are unbalanced), with the decision threshold marked.
 */
export function probabilityHistogramOption(histogram: ProbabilityHistogram, threshold: number): ChartOption {
  const { edges, negative, positive } = histogram
  const bins = edges.length - 1
  const labels = edges
    .slice(0, -1)
    .map((lo, i) => `${Math.round(lo * 100)}–${Math.round(edges[i + 1] * 100)} %`)
  const share = (counts: number[]): number[] => {
    const total = counts.reduce((a, b) => a + b, 0)
    return counts.map((c) => (total ? c / total : 0))
  }
  const width = bins > 0 ? (edges[bins] - edges[0]) / bins : 1
  // A category axis places bin i at i (its centre); the threshold sits in between.
  const position = bins > 0 ? (threshold - edges[0]) / width - 0.5 : 0
  const bar = (k: 0 | 1, counts: number[]): BarSeriesOption => ({
    type: 'bar',
    name: CLASS_NAMES[k],
    data: share(counts),
    itemStyle: { color: k === 0 ? CLASS_COLORS.repaid : CLASS_COLORS.defaulted },
    barGap: '0%',
    barCategoryGap: '20%'
  })
  const defaulted = bar(1, positive)
  defaulted.markLine = cutOffLine(`threshold ${formatPercent(threshold)}`, position)
  return {
    animation: false,
    title: title('Predicted probability by true outcome (share of each class)'),
    legend: { top: 0, right: 0, textStyle: TEXT },
    grid: { left: 60, right: 20, top: 48, bottom: 64 },
    tooltip: barTooltip((params: unknown) => {
      const i = hoveredIndex(params)
      if (i < 0) return ''
      return [
        `<b>Probability ${labels[i]}</b>`,
        `Repaid: ${formatCount(negative[i])} loans`,
        `Defaulted: ${formatCount(positive[i])} loans`
      ].join('<br>')
    }),
    xAxis: {
      type: 'category',
      data: labels,
      name: 'Predicted probability of default',
      nameLocation: 'middle',
      nameGap: 40,
      axisLabel: { ...TEXT, rotate: 35, hideOverlap: true }
    },
    yAxis: { type: 'value', axisLabel: percentLabels() },
    series: [bar(0, negative), defaulted]
  }
}

/** The height a horizontal bar chart of `bars` bars needs. */
export function horizontalBarHeight(bars: number): number {
  return Math.max(240, 22 * bars + 80)
}

/** Feature importance as horizontal bars, the most important on top. */
export function importanceOption(
  chartTitle: string,
  items: { feature: string; value: number; std?: number }[],
  color: string
): ChartOption {
  const sorted = [...items].sort((a, b) => b.value - a.value).reverse()
  return {
    animation: false,
    title: title(chartTitle),
    grid: { left: 8, right: 56, top: 36, bottom: 24, containLabel: true },
    tooltip: barTooltip((params: unknown) => {
      const item = sorted[hoveredIndex(params)]
      if (!item) return ''
      const std = item.std === undefined ? '' : ` ± ${formatNumber(item.std, 4)}`
      return `<b>${escapeHtml(item.feature)}</b><br>${formatNumber(item.value, 4)}${std}`
    }),
    xAxis: { type: 'value', axisLabel: { ...TEXT, formatter: (v: number) => formatNumber(v, 3) } },
    yAxis: {
      type: 'category',
      data: sorted.map((i) => i.feature),
      axisLabel: { ...TEXT, interval: 0, width: 150, overflow: 'truncate' }
    },
    series: [
      {
        type: 'bar',
        name: chartTitle,
        data: sorted.map((i) => i.value),
        itemStyle: { color },
        label: {
          show: true,
          position: 'right',
          fontSize: 11,
          formatter: (p: { value?: unknown }) => Number(p.value).toFixed(3)
        }
      }
    ]
  }
}

/** One cell of the confusion matrix: counts and the share of its actual class. */
export interface ConfusionCell {
  actual: 0 | 1
  predicted: 0 | 1
  count: number
  shareOfActual: number
}

/** The four cells of a confusion matrix, actual class by predicted class. */
export function confusionCells(c: ConfusionMatrix): ConfusionCell[] {
  const negatives = c.tn + c.fp
  const positives = c.fn + c.tp
  const share = (n: number, total: number): number => (total ? n / total : 0)
  return [
    { actual: 0, predicted: 0, count: c.tn, shareOfActual: share(c.tn, negatives) },
    { actual: 0, predicted: 1, count: c.fp, shareOfActual: share(c.fp, negatives) },
    { actual: 1, predicted: 0, count: c.fn, shareOfActual: share(c.fn, positives) },
    { actual: 1, predicted: 1, count: c.tp, shareOfActual: share(c.tp, positives) }
  ]
}

const CELL_WORDS = [
  ['repaid, predicted repaid', 'repaid, flagged as default'],
  ['defaulted, missed', 'defaulted, caught']
] as const

/** The confusion matrix as a heatmap: rows the actual outcome, columns the prediction, shaded by share of the row. */
export function confusionOption(c: ConfusionMatrix, chartTitle = 'Confusion matrix'): ChartOption {
  const cells = confusionCells(c)
  return {
    animation: false,
    title: title(chartTitle),
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (params: unknown) => {
        const cell = cells[hoveredIndex(params)]
        if (!cell) return ''
        return `${formatCount(cell.count)} loans ${CELL_WORDS[cell.actual][cell.predicted]}<br>${formatPercent(cell.shareOfActual)} of the ${CLASS_NAMES[cell.actual].toLowerCase()} loans`
      }
    },
    xAxis: {
      type: 'category',
      data: ['Predicted: repaid', 'Predicted: default'],
      position: 'top',
      axisLabel: { ...TEXT, fontWeight: 600 },
      axisTick: { show: false },
      splitArea: { show: false }
    },
    yAxis: {
      type: 'category',
      data: ['Actually repaid', 'Actually defaulted'],
      inverse: true,
      axisLabel: { ...TEXT, fontWeight: 600 },
      axisTick: { show: false }
    },
    visualMap: {
      show: false,
      min: 0,
      max: 1,
      dimension: 3,
      inRange: { color: ['#f4f7fb', '#3a6ea5'] }
    },
    series: [
      {
        type: 'heatmap',
        name: 'Loans',
        data: cells.map((cell) => ({
          value: [cell.predicted, cell.actual, cell.count, cell.shareOfActual],
          label: { color: cell.shareOfActual > 0.55 ? '#fff' : '#303133' }
        })),
        label: {
          show: true,
          fontSize: 15,
          lineHeight: 20,
          formatter: (p: { dataIndex?: number }) => {
            const cell = cells[p.dataIndex ?? -1]
            return cell ? `${formatCount(cell.count)}\n${formatPercent(cell.shareOfActual)}` : ''
          }
        },
        itemStyle: { borderColor: '#fff', borderWidth: 3 }
      }
    ]
  }
}

/** The probability of default as a gauge: green below the decision threshold, red from it. */
export function gaugeOption(probability: number, threshold: number): ChartOption {
  const decisionColor = probability >= threshold ? RAISES : LOWERS
  return {
    animation: false,
    series: [
      {
        type: 'gauge',
        min: 0,
        max: 100,
        startAngle: 200,
        endAngle: -20,
        radius: '92%',
        center: ['50%', '58%'],
        splitNumber: 5,
        axisLine: {
          lineStyle: {
            width: 16,
            color: [
              [threshold, LOWERS],
              [1, RAISES]
            ]
          }
        },
        pointer: { width: 5, length: '62%', itemStyle: { color: '#303133' } },
        anchor: { show: true, size: 10, itemStyle: { color: '#303133' } },
        axisTick: { distance: -16, length: 5, lineStyle: { color: '#fff', width: 1 } },
        splitLine: { distance: -16, length: 16, lineStyle: { color: '#fff', width: 2 } },
        axisLabel: { distance: 22, color: '#606266', fontSize: 11, formatter: (v: number) => `${v}%` },
        title: { offsetCenter: [0, '78%'], fontSize: 12, color: '#606266' },
        detail: {
          offsetCenter: [0, '44%'],
          fontSize: 24,
          fontWeight: 600,
          color: decisionColor,
          formatter: (v: number) => `${formatNumber(v, 1)} %`
        },
        data: [{ value: Math.round(probability * 1000) / 10, name: 'probability of default' }]
      }
    ]
  }
}

/** One bar of the waterfall: where the running probability starts and ends. */
export interface WaterfallStep {
  label: string
  start: number
  end: number
  kind: 'total' | 'raises' | 'lowers'
  /** The plain-words reason behind the bar, when it is one feature. */
  text?: string
}

/** How a reason's feature and value read on an axis: "Credit_Score = 540", "Collateral (missing)". */
export function reasonLabel(reason: Pick<ReasonInfo, 'feature' | 'value'>): string {
  if (reason.value === null || reason.value === '') return `${reason.feature} (missing)`
  const value = typeof reason.value === 'number' ? formatStat(reason.feature, reason.value) : reason.value
  return `${reason.feature} = ${value}`
}

/**
 * The steps from the base rate to the probability: the `maxBars` largest contributions
 * one by one, the rest summed. Base rate + Σ contributions = probability (main's invariant).
 */
export function waterfallSteps(
  baseRate: number,
  contributions: ReasonInfo[],
  probability: number,
  maxBars = 8
): WaterfallStep[] {
  const sorted = [...contributions].sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution))
  const shown = sorted.slice(0, maxBars)
  const rest = sorted.slice(maxBars)
  const steps: WaterfallStep[] = [{ label: 'Base rate', start: 0, end: baseRate, kind: 'total' }]
  let running = baseRate
  const push = (label: string, delta: number, text?: string): void => {
    steps.push({ label, start: running, end: running + delta, kind: delta >= 0 ? 'raises' : 'lowers', text })
    running += delta
  }
  for (const c of shown) push(reasonLabel(c), c.contribution, c.text)
  if (rest.length) {
    push(
      `${rest.length} other ${rest.length === 1 ? 'feature' : 'features'}`,
      rest.reduce((sum, c) => sum + c.contribution, 0)
    )
  }
  steps.push({ label: 'Probability of default', start: 0, end: probability, kind: 'total' })
  return steps
}

function signedPoints(delta: number): string {
  return `${delta >= 0 ? '+' : '−'}${formatNumber(Math.abs(delta) * 100, 1)} pts`
}

/** The waterfall of contributions, top to bottom: base rate → each feature's push → probability. */
export function waterfallOption(steps: WaterfallStep[]): ChartOption {
  const colour = (s: WaterfallStep): string =>
    s.kind === 'total' ? TOTAL : s.kind === 'raises' ? RAISES : LOWERS
  return {
    animation: false,
    grid: { left: 8, right: 64, top: 8, bottom: 28, containLabel: true },
    tooltip: barTooltip((params: unknown) => {
      const s = steps[hoveredIndex(params)]
      if (!s) return ''
      if (s.kind === 'total') return `<b>${escapeHtml(s.label)}</b>: ${formatPercent(s.end)}`
      return `<b>${escapeHtml(s.label)}</b><br>${escapeHtml(s.text ?? signedPoints(s.end - s.start))}<br>${formatPercent(s.start)} → ${formatPercent(s.end)}`
    }),
    xAxis: {
      type: 'value',
      // Up to the next 10 %: the running sum may pass 100 % on the way to the probability.
      max: (extent: { max: number }) => Math.ceil(extent.max * 10) / 10,
      axisLabel: percentLabels()
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: steps.map((s) => s.label),
      axisLabel: { ...TEXT, interval: 0, width: 190, overflow: 'truncate' }
    },
    series: [
      {
        // The invisible part of each bar: from 0 to where the visible part begins.
        type: 'bar',
        name: 'offset',
        stack: 'waterfall',
        stackStrategy: 'all',
        silent: true,
        itemStyle: { color: 'transparent' },
        data: steps.map((s) => (s.kind === 'total' ? 0 : Math.min(s.start, s.end)))
      },
      {
        type: 'bar',
        name: 'Contribution',
        stack: 'waterfall',
        stackStrategy: 'all',
        barCategoryGap: '30%',
        data: steps.map((s) => ({ value: Math.abs(s.end - s.start), itemStyle: { color: colour(s) } })),
        label: {
          show: true,
          position: 'right',
          fontSize: 11,
          color: '#303133',
          formatter: (p: { dataIndex?: number }) => {
            const s = steps[p.dataIndex ?? -1]
            if (!s) return ''
            return s.kind === 'total' ? formatPercent(s.end) : signedPoints(s.end - s.start)
          }
        }
      }
    ]
  }
}

/** Rows per risk grade, A (lowest risk) to E, with each grade's share. */
export function gradeDistributionOption(grades: Record<string, number>): ChartOption {
  const names = Object.keys(grades).sort()
  const total = names.reduce((sum, g) => sum + (grades[g] ?? 0), 0)
  return {
    animation: false,
    title: title('Rows per risk grade'),
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    tooltip: barTooltip((params: unknown) => {
      const g = names[hoveredIndex(params)]
      if (g === undefined) return ''
      const n = grades[g] ?? 0
      return `<b>Grade ${escapeHtml(g)}</b><br>${formatCount(n)} rows (${formatPercent(total ? n / total : 0)})`
    }),
    xAxis: { type: 'category', data: names.map((g) => `Grade ${g}`), axisLabel: TEXT },
    yAxis: { type: 'value', axisLabel: { ...TEXT, formatter: (v: number) => formatCount(v) } },
    series: [
      {
        type: 'bar',
        name: 'Rows',
        data: names.map((g) => ({ value: grades[g] ?? 0, itemStyle: { color: GRADE_COLORS[g] ?? TOTAL } })),
        barMaxWidth: 56,
        label: {
          show: true,
          position: 'top',
          fontSize: 11,
          formatter: (p: { value?: unknown }) => {
            const n = Number(p.value)
            return `${formatCount(n)} (${formatPercent(total ? n / total : 0, 0)})`
          }
        }
      }
    ]
  }
}
