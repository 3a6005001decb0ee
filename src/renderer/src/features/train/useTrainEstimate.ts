import { onUnmounted, ref, watch, type Ref } from 'vue'
import { call } from '../../api/client'
import { useAction } from '../../ui/composables/useAction'
import { t } from '../../i18n'
import { trainInput, type TrainForm } from './trainForm'

/** Waits this long after the last change of the form before asking main again. */
const SETTLE_MS = 250

/**
 * How long training with the form as it is would take on a dataset, asked of main a moment
 * after the form stops changing; a form main refuses gives its reason instead (`error`).
 */
export function useTrainEstimate(form: TrainForm, datasetId: Ref<number | undefined>) {
  const estimate = ref<{ seconds: number; note: string } | null>(null)
  const ask = useAction((id: number) => call('models/estimate', trainInput(form, id)), {
    failure: () => t('train.cannotStart'),
    report: 'inline',
    latestOnly: true
  })
  let timer: ReturnType<typeof setTimeout> | undefined

  async function refresh(): Promise<void> {
    const id = datasetId.value
    if (id === undefined) return
    const result = await ask.run(id)
    if (result) estimate.value = result
    else if (ask.error) estimate.value = null
  }

  watch(
    [() => ({ ...form, settings: { ...form.settings }, map: { ...form.map } }), datasetId],
    () => {
      clearTimeout(timer)
      timer = setTimeout(() => void refresh(), SETTLE_MS)
    },
    { immediate: true }
  )
  onUnmounted(() => clearTimeout(timer))

  return { estimate, ask }
}
