import { mkdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { WorkbenchError } from '../../../../src/main/core/base/errors'
import { openDatabase } from '../../../../src/main/core/storage/openDatabase'
import { useTempDir } from '../../../helpers/tempDir'

/** The WorkbenchError openDatabase throws for `file`, as code, message and details. */
function refusal(file: string): { code: string; message: string; details: unknown } {
  try {
    openDatabase(file).close()
  } catch (error) {
    if (error instanceof WorkbenchError)
      return { code: error.code, message: error.message, details: error.details }
    throw error
  }
  throw new Error(`${file} was opened`)
}

describe('openDatabase, the location and the connection settings', () => {
  const tmp = useTempDir()

  it('refuses a folder as the database file, saying to choose a file', () => {
    const folder = tmp.path('folder.db')
    mkdirSync(folder)
    expect(refusal(folder)).toEqual({
      code: 'DATABASE_FILE',
      message: `${folder}: this is a folder, not a database file. Choose a file with --db.`,
      details: { file: folder }
    })
  })

  it('refuses a path through a file, naming the system error and what it means', () => {
    const file = tmp.write('plain', 'not a folder')
    for (const [path, errno] of [
      [`${file}/w.db`, 'EEXIST'],
      [`${file}/sub/w.db`, 'ENOTDIR']
    ])
      expect(refusal(path)).toEqual({
        code: 'PATH_INVALID',
        message: `${path}: cannot use this database location: a part of the path is a file, not a folder. Choose another file with --db.`,
        details: { file: path, errno }
      })
  })

  it('creates missing folders on the way to a new database', () => {
    const db = openDatabase(tmp.path('a/b/c/w.db'))
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThan(0)
    db.close()
  })

  it('waits 10 s for a lock by default, the whole milliseconds asked otherwise, never less than 0', () => {
    const file = tmp.path('w.db')
    const writer = openDatabase(file)
    expect([
      writer.pragma('busy_timeout', { simple: true }),
      writer.pragma('journal_mode', { simple: true }),
      writer.pragma('synchronous', { simple: true }),
      writer.pragma('foreign_keys', { simple: true })
    ]).toEqual([10000, 'wal', 1, 1])
    writer.close()
    const quick = openDatabase(file, { busyTimeoutMs: 250.4 })
    expect(quick.pragma('busy_timeout', { simple: true })).toBe(250)
    quick.close()
    const reader = openDatabase(file, { readonly: true, busyTimeoutMs: -5 })
    expect([reader.pragma('busy_timeout', { simple: true }), reader.readonly]).toEqual([0, true])
    reader.close()
  })
})
