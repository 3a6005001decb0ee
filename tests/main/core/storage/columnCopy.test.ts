import { readFileSync } from 'node:fs'
import { stringify } from 'csv-stringify/sync'
import type Database from 'better-sqlite3'
import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Table } from '../../../../src/main/core/data/Table'
import { Workbench } from '../../../../src/main/core/service/Workbench'
import { DatasetRepo, DatasetWriter } from '../../../../src/main/core/storage/DatasetRepo'
import { exportDatasetCsv } from '../../../../src/main/core/storage/exportCsv'
import { importCsv } from '../../../../src/main/core/storage/importCsv'
import { openDatabase } from '../../../../src/main/core/storage/openDatabase'
import { writeRowsTable } from '../../../helpers/storedDatasets'
import { useTempDir } from '../../../helpers/tempDir'

type Cell = string | number | null

/** Records every row the import or generator hands the writer (cells copied, with its line). */
function recordAppendedRows(): { cells: Cell[][]; lines: number[] } {
  const recorded = { cells: [] as Cell[][], lines: [] as number[] }
  const appendRow = DatasetWriter.prototype.appendRow
  vi.spyOn(DatasetWriter.prototype, 'appendRow').mockImplementation(function (
    this: DatasetWriter,
    cells: ArrayLike<Cell>,
    line: number
  ) {
    recorded.cells.push(Array.from(cells))
    recorded.lines.push(line)
    appendRow.call(this, cells, line)
  })
  return recorded
}

/** A table as plain arrays (NaN kept), for a deep comparison. */
function plain(table: Table): unknown {
  return {
    ...table,
    target: [...table.target],
    lines: [...table.lines],
    columns: table.columns.map((c) =>
      c.kind === 'numeric' ? { ...c, values: [...c.values] } : { ...c, codes: [...c.codes] }
    )
  }
}

/**
 * The checks every stored dataset must pass: its rows come back exactly as they were written,
 * and it loads into the same table as the same rows in a rows table (the reader of datasets
 * written before migration 12, which read every row through SQL).
 */
function expectStoredAsWritten(
  db: Database.Database,
  id: number,
  written: { cells: Cell[][]; lines: number[] },
  targetNumeric: boolean
): void {
  const repo = new DatasetRepo(db)
  expect([...repo.iterateRows(id)]).toEqual(written.cells)
  const fromColumns = repo.loadTable(id)
  expect([...fromColumns.lines]).toEqual(written.lines)
  writeRowsTable(db, id, written, targetNumeric)
  expect(plain(repo.loadTable(id))).toEqual(plain(fromColumns))
  expect([...repo.iterateRows(id)]).toEqual(written.cells)
}

const cell = fc.oneof(
  fc.constantFrom('', 'NA', 'null', '-', '0', '-0', '1e400', '₹1,50,000', '(500)', '12.5%', 'None', 'none'),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
  fc.integer({ min: -50, max: 50 }).map(String),
  fc.constantFrom('North', 'South', 'North ', ' south', 'Ünïcödé', '贷款', 'a,b', 'x"y', '007', '7')
)

