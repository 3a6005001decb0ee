import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { migrations } from './migrations'

/** Raised when the database file cannot be used; the message says what to do. */
export class DatabaseFileError extends Error {
  constructor(
    message: string,
    readonly file: string
  ) {
    super(message)
    this.name = 'DatabaseFileError'
  }
}

export interface OpenDatabaseOptions {
  /** Path of the native addon built for the running runtime (Electron in development). */
  nativeBinding?: string
  readonly?: boolean
}

/**
 * Opens (creating if needed) the workbench database: WAL journal, foreign keys on,
 * an integrity check, then every pending migration, each in its own transaction.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Database.Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
  let db: Database.Database
  try {
    db = new Database(file, { nativeBinding: options.nativeBinding, readonly: options.readonly ?? false })
  } catch (error) {
    throw new DatabaseFileError(
      `${file}: cannot open the database (${(error as Error).message}). Check the path and its permissions, or choose another file with --db.`,
      file
    )
  }
  try {
    db.pragma('foreign_keys = ON')
    db.pragma('busy_timeout = 10000')
    if (!options.readonly) {
      db.pragma('journal_mode = WAL')
      db.pragma('synchronous = NORMAL')
    }
    // quick_check is the cheap form of integrity_check (no index cross-check): it finds
    // a torn or foreign file at open, before anything is written to it.
    const check = db.pragma('quick_check', { simple: true })
    if (check !== 'ok') {
      throw new DatabaseFileError(
        `${file}: the database is damaged (${String(check)}). Restore it from a backup or start a new file with --db.`,
        file
      )
    }
    if (!options.readonly) migrate(db, file)
    return db
  } catch (error) {
    db.close()
    if (error instanceof DatabaseFileError) throw error
    throw new DatabaseFileError(
      `${file}: not a workbench database (${(error as Error).message}). Choose another file with --db.`,
      file
    )
  }
}

function migrate(db: Database.Database, file: string): void {
  const current = db.pragma('user_version', { simple: true }) as number
  const latest = migrations[migrations.length - 1].version
  if (current > latest) {
    throw new DatabaseFileError(
      `${file}: this database was written by a newer version of the workbench (schema ${current}, this version knows ${latest}). Update the application.`,
      file
    )
  }
  for (const migration of migrations) {
    if (migration.version <= current) continue
    db.transaction(() => {
      migration.up(db)
      db.pragma(`user_version = ${migration.version}`)
    })()
  }
}
