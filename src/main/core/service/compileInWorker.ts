import { fromThreadError, type ThreadError } from '../base/errors'
import { spawnWorker } from '../base/spawnWorker'
import type { ModelArtifact } from '../model/ModelArtifact'
import { CompiledForest, type CompiledForestHandle } from '../scoring/CompiledForest'
import type { BatchModel } from '../scoring/scoreCsvFile'

/** What compileWorker is started with. */
export interface CompileWorkerInit {
  dbPath: string
  nativeBinding?: string
  modelId: number
}

/** compileWorker → caller, once. */
export type CompileWorkerReply =
  | { type: 'done'; id: number; name: string; artifact: ModelArtifact; forest: CompiledForestHandle }
  | { type: 'error'; error: ThreadError }

/**
 * Prepares a stored model for batch files on a short-lived worker thread. Compiling reads
 * the forest as one BLOB of tens of MB and walks every tree: garbage that the calling
 * thread, which allocates little during a batch, would keep for the whole run (measured:
 * 67 MB of a 1M-row batch's peak). The worker's memory goes back when it ends; the
 * compiled trees stay, in the shared memory it hands back.
 */
export function compileInWorker(init: CompileWorkerInit): Promise<BatchModel> {
  return new Promise<BatchModel>((resolve, reject) => {
    let settled = false
    const worker = spawnWorker({ name: 'compileWorker', dir: __dirname }, init)
    worker.once('message', (reply: CompileWorkerReply) => {
      settled = true
      if (reply.type === 'done') {
        const { id, name, artifact } = reply
        resolve({ id, name, artifact, compiled: CompiledForest.attach(reply.forest, 0) })
      } else reject(fromThreadError(reply.error))
    })
    worker.once('error', (error) => {
      settled = true
      reject(error)
    })
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the model compiling thread stopped (exit code ${code})`))
    })
  })
}
