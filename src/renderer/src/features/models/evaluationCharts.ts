import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts'
import type {
  BinaryEvaluation,
  CalibrationBin,
  ConfusionMatrix,
  KsResult,
  ProbabilityHistogram
} from '../../../../shared/evaluation'
import { formatCount, formatNumber, formatPercent } from '../../ui/format'
import {
  CLASS_NAMES,
  TEXT,
  barTooltip,
  classColor,
  curveChartOption,
  cutOffLine,
  horizontalBarsOption,
  hoveredIndex,
  perModelTooltip,
  percentLabels,
  title,
  type ChartOption
} from '../../ui/charts/chartBase'
import {
  CLASS_COLORS,
  ON_DARK_COLOR,
  REFERENCE_COLOR,
  SEQUENTIAL_SCALE,
  TEXT_COLOR
} from '../../ui/charts/palette'
import { formatMetric } from './metricCatalogue'

/**
 * ECharts options for a model's evaluation, built from what main computed (docs/ARCHITECTURE.md
 * rule 8): curves, bins and importances in, options out. Pure functions.
 */

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
    lineStyle: { type: 'dashed', width: 1, color: REFERENCE_COLOR },
    itemStyle: { color: REFERENCE_COLOR }
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

/** Where a model's curve runs, how the legend and the tooltip name it, and the reference line. */
interface ModelCurveChart {
  title: string
  xName: string
  yName: string
  legend: (m: ModelCurves) => string
  points: (m: BinaryEvaluation) => [number, number][]
  tooltip: (m: ModelCurves, index: number) => string[]
  reference: LineSeriesOption
}

/** One curve per model on the unit square, then the reference line; the tooltip tells the hovered point. */
function modelCurvesOption(models: ModelCurves[], chart: ModelCurveChart): ChartOption {
  return curveChartOption({
    title: chart.title,
    xName: chart.xName,
    yName: chart.yName,
    trigger: 'item',
    tooltip: perModelTooltip(models, chart.tooltip),
    series: [...models.map((m) => curve(m, chart.legend(m), chart.points(m.metrics))), chart.reference]
  })
}

/** The diagonal from (0, 0) to (1, 1): guessing on a ROC chart, perfect calibration. */
const DIAGONAL: [number, number][] = [
  [0, 0],
  [1, 1]
]

/** ROC curves (one per model) with the chance diagonal; the legend carries each AUC. */
export function rocOption(models: ModelCurves[]): ChartOption {
  return modelCurvesOption(models, {
    title: 'ROC curve',
    xName: 'False positive rate (good borrowers flagged)',
    yName: 'True positive rate (defaulters caught)',
    legend: (m) => `${m.label}: AUC ${formatMetric('auc', m.metrics.auc)}`,
    points: ({ roc }) => roc.fpr.map((x, i) => [x, roc.tpr[i]]),
    tooltip: (m, i) => {
      const { fpr, tpr, thresholds } = m.metrics.roc
      return [
        `Flag when p ≥ ${i === 0 ? 'never' : formatPercent(thresholds[i])}`,
        `Defaulters caught: ${formatPercent(tpr[i])}`,
        `Good borrowers flagged: ${formatPercent(fpr[i])}`
      ]
    },
    reference: referenceLine('Chance', DIAGONAL)
  })
}

/** Precision-recall curves with the no-skill line at the default rate; the legend carries each AP. */
export function precisionRecallOption(models: ModelCurves[]): ChartOption {
  const rate = models[0]?.metrics.positiveRate ?? 0
  return modelCurvesOption(models, {
    title: 'Precision-recall curve',
    xName: 'Recall (defaulters caught)',
    yName: 'Precision (flagged who default)',
    legend: (m) => `${m.label}: AP ${formatMetric('averagePrecision', m.metrics.averagePrecision)}`,
    points: ({ precisionRecall: pr }) => pr.recall.map((r, i) => [r, pr.precision[i]]),
    tooltip: (m, i) => {
      const { precision, recall, thresholds } = m.metrics.precisionRecall
      const t = thresholds[i]
      return [
        t === undefined ? 'Flag nobody' : `Flag when p ≥ ${formatPercent(t)}`,
        `Defaulters caught (recall): ${formatPercent(recall[i])}`,
        `Flagged who default (precision): ${formatPercent(precision[i])}`
      ]
    },
    reference: referenceLine(`No skill (default rate ${formatPercent(rate)})`, [
      [0, rate],
      [1, rate]
    ])
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
  positive.markLine = cutOffLine(
    `KS ${formatMetric('ks', ks.ks)} at ${formatPercent(ks.threshold)}`,
    ks.threshold
  )
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
    series: [...series, referenceLine('Perfectly calibrated', DIAGONAL)]
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
    itemStyle: { color: classColor(k) },
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
  return horizontalBarsOption({
    title: chartTitle,
    items: [...items].sort((a, b) => b.value - a.value),
    name: (i) => i.feature,
    value: (i) => i.value,
    details: (i) => [
      `${formatNumber(i.value, 4)}${i.std === undefined ? '' : ` ± ${formatNumber(i.std, 4)}`}`
    ],
    seriesName: chartTitle,
    color,
    axisFormat: (v) => formatNumber(v, 3),
    labelFormat: (v) => v.toFixed(3),
    grid: { right: 56, top: 36, bottom: 24 },
    nameWidth: 150,
    labelSize: 11
  })
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
      inRange: { color: SEQUENTIAL_SCALE }
    },
    series: [
      {
        type: 'heatmap',
        name: 'Loans',
        data: cells.map((cell) => ({
          value: [cell.predicted, cell.actual, cell.count, cell.shareOfActual],
          label: { color: cell.shareOfActual > 0.55 ? ON_DARK_COLOR : TEXT_COLOR }
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
        itemStyle: { borderColor: ON_DARK_COLOR, borderWidth: 3 }
      }
    ]
  }
}
