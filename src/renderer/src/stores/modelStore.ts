import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { ModelSummary } from '../../../shared/dto'
import type { ModelEvaluation } from '../../../shared/evaluation'
import { call, onEvent } from '../api/client'
import { useAction } from '../ui/composables/useAction'

export interface ModelDetail {
  summary: ModelSummary
  evaluation: ModelEvaluation
}

/** The trained models, which one scores (the active one), and the evaluations fetched so far. */
export const useModelStore = defineStore('models', () => {
  const models = ref<ModelSummary[]>([])
  const loaded = ref(false)
  const lister = useAction(() => call('models/list', {}), {
    failure: 'Could not load the models',
    report: 'inline',
    latestOnly: true
  })
  // Evaluations never change once stored: fetched once, replaced whole.
  const details = shallowRef(new Map<number, ModelDetail>())
  let started = false

  const activeModel = computed(() => models.value.find((m) => m.active) ?? null)

  async function refresh(): Promise<void> {
    const listed = await lister.run()
    if (!listed) return
    models.value = listed
    loaded.value = true
  }

  /** Loads the list and follows main's 'models/changed' (a training job stored a model). */
  async function init(): Promise<void> {
    if (started) return
    started = true
    onEvent('models/changed', () => void refresh())
    await refresh()
  }

  async function activate(id: number): Promise<void> {
    await call('models/activate', { id })
    await refresh()
  }

  async function remove(id: number): Promise<void> {
    await call('models/delete', { id })
    const next = new Map(details.value)
    next.delete(id)
    details.value = next
    await refresh()
  }

  /** A model's summary and evaluation, from main once, then from here. */
  async function detail(id: number): Promise<ModelDetail> {
    const cached = details.value.get(id)
    if (cached) return cached
    const fetched = await call('models/get', { id })
    details.value = new Map(details.value).set(id, fetched)
    return fetched
  }

  return {
    models,
    loaded,
    loading: computed(() => lister.busy),
    loadError: computed(() => lister.error),
    activeModel,
    init,
    refresh,
    activate,
    remove,
    detail
  }
})
