import type { Worker } from 'node:worker_threads'
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

/** Opens the file on a read-only connection of its own, checks it whole (checkWholeFile) and closes it. */
export function checkFileWhole({ file, nativeBinding }: WholeFileCheckInit): void {
  const db = openDatabase(file, { nativeBinding, readonly: true, verify: false })
  try {
    checkWholeFile(db, file)
  } finally {
    db.close()
  }
}

/** A whole-file check under way (checkWholeFileAside). */
export interface WholeFileCheck {
  /** Resolves when the file is sound; rejects with DATABASE_FILE when it is damaged. */
  done: Promise<void>
  /** Ends a check no one waits for any more (its thread stops; `done` rejects). */
  stop(): void
}

/**
 * The whole-file check of a database (checkWholeFile) on a thread of its own, with its own
 * read-only connection, while the caller works: opening a store with the check reads every
 * page (0.15 s for the bench's 77 MB store, 0.26 s for a 354 MB one from the page cache,
 * more from disk) before a batch can start, though a batch writes only at its end. The caller
 * awaits `done` before it writes anything, so a damaged file is still never written to.
 * Should the thread fail to run, the file is checked on the calling thread instead.
 */
export function checkWholeFileAside(init: WholeFileCheckInit): WholeFileCheck {
  if (init.file === ':memory:') return { done: Promise.resolve(), stop: () => undefined }
  let stop = (): void => undefined
  const done = new Promise<void>((resolve, reject) => {
    let settled = false
    const settle = (finish: () => void): void => {
      if (settled) return
      settled = true
      finish()
    }
    const fallBack = (): void =>
      settle(() => {
        try {
          checkFileWhole(init)
          resolve()
        } catch (error) {
          reject(error)
        }
      })
    let worker: Worker
    try {
      worker = spawnWorker({ name: 'wholeFileCheckWorker', dir: __dirname }, init)
    } catch {
      return fallBack()
    }
    stop = () =>
      settle(() => {
        void worker.terminate()
        reject(new Error('the whole-file check was stopped'))
      })
    worker.once('message', (reply: WholeFileCheckReply) =>
      settle(() => (reply.type === 'sound' ? resolve() : reject(fromThreadError(reply.error))))
    )
    worker.once('error', fallBack)
    worker.once('exit', fallBack)
  })
  // Claimed here: a caller meets a rejection where it awaits `done`.
  done.catch(() => undefined)
  return { done, stop: () => stop() }
}
