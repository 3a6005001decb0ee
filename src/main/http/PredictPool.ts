import type { Worker } from 'node:worker_threads'
import type { ScoreResult } from '../../shared/dto'
import { fromThreadError, type ThreadError } from '../core/base/errors'
import { spawnWorker } from '../core/base/spawnWorker'
import type { ModelArtifact } from '../core/model/ModelArtifact'
import type { LoadedModel } from '../core/scoring/loadModel'
import { prepareForestShap } from '../core/scoring/linearTreeShap'
import { MAX_SLOTS, shapForestOf, type ShapForestHandle } from '../core/scoring/ShapForest'
import type { ScoreContext, ScoreDecision } from '../core/scoring/scoreOne'
import type { ScoreRequest } from '../core/service/scoreRequest'

/** Most worker threads of one pool: every one needs a scratch slot of the shared trees (slot 0 is the serving thread's). */
export const MAX_PREDICT_THREADS = MAX_SLOTS - 1

/** What a /predict worker starts with (workerData): its scratch slot in every model's shared trees. */
export interface PredictWorkerInit {
  slot: number
}

/** Serving thread → worker. */
export type PredictWorkerMessage =
  | { kind: 'model'; key: number; id: number; artifact: ModelArtifact; forest: ShapForestHandle }
  | { kind: 'drop'; key: number }
  | {
      kind: 'score'
      id: number
      key: number
      fields: Record<string, unknown>
      context: ScoreContext
      reasons: boolean
    }

/** Worker → serving thread. */
export type PredictWorkerReply =
  { id: number; result: Omit<ScoreResult, 'Audit_Id'> | ScoreDecision } | { id: number; error: ThreadError }

/** Models a worker keeps at once; the oldest sent is dropped beyond this (a server scores the active one, rarely more). */
const MODELS_PER_WORKER = 4

/** Heap of a worker: a request's garbage is small and dies young; the trees live in shared memory, not here. */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 256 }

interface Pending {
  resolve: (result: Omit<ScoreResult, 'Audit_Id'> | ScoreDecision) => void
  reject: (error: Error) => void
}

interface Member {
  worker: Worker
  slot: number
  /** Requests sent and not yet answered. */
  busy: number
  /** Keys of the models this worker holds, oldest first. */
  models: number[]
  pending: Map<number, Pending>
}

/**
 * The worker threads that score /predict requests: the serving thread parses requests,
 * resolves each against the store (model, policy, reference), sends the score to the least
 * busy worker and writes the audit record itself (the one writer of the database), so two
 * cores score two applicants at once while HTTP and SQLite stay on one thread. Each model's
 * trees are laid out once in shared WebAssembly memory (ShapForest) and every worker
 * attaches to that copy with a scratch slot of its own.
 *
 * A small pool of our own over node:worker_threads rather than a pool library: each worker
 * must hold the models it is sent (state a generic task pool does not keep per worker) and
 * resolve its entry as the app's other workers do, bundled and from TypeScript sources
 * alike (spawnWorker). A worker that dies fails only its own requests and is replaced.
 */
export class PredictPool {
  private readonly members: Member[] = []
  private nextId = 0
  private closed = false
  /** A serial number per loaded model object: a model reloaded (a new threshold, say) is a new one. */
  private readonly keys = new WeakMap<LoadedModel, number>()
  /** Each model's trees in shared memory, laid out once. */
  private readonly forests = new WeakMap<LoadedModel, ShapForestHandle>()
  private nextKey = 0

  private constructor(threads: number) {
    for (let i = 0; i < threads; i++) this.members.push(this.spawn(i + 1))
  }

  /** Starts `threads` workers (1 to MAX_PREDICT_THREADS). */
  static start(threads: number): PredictPool {
    if (!Number.isInteger(threads) || threads < 1 || threads > MAX_PREDICT_THREADS) {
      throw new RangeError(`PredictPool: ${threads} threads; 1 to ${MAX_PREDICT_THREADS}`)
    }
    return new PredictPool(threads)
  }

  /** Scores a resolved request on the least busy worker: exact reasons, or with `reasons: false` the decision alone. */
  score(request: ScoreRequest, reasons: boolean): Promise<Omit<ScoreResult, 'Audit_Id'> | ScoreDecision> {
    if (this.closed) return Promise.reject(new Error('the /predict workers were stopped'))
    const member = this.members.reduce((best, m) => (m.busy < best.busy ? m : best))
    const key = this.send(member, request.model)
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      member.pending.set(id, { resolve, reject })
      member.busy++
      const message: PredictWorkerMessage = {
        kind: 'score',
        id,
        key,
        fields: request.fields,
        context: request.context,
        reasons
      }
      member.worker.postMessage(message)
    })
  }

  /** Lays out a model's trees and sends it to every worker now, so the first request does not wait for it. */
  warm(model: LoadedModel): void {
    for (const member of this.members) this.send(member, model)
  }

  /** Stops every worker; requests still pending are rejected. */
  async close(): Promise<void> {
    this.closed = true
    const stopped = new Error('the /predict workers were stopped')
    for (const m of this.members) this.failAll(m, stopped)
    await Promise.allSettled(this.members.map((m) => m.worker.terminate()))
  }

  /** Makes sure `member` holds the model (sending it the first time) and returns its key. */
  private send(member: Member, model: LoadedModel): number {
    let key = this.keys.get(model)
    if (key === undefined) {
      key = this.nextKey++
      this.keys.set(model, key)
    }
    if (member.models.includes(key)) return key
    let forest = this.forests.get(model)
    if (!forest) {
      forest = shapForestOf(model.ensemble, model.shap ?? prepareForestShap(model.ensemble)).handle()
      this.forests.set(model, forest)
    }
    const message: PredictWorkerMessage = {
      kind: 'model',
      key,
      id: model.id,
      artifact: model.artifact,
      forest
    }
    member.worker.postMessage(message)
    member.models.push(key)
    if (member.models.length > MODELS_PER_WORKER) {
      const drop: PredictWorkerMessage = { kind: 'drop', key: member.models.shift()! }
      member.worker.postMessage(drop)
    }
    return key
  }

  private spawn(slot: number): Member {
    const worker = spawnWorker({ name: 'predictWorker', dir: __dirname }, { slot }, WORKER_LIMITS)
    const member: Member = { worker, slot, busy: 0, models: [], pending: new Map() }
    worker.on('message', (reply: PredictWorkerReply) => {
      const waiting = member.pending.get(reply.id)
      if (!waiting) return
      member.pending.delete(reply.id)
      member.busy--
      if ('result' in reply) waiting.resolve(reply.result)
      else waiting.reject(fromThreadError(reply.error))
    })
    worker.on('error', (error: Error) => this.replace(member, error))
    worker.on('exit', (code) => {
      if (code !== 0)
        this.replace(member, new Error(`a /predict worker stopped unexpectedly (exit code ${code})`))
    })
    // An idle pool must not keep the process alive (the server's own handle does).
    worker.unref()
    return member
  }

  /** Fails a dead worker's requests and starts another in its place (same slot: the dead one no longer uses it). */
  private replace(member: Member, error: Error): void {
    const index = this.members.indexOf(member)
    this.failAll(member, error)
    if (this.closed || index < 0) return
    void member.worker.terminate()
    this.members[index] = this.spawn(member.slot)
  }

  private failAll(member: Member, error: Error): void {
    for (const waiting of member.pending.values()) waiting.reject(error)
    member.pending.clear()
    member.busy = 0
  }
}
