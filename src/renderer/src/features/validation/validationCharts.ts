import type { BarSeriesOption } from 'echarts/charts'
import type { GradeCalibration, ScorePsi } from '../../../../shared/validation'
import { t } from '../../i18n'
import { columnChart, percentLabels, TEXT, type ChartOption } from '../../ui/charts/chartBase'
import { CLASS_COLORS, MODEL_COLORS, REFERENCE_COLOR } from '../../ui/charts/palette'
import { formatCount, formatPercent } from '../../ui/format'
import { formatShareInterval } from './validationText'

/**
 * Charts of the validation pack, from what main computed: the mean PD against the observed
 * default rate per grade, and the reference and current shares of each score bin behind the
 * PSI. Pure functions.
 */

function bars(name: string, data: number[], color: string): BarSeriesOption {
  return { type: 'bar', name, data, itemStyle: { color }, barMaxWidth: 28 }
}

/** Per grade, side by side: the mean PD (what the model expects) and the observed default rate. */
export function gradeCalibrationOption(grades: readonly GradeCalibration[]): ChartOption {
  const shown = grades.filter((g) => g.count > 0)
  return {
    ...columnChart({
      title: t('validation.charts.calibration'),
      items: shown,
      category: (g) => t('validation.charts.grade', { grade: g.grade }),
      lines: (g) => [
        t('validation.charts.grade', { grade: g.grade }),
        t('validation.charts.loans', { n: formatCount(g.count), defaults: formatCount(g.defaults) }),
        t('validation.charts.meanPd', { rate: formatPercent(g.meanPd, 2) }),
        t('validation.charts.observed', { rate: formatPercent(g.observedRate, 2) }),
        t('validation.charts.jeffreys', { interval: formatShareInterval(g.jeffreys) })
      ],
      legend: true
    }),
    yAxis: { type: 'value', min: 0, axisLabel: percentLabels() },
    series: [
      bars(
        t('validation.charts.meanPdName'),
        shown.map((g) => g.meanPd ?? 0),
        REFERENCE_COLOR
      ),
      bars(
        t('validation.charts.observedName'),
        shown.map((g) => g.observedRate ?? 0),
        CLASS_COLORS.defaulted
      )
    ]
  }
}

/** Per score bin, side by side: the reference's share and the current file's share of loans. */
export function psiBinsOption(score: ScorePsi, referenceName: string, currentName: string): ChartOption {
  return {
    ...columnChart({
      title: t('validation.charts.psiBins'),
      items: score.bins,
      category: (bin) => bin.label,
      lines: (bin) => [
        bin.label,
        `${referenceName}: ${formatPercent(bin.expectedShare)}`,
        `${currentName}: ${formatPercent(bin.actualShare)}`,
        t('validation.charts.contribution', { value: bin.contribution.toFixed(4) })
      ],
      legend: true,
      categoryLabels: { ...TEXT, fontSize: 10, interval: 0, rotate: 30 }
    }),
    yAxis: { type: 'value', min: 0, axisLabel: percentLabels() },
    series: [
      bars(
        referenceName,
        score.bins.map((b) => b.expectedShare),
        MODEL_COLORS[0]
      ),
      bars(
        currentName,
        score.bins.map((b) => b.actualShare),
        MODEL_COLORS[1]
      )
    ]
  }
}
