import { EventEmitter } from 'node:events'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Table } from '../../../../src/main/core/data/Table'
import { profileTableInWorkers, type ProfileWorkerInit } from '../../../../src/main/core/eda/profileInWorkers'

// Which columns go to which thread, and what a thread's failure becomes. The threads are
// stood in for: each records what it was given and answers as told, so that a profile taken
// from a thread can be told from one the main thread computed (whose numbers are the same).

interface Started {
  entry: { name: string }
  init: ProfileWorkerInit
  worker: EventEmitter
}
const started: Started[] = []
let answer: (s: Started) => void = () => undefined

vi.mock('../../../../src/main/core/base/spawnWorker', () => ({
  spawnWorker: (entry: { name: string }, init: ProfileWorkerInit) => {
    const s: Started = { entry, init, worker: new EventEmitter() }
    started.push(s)
    setImmediate(() => answer(s))
    return s.worker
  }
}))

/** A marker profile for a numeric column profiled "on a thread". */
const onThread = (name: string): unknown => ({ name, kind: 'numeric', fromThread: true })

/** Answers with a marker profile per column given. */
function answerDone(s: Started): void {
  s.worker.emit('message', {
    type: 'done',
    profiles: s.init.columns.map(({ index, name }) => ({ index, profile: onThread(name) }))
  })
}

/** A table of `rows` rows: numeric columns a, b, c, d, e around a categorical column g. */
function table(rows: number, numericNames = ['a', 'b', 'c', 'd', 'e']): Table {
  const numeric = (name: string) => ({
    name,
    kind: 'numeric' as const,
    values: Float64Array.from({ length: rows }, (_, i) => (i % 10) + name.charCodeAt(0))
  })
  const [first, ...rest] = numericNames.map(numeric)
  return {
    numRows: rows,
    columns: [
      first,
      {
        name: 'g',
        kind: 'categorical',
        levels: ['x', 'y'],
        codes: Int32Array.from({ length: rows }, (_, i) => i % 2)
      },
      ...rest
    ],
    target: Uint8Array.from({ length: rows }, (_, i) => (i % 5 === 0 ? 1 : 0)),
    targetName: 'Default',
    positiveClass: '1',
    lines: Int32Array.from({ length: rows }, (_, i) => i + 2)
  }
}

describe('profileTableInWorkers, the plan', () => {
  beforeEach(() => {
    started.length = 0
    answer = answerDone
  })

  it('deals the numeric columns round-robin to two threads, from 2,000,000 numeric cells on', async () => {
    // Five numeric columns × 400,000 rows = 2,000,000 cells.
    const t = table(400_000)
    const profile = await profileTableInWorkers(t, 2)
    expect(started.map((s) => s.entry.name)).toEqual(['profileWorker', 'profileWorker'])
    expect(started.map((s) => s.init.columns.map((c) => [c.index, c.name]))).toEqual([
      [
        [0, 'a'],
        [3, 'c'],
        [5, 'e']
      ],
      [
        [2, 'b'],
        [4, 'd']
      ]
    ])
    // Shared memory holding the same numbers: the threads read them without a copy of their own.
    for (const s of started) {
      expect(s.init.target.buffer).toBeInstanceOf(SharedArrayBuffer)
      expect([...s.init.target.subarray(0, 6)]).toEqual([1, 0, 0, 0, 0, 1])
      for (const c of s.init.columns) {
        expect(c.values.buffer).toBeInstanceOf(SharedArrayBuffer)
        expect(c.values).toHaveLength(400_000)
        expect([c.values[0], c.values[399_999]]).toEqual([c.name.charCodeAt(0), 9 + c.name.charCodeAt(0)])
      }
    }
    expect(
      profile.columns.map((c) => (c as unknown as { fromThread?: boolean }).fromThread ?? false)
    ).toEqual([true, false, true, true, true, true])
    expect(profile.columns[1]).toMatchObject({ name: 'g', kind: 'categorical', count: 400_000 })
    expect(profile).toMatchObject({ numRows: 400_000, positives: 80_000, defaultRate: 0.2 })
  })

  it('uses at most one thread per numeric column', async () => {
    await profileTableInWorkers(table(1_000_000, ['a', 'b']), 4)
    expect(started.map((s) => s.init.columns.map((c) => c.name))).toEqual([['a'], ['b']])
  })

  it('profiles on this thread below 2,000,000 numeric cells, with one numeric column, or with no threads', async () => {
    const small = await profileTableInWorkers(table(399_999), 2)
    const one = await profileTableInWorkers(table(2_000_000, ['a']), 2)
    const none = await profileTableInWorkers(table(400_000), 0)
    expect(started).toEqual([])
    expect(small.columns[0]).toMatchObject({ name: 'a', count: 399_999, min: 97, max: 106 })
    expect(one.columns[0]).toMatchObject({ name: 'a', count: 2_000_000 })
    expect(none.columns[2]).toMatchObject({ name: 'b', count: 400_000, min: 98, max: 107 })
  })

  it('profiles on one thread when told one', async () => {
    await profileTableInWorkers(table(400_000), 1)
    expect(started.map((s) => s.init.columns.map((c) => c.name))).toEqual([['a', 'b', 'c', 'd', 'e']])
  })

  it('raises a thread’s error again with its code', async () => {
    answer = (s) =>
      s.worker.emit('message', {
        type: 'error',
        error: { name: 'InputError', message: 'column a is odd', code: 'INPUT_ERROR' }
      })
    await expect(profileTableInWorkers(table(400_000), 2)).rejects.toMatchObject({
      code: 'INPUT_ERROR',
      message: 'column a is odd'
    })
  })

  it('fails when a thread fails to run or stops without an answer', async () => {
    answer = (s) => s.worker.emit('error', new Error('out of memory'))
    await expect(profileTableInWorkers(table(400_000), 2)).rejects.toThrow('out of memory')
    answer = (s) => s.worker.emit('exit', 3)
    await expect(profileTableInWorkers(table(400_000), 2)).rejects.toThrow(
      'a profiling thread stopped (exit code 3)'
    )
  })

  it('ignores the exit that follows an answer', async () => {
    answer = (s) => {
      answerDone(s)
      s.worker.emit('exit', 0)
    }
    await expect(profileTableInWorkers(table(400_000), 2)).resolves.toMatchObject({ numRows: 400_000 })
  })
})
