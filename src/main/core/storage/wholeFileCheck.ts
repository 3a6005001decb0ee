import { fromThreadError, type ThreadError } from '../base/errors'
import { spawnWorker } from '../base/spawnWorker'
import { checkWholeFile, openDatabase } from './openDatabase'

/** What wholeFileCheckWorker is started with. */
export interface WholeFileCheckInit {
  file: string
  nativeBinding?: string
}

/** wholeFileCheckWorker → caller, once. */
export type WholeFileCheckReply = { type: 'sound' } | { type: 'error'; error: ThreadError }

/**
 * The whole-file check of a database (checkWholeFile) on a thread of its own, with its own
 * read-only connection, while the caller works: opening a store with the check takes ~2 ms
 * per MB (0.15 s for the bench's store, half a second for one holding a million-row dataset)
 * before a batch can start, though a batch writes only at its end. The promise resolves when
 * the file is sound and rejects with DATABASE_FILE when it is damaged; the caller awaits it
 * before it writes anything, so a damaged file is still never written to. Should the thread
 * fail to run, the file is checked on the calling thread instead.
 */
export function checkWholeFileAside(init: WholeFileCheckInit): Promise<void> {
  if (init.file === ':memory:') return Promise.resolve()
  const checkHere = (): void => {
    const db = openDatabase(init.file, { nativeBinding: init.nativeBinding, readonly: true, verify: false })
    try {
      checkWholeFile(db, init.file)
    } finally {
      db.close()
    }
  }
  return new Promise<void>((resolve, reject) => {
    let settled = false
    const settle = (finish: () => void): void => {
      if (settled) return
      settled = true
      finish()
    }
    const fallBack = (): void =>
      settle(() => {
        try {
          checkHere()
          resolve()
        } catch (error) {
          reject(error)
        }
      })
    let worker
    try {
      worker = spawnWorker({ name: 'wholeFileCheckWorker', dir: __dirname }, init)
    } catch {
      return fallBack()
    }
    worker.once('message', (reply: WholeFileCheckReply) =>
      settle(() => (reply.type === 'sound' ? resolve() : reject(fromThreadError(reply.error))))
    )
    worker.once('error', fallBack)
    worker.once('exit', fallBack)
  })
}
