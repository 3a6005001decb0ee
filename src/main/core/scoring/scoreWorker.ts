import { parentPort, workerData } from 'node:worker_threads'
import { toThreadError } from '../base/errors'
import { ChunkScorer } from './ChunkScorer'
import { CompiledForest } from './CompiledForest'
import type { ScoreWorkerInit, ScoreWorkerReply, ScoreWorkerRequest } from './ScoringWorkers'

/**
 * Batch scoring worker: attaches to the compiled forest the coordinator shares (no copy of
 * the model), then scores the chunks it is sent, one at a time and in order, moving each
 * result's buffers back (see ScoringWorkers).
 */
const port = parentPort
if (port === null) throw new Error('scoreWorker must run as a worker thread')
const init = workerData as ScoreWorkerInit
const scorer = new ChunkScorer(init.artifact, CompiledForest.attach(init.forest, init.slot), init.plan)

port.on('message', ({ id, chunk }: ScoreWorkerRequest) => {
  let reply: ScoreWorkerReply
  try {
    const result = scorer.score(chunk)
    reply = { id, result }
    port.postMessage(reply, [result.output.buffer as ArrayBuffer])
  } catch (e) {
    reply = { id, error: toThreadError(e) }
    port.postMessage(reply)
  }
})
