import type Database from 'better-sqlite3'

/** One numbered schema step, applied once inside a transaction. */
export interface Migration {
  version: number
  name: string
  up(db: Database.Database): void
}