describe('a dataset stored as its columns', () => {
  const tmp = useTempDir()
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('gives back a generated dataset row for row, and loads as its rows would', async () => {
    const service = Workbench.open(tmp.path('g.db'))
    const written = recordAppendedRows()
    const dataset = await service.generateDataset({ rows: 3000, seed: 9, defaultRate: 0.2 })
    expect(written.cells).toHaveLength(3000)
    expectStoredAsWritten(service.db, dataset.id, written, true)
    service.close()
  })

  it('gives back any imported file row for row (numbers, missing cells, text, the target, the lines), and loads as its rows would', async () => {
    let run = 0
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(fc.array(cell, { minLength: 4, maxLength: 4 }), fc.constantFrom('yes', 'no', 'NA')),
          {
            minLength: 1,
            maxLength: 40
          }
        ),
        fc.boolean(),
        async (rows, numericTarget) => {
          const outcome = (t: string): string => (numericTarget ? { yes: '1', no: '0', NA: 'NA' }[t]! : t)
          const text = stringify([
            ['a', 'b', 'c', 'd', 'Target'],
            ...rows.map(([cells, t]) => [...cells, outcome(t)])
          ])
          const file = tmp.write(`copy-${run}.csv`, text)
          const db = openDatabase(tmp.path(`copy-${run++}.db`))
          vi.restoreAllMocks()
          const written = recordAppendedRows()
          try {
            const result = await importCsv(db, {
              path: file,
              target: 'Target',
              positive: outcome('yes')
            }).catch((e: unknown) => e)
            if (result instanceof Error) return
            const { dataset } = result as Awaited<ReturnType<typeof importCsv>>
            expect(written.cells).toHaveLength(dataset.rows)
            expectStoredAsWritten(db, dataset.id, written, numericTarget)
          } finally {
            db.close()
          }
        }
      ),
      { numRuns: 40, seed: 21 }
    )
  })

  for (const surveyOnThreadFromBytes of [0, Infinity]) {
    it(`codes an identifier column by first appearance, its values repeated or not (survey ${surveyOnThreadFromBytes === 0 ? 'on a thread' : 'in line'})`, async () => {
      const db = openDatabase(tmp.path(`id-${surveyOnThreadFromBytes}.db`))
      // Ref: 300 references over 400 rows, some twice (an identifier by its many levels);
      // ID: unique per row. Worked out here, in order of first appearance.
      const refs = Array.from({ length: 400 }, (_, i) => `R${i < 300 ? i : (i * 7) % 300}`)
      const levels = [...new Set(refs)]
      const file = tmp.write(
        `ids-${surveyOnThreadFromBytes}.csv`,
        'ID,Ref,Amount,Default\n' +
          refs.map((ref, i) => `ID${i},${ref},${i},${i % 5 === 0 ? 1 : 0}`).join('\n')
      )
      const { dataset } = await importCsv(db, { path: file, target: 'Default', surveyOnThreadFromBytes })
      const table = new DatasetRepo(db).loadTable(dataset.id)
      const [id, ref] = table.columns
      expect([id.kind, ref.kind]).toEqual(['identifier', 'identifier'])
      if (id.kind === 'numeric' || ref.kind === 'numeric') throw new Error('text columns expected')
      expect(id.levels).toEqual(refs.map((_, i) => `ID${i}`))
      expect([...id.codes]).toEqual(refs.map((_, i) => i))
      expect(ref.levels).toEqual(levels)
      expect([...ref.codes]).toEqual(refs.map((r) => levels.indexOf(r)))
      db.close()
    })
  }

  it('exports the cells of the file it was imported from', async () => {
    const db = openDatabase(tmp.path('e.db'))
    const file = tmp.write(
      'loans.csv',
      'ID,Age,Region,Status\nA1,30,North,Charged Off\nA2,,South,Fully Paid\nA3,41.5,,Fully Paid\n'
    )
    const { dataset } = await importCsv(db, { path: file, target: 'Status', positive: 'Charged Off' })
    await exportDatasetCsv(db, dataset.id, tmp.path('out.csv'))
    expect(readFileSync(tmp.path('out.csv'), 'utf8')).toBe(
      'ID,Age,Region,Status\nA1,30,North,Charged Off\nA2,,South,Fully Paid\nA3,41.5,,Fully Paid\n'
    )
    expect(new DatasetRepo(db).loadTable(dataset.id).target).toEqual(Uint8Array.from([1, 0, 0]))
    db.close()
  })

  it('reads a dataset written before migration 12: its rows table, and a copy with the target as 0/1 bytes', async () => {
    const db = openDatabase(tmp.path('old.db'))
    const file = tmp.write('old.csv', 'Age,Region,Default\n30,North,yes\n,South,no\n52,,yes\n')
    const written = recordAppendedRows()
    const { dataset } = await importCsv(db, { path: file, target: 'Default', positive: 'yes' })
    writeRowsTable(db, dataset.id, written, false)
    // The copy of format 1 as that version wrote it, beside its rows table.
    const insert = db.prepare(
      'INSERT INTO dataset_column_data (dataset_id, position, format, data, levels) VALUES (?, ?, 1, ?, ?)'
    )
    const bytes = (a: Float64Array | Int32Array | Uint8Array): Buffer => Buffer.from(a.buffer)
    insert.run(dataset.id, 0, bytes(Float64Array.from([30, NaN, 52])), null)
    insert.run(dataset.id, 1, bytes(Int32Array.from([0, 1, -1])), '["North","South"]')
    insert.run(dataset.id, 2, bytes(Uint8Array.from([1, 0, 1])), null)
    insert.run(dataset.id, -1, bytes(Int32Array.from([2, 3, 4])), null)
    const repo = new DatasetRepo(db)
    const table = repo.loadTable(dataset.id)
    expect([...table.target]).toEqual([1, 0, 1])
    expect(table.columns.map((c) => c.name)).toEqual(['Age', 'Region'])
    expect([...table.lines]).toEqual([2, 3, 4])
    expect([...repo.iterateRows(dataset.id)]).toEqual([
      [30, 'North', 'yes'],
      [null, 'South', 'no'],
      [52, null, 'yes']
    ])
    db.close()
  })

  it('goes with its dataset when the dataset is deleted', async () => {
    const service = Workbench.open(tmp.path('d.db'))
    const dataset = await service.generateDataset({ rows: 200, seed: 1 })
    service.deleteDataset(dataset.id)
    expect(service.db.prepare('SELECT count(*) AS n FROM dataset_column_data').get()).toEqual({ n: 0 })
    service.close()
  })
})
