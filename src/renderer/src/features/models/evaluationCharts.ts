import { t } from '../../i18n'
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
  classNames,
  escapeHtml,
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
    title: t('explore.eval.roc'),
    xName: t('explore.eval.rocX'),
    yName: t('explore.eval.rocY'),
    legend: (m) => `${m.label}: AUC ${formatMetric('auc', m.metrics.auc)}`,
    points: ({ roc }) => roc.fpr.map((x, i) => [x, roc.tpr[i]]),
    tooltip: (m, i) => {
      const { fpr, tpr, thresholds } = m.metrics.roc
      return [
        t('explore.eval.flagWhen', {
          threshold: i === 0 ? t('explore.eval.never') : formatPercent(thresholds[i])
        }),
        t('explore.eval.caught', { share: formatPercent(tpr[i]) }),
        t('explore.eval.flagged', { share: formatPercent(fpr[i]) })
      ]
    },
    reference: referenceLine(t('explore.eval.chance'), DIAGONAL)
  })
}

/** Precision-recall curves with the no-skill line at the default rate; the legend carries each AP. */
export function precisionRecallOption(models: ModelCurves[]): ChartOption {
  const rate = models[0]?.metrics.positiveRate ?? 0
  return modelCurvesOption(models, {
    title: t('explore.eval.pr'),
    xName: t('explore.eval.prX'),
    yName: t('explore.eval.prY'),
    legend: (m) => `${m.label}: AP ${formatMetric('averagePrecision', m.metrics.averagePrecision)}`,
    points: ({ precisionRecall: pr }) => pr.recall.map((r, i) => [r, pr.precision[i]]),
    tooltip: (m, i) => {
      const { precision, recall, thresholds } = m.metrics.precisionRecall
      const cut = thresholds[i]
      return [
        cut === undefined
          ? t('explore.eval.flagNobody')
          : t('explore.eval.flagWhen', { threshold: formatPercent(cut) }),
        t('explore.eval.recall', { share: formatPercent(recall[i]) }),
        t('explore.eval.precision', { share: formatPercent(precision[i]) })
      ]
    },
    reference: referenceLine(t('explore.eval.noSkill', { rate: formatPercent(rate) }), [
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
  const positive = line(classNames()[1], cdfPositive, CLASS_COLORS.defaulted)
  positive.markLine = cutOffLine(
    t('explore.eval.ksAt', { ks: formatMetric('ks', ks.ks), threshold: formatPercent(ks.threshold) }),
    ks.threshold
  )
  return curveChartOption({
    title: t('explore.eval.ksTitle'),
    xName: t('explore.eval.ksX'),
    yName: t('explore.eval.ksY'),
    trigger: 'axis',
    tooltip: (params: unknown) => {
      const i = hoveredIndex(params)
      if (i < 0) return ''
      return [
        `<b>${escapeHtml(t('explore.eval.cutOff', { threshold: formatPercent(thresholds[i]) }))}</b>`,
        escapeHtml(t('explore.eval.defaultersBelow', { share: formatPercent(cdfPositive[i]) })),
        escapeHtml(t('explore.eval.repaidBelow', { share: formatPercent(cdfNegative[i]) })),
        escapeHtml(t('explore.eval.gap', { share: formatPercent(Math.abs(cdfNegative[i] - cdfPositive[i])) }))
      ].join('<br>')
    },
    series: [positive, line(classNames()[0], cdfNegative, CLASS_COLORS.repaid)],
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
    title: t('explore.eval.calibrationTitle'),
    xName: t('explore.eval.calibrationX'),
    yName: t('explore.eval.calibrationY'),
    trigger: 'item',
    tooltip: perModelTooltip(models, (_m, i, k) => {
      const b = used[k][i]
      if (!b) return null
      return [
        t('explore.eval.bin', {
          from: formatPercent(b.lower, 0),
          to: formatPercent(b.upper, 0),
          n: formatCount(b.count)
        }),
        t('explore.eval.predicted', { share: formatPercent(b.meanPredicted) }),
        t('explore.eval.actual', { share: formatPercent(b.fractionPositive) })
      ]
    }),
    series: [...series, referenceLine(t('explore.eval.perfect'), DIAGONAL)]
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
    name: classNames()[k],
    data: share(counts),
    itemStyle: { color: classColor(k) },
    barGap: '0%',
    barCategoryGap: '20%'
  })
  const defaulted = bar(1, positive)
  defaulted.markLine = cutOffLine(
    t('explore.eval.threshold', { threshold: formatPercent(threshold) }),
    position
  )
  return {
    animation: false,
    title: title(t('explore.eval.histogramTitle')),
    legend: { top: 0, right: 0, textStyle: TEXT },
    grid: { left: 60, right: 20, top: 48, bottom: 64 },
    tooltip: barTooltip((params: unknown) => {
      const i = hoveredIndex(params)
      if (i < 0) return ''
      return [
        `<b>Probability ${labels[i]}</b>`,
        escapeHtml(t('explore.eval.repaidLoans', { n: formatCount(negative[i]) })),
        escapeHtml(t('explore.eval.defaultedLoans', { n: formatCount(positive[i]) }))
      ].join('<br>')
    }),
    xAxis: {
      type: 'category',
      data: labels,
      name: t('explore.eval.probability'),
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
  ['explore.eval.cellRepaidRepaid', 'explore.eval.cellRepaidFlagged'],
  ['explore.eval.cellDefaultMissed', 'explore.eval.cellDefaultCaught']
] as const

/** The confusion matrix as a heatmap: rows the actual outcome, columns the prediction, shaded by share of the row. */
export function confusionOption(c: ConfusionMatrix, chartTitle = t('explore.eval.confusion')): ChartOption {
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
        return `${escapeHtml(t('explore.eval.cellLine', { n: formatCount(cell.count), what: t(CELL_WORDS[cell.actual][cell.predicted]) }))}<br>${escapeHtml(t('explore.eval.cellShare', { share: formatPercent(cell.shareOfActual), class: classNames()[cell.actual].toLowerCase() }))}`
      }
    },
    xAxis: {
      type: 'category',
      data: [t('explore.eval.predictedRepaid'), t('explore.eval.predictedDefault')],
      position: 'top',
      axisLabel: { ...TEXT, fontWeight: 600 },
      axisTick: { show: false },
      splitArea: { show: false }
    },
    yAxis: {
      type: 'category',
      data: [t('explore.eval.actuallyRepaid'), t('explore.eval.actuallyDefaulted')],
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
        name: t('explore.eval.loans'),
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
