import { t } from '../../i18n'
import { defineStore } from 'pinia'
import { computed, reactive, ref } from 'vue'
import { resultOf, type JobInfo } from '../../../../shared/jobs'
import { call } from '../../api/client'
import { useJobStore, useModelStore } from '../../stores'
import { showSuccess } from '../../ui/notify'
import { trainInput } from './trainForm'
import { defaultTrainForm } from './trainParameters'
import type { EngineChoice } from '../../../../shared/params/trainParams'

type TrainedListener = (modelId: number) => void

/**
 * The Train screen's form and its training job. The form lives here so it survives
 * leaving the screen; the job is followed to its end even when the screen is closed.
 */
export const useTrainStore = defineStore('train', () => {
  const jobs = useJobStore()
  const models = useModelStore()
  const form = reactive(defaultTrainForm())
  const jobId = ref<string | null>(null)
  /** The engine the running job trains (the form may change meanwhile). */
  const jobEngine = ref<EngineChoice>(form.engine)
  /** How the last run ended when it did not produce a model. */
  const outcome = ref<{ status: 'failed' | 'cancelled'; message: string } | null>(null)
  const trainedListeners = new Set<TrainedListener>()

  const job = computed(() => (jobId.value ? (jobs.jobs[jobId.value] ?? null) : null))
  const running = computed(() => job.value?.info.status === 'running')

  /** Starts training on a dataset with the form as it is; the job is followed to its end. */
  async function start(datasetId: number): Promise<JobInfo> {
    outcome.value = null
    const engine = form.engine
    const info = jobs.follow(await call('models/train', trainInput(form, datasetId)), finish)
    jobId.value = info.id
    jobEngine.value = engine
    return info
  }

  async function finish(done: JobInfo): Promise<void> {
    if (done.id !== jobId.value) return
    const modelId = resultOf(done, 'train')?.modelId
    if (modelId !== undefined) {
      jobId.value = null
      await models.refresh()
      // The Train screen opens the new model; elsewhere the user is only told.
      if (trainedListeners.size) for (const listener of trainedListeners) listener(modelId)
      else showSuccess(t('train.trained', { id: modelId }))
    } else if (done.status === 'failed') {
      outcome.value = {
        status: 'failed',
        message: done.error?.message ?? t('train.failedText')
      }
    } else if (done.status === 'cancelled') {
      outcome.value = { status: 'cancelled', message: t('train.cancelledText') }
    }
  }

  function resetForm(): void {
    Object.assign(form, defaultTrainForm())
  }

  /** Calls `listener` with the new model's id when training succeeds; returns the unsubscribe function. */
  function onTrained(listener: TrainedListener): () => void {
    trainedListeners.add(listener)
    return () => trainedListeners.delete(listener)
  }

  return { form, jobId, jobEngine, job, running, outcome, start, resetForm, onTrained }
})
