import { computed, ref, watch, type Ref } from 'vue'
import type { DatasetProfile } from '../../../../shared/dto'
import { useDatasetStore } from '../../stores/datasetStore'
import { useAction } from '../../ui/composables/useAction'

/**
 * The profile (EDA aggregates) of a dataset, following its id: null while main computes it,
 * a failure said in place; the user may switch datasets meanwhile, and the newest one wins.
 */
export function useDatasetProfile(datasetId: Ref<number | undefined>) {
  const datasets = useDatasetStore()
  const profile = ref<DatasetProfile | null>(null)
  const load = useAction((id: number) => datasets.loadProfile(id), {
    failure: 'Could not compute the statistics',
    report: 'inline',
    latestOnly: true
  })

  async function reload(id: number): Promise<void> {
    profile.value = null
    const loaded = await load.run(id)
    if (loaded && datasetId.value === id) profile.value = loaded
  }

  watch(
    datasetId,
    (id) => {
      if (id !== undefined) void reload(id)
    },
    { immediate: true }
  )

  return { profile, error: computed(() => load.error), reload }
}
