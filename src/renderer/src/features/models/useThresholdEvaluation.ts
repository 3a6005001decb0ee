import { ref, watch, type Ref } from 'vue'
import type { ThresholdEvaluation } from '../../../../shared/evaluation'
import { call, errorMessage } from '../../api/client'

/** A model on the threshold panel: its id, how it is named, its colour, and the threshold it was trained with. */
export interface ThresholdModel {
  id: number
  label: string
  color: string
  threshold: number
}

/**
 * The confusion matrix and classification report of each model at the threshold the user
 * sets (a share in [0, 1]), asked of main as the threshold moves.
 */
export function useThresholdEvaluation(models: Ref<ThresholdModel[]>, threshold: Ref<number>) {
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
      error.value = `Could not count the loans at this threshold: ${errorMessage(e)}`
    } finally {
      inFlight.delete(id)
    }
  }

  watch(
    [threshold, () => models.value.map((m) => m.id).join(',')],
    () => {
      const t = Math.min(1, Math.max(0, threshold.value))
      for (const m of models.value) {
        wanted.set(m.id, t)
        if (!inFlight.has(m.id)) void follow(m.id)
      }
    },
    { immediate: true }
  )

  return { results, error }
}
