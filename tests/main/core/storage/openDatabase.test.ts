import { closeSync, openSync, writeSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { migrations } from '../../../../src/main/core/storage/migrations'
import { openDatabase } from '../../../../src/main/core/storage/openDatabase'
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

  it('refuses a damaged database file', () => {
    const file = tmp.path('damaged.db')
    const db = openDatabase(file)
    db.exec('CREATE TABLE filler (x TEXT)')
    const insert = db.prepare('INSERT INTO filler VALUES (?)')
    for (let i = 0; i < 2000; i++) insert.run('x'.repeat(200))
    db.pragma('wal_checkpoint(TRUNCATE)')
    db.close()
    // Overwrite a page in the middle of the file with garbage.
    const fd = openSync(file, 'r+')
    writeSync(fd, Buffer.alloc(4096, 0xff), 0, 4096, 4096 * 5)
    closeSync(fd)
    expect(() => openDatabase(file)).toThrow(expect.objectContaining({ code: 'DATABASE_FILE' }))
  })
})
