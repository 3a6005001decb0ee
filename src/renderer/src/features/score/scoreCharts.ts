import type { DecisionText } from '../../../../shared/decisionText'
import type { ScoreResult } from '../../../../shared/dto'
import { t } from '../../i18n'
import {
  barLabel,
  barTooltip,
  type ChartOption,
  columnChart,
  escapeHtml,
  hoveredIndex,
  percentLabels,
  TEXT
} from '../../ui/charts/chartBase'
import {
  CLASS_COLORS,
  GRADE_COLORS,
  ON_DARK_COLOR,
  SECONDARY_COLOR,
  STATUS_COLORS,
  TEXT_COLOR,
  UNKNOWN_GRADE_COLOR
} from '../../ui/charts/palette'
import { formatCount, formatNumber, formatPercent } from '../../ui/format'

/**
 * ECharts options for scores: one applicant's probability and what moved it, a batch's
 * grades. Built from what main computed; pure functions.
 */

/** A field that raised the risk (defaulted red) and one that lowered it (green). */
const RAISES = CLASS_COLORS.defaulted
const LOWERS = STATUS_COLORS.good

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
        pointer: { width: 5, length: '62%', itemStyle: { color: TEXT_COLOR } },
        anchor: { show: true, size: 10, itemStyle: { color: TEXT_COLOR } },
        axisTick: { distance: -16, length: 5, lineStyle: { color: ON_DARK_COLOR, width: 1 } },
        splitLine: { distance: -16, length: 16, lineStyle: { color: ON_DARK_COLOR, width: 2 } },
        axisLabel: { distance: 22, color: SECONDARY_COLOR, fontSize: 11, formatter: (v: number) => `${v}%` },
        title: { offsetCenter: [0, '78%'], fontSize: 12, color: SECONDARY_COLOR },
        detail: {
          offsetCenter: [0, '44%'],
          fontSize: 24,
          fontWeight: 600,
          color: decisionColor,
          formatter: (v: number) => `${formatNumber(v, 1)} %`
        },
        data: [{ value: Math.round(probability * 1000) / 10, name: t('score.chart.gaugeName') }]
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

/**
 * The steps from the base rate to the probability: the `maxBars` largest contributions of the
 * fields given, one by one (by display name and value), the rest summed, then the pooled
 * share of the fields not provided. Base rate + Σ contributions + not-provided share =
 * probability (main's invariant).
 */
export function waterfallSteps(
  result: Pick<ScoreResult, 'Base_Rate' | 'Contributions' | 'Default_Probability' | 'Not_Provided'>,
  words: Pick<DecisionText, 'label' | 'value' | 'reason'>,
  maxBars = 8
): WaterfallStep[] {
  const sorted = [...result.Contributions].sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution))
  const shown = sorted.slice(0, maxBars)
  const rest = sorted.slice(maxBars)
  const steps: WaterfallStep[] = [
    { label: t('score.chart.base'), start: 0, end: result.Base_Rate, kind: 'total' }
  ]
  let running = result.Base_Rate
  const push = (label: string, delta: number, text?: string): void => {
    steps.push({ label, start: running, end: running + delta, kind: delta >= 0 ? 'raises' : 'lowers', text })
    running += delta
  }
  for (const c of shown)
    push(`${words.label(c.feature)}: ${words.value(c.feature, c.value)}`, c.contribution, words.reason(c))
  if (rest.length)
    push(
      t('score.chart.others', {}, rest.length),
      rest.reduce((sum, c) => sum + c.contribution, 0)
    )
  const missing = result.Not_Provided
  if (missing.fields.length && missing.contribution !== 0)
    push(t('score.chart.notProvided', {}, missing.fields.length), missing.contribution)
  steps.push({
    label: t('score.chart.probability'),
    start: 0,
    end: result.Default_Probability,
    kind: 'total'
  })
  return steps
}

function signedPoints(delta: number): string {
  return t('score.chart.points', {
    sign: delta >= 0 ? '+' : '−',
    value: formatNumber(Math.abs(delta) * 100, 1)
  })
}

/** The waterfall of contributions, top to bottom: base rate → each feature's push → probability. */
export function waterfallOption(steps: WaterfallStep[]): ChartOption {
  const colour = (s: WaterfallStep): string =>
    s.kind === 'total' ? SECONDARY_COLOR : s.kind === 'raises' ? RAISES : LOWERS
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
        name: t('score.chart.contribution'),
        stack: 'waterfall',
        stackStrategy: 'all',
        barCategoryGap: '30%',
        data: steps.map((s) => ({ value: Math.abs(s.end - s.start), itemStyle: { color: colour(s) } })),
        label: {
          show: true,
          position: 'right',
          fontSize: 11,
          color: TEXT_COLOR,
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
    ...columnChart({
      title: t('score.chart.grades'),
      items: names,
      category: (g) => t('score.chart.grade', { grade: g }),
      lines: (g) => {
        const n = grades[g] ?? 0
        return [
          t('score.chart.grade', { grade: g }),
          t('score.chart.rows', { n: formatCount(n), share: formatPercent(total ? n / total : 0) })
        ]
      },
      legend: false
    }),
    yAxis: { type: 'value', axisLabel: { ...TEXT, formatter: (v: number) => formatCount(v) } },
    series: [
      {
        type: 'bar',
        name: t('score.chart.rowsName'),
        data: names.map((g) => ({
          value: grades[g] ?? 0,
          itemStyle: { color: GRADE_COLORS[g] ?? UNKNOWN_GRADE_COLOR }
        })),
        barMaxWidth: 56,
        label: barLabel((n) => `${formatCount(n)} (${formatPercent(total ? n / total : 0, 0)})`, 'top', 11)
      }
    ]
  }
}
