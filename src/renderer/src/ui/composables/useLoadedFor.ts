import { shallowRef, watch, type Ref } from 'vue'
import { useAction, type Action } from './useAction'

/**
 * What a panel shows for one id (a run's leaderboard, a scorecard's points table), loaded
 * again whenever the id changes: null while main answers, only the newest id's answer kept,
 * a failure left in `load.error` for the panel to say in place of the figures.
 */
export function useLoadedFor<T>(
  id: () => number,
  fetch: (id: number) => Promise<T>,
  failure: () => string
): { value: Ref<T | null>; load: Action<[number], T> } {
  const value = shallowRef<T | null>(null)
  const load = useAction(fetch, { failure, report: 'inline', latestOnly: true })
  watch(
    id,
    async (next) => {
      value.value = null
      value.value = (await load.run(next)) ?? null
    },
    { immediate: true }
  )
  return { value, load }
}
