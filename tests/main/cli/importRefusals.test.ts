import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { importCsv } from '../../../src/main/core/storage/importCsv'
import { openDatabase } from '../../../src/main/core/storage/openDatabase'
import { oneLine, ptm } from '../../helpers/runPtm'
import { useTempDir } from '../../helpers/tempDir'

const LOANS = 'Age,Region,Default\n30,North,0\n41,South,1\n52,North,0\n'

/** How many datasets the database holds (a refused import must leave none behind). */
function datasetCount(db: string): number {
  const handle = new Database(db, { readonly: true })
  try {
    return (handle.prepare('SELECT COUNT(*) AS n FROM datasets').get() as { n: number }).n
  } finally {
    handle.close()
  }
}

describe('ptm import refuses what cannot be a loan dataset, and stores nothing', () => {
  const tmp = useTempDir()

  it('refuses a target column that holds one value, naming the file, the column and the value', async () => {
    const file = tmp.write('all-repaid.csv', 'Age,Region,Default\n30,North,0\n41,South,0\n52,North,0\n')
    const db = tmp.path('w.db')
    const run = await ptm(db, 'import', file, '--target', 'Default')
    expect(run.code).toBe(1)
    expect(oneLine(run.stderr)).toBe(
      'ptm: all-repaid.csv: the target column "Default" holds only one value ("0"); a model needs both defaulted and repaid loans.'
    )
    expect(datasetCount(db)).toBe(0)
  })

  it('refuses a one-valued target even when --positive names that value', async () => {
    const file = tmp.write('all-bad.csv', 'Age,Status\n30,bad\n41,bad\n')
    const run = await ptm(tmp.path('w.db'), 'import', file, '--target', 'Status', '--positive', 'bad')
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('holds only one value ("bad")')
  })

  it('refuses --kind for a column the file does not have, naming it', async () => {
    const file = tmp.write('loans.csv', LOANS)
    const db = tmp.path('w.db')
    const run = await ptm(db, 'import', file, '--target', 'Default', '--kind', 'Regoin=categorical')
    expect(run.code).toBe(1)
    expect(oneLine(run.stderr)).toBe(
      'ptm: loans.csv: --kind names "Regoin", which is not a column of the file.'
    )
    expect(datasetCount(db)).toBe(0)
  })

  it('refuses a --kind that is not numeric, categorical or identifier', async () => {
    const file = tmp.write('loans.csv', LOANS)
    const run = await ptm(tmp.path('w.db'), 'import', file, '--target', 'Default', '--kind', 'Region=text')
    expect(run.code).not.toBe(0)
    expect(run.stderr).toContain('--kind Region=text: the kind must be numeric, categorical or identifier.')
  })

  it('applies a --kind for a column the file has', async () => {
    const file = tmp.write('loans.csv', LOANS)
    const db = tmp.path('w.db')
    const run = await ptm(db, 'import', file, '--target', 'Default', '--kind', 'Age=categorical', '--json')
    expect(run.code, run.stderr).toBe(0)
    const handle = openDatabase(db)
    try {
      const columns = handle.prepare('SELECT name, kind FROM dataset_columns ORDER BY position').all()
      expect(columns).toEqual([
        { name: 'Age', kind: 'categorical' },
        { name: 'Region', kind: 'categorical' },
        { name: 'Default', kind: 'target' }
      ])
    } finally {
      handle.close()
    }
  })
})

describe('importCsv (the core every adapter calls) refuses the same', () => {
  const tmp = useTempDir()

  it('refuses a one-valued target and an unknown --kind column with an input error', async () => {
    const db = openDatabase(tmp.path('w.db'))
    try {
      const oneValued = tmp.write('one.csv', 'x,y\n1,1\n2,1\n')
      await expect(importCsv(db, { path: oneValued, target: 'y' })).rejects.toMatchObject({
        code: 'INPUT_ERROR',
        message: expect.stringContaining('holds only one value') as unknown
      })
      const loans = tmp.write('loans.csv', LOANS)
      await expect(
        importCsv(db, { path: loans, target: 'Default', kinds: { Nope: 'numeric' } })
      ).rejects.toMatchObject({ code: 'INPUT_ERROR', message: expect.stringContaining('"Nope"') as unknown })
      expect((db.prepare('SELECT COUNT(*) AS n FROM datasets').get() as { n: number }).n).toBe(0)
    } finally {
      db.close()
    }
  })
})
