import { computed, reactive, type Ref } from 'vue'
import type { CalibrationStrategy } from '../../../../shared/evaluation'
import type { ModelDetail } from '../../stores'
import { title as chartTitle, type ChartSpec } from '../../ui/charts/chartBase'
import { MODEL_COLORS, SECOND_MEASURE_COLOR } from '../../ui/charts/palette'
import {
  calibrationOption,
  horizontalBarHeight,
  importanceOption,
  ksOption,
  precisionRecallOption,
  probabilityHistogramOption,
  rocOption,
  type ModelCurves
} from './evaluationCharts'
import type { ThresholdModel } from './useThresholdEvaluation'

/** The evaluation charts' height, but for importance (one bar per feature). */
const HEIGHT = 380

/**
 * The charts of a model page, following the model shown, the one it is compared with and
 * the calibration binning chosen: the wiring between the page and the pure option builders.
 */
export function useEvaluationCharts(
  primary: Ref<ModelDetail>,
  secondary: Ref<ModelDetail | null>,
  calibrationBins: Ref<CalibrationStrategy>
) {
  // Each model shown, by its number, in its colour.
  const curves = computed<(ModelCurves & { id: number })[]>(() =>
    [primary.value, secondary.value]
      .filter((d): d is ModelDetail => d !== null)
      .map((d, k) => ({
        id: d.summary.id,
        label: `#${d.summary.id}`,
        color: MODEL_COLORS[k],
        metrics: d.evaluation.metrics
      }))
  )
  const evaluation = computed(() => primary.value.evaluation)
  const importanceHeight = computed(() =>
    horizontalBarHeight(
      Math.max(evaluation.value.impurityImportance.length, evaluation.value.permutationImportance.length)
    )
  )
  const chart = (spec: () => ChartSpec) => computed<ChartSpec>(() => ({ height: HEIGHT, ...spec() }))
  const histogram = (d: ModelDetail): ChartSpec => ({
    option: probabilityHistogramOption(d.evaluation.metrics.histogram, d.evaluation.metrics.threshold),
    label: 'Predicted probability by true outcome'
  })

  return reactive({
    thresholdModels: computed<ThresholdModel[]>(() =>
      curves.value.map(({ id, label, color, metrics }) => ({
        id,
        label,
        color,
        threshold: metrics.threshold
      }))
    ),
    roc: chart(() => ({ option: rocOption(curves.value), label: 'ROC curve', testId: 'roc-chart' })),
    precisionRecall: chart(() => ({
      option: precisionRecallOption(curves.value),
      label: 'Precision-recall curve',
      testId: 'pr-chart'
    })),
    ks: chart(() => ({
      option: ksOption(evaluation.value.metrics.ks),
      label: 'KS plot',
      testId: 'ks-chart'
    })),
    calibration: chart(() => ({
      option: calibrationOption(
        curves.value.map((c) => ({ ...c, bins: c.metrics.calibration[calibrationBins.value] }))
      ),
      label: 'Calibration curve',
      testId: 'calibration-chart'
    })),
    histogramPrimary: chart(() => ({ ...histogram(primary.value), testId: 'probability-histogram' })),
    histogramSecondary: chart(() => {
      const d = secondary.value
      if (!d) return { option: {}, label: '' }
      const shown = histogram(d)
      return {
        option: {
          ...shown.option,
          title: chartTitle(`#${d.summary.id}: predicted probability by true outcome`)
        },
        label: `${shown.label}, model ${d.summary.id}`
      }
    }),
    impurity: chart(() => ({
      option: importanceOption(
        'Impurity importance',
        evaluation.value.impurityImportance.map((i) => ({ feature: i.feature, value: i.importance })),
        MODEL_COLORS[0]
      ),
      label: 'Impurity importance',
      height: importanceHeight.value,
      testId: 'impurity-importance'
    })),
    permutation: chart(() => ({
      option: importanceOption(
        'Permutation importance (drop in AUC)',
        evaluation.value.permutationImportance.map((i) => ({
          feature: i.feature,
          value: i.mean,
          std: i.std
        })),
        SECOND_MEASURE_COLOR
      ),
      label: 'Permutation importance',
      height: importanceHeight.value,
      testId: 'permutation-importance'
    }))
  })
}
