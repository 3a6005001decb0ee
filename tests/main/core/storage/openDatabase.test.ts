import { describe, expect, it } from 'vitest'
import { classifyError } from '../../../../src/main/core/base/classifyError'
import { migrations } from '../../../../src/main/core/storage/migrations'
import { openDatabase } from '../../../../src/main/core/storage/openDatabase'
import { damageFillerTable } from '../../../helpers/damagedDatabase'
import { useTempDir } from '../../../helpers/tempDir'

describe('openDatabase', () => {
  const tmp = useTempDir()

  it('creates the schema with WAL and foreign keys, and records the last migration in user_version', () => {
    const db = openDatabase(tmp.path('a.db'))
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.pragma('user_version', { simple: true })).toBe(migrations[migrations.length - 1].version)
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
      name: string
    }[]
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['datasets', 'dataset_columns']))
    db.close()
  })

  it('reopens an existing database without re-running migrations', () => {
    const file = tmp.path('b.db')
    const first = openDatabase(file)
    first.prepare("INSERT INTO settings (key, value) VALUES ('k', 'v')").run()
    first.close()
    const second = openDatabase(file)
    expect(second.prepare('SELECT value FROM settings WHERE key = ?').get('k')).toEqual({ value: 'v' })
    second.close()
  })

  it('refuses a file that is not a SQLite database, saying what to do', () => {
    const file = tmp.write('junk.db', Buffer.alloc(8192, 0x41))
    expect(() => openDatabase(file)).toThrow(expect.objectContaining({ code: 'DATABASE_FILE' }))
    expect(() => openDatabase(file)).toThrow(/--db/)
  })

  it('refuses a database written by a newer version of the workbench', () => {
    const file = tmp.path('newer.db')
    const db = openDatabase(file)
    db.pragma('user_version = 999')
    db.close()
    expect(() => openDatabase(file)).toThrow(/newer version/)
  })

  /** A database whose table `filler` has a page overwritten with garbage. */
  const damagedDatabase = (name: string): string => damageFillerTable(tmp.path(name))

  it('refuses a damaged database file', () => {
    const file = damagedDatabase('damaged.db')
    expect(() => openDatabase(file)).toThrow(expect.objectContaining({ code: 'DATABASE_FILE' }))
  })

  it('opens without the whole-file check for a reader, which still fails on the damaged pages it reads', () => {
    const file = damagedDatabase('damaged-reader.db')
    const db = openDatabase(file, { verify: false })
    // The catalog pages are sound: what a listing reads works.
    expect(db.prepare('SELECT count(*) AS n FROM datasets').get()).toEqual({ n: 0 })
    let failure: unknown
    try {
      db.prepare('SELECT count(*) AS n, max(length(x)) AS m FROM filler').get()
    } catch (error) {
      failure = error
    }
    db.close()
    expect(classifyError(failure, { database: file }).code).toBe('DATABASE_FILE')
  })
})
