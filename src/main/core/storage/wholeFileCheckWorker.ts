import { parentPort, workerData } from 'node:worker_threads'
import { toThreadError } from '../base/errors'
import { checkWholeFile, openDatabase } from './openDatabase'
import type { WholeFileCheckInit, WholeFileCheckReply } from './wholeFileCheck'

/** Checks one database file whole on a read-only connection of its own (see checkWholeFileAside), and ends. */
const { file, nativeBinding } = workerData as WholeFileCheckInit
let reply: WholeFileCheckReply
try {
  const db = openDatabase(file, { nativeBinding, readonly: true, verify: false })
  try {
    checkWholeFile(db, file)
    reply = { type: 'sound' }
  } finally {
    db.close()
  }
} catch (e) {
  reply = { type: 'error', error: toThreadError(e) }
}
parentPort?.postMessage(reply)
