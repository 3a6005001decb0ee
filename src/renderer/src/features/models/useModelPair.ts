import { computed, ref, watch, type Ref } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { type ModelDetail, useModelStore } from '../../stores/modelStore'
import { useAction } from '../../ui/composables/useAction'

/**
 * The model a page shows (the route's id) and the one it is compared with (`?compare=`), each
 * loaded from the store; a newer choice wins over a slower older one. A model that cannot be
 * loaded is said in place (`loadError`); one to compare with, in a notice.
 */
export function useModelPair() {
  const models = useModelStore()
  const route = useRoute()
  const router = useRouter()

  const modelId = computed(() => Number(route.params.id))
  const compareId = computed(() => {
    const raw = Number(route.query.compare)
    return Number.isInteger(raw) && raw > 0 && raw !== modelId.value ? raw : null
  })

  const loadPrimary = useAction((id: number) => models.detail(id), {
    failure: (id) => `Could not open model #${id}`,
    report: 'inline',
    latestOnly: true
  })
  const loadSecondary = useAction((id: number) => models.detail(id), {
    failure: (id) => `Could not open model #${id} to compare`,
    latestOnly: true
  })
  const primary = follow(modelId, (id) => (Number.isInteger(id) && id > 0 ? loadPrimary.run(id) : null))
  const secondary = follow(compareId, (id) => (id === null ? null : loadSecondary.run(id)))

  /** Compares with another model (or with none), in the address so Back undoes it. */
  function setCompare(id: number | undefined | ''): void {
    const query = { ...route.query }
    if (typeof id === 'number') query.compare = String(id)
    else delete query.compare
    void router.replace({ query })
  }

  const loadError = computed(() => loadPrimary.error)
  return { modelId, compareId, primary, secondary, loadError, setCompare }
}

/** A detail that follows an id: null while the id changes and loads, then the loaded one. */
function follow<I>(
  id: Ref<I>,
  load: (id: I) => Promise<ModelDetail | undefined> | null
): Ref<ModelDetail | null> {
  const detail = ref<ModelDetail | null>(null)
  watch(
    id,
    async (value) => {
      detail.value = null
      const loaded = await load(value)
      if (loaded && id.value === value) detail.value = loaded
    },
    { immediate: true }
  )
  return detail
}
