import { parentPort } from 'node:worker_threads'
import type { Rng } from '../core/random'
import { growForestTree, treeResultBuffers, type ForestWorkerReply, type ForestWorkerRequest } from '../core/ml/forest'
import { createTreeLearner, type GrownTree } from '../core/ml/treeLearner'

/**
 * Forest worker: receives the binned training data once (shared memory, in the 'init'
 * message, so the thread can start up while the main thread is still binning), then grows
 * the trees it is asked for, one message per tree, and transfers each tree back.
 */
const port = parentPort
if (port === null) throw new Error('forestWorker must run as a worker thread')

let learn: ((rng: Rng) => GrownTree) | null = null
let seed = 0

port.on('message', (request: ForestWorkerRequest) => {
  try {
    if (request.type === 'init') {
      learn = createTreeLearner(request.data, request.params)
      seed = request.seed
      return
    }
    if (learn === null) throw new Error('asked to grow a tree before receiving the training data')
    const result = growForestTree(learn, seed, request.index)
    const reply: ForestWorkerReply = { type: 'tree', index: request.index, result }
    port.postMessage(reply, treeResultBuffers(result))
  } catch (e) {
    const reply: ForestWorkerReply = { type: 'error', message: e instanceof Error ? e.message : String(e) }
    port.postMessage(reply)
  }
})
