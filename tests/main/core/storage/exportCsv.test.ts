import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { CancelledError } from '../../../../src/main/core/base/errors'
import { exportDatasetCsv } from '../../../../src/main/core/storage/exportCsv'
import { importCsv } from '../../../../src/main/core/storage/importCsv'
import { openDatabase } from '../../../../src/main/core/storage/openDatabase'
import { useTempDir } from '../../../helpers/tempDir'

describe('exportDatasetCsv', () => {
  const tmp = useTempDir()

  /** Imports `csv` (target Default) and returns the database and the dataset's id. */
  async function imported(csv: string) {
    const db = openDatabase(tmp.path('w.db'))
    const { dataset } = await importCsv(db, { path: tmp.write('in.csv', csv), target: 'Default' })
    return { db, id: dataset.id }
  }

  it('writes the original columns in order, missing values as empty fields, formulas neutralised', async () => {
    const { db, id } = await imported(
      ['Note,=Risk,Amount,Default', '=1+1,a,-250,1', '@SUM(A1),b,,0', 'plain,c,12.5,1'].join('\n')
    )
    const { rows } = await exportDatasetCsv(db, id, tmp.path('out.csv'))
    expect(rows).toBe(3)
    expect(readFileSync(tmp.path('out.csv'), 'utf8')).toBe(
      ["Note,'=Risk,Amount,Default", "'=1+1,a,-250,1", "'@SUM(A1),b,,0", 'plain,c,12.5,1', ''].join('\n')
    )
    await exportDatasetCsv(db, id, tmp.path('raw.csv'), { raw: true })
    expect(readFileSync(tmp.path('raw.csv'), 'utf8')).toBe(
      ['Note,=Risk,Amount,Default', '=1+1,a,-250,1', '@SUM(A1),b,,0', 'plain,c,12.5,1', ''].join('\n')
    )
    db.close()
  })

  it('writes more rows than one buffer of 5,000, and leaves no file when cancelled', async () => {
    const lines = ['Id,Amount,Default', ...Array.from({ length: 12001 }, (_, i) => `x${i},${i},${i % 2}`)]
    const { db, id } = await imported(lines.join('\n'))
    const { rows } = await exportDatasetCsv(db, id, tmp.path('big.csv'))
    expect(rows).toBe(12001)
    const out = readFileSync(tmp.path('big.csv'), 'utf8').split('\n')
    expect([out.length, out[0], out[5000], out[5001], out[12001]]).toEqual([
      12003,
      'Id,Amount,Default',
      'x4999,4999,1',
      'x5000,5000,0',
      'x12000,12000,0'
    ])
    const signal = AbortSignal.abort()
    await expect(exportDatasetCsv(db, id, tmp.path('gone.csv'), { signal })).rejects.toBeInstanceOf(
      CancelledError
    )
    expect(() => readFileSync(tmp.path('gone.csv'))).toThrow()
    db.close()
  })

  it('refuses to export when cancelled before the first 5,000 rows are written', async () => {
    const { db, id } = await imported(['Id,Default', 'a,1', 'b,0'].join('\n'))
    await expect(
      exportDatasetCsv(db, id, tmp.path('small.csv'), { signal: AbortSignal.abort() })
    ).rejects.toBeInstanceOf(CancelledError)
    expect(existsSync(tmp.path('small.csv'))).toBe(false)
    db.close()
  })

  it('names the CSV export and the protected file when it refuses a path', async () => {
    const { db, id } = await imported(['Id,Default', 'a,1', 'b,0'].join('\n'))
    mkdirSync(tmp.path('folder'))
    await expect(exportDatasetCsv(db, id, tmp.path('folder'))).rejects.toThrow(
      'not a file; the CSV export is written only to an ordinary file'
    )
    const protect = [{ path: tmp.path('w.db'), what: 'the workbench database' }]
    await expect(exportDatasetCsv(db, id, tmp.path('w.db'), { protect })).rejects.toThrow(
      `${tmp.path('w.db')}: this is the workbench database; writing the CSV export there would destroy it. Choose another file name.`
    )
    db.close()
  })
})
