import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '../../../../src/renderer/src/api/client'
import { useAction } from '../../../../src/renderer/src/ui/composables/useAction'

// The notices stand in for Element Plus: the test reads what the user was told, and how often.
const { showError, showInfo, showSuccess } = vi.hoisted(() => ({
  showError: vi.fn(),
  showInfo: vi.fn(),
  showSuccess: vi.fn()
}))
vi.mock('../../../../src/renderer/src/ui/notify', () => ({ showError, showInfo, showSuccess }))

/** A promise the test settles by hand, to look at the action while it is in flight. */
function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void; reject: (e: unknown) => void } {
  let resolve!: (v: T) => void
  let reject!: (e: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

const notFound = new ApiError({ code: 'NOT_FOUND', message: 'There is no model 9.' })

describe('useAction', () => {
  beforeEach(() => {
    showError.mockReset()
    showInfo.mockReset()
    showSuccess.mockReset()
  })

  it('is busy exactly while the run is in flight', async () => {
    const answer = deferred<string>()
    const action = useAction(() => answer.promise, { failure: 'Could not save' })
    expect(action.busy).toBe(false)
    const run = action.run()
    expect(action.busy).toBe(true)
    answer.resolve('saved')
    await expect(run).resolves.toBe('saved')
    expect(action.busy).toBe(false)
  })

  it('says a failure once, with its prefix, keeps it in error, and resolves instead of rejecting', async () => {
    const action = useAction(() => Promise.reject(notFound), { failure: 'Could not open the model' })
    await expect(action.run()).resolves.toBeUndefined()
    expect(showError).toHaveBeenCalledTimes(1)
    expect(showError).toHaveBeenCalledWith(notFound, 'Could not open the model')
    expect(action.error).toBe('Could not open the model: There is no model 9.')
    expect(action.busy).toBe(false)
    expect(showSuccess).not.toHaveBeenCalled()
  })

  it('clears the last failure when it runs again and succeeds', async () => {
    let fail = true
    const action = useAction(async () => (fail ? Promise.reject(notFound) : 'ok'), {
      failure: 'Could not load'
    })
    await action.run()
    expect(action.error).not.toBeNull()
    fail = false
    await action.run()
    expect(action.error).toBeNull()
    expect(showError).toHaveBeenCalledTimes(1)
  })

  it('sets only error for an inline failure, telling nothing in a notice', async () => {
    const action = useAction(() => Promise.reject(notFound), {
      failure: 'Could not load the history',
      report: 'inline'
    })
    await action.run()
    expect(showError).not.toHaveBeenCalled()
    expect(action.error).toBe('Could not load the history: There is no model 9.')
  })

  it('says the success message with the result and the arguments', async () => {
    const action = useAction(async (id: number) => ({ path: `/tmp/report-${id}.pdf` }), {
      failure: 'Could not write the report',
      success: (saved, id) => `Saved report ${id} to ${saved.path}`
    })
    await action.run(3)
    expect(showSuccess).toHaveBeenCalledTimes(1)
    expect(showSuccess).toHaveBeenCalledWith('Saved report 3 to /tmp/report-3.pdf')
    expect(showInfo).not.toHaveBeenCalled()
  })

  it('says "nothing done", not success, when a dialog was closed (null or false)', async () => {
    for (const declinedResult of [null, false]) {
      showSuccess.mockReset()
      showInfo.mockReset()
      const action = useAction(async () => declinedResult, {
        failure: 'Could not export',
        success: 'Exported.',
        declined: 'Export cancelled.'
      })
      await expect(action.run()).resolves.toBe(declinedResult)
      expect(showInfo).toHaveBeenCalledWith('Export cancelled.')
      expect(showSuccess).not.toHaveBeenCalled()
    }
  })

  it('tells which key is busy when runs overlap', async () => {
    const answers = new Map([
      [1, deferred<void>()],
      [2, deferred<void>()]
    ])
    const action = useAction((id: number) => answers.get(id)!.promise, { failure: 'Could not export' })
    const first = action.run(1)
    const second = action.run(2)
    expect([action.busyFor(1), action.busyFor(2), action.busyFor(3)]).toEqual([true, true, false])
    answers.get(1)!.resolve()
    await first
    expect([action.busyFor(1), action.busyFor(2), action.busy]).toEqual([false, true, true])
    answers.get(2)!.resolve()
    await second
    expect(action.busy).toBe(false)
  })

  it('keys runs by the key function when given', async () => {
    const answer = deferred<void>()
    const action = useAction((_row: { id: number }) => answer.promise, {
      failure: 'Could not activate',
      key: (row) => row.id
    })
    const run = action.run({ id: 7 })
    expect(action.busyFor(7)).toBe(true)
    answer.resolve()
    await run
    expect(action.busyFor(7)).toBe(false)
  })

  it('with latestOnly, ignores an older run that ends after a newer one: no result, no notice, no error', async () => {
    const slow = deferred<string>()
    const fast = deferred<string>()
    const queue = [slow, fast]
    const action = useAction(() => queue.shift()!.promise, {
      failure: 'Could not load',
      success: (r) => `Loaded ${r}`,
      latestOnly: true
    })
    const older = action.run()
    const newer = action.run()
    fast.resolve('new')
    await expect(newer).resolves.toBe('new')
    expect(action.busy).toBe(false)
    slow.reject(notFound)
    await expect(older).resolves.toBeUndefined()
    expect(showError).not.toHaveBeenCalled()
    expect(action.error).toBeNull()
    expect(showSuccess).toHaveBeenCalledTimes(1)
    expect(showSuccess).toHaveBeenCalledWith('Loaded new')
  })
})
