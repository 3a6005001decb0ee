import { parentPort, workerData } from 'node:worker_threads'
import { toThreadError } from '../../base/errors'
import { trainGbm } from './trainGbm'
import { gbmResultBuffers, type GbmWorkerInit, type GbmWorkerReply } from './trainGbmInWorker'

/**
 * Boosting worker: trains one model (the data arrives as its start-up data) and sends it
 * back, its trees' buffers moved rather than copied, with a progress message per round.
 */
const port = parentPort
if (port === null) throw new Error('gbmWorker must run as a worker thread')
const init = workerData as GbmWorkerInit

trainGbm(init.columns, init.y, init.options, init.validation, {
  onProgress: (done, total) => port.postMessage({ type: 'progress', done, total } satisfies GbmWorkerReply)
}).then(
  (result) => port.postMessage({ type: 'done', result } satisfies GbmWorkerReply, gbmResultBuffers(result)),
  (e: unknown) => port.postMessage({ type: 'error', error: toThreadError(e) } satisfies GbmWorkerReply)
)
