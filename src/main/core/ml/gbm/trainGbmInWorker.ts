import type { Worker } from 'node:worker_threads'
import { fromThreadError, type ThreadError } from '../../base/errors'
import { spawnWorker } from '../../base/spawnWorker'
import { abortError, type GbmOptions, type GbmTrainer, type GbmValidation, type TrainedGbm } from './trainGbm'

/** What a boosting worker (gbmWorker.ts) is started with. */
export interface GbmWorkerInit {
  columns: Float64Array[]
  y: Uint8Array
  options: GbmOptions
  validation: GbmValidation | null
}

/** Worker → main. */
export type GbmWorkerReply =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; result: TrainedGbm }
  | { type: 'error'; error: ThreadError }

/** Buffers of a trained model, to move rather than copy across threads. */
export function gbmResultBuffers(result: TrainedGbm): ArrayBuffer[] {
  const buffers: ArrayBuffer[] = [result.ensemble.featureImportance.buffer as ArrayBuffer]
  for (const t of result.ensemble.trees) {
    for (const a of [t.feature, t.threshold, t.missingLeft, t.left, t.right, t.value, t.cover])
      buffers.push(a.buffer as ArrayBuffer)
  }
  if (result.validationLoss) buffers.push(result.validationLoss.buffer as ArrayBuffer)
  return buffers
}

/**
 * trainGbm on a worker thread of its own, with the same result (the same code on the same
 * data): the calling thread stays free, and the pipeline can fit several cross-fitting
 * folds at once. The data is copied to the worker, not moved (the caller keeps it).
 * Settles after the worker has ended; an abort terminates it.
 */
export const trainGbmInWorker: GbmTrainer = (columns, y, options, validation = null, hooks = {}) =>
  new Promise<TrainedGbm>((resolve, reject) => {
    const { signal, onProgress } = hooks
    if (signal?.aborted) {
      reject(abortError())
      return
    }
    let settled = false
    let worker: Worker | null = null
    const settle = (outcome: { result: TrainedGbm } | { error: Error }): void => {
      if (settled) return
      settled = true
      signal?.removeEventListener('abort', onAbort)
      const stopped = worker ? worker.terminate() : Promise.resolve(0)
      void stopped.then(() => ('result' in outcome ? resolve(outcome.result) : reject(outcome.error)))
    }
    const onAbort = (): void => settle({ error: abortError() })
    signal?.addEventListener('abort', onAbort, { once: true })
    const init: GbmWorkerInit = { columns, y, options, validation }
    try {
      worker = spawnWorker({ name: 'gbmWorker', dir: __dirname }, init)
    } catch (e) {
      settle({ error: e instanceof Error ? e : new Error(String(e)) })
      return
    }
    worker.on('message', (reply: GbmWorkerReply) => {
      if (reply.type === 'progress') onProgress?.(reply.done, reply.total)
      else if (reply.type === 'done') settle({ result: reply.result })
      else settle({ error: fromThreadError(reply.error) })
    })
    worker.on('error', (e: Error) => settle({ error: e }))
    worker.on('exit', (code) =>
      settle({ error: new Error(`boosting worker exited with code ${code} before sending its model`) })
    )
  })
