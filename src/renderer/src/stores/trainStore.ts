import { defineStore } from 'pinia'
import { computed, reactive, ref } from 'vue'
import type { JobInfo } from '../../../shared/dto'
import { call } from '../api/client'
import { defaultTrainForm, trainInput } from '../util/trainForm'
import { showSuccess } from '../util/notify'
import { useJobStore } from './jobStore'
import { useModelStore } from './modelStore'

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
  const starting = ref(false)
  /** How the last run ended when it did not produce a model. */
  const outcome = ref<{ status: 'failed' | 'cancelled'; message: string } | null>(null)
  const trainedListeners = new Set<TrainedListener>()

  const job = computed(() => (jobId.value ? (jobs.jobs[jobId.value] ?? null) : null))
  const running = computed(() => job.value?.info.status === 'running')

  async function start(datasetId: number): Promise<JobInfo> {
    starting.value = true
    outcome.value = null
    try {
      const info = jobs.track(await call('models/train', trainInput(form, datasetId)))
      jobId.value = info.id
      void jobs.waitFor(info.id).then(finish)
      return info
    } finally {
      starting.value = false
    }
  }

  async function finish(done: JobInfo): Promise<void> {
    if (done.id !== jobId.value) return
    const modelId = done.result?.modelId
    if (done.status === 'done' && typeof modelId === 'number') {
      jobId.value = null
      await models.refresh()
      // The Train screen opens the new model; elsewhere the user is only told.
      if (trainedListeners.size) for (const listener of trainedListeners) listener(modelId)
      else showSuccess(`Model #${modelId} is trained. Open it on the Models screen.`)
    } else if (done.status === 'failed') {
      outcome.value = {
        status: 'failed',
        message: done.error?.message ?? 'Training failed; nothing was saved.'
      }
    } else if (done.status === 'cancelled') {
      outcome.value = { status: 'cancelled', message: 'Training was cancelled; no model was saved.' }
    }
  }

  function cancel(): Promise<boolean> {
    return jobId.value ? jobs.cancel(jobId.value) : Promise.resolve(false)
  }

  function resetForm(): void {
    Object.assign(form, defaultTrainForm())
  }

  /** Calls `listener` with the new model's id when training succeeds; returns the unsubscribe function. */
  function onTrained(listener: TrainedListener): () => void {
    trainedListeners.add(listener)
    return () => trainedListeners.delete(listener)
  }

  return { form, jobId, job, running, starting, outcome, start, cancel, resetForm, onTrained }
})
