import { parentPort, workerData } from 'node:worker_threads'
import {
  growForestTree,
  treeResultBuffers,
  type ForestWorkerData,
  type ForestWorkerReply,
  type ForestWorkerRequest
} from '../core/ml/forest'
import { createTreeLearner } from '../core/ml/treeLearner'

/**
 * Forest worker: receives the binned training data once (shared memory), then grows the
 * trees it is asked for, one message per tree, and transfers each tree back.
 */
const port = parentPort
if (port === null) throw new Error('forestWorker must run as a worker thread')
const { data, params, seed } = workerData as ForestWorkerData
const learn = createTreeLearner(data, params)

port.on('message', (request: ForestWorkerRequest) => {
  let reply: ForestWorkerReply
  try {
    const result = growForestTree(learn, seed, request.index)
    reply = { type: 'tree', index: request.index, result }
    port.postMessage(reply, treeResultBuffers(result))
  } catch (e) {
    reply = { type: 'error', message: e instanceof Error ? e.message : String(e) }
    port.postMessage(reply)
  }
})
