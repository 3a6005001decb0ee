import { defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import type { ModelSummary } from '../../../shared/dto'
import type { ModelEvaluation } from '../../../shared/evaluation'
import { call, onEvent } from '../api/client'
import { useStoredList } from '../ui/composables/useStoredList'
import type { ActivationInfo } from '../../../shared/governance'
import { t } from '../i18n'
import { mapWithout } from './without'

export interface ModelDetail {
  summary: ModelSummary
  evaluation: ModelEvaluation
}

/** The trained models, which one scores (the active one), and the evaluations fetched so far. */
export const useModelStore = defineStore('models', () => {
  const { items: models, ...list } = useStoredList(
    () => call('models/list', {}),
    () => t('models.list.loadFailed')
  )
  // Evaluations never change once stored: fetched once, replaced whole.
  const details = shallowRef(new Map<number, ModelDetail>())
  let started = false

  const activeModel = computed(() => models.value.find((m) => m.active) ?? null)

  /** Loads the list and follows main's 'models/changed' (a training job stored a model). */
  async function init(): Promise<void> {
    if (started) return
    started = true
    onEvent('models/changed', () => void list.refresh())
    await list.refresh()
  }

  /** The maker's half: a named person asks for a model to be made active. */
  async function requestActivation(id: number, by: string, note: string): Promise<ActivationInfo> {
    const asked = await call('models/requestActivation', { id, by, note })
    await list.refresh()
    return asked
  }

  /** The checker's half: a second named person confirms (the model becomes active) or rejects, with a note. */
  async function decideActivation(
    id: number,
    by: string,
    note: string,
    confirm: boolean
  ): Promise<ActivationInfo> {
    const decided = await call('models/decideActivation', { id, by, note, confirm })
    await list.refresh()
    return decided
  }

  async function remove(id: number): Promise<void> {
    await call('models/delete', { id })
    details.value = mapWithout(details.value, id)
    await list.refresh()
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
    // loaded, loading, loadError and refresh, as useStoredList keeps them
    ...list,
    activeModel,
    init,
    requestActivation,
    decideActivation,
    remove,
    detail
  }
})
