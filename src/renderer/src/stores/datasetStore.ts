import { t } from '../i18n'
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { DatasetProfile } from '../../../shared/dto'
import { call } from '../api/client'
import { useStoredList } from '../ui/composables/useStoredList'
import { useAppStore } from './appStore'
import { mapWithout, setWithout } from './without'

/** The datasets in the database and the profiles (EDA aggregates) fetched so far. */
export const useDatasetStore = defineStore('datasets', () => {
  const app = useAppStore()
  const { items: datasets, ...list } = useStoredList(
    () => call('datasets/list', {}),
    () => t('common.datasetsFailed'),
    // Keeps the active dataset valid: the latest one when it was deleted or unset.
    (listed) => {
      if (!listed.some((d) => d.id === app.activeDatasetId)) app.setActiveDataset(listed.at(-1)?.id ?? null)
    }
  )
  // Profiles are plain aggregates, replaced whole: no deep reactivity needed.
  const profiles = shallowRef(new Map<number, DatasetProfile>())
  const profileLoading = ref(new Set<number>())
  const pendingProfiles = new Map<number, Promise<DatasetProfile>>()

  const activeDataset = computed(() => datasets.value.find((d) => d.id === app.activeDatasetId) ?? null)

  async function remove(id: number): Promise<void> {
    await call('datasets/delete', { id })
    profiles.value = mapWithout(profiles.value, id)
    await list.refresh()
  }

  /** Asks main to show a save dialog and write the dataset; null when the user cancelled. */
  function exportCsv(id: number): Promise<{ path: string; rows: number } | null> {
    return call('datasets/export', { id })
  }

  /** The profile of a dataset, computed in main once and cached here. */
  function loadProfile(id: number): Promise<DatasetProfile> {
    const cached = profiles.value.get(id)
    if (cached) return Promise.resolve(cached)
    let pending = pendingProfiles.get(id)
    if (!pending) {
      profileLoading.value = new Set(profileLoading.value).add(id)
      pending = call('datasets/profile', { id })
        .then((profile) => {
          profiles.value = new Map(profiles.value).set(id, profile)
          return profile
        })
        .finally(() => {
          pendingProfiles.delete(id)
          profileLoading.value = setWithout(profileLoading.value, id)
        })
      pendingProfiles.set(id, pending)
    }
    return pending
  }

  return {
    datasets,
    // loaded, loading, loadError and refresh, as useStoredList keeps them
    ...list,
    profiles,
    profileLoading,
    activeDataset,
    remove,
    exportCsv,
    loadProfile
  }
})
