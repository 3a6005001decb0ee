import { t } from '../../i18n'
import { computed, ref, watch } from 'vue'
import type { DatasetDetail } from '../../../../shared/dto'
import { call } from '../../api/client'
import { useWorkspace } from '../../stores'
import { useAction } from '../../ui/composables/useAction'
import { ENGINEERING_ROLES, featureCount, numericColumns, type TrainForm } from './trainForm'

/**
 * The dataset the Train screen trains on (the active one) and its columns, which the
 * engineered-feature roles map to; a mapping to a column the dataset lacks goes back to automatic.
 */
export function useTrainDataset(form: TrainForm) {
  const { activeDataset: dataset } = useWorkspace()
  const detail = ref<DatasetDetail | null>(null)
  const load = useAction((id: number) => call('datasets/get', { id }), {
    failure: () => t('train.columnsFailed'),
    latestOnly: true
  })

  watch(
    () => dataset.value?.id,
    async (id) => {
      detail.value = null
      if (id === undefined) return
      const loaded = await load.run(id)
      if (!loaded || dataset.value?.id !== id) return
      detail.value = loaded
      const names = numericColumns(loaded.columnSpecs)
      for (const role of ENGINEERING_ROLES)
        if (form.map[role] && !names.includes(form.map[role])) form.map[role] = ''
    },
    { immediate: true }
  )

  return {
    dataset,
    /** The numeric columns a role can map to. */
    columns: computed(() => (detail.value ? numericColumns(detail.value.columnSpecs) : [])),
    featureCount: computed(() => (detail.value ? featureCount(detail.value.columnSpecs) : 3))
  }
}
