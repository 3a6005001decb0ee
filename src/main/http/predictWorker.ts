import { parentPort, workerData } from 'node:worker_threads'
import { toThreadError } from '../core/base/errors'
import { ShapForest } from '../core/scoring/ShapForest'
import { scoreDecisionOnly, scoreOne, type ScoreOneModel } from '../core/scoring/scoreOne'
import type { PredictWorkerInit, PredictWorkerMessage, PredictWorkerReply } from './PredictPool'

/**
 * A /predict worker thread: holds the models it is sent (each artifact, and the trees
 * attached from the serving thread's shared memory with this worker's own scratch slot,
 * never copied) and scores the requests it is sent, one at a time, with exact reasons or
 * without (see PredictPool).
 */
const port = parentPort
if (port === null) throw new Error('predictWorker must run as a worker thread')
const { slot } = workerData as PredictWorkerInit
const models = new Map<number, ScoreOneModel>()

port.on('message', (message: PredictWorkerMessage) => {
  if (message.kind === 'model') {
    const { key, id, artifact, forest } = message
    models.set(key, { id, artifact, exact: ShapForest.attach(forest, slot) })
    return
  }
  if (message.kind === 'drop') {
    models.delete(message.key)
    return
  }
  let reply: PredictWorkerReply
  try {
    const model = models.get(message.key)
    if (!model) throw new Error(`predictWorker: model ${message.key} was never sent to this worker`)
    const result = message.reasons
      ? scoreOne(model, message.fields, message.context)
      : scoreDecisionOnly(model, message.fields, message.context)
    reply = { id: message.id, result }
  } catch (error) {
    reply = { id: message.id, error: toThreadError(error) }
  }
  port.postMessage(reply)
})
