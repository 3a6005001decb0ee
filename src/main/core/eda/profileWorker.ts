import { parentPort, workerData } from 'node:worker_threads'
import { toThreadError } from '../base/errors'
import type { ProfileWorkerInit, ProfileWorkerReply } from './profileInWorkers'
import { profileColumn } from './profileTable'

/** Profiles the numeric columns it is given (see profileTableInWorkers) and ends. */
const init = workerData as ProfileWorkerInit
let reply: ProfileWorkerReply
try {
  reply = {
    type: 'done',
    profiles: init.columns.map(({ index, name, values }) => ({
      index,
      profile: profileColumn({ name, kind: 'numeric', values }, init.target)
    }))
  }
} catch (e) {
  reply = { type: 'error', error: toThreadError(e) }
}
parentPort?.postMessage(reply)
