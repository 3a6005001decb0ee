import type { Worker } from 'node:worker_threads'
import { fromThreadError, type ThreadError } from '../base/errors'
import type { ModelArtifact } from '../model/ModelArtifact'
import { spawnWorker } from '../base/spawnWorker'
import type { ChunkResult, FilePlan, ScoreChunk } from './ChunkScorer'
import type { CompiledForestHandle } from './CompiledForest'

/** What a scoring worker starts with (workerData): the model, its shared compiled forest, the file's plan. */
export interface ScoreWorkerInit {
  artifact: ModelArtifact
  forest: CompiledForestHandle
  /** The worker's scratch slot in the compiled forest's memory. */
  slot: number
  plan: FilePlan
}

/** Coordinator → worker: a chunk to score, with an id its answer carries. */
export interface ScoreWorkerRequest {
  id: number
  chunk: ScoreChunk
}

/** Worker → coordinator. */
export type ScoreWorkerReply = { id: number; result: ChunkResult } | { id: number; error: ThreadError }

/**
 * Heap sizes of a scoring worker. A chunk's garbage is a few MB and dies young; what lives
 * on is the artifact and the spellings of category cells, well under a MB. Left to
 * itself V8 grows each worker's heap to tens of MB before collecting (measured: the
 * 1M-row batch went ~60 MB over its 400 MB budget); an old generation of 64 MB, ten times
 * what a worker keeps while scoring a chunk, makes it collect sooner. A young generation of 16 MB is where the
 * measured time stopped improving (8 MB cost ~25 % more time in collections).
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 64 }

interface Pending {
  resolve: (result: ChunkResult) => void
  reject: (error: Error) => void
}

/**
 * The worker threads of one batch: each holds a ChunkScorer attached to the shared
 * compiled forest and scores the chunks it is sent in order. Chunks go round-robin and
 * the caller awaits them in file order, so output order is the file's. A plain set of
 * workers over spawnWorker rather than a pool library: every worker must start with the
 * model (workerData) and resolve its entry as the app's other workers do, in the bundled
 * app and from TypeScript sources alike (see spawnWorker).
 */
export class ScoringWorkers {
  private readonly pending = new Map<number, Pending>()
  private nextId = 0
  private failure: Error | null = null

  private constructor(private readonly workers: Worker[]) {
    for (const worker of workers) {
      worker.on('message', (reply: ScoreWorkerReply) => this.settle(reply))
      worker.on('error', (error: Error) => this.fail(error))
      worker.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`a scoring worker stopped unexpectedly (exit code ${code})`))
      })
    }
  }

  /** Starts `count` workers for one file; worker k uses scratch slot k of the compiled forest. */
  static start(count: number, init: Omit<ScoreWorkerInit, 'slot'>): ScoringWorkers {
    const workers: Worker[] = []
    try {
      for (let slot = 0; slot < count; slot++) {
        workers.push(spawnWorker({ name: 'scoreWorker', dir: __dirname }, { ...init, slot }, WORKER_LIMITS))
      }
    } catch (error) {
      for (const worker of workers) void worker.terminate()
      throw error
    }
    return new ScoringWorkers(workers)
  }

  /** Scores a chunk on the next worker in turn. The chunk's bytes (and spare memory) are moved, not copied, to it. */
  score(chunk: ScoreChunk): Promise<ChunkResult> {
    if (this.failure) return Promise.reject(this.failure)
    const id = this.nextId++
    const worker = this.workers[id % this.workers.length]
    return new Promise<ChunkResult>((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
      const request: ScoreWorkerRequest = { id, chunk }
      const moved = [chunk.bytes.buffer as ArrayBuffer]
      if (chunk.spare) moved.push(chunk.spare)
      worker.postMessage(request, moved)
    })
  }

  /** Stops every worker (chunks still pending are rejected). */
  async close(): Promise<void> {
    this.fail(new Error('the scoring workers were stopped'))
    await Promise.allSettled(this.workers.map((w) => w.terminate()))
  }

  private settle(reply: ScoreWorkerReply): void {
    const waiting = this.pending.get(reply.id)
    if (!waiting) return
    this.pending.delete(reply.id)
    if ('result' in reply) waiting.resolve(reply.result)
    else waiting.reject(fromThreadError(reply.error))
  }

  private fail(error: Error): void {
    this.failure ??= error
    for (const waiting of this.pending.values()) waiting.reject(this.failure)
    this.pending.clear()
  }
}
