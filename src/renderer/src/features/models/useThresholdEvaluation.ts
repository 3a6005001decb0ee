import { ref, watch, type Ref } from 'vue'
import type { ThresholdEvaluation } from '../../../../shared/evaluation'
import type { ModelEvaluation } from '../../../../shared/evaluation'
import { call, errorMessage } from '../../api/client'
import { t } from '../../i18n'

/**
 * A model on the threshold panel: its id, how it is named, its colour, the threshold it
 * scores with, and its evaluated rows' score counts (to find the threshold of a flag rate).
 */
export interface ThresholdModel {
  id: number
  label: string
  color: string
  threshold: number
  scoreCounts: ModelEvaluation['scoreCounts']
}

/**
 * The confusion matrix and classification report of each model at its threshold (a share
 * in [0, 1], by model id), asked of main as the thresholds move.
 */
export function useThresholdEvaluation(
  models: Ref<ThresholdModel[]>,
  thresholds: Ref<Record<number, number>>
) {
  const results = ref<Record<number, ThresholdEvaluation>>({})
  const error = ref<string | null>(null)

  // Main counts each threshold from stored per-bin counts: cheap, but asked at most once
  // at a time per model, always for the latest position of the slider.
  const wanted = new Map<number, number>()
  const inFlight = new Set<number>()

  async function follow(id: number): Promise<void> {
    inFlight.add(id)
    try {
      for (;;) {
        const target = wanted.get(id) ?? 0
        const result = await call('models/evaluationAt', { id, threshold: target })
        results.value = { ...results.value, [id]: result }
        error.value = null
        if (wanted.get(id) === target) break
      }
    } catch (e) {
      error.value = t('models.threshold.countFailed', { error: errorMessage(e) })
    } finally {
      inFlight.delete(id)
    }
  }

  watch(
    [thresholds, () => models.value.map((m) => m.id).join(',')],
    () => {
      for (const m of models.value) {
        wanted.set(m.id, Math.min(1, Math.max(0, thresholds.value[m.id] ?? m.threshold)))
        if (!inFlight.has(m.id)) void follow(m.id)
      }
    },
    { immediate: true, deep: true }
  )

  return { results, error }
}
