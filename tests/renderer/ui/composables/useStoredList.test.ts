import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '../../../../src/renderer/src/api/client'
import { useStoredList } from '../../../../src/renderer/src/ui/composables/useStoredList'

// A load's failure is said in place of the list, never as a notice: the test checks no notice is shown.
const { showError } = vi.hoisted(() => ({ showError: vi.fn() }))
vi.mock('../../../../src/renderer/src/ui/notify', () => ({
  showError,
  showInfo: vi.fn(),
  showSuccess: vi.fn()
}))

/** A promise the test settles by hand, to look at the list while a load is in flight. */
function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void; reject: (e: unknown) => void } {
  let resolve!: (v: T) => void
  let reject!: (e: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

describe('useStoredList', () => {
  beforeEach(() => showError.mockReset())

  it('is not loaded and empty until a load succeeds, and loading only while it runs', async () => {
    const answer = deferred<number[]>()
    const list = useStoredList(
      () => answer.promise,
      () => 'Could not list the models'
    )
    expect([list.items.value, list.loaded.value, list.loading.value]).toEqual([[], false, false])
    const run = list.refresh()
    expect(list.loading.value).toBe(true)
    answer.resolve([3, 1])
    await run
    expect([list.items.value, list.loaded.value, list.loading.value]).toEqual([[3, 1], true, false])
  })

  it('an empty answer still counts as loaded: there are none', async () => {
    const list = useStoredList(
      () => Promise.resolve([]),
      () => 'Could not list the datasets'
    )
    await list.refresh()
    expect(list.loaded.value).toBe(true)
    expect(list.items.value).toEqual([])
  })

  it('keeps the last items on a failure and says why inline, without a notice', async () => {
    let fail = false
    const list = useStoredList(
      () =>
        fail
          ? Promise.reject(new ApiError({ code: 'IO', message: 'The database is locked.' }))
          : Promise.resolve(['a']),
      () => 'Could not list the datasets'
    )
    await list.refresh()
    fail = true
    await list.refresh()
    expect(list.items.value).toEqual(['a'])
    expect(list.loadError.value).toBe('Could not list the datasets: The database is locked.')
    expect(showError).not.toHaveBeenCalled()
    fail = false
    await list.refresh()
    expect(list.loadError.value).toBeNull()
  })

  it('only the latest load counts: an earlier answer arriving late changes nothing', async () => {
    const first = deferred<string[]>()
    const second = deferred<string[]>()
    const answers = [first, second]
    const list = useStoredList(
      () => answers.shift()!.promise,
      () => 'Could not list the models'
    )
    const early = list.refresh()
    const late = list.refresh()
    second.resolve(['new'])
    await late
    first.resolve(['old'])
    await early
    expect(list.items.value).toEqual(['new'])
  })

  it('hands each successful load to onLoaded once its items are in place, never a failed one', async () => {
    const seen: string[][] = []
    let fail = false
    const list = useStoredList(
      () => (fail ? Promise.reject(new Error('gone')) : Promise.resolve(['x', 'y'])),
      () => 'Could not list the datasets',
      (items) => seen.push([...items, `shown ${list.items.value.length}`])
    )
    await list.refresh()
    fail = true
    await list.refresh()
    expect(seen).toEqual([['x', 'y', 'shown 2']])
  })
})
