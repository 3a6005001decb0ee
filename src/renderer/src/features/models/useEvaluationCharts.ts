import { computed, reactive, type Ref } from 'vue'
import type { CalibrationStrategy } from '../../../../shared/evaluation'
import type { ModelDetail } from '../../stores/modelStore'
import { title as chartTitle } from '../../ui/charts/chartBase'
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

/**
 * The chart options of a model page, following the model shown, the one it is compared with
 * and the calibration binning chosen: the wiring between the page and the pure option builders.
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
  const histogram = (d: ModelDetail) =>
    probabilityHistogramOption(d.evaluation.metrics.histogram, d.evaluation.metrics.threshold)
  const evaluation = computed(() => primary.value.evaluation)

  return reactive({
    thresholdModels: computed<ThresholdModel[]>(() =>
      curves.value.map(({ id, label, color, metrics }) => ({
        id,
        label,
        color,
        threshold: metrics.threshold
      }))
    ),
    roc: computed(() => rocOption(curves.value)),
    precisionRecall: computed(() => precisionRecallOption(curves.value)),
    ks: computed(() => ksOption(evaluation.value.metrics.ks)),
    calibration: computed(() =>
      calibrationOption(
        curves.value.map((c) => ({ ...c, bins: c.metrics.calibration[calibrationBins.value] }))
      )
    ),
    histogramPrimary: computed(() => histogram(primary.value)),
    histogramSecondary: computed(() => {
      const d = secondary.value
      if (!d) return {}
      return { ...histogram(d), title: chartTitle(`#${d.summary.id}: predicted probability by true outcome`) }
    }),
    impurity: computed(() =>
      importanceOption(
        'Impurity importance',
        evaluation.value.impurityImportance.map((i) => ({ feature: i.feature, value: i.importance })),
        MODEL_COLORS[0]
      )
    ),
    permutation: computed(() =>
      importanceOption(
        'Permutation importance (drop in AUC)',
        evaluation.value.permutationImportance.map((i) => ({
          feature: i.feature,
          value: i.mean,
          std: i.std
        })),
        SECOND_MEASURE_COLOR
      )
    ),
    importanceHeight: computed(() =>
      horizontalBarHeight(
        Math.max(evaluation.value.impurityImportance.length, evaluation.value.permutationImportance.length)
      )
    )
  })
}
