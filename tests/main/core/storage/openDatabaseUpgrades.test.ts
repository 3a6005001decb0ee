import Database from 'better-sqlite3'
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { WorkbenchError } from '../../../../src/main/core/base/errors'
import { migrations } from '../../../../src/main/core/storage/migrations'
import { openDatabase } from '../../../../src/main/core/storage/openDatabase'
import { useTempDir } from '../../../helpers/tempDir'

const LATEST = migrations[migrations.length - 1].version

/** What openDatabase threw (it must throw). */
function refusal(open: () => unknown): WorkbenchError {
  try {
    open()
  } catch (error) {
    if (error instanceof WorkbenchError) return error
    throw error
  }
  throw new Error('openDatabase did not refuse')
}

describe('openDatabase: upgrades, readers and refusals', () => {
  const tmp = useTempDir()

  /** A workbench database whose user_version says it stopped before the last migration. */
  function databaseAt(version: number, name: string): string {
    const file = tmp.path(name)
    const db = openDatabase(file)
    db.pragma(`user_version = ${version}`)
    db.close()
    return file
  }

  it('runs only the migrations newer than the file: one written by the previous version gains the last one alone', () => {
    // The last migration only bumps the version; re-running the one before it would create
    // its table a second time and fail, and so would re-running them all.
    const file = databaseAt(LATEST - 1, 'previous.db')
    const db = openDatabase(file)
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST)
    db.close()
  })

  it('leaves a reader’s file as it found it: no migration, no journal-mode change', () => {
    const file = tmp.path('plain.db')
    const plain = new Database(file)
    plain.pragma('journal_mode = DELETE')
    plain.pragma(`user_version = ${LATEST - 1}`)
    plain.close()
    const reader = openDatabase(file, { readonly: true })
    expect(reader.pragma('user_version', { simple: true })).toBe(LATEST - 1)
    expect(reader.pragma('journal_mode', { simple: true })).toBe('delete')
    reader.close()
  })

  it('says a damaged file is damaged and to restore it from a backup, not that it is foreign', () => {
    const file = tmp.path('damaged.db')
    const db = openDatabase(file)
    db.exec('CREATE TABLE filler (x TEXT)')
    const insert = db.prepare('INSERT INTO filler VALUES (?)')
    for (let i = 0; i < 2000; i++) insert.run('x'.repeat(200))
    db.pragma('wal_checkpoint(TRUNCATE)')
    const pageSize = db.pragma('page_size', { simple: true }) as number
    const pages = db.pragma('page_count', { simple: true }) as number
    db.close()
    // Garbage over a page of the table, past the catalog: the file still opens as SQLite.
    const bytes = new Database(file).serialize()
    bytes.fill(0xff, (pages - 20) * pageSize, (pages - 19) * pageSize)
    writeFileSync(file, bytes)
    const error = refusal(() => openDatabase(file))
    expect(error.code).toBe('DATABASE_FILE')
    expect(error.message.startsWith(`${file}: the database is damaged (`)).toBe(true)
    expect(error.message.endsWith('). Restore it from a backup or start a new file with --db.')).toBe(true)
  })

  it('calls a file that is not SQLite a foreign file, quoting SQLite, and says to choose another', () => {
    const file = tmp.write('junk.db', Buffer.alloc(8192, 0x41))
    const error = refusal(() => openDatabase(file))
    expect(error.code).toBe('DATABASE_FILE')
    expect(error.message).toBe(
      `${file}: not a workbench database (file is not a database). Choose another file with --db.`
    )
  })

  it('reports a database another connection is writing as busy, not as a foreign file', () => {
    const file = databaseAt(LATEST - 1, 'busy.db')
    const writer = new Database(file)
    writer.prepare('BEGIN IMMEDIATE').run()
    try {
      // The pending migration needs the write lock the other connection holds.
      const error = refusal(() => openDatabase(file, { busyTimeoutMs: 0 }))
      expect(error.code).toBe('DATABASE_BUSY')
      expect(error.message).toContain('another program')
    } finally {
      writer.prepare('ROLLBACK').run()
      writer.close()
    }
  })

  it('names the folder a file stands in for, and the loop of a path whose links go round', () => {
    const blocker = tmp.write('not-a-folder', 'x')
    const throughFile = refusal(() => openDatabase(join(blocker, 'ptm.db')))
    expect(throughFile.code).toBe('PATH_INVALID')
    expect(throughFile.message).toBe(
      `${join(blocker, 'ptm.db')}: cannot use this database location: a part of the path is a file, not a folder. Choose another file with --db.`
    )
    const loops = tmp.path('loops')
    mkdirSync(loops)
    symlinkSync(join(loops, 'a'), join(loops, 'b'))
    symlinkSync(join(loops, 'b'), join(loops, 'a'))
    const looping = refusal(() => openDatabase(join(loops, 'a', 'ptm.db')))
    expect(looping.message).toContain(`${join(loops, 'a', 'ptm.db')}: cannot use this database location: `)
    expect(looping.message).toMatch(/Choose another file with --db\.$/)
  })
})
