import { computed, ref, type ComputedRef, type Ref } from 'vue'
import { useAction } from './useAction'

/** A list kept in main's database, as a store holds it. */
export interface StoredList<T> {
  items: Ref<T[]>
  /** True once a load has succeeded (an empty list then means there are none). */
  loaded: Ref<boolean>
  loading: ComputedRef<boolean>
  /** The last load's failure in words, shown in place of the list; null after a success. */
  loadError: ComputedRef<string | null>
  /** Loads the list again; a failed or overtaken load leaves the items as they were. */
  refresh: () => Promise<void>
}

/**
 * The list part of a store over main's datasets or models: the items, whether they have been
 * loaded, and the load's busy state and failure (said inline; only the latest load counts).
 * `onLoaded` runs after each successful load, once the items are in place.
 */
export function useStoredList<T>(
  load: () => Promise<T[]>,
  failure: () => string,
  onLoaded: (items: T[]) => void = () => {}
): StoredList<T> {
  // Vue's documented cast for a generic ref: ref<T[]> would type its items as UnwrapRef<T>.
  const items = ref([]) as Ref<T[]>
  const loaded = ref(false)
  const lister = useAction(load, { failure, report: 'inline', latestOnly: true })

  async function refresh(): Promise<void> {
    const listed = await lister.run()
    if (!listed) return
    items.value = listed
    loaded.value = true
    onLoaded(listed)
  }

  return {
    items,
    loaded,
    loading: computed(() => lister.busy),
    loadError: computed(() => lister.error),
    refresh
  }
}
