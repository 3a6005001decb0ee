import type Database from 'better-sqlite3'
import { classifyError } from '../core/base/classifyError'
import { WorkbenchError } from '../core/base/errors'
import type { AuditRepo, ScoreAuditEntry } from '../core/storage/AuditRepo'

export interface AuditQueueOptions {
  /** How long a record may wait for another program's write lock before its request is refused (503). */
  deadlineMs?: number
  /** Pause between attempts while the database is locked. */
  retryMs?: number
}

interface Waiting {
  entry: ScoreAuditEntry
  since: number
  resolve: (id: number) => void
  reject: (error: Error) => void
}

/**
 * Writes /predict's audit records without ever blocking the event loop on another
 * program's write lock. better-sqlite3 is synchronous: a busy_timeout would freeze every
 * request (and /health) for as long as it waits. Instead each attempt runs with
 * busy_timeout 0; while the lock is held the records wait here and are retried every
 * `retryMs`, written together in one transaction when it frees. A request is answered only
 * after its record is committed (so no decision ever leaves without its audit record, and
 * a process that dies before the commit has answered nothing); a record still waiting
 * after `deadlineMs` fails with DATABASE_BUSY, which /predict answers 503 with Retry-After.
 */
export class AuditQueue {
  private readonly waiting: Waiting[] = []
  private timer: NodeJS.Timeout | undefined
  private readonly deadlineMs: number
  private readonly retryMs: number

  constructor(
    private readonly db: Database.Database,
    private readonly audit: AuditRepo,
    options: AuditQueueOptions = {}
  ) {
    this.deadlineMs = options.deadlineMs ?? 5000
    this.retryMs = options.retryMs ?? 50
  }

  /** Writes the record (now, or as soon as the lock frees) and resolves to its id. */
  record(entry: ScoreAuditEntry): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      this.waiting.push({ entry, since: Date.now(), resolve, reject })
      if (this.timer === undefined) this.flush()
    })
  }

  /** Records still waiting for the lock. */
  get pending(): number {
    return this.waiting.length
  }

  /** Stops retrying: records still waiting fail as DATABASE_BUSY (their requests were not answered). */
  close(): void {
    if (this.timer !== undefined) clearTimeout(this.timer)
    this.timer = undefined
    for (const w of this.waiting.splice(0)) w.reject(busy())
  }

  private flush(): void {
    this.timer = undefined
    if (this.waiting.length === 0) return
    const batch = this.waiting.splice(0)
    try {
      const ids = this.withoutWaiting(() =>
        this.db.transaction(() => batch.map((w) => this.audit.recordScore(w.entry))).immediate()
      )
      batch.forEach((w, i) => w.resolve(ids[i]))
    } catch (error) {
      const code = classifyError(error).code
      if (code !== 'DATABASE_BUSY') {
        for (const w of batch) w.reject(error as Error)
      } else {
        const now = Date.now()
        for (const w of batch) {
          if (now - w.since >= this.deadlineMs) w.reject(busy())
          else this.waiting.push(w)
        }
      }
    }
    if (this.waiting.length > 0) this.timer = setTimeout(() => this.flush(), this.retryMs)
  }

  /** Runs `write` with busy_timeout 0, so a held lock fails at once instead of blocking the thread. */
  private withoutWaiting<T>(write: () => T): T {
    const previous = this.db.pragma('busy_timeout', { simple: true }) as number
    this.db.pragma('busy_timeout = 0')
    try {
      return write()
    } finally {
      this.db.pragma(`busy_timeout = ${previous}`)
    }
  }
}

function busy(): WorkbenchError {
  return new WorkbenchError(
    'DATABASE_BUSY',
    'The database is busy: another program (the app importing or training, say) holds it for writing, so this score could not be recorded and was not given. Try again shortly.'
  )
}
