import { EventEmitter } from 'node:events'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { WorkbenchError } from '../../../../src/main/core/base/errors'
import type { ChunkResult, ScoreChunk } from '../../../../src/main/core/scoring/ChunkScorer'
import {
  ScoringWorkers,
  type ScoreWorkerInit,
  type ScoreWorkerRequest
} from '../../../../src/main/core/scoring/ScoringWorkers'

// ScoringWorkers' side of the threads: what each worker starts with, where each chunk goes,
// and what an answer, an error reply, a crash, an exit or a close becomes. The threads are
// stood in for: each records what it was sent and answers as the test tells it to.

interface StandIn extends EventEmitter {
  init: ScoreWorkerInit
  limits: unknown
  sent: { request: ScoreWorkerRequest; transfer: unknown[] }[]
  terminated: number
  postMessage: (request: ScoreWorkerRequest, transfer: unknown[]) => void
  terminate: () => Promise<number>
}
const started: StandIn[] = []
let failAt: number | null = null

vi.mock('../../../../src/main/core/base/spawnWorker', () => ({
  spawnWorker: (entry: { name: string }, init: ScoreWorkerInit, limits: unknown) => {
    if (entry.name !== 'scoreWorker') throw new Error(`unexpected worker ${entry.name}`)
    if (started.length === failAt) throw new Error('no more threads')
    const worker: StandIn = Object.assign(new EventEmitter(), {
      init,
      limits,
      sent: [] as StandIn['sent'],
      terminated: 0,
      postMessage: (request: ScoreWorkerRequest, transfer: unknown[]) =>
        worker.sent.push({ request, transfer }),
      terminate: async (): Promise<number> => {
        worker.terminated++
        return 1
      }
    })
    started.push(worker)
    return worker
  }
}))

const INIT = {
  plan: { marker: 'plan' },
  artifact: { marker: 'artifact' },
  forest: { marker: 'forest' }
} as unknown as Omit<ScoreWorkerInit, 'slot'>

/** A chunk whose bytes say which it is. */
const chunk = (n: number): ScoreChunk => ({ bytes: Uint8Array.of(n) })
/** A result that says which chunk it answers. */
const result = (n: number): ChunkResult => ({ rowsIn: n }) as ChunkResult

describe('ScoringWorkers', () => {
  beforeEach(() => {
    started.length = 0
    failAt = null
  })

  it('starts one worker per thread with the model, the plan, its own scratch slot and bounded heaps', async () => {
    const workers = ScoringWorkers.start(3, INIT)
    expect(started.map((w) => w.init)).toEqual([0, 1, 2].map((slot) => ({ ...INIT, slot })))
    for (const w of started)
      expect(w.limits).toEqual({ maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 64 })
    await workers.close()
  })

  it('stops the workers it started when a later one cannot start, and throws why', () => {
    failAt = 2
    expect(() => ScoringWorkers.start(3, INIT)).toThrow('no more threads')
    expect(started.map((w) => w.terminated)).toEqual([1, 1])
  })

  it('sends chunks round-robin, moving their bytes, and resolves each with its own answer in any order', async () => {
    const workers = ScoringWorkers.start(2, INIT)
    const chunks = [0, 1, 2].map(chunk)
    const answers = chunks.map((c) => workers.score(c))
    expect(started.map((w) => w.sent.map((s) => s.request.id))).toEqual([[0, 2], [1]])
    expect(started[0].sent[0].request.chunk).toBe(chunks[0])
    expect(started[0].sent[0].transfer).toEqual([chunks[0].bytes.buffer])
    started[1].emit('message', { id: 1, result: result(1) })
    started[0].emit('message', { id: 2, result: result(2) })
    started[0].emit('message', { id: 0, result: result(0) })
    expect(await Promise.all(answers)).toEqual([result(0), result(1), result(2)])
    // An answer nobody waits for (already settled) changes nothing.
    started[0].emit('message', { id: 0, error: { name: 'Error', message: 'late' } })
    await workers.close()
  })

  it('rejects a chunk with the error its worker replied, as the catalogued error it was', async () => {
    const workers = ScoringWorkers.start(1, INIT)
    const answer = workers.score(chunk(0))
    started[0].emit('message', {
      id: 0,
      error: { name: 'WorkbenchError', message: 'Line 7: a record runs past 1 MB', code: 'MALFORMED_CSV' }
    })
    const error = await answer.catch((e: unknown) => e)
    expect(error).toBeInstanceOf(WorkbenchError)
    expect(error).toMatchObject({ code: 'MALFORMED_CSV', message: 'Line 7: a record runs past 1 MB' })
    // One chunk's refusal is not the workers' failure: the next chunk is still sent.
    const next = workers.score(chunk(1))
    started[0].emit('message', { id: 1, result: result(1) })
    await expect(next).resolves.toEqual(result(1))
    await workers.close()
  })

  it('fails every waiting chunk and every later one with the first crash', async () => {
    const workers = ScoringWorkers.start(2, INIT)
    const waiting = [workers.score(chunk(0)), workers.score(chunk(1))]
    started[1].emit('error', new Error('out of memory'))
    started[0].emit('error', new Error('a second failure'))
    for (const answer of waiting) await expect(answer).rejects.toThrow('out of memory')
    await expect(workers.score(chunk(2))).rejects.toThrow('out of memory')
    expect(started.flatMap((w) => w.sent.map((s) => s.request.id))).toEqual([0, 1])
    await workers.close()
  })

  it('fails the waiting chunks when a worker exits with a non-zero code, and not when it exits cleanly', async () => {
    const workers = ScoringWorkers.start(2, INIT)
    const first = workers.score(chunk(0))
    started[1].emit('exit', 0)
    started[0].emit('message', { id: 0, result: result(0) })
    await expect(first).resolves.toEqual(result(0))
    const second = workers.score(chunk(1))
    started[1].emit('exit', 134)
    await expect(second).rejects.toThrow('a scoring worker stopped unexpectedly (exit code 134)')
    await workers.close()
  })

  it('on close, rejects what is still waiting, terminates every worker and refuses new chunks', async () => {
    const workers = ScoringWorkers.start(2, INIT)
    const waiting = workers.score(chunk(0))
    await workers.close()
    await expect(waiting).rejects.toThrow('the scoring workers were stopped')
    expect(started.map((w) => w.terminated)).toEqual([1, 1])
    await expect(workers.score(chunk(1))).rejects.toThrow('the scoring workers were stopped')
  })
})
