import Database from 'better-sqlite3'
import { mkdirSync, statSync } from 'node:fs'
import { dirname } from 'node:path'
import { classifyError, systemProblem } from '../base/classifyError'
import { WorkbenchError } from '../base/errors'
import { migrations } from './migrations'

/** The database file cannot be used (DATABASE_FILE); the message says what to do. */
function databaseFileError(message: string, file: string): WorkbenchError {
  return new WorkbenchError('DATABASE_FILE', message, { file })
}

/** How long a statement waits for another connection's write lock before SQLITE_BUSY. */
const DEFAULT_BUSY_TIMEOUT_MS = 10_000

export interface OpenDatabaseOptions {
  /** Path of the native addon built for the running runtime (Electron in development). */
  nativeBinding?: string
  readonly?: boolean
  /**
   * Wait for another connection's lock at most this long (default DEFAULT_BUSY_TIMEOUT_MS).
   * better-sqlite3 waits synchronously: a server keeps it short so its event loop never stalls.
   */
  busyTimeoutMs?: number
  /**
   * Read every page at open (quick_check) to refuse a damaged file before anything is
   * written to it (default true). It costs ~2 ms per MB of database, so a connection that
   * only reads may skip it: SQLite still refuses each damaged page it reads
   * (SQLITE_CORRUPT, reported as DATABASE_FILE). A database that needs a migration is
   * always checked first.
   */
  verify?: boolean
}

/**
 * Opens (creating if needed) the workbench database: WAL journal, foreign keys on,
 * an integrity check (see OpenDatabaseOptions.verify), then every pending migration,
 * each in its own transaction.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Database.Database {
  if (file !== ':memory:') prepareLocation(file)
  let db: Database.Database
  try {
    db = new Database(file, { nativeBinding: options.nativeBinding, readonly: options.readonly ?? false })
  } catch (error) {
    throw databaseFileError(
      `${file}: cannot open the database (${(error as Error).message}). Check the path and its permissions, or choose another file with --db.`,
      file
    )
  }
  try {
    db.pragma('foreign_keys = ON')
    db.pragma(`busy_timeout = ${Math.max(0, Math.round(options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS))}`)
    if (!options.readonly) {
      db.pragma('journal_mode = WAL')
      db.pragma('synchronous = NORMAL')
    }
    const pending = !options.readonly && schemaVersion(db, file) < LATEST_VERSION
    if ((options.verify ?? true) || pending) checkWholeFile(db, file)
    if (pending) migrate(db)
    return db
  } catch (error) {
    db.close()
    if (error instanceof WorkbenchError) throw error
    // A lock held elsewhere, a full disk or a read-only folder is not a foreign file.
    const known = classifyError(error, { database: file })
    if (known.code !== 'INTERNAL' && known.code !== 'DATABASE_FILE')
      throw new WorkbenchError(known.code, known.message, known.details)
    throw databaseFileError(
      `${file}: not a workbench database (${(error as Error).message}). Choose another file with --db.`,
      file
    )
  }
}

/**
 * Reads every page of the database (quick_check, the cheap form of integrity_check: no
 * index cross-check) and throws DATABASE_FILE when it finds a torn or foreign file: done
 * before anything is written to it.
 */
export function checkWholeFile(db: Database.Database, file: string): void {
  const check = db.pragma('quick_check', { simple: true })
  if (check !== 'ok') {
    throw databaseFileError(
      `${file}: the database is damaged (${String(check)}). Restore it from a backup or start a new file with --db.`,
      file
    )
  }
}

/**
 * Creates the database's folder and refuses a path that is not a file: SQLite would
 * block on a FIFO, and a device or folder is never a database.
 */
function prepareLocation(file: string): void {
  try {
    mkdirSync(dirname(file), { recursive: true })
    const info = statSync(file, { throwIfNoEntry: false })
    if (info && !info.isFile()) {
      throw databaseFileError(
        `${file}: this is ${info.isDirectory() ? 'a folder' : 'a device, pipe or socket'}, not a database file. Choose a file with --db.`,
        file
      )
    }
  } catch (error) {
    if (error instanceof WorkbenchError) throw error
    const errno = (error as NodeJS.ErrnoException).code ?? ''
    // mkdir says EEXIST when a file stands where a folder of the path should be.
    const known = systemProblem(errno === 'EEXIST' ? 'ENOTDIR' : errno)
    throw new WorkbenchError(
      known?.code ?? 'DATABASE_FILE',
      `${file}: cannot use this database location: ${known?.problem ?? (error as Error).message}. Choose another file with --db.`,
      { file, ...(errno ? { errno } : {}) }
    )
  }
}

const LATEST_VERSION = migrations[migrations.length - 1].version

/** The database's schema version; refuses one written by a newer version of the workbench. */
function schemaVersion(db: Database.Database, file: string): number {
  const current = db.pragma('user_version', { simple: true }) as number
  if (current > LATEST_VERSION) {
    throw databaseFileError(
      `${file}: this database was written by a newer version of the workbench (schema ${current}, this version knows ${LATEST_VERSION}). Update the application.`,
      file
    )
  }
  return current
}

function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number
  for (const migration of migrations) {
    if (migration.version <= current) continue
    db.transaction(() => {
      migration.up(db)
      db.pragma(`user_version = ${migration.version}`)
    })()
  }
}
