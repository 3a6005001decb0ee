import { computed, reactive, ref, shallowRef } from 'vue'
import { errorMessage } from '../../api/client'
import { showError, showInfo, showSuccess } from '../notify'

/** A result that means the user closed a dialog instead of choosing: nothing was done. */
type Declined = null | false

/** How an action tells the user how it went. */
export interface ActionOptions<A extends unknown[], R> {
  /** Put before the error's own words when it fails ("Could not start training"). */
  failure: string | ((...args: A) => string)
  /** Said once it succeeds ("Saved the report to …"); not said when it was declined. */
  success?: string | ((result: Exclude<R, Declined>, ...args: A) => string)
  /** Said (as information) when it resolves to null or false: a dialog was closed, nothing was done. */
  declined?: string | ((...args: A) => string)
  /**
   * 'toast' (the default): a failure is said in a notice. 'inline': only `error` is set, for
   * the screen to show in place (a load whose failure replaces what would be shown).
   */
  report?: 'toast' | 'inline'
  /**
   * Only the latest run counts: a run overtaken by a newer one changes nothing when it ends
   * and resolves to undefined (a search typed faster than main answers).
   */
  latestOnly?: boolean
  /** What `busyFor` compares, from a run's arguments; the first argument by default. */
  key?: (...args: A) => unknown
}

/**
 * An action a screen runs (a button's, a load's), with its busy state and its last failure.
 * Reactive: a template reads `action.busy` as it is.
 */
export interface Action<A extends unknown[], R> {
  /** True while a run is in flight (the latest run, with `latestOnly`). */
  readonly busy: boolean
  /** The last run's failure in words ("Could not …: main's message"); null after a success. */
  readonly error: string | null
  /** Runs it; never rejects: a failure is reported once, here, and resolves to undefined. */
  run: (...args: A) => Promise<R | undefined>
  /** True while a run whose key is `key` is in flight (the row whose Export was pressed). */
  busyFor: (key: unknown) => boolean
  /** True while a run with these arguments (by their key) is in flight. */
  busyWith: (...args: A) => boolean
}

/**
 * Wraps what a button or a screen does so that being busy, failing and succeeding are handled
 * in one place: the busy flag for the button's spinner, one notice per failure through
 * notify, the success and "nothing done" notices.
 */
export function useAction<A extends unknown[], R>(
  fn: (...args: A) => Promise<R>,
  options: ActionOptions<A, R>
): Action<A, R> {
  // One token per run in flight; `latestOnly` keeps only the newest.
  const running = shallowRef<readonly { key: unknown }[]>([])
  const error = ref<string | null>(null)
  let latest = 0

  const keyOf = (args: A): unknown => (options.key ? options.key(...args) : args[0])
  const say = <T extends unknown[]>(text: string | ((...x: T) => string), ...x: T): string =>
    typeof text === 'function' ? text(...x) : text

  async function run(...args: A): Promise<R | undefined> {
    const seq = ++latest
    const token = { key: keyOf(args) }
    running.value = options.latestOnly ? [token] : [...running.value, token]
    const current = (): boolean => !options.latestOnly || seq === latest
    error.value = null
    try {
      const result = await fn(...args)
      if (!current()) return undefined
      if (result === null || result === false) {
        if (options.declined) showInfo(say(options.declined, ...args))
      } else if (options.success) {
        showSuccess(say(options.success, result as Exclude<R, Declined>, ...args))
      }
      return result
    } catch (e) {
      if (!current()) return undefined
      const prefix = say(options.failure, ...args)
      error.value = `${prefix}: ${errorMessage(e)}`
      if (options.report !== 'inline') showError(e, prefix)
      return undefined
    } finally {
      running.value = running.value.filter((t) => t !== token)
    }
  }

  return reactive({
    busy: computed(() => running.value.length > 0),
    error: computed(() => error.value),
    run,
    busyFor: (key: unknown) => running.value.some((t) => t.key === key),
    busyWith: (...args: A) => running.value.some((t) => t.key === keyOf(args))
  })
}
