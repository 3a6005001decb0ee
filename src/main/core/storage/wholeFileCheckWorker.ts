import { parentPort, workerData } from 'node:worker_threads'
import { toThreadError } from '../base/errors'
import { checkFileWhole, type WholeFileCheckInit, type WholeFileCheckReply } from './wholeFileCheck'

/** Checks one database file whole on a read-only connection of its own (see checkWholeFileAside), and ends. */
let reply: WholeFileCheckReply
try {
  checkFileWhole(workerData as WholeFileCheckInit)
  reply = { type: 'sound' }
} catch (e) {
  reply = { type: 'error', error: toThreadError(e) }
}
parentPort?.postMessage(reply)
