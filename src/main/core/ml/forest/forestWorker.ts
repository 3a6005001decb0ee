import { parentPort } from 'node:worker_threads'
import {
  growForestTree,
  treeResultBuffers,
  type ForestWorkerInit,
  type ForestWorkerReply
} from './trainForest'
import { createTreeLearner } from './treeLearner'

/**
 * Forest worker: receives the binned training data once (shared memory; sent after start-up
 * so that the thread loads while the main thread is still binning), then claims tree indices
 * from the shared counter until none are left, transferring each tree back as it is done.
 */
const port = parentPort
if (port === null) throw new Error('forestWorker must run as a worker thread')

port.once('message', (init: ForestWorkerInit) => {
  try {
    const learn = createTreeLearner(init.data, init.params)
    for (
      let index = Atomics.add(init.nextTree, 0, 1);
      index < init.numTrees;
      index = Atomics.add(init.nextTree, 0, 1)
    ) {
      const result = growForestTree(learn, init.seed, index)
      const reply: ForestWorkerReply = { type: 'tree', index, result }
      port.postMessage(reply, treeResultBuffers(result))
    }
  } catch (e) {
    const reply: ForestWorkerReply = { type: 'error', message: e instanceof Error ? e.message : String(e) }
    port.postMessage(reply)
  }
})
