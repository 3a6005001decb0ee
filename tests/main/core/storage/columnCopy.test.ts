import { stringify } from 'csv-stringify/sync'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Table } from '../../../../src/main/core/data/Table'
import { Workbench } from '../../../../src/main/core/service/Workbench'
import { DatasetRepo } from '../../../../src/main/core/storage/DatasetRepo'
import { importCsv } from '../../../../src/main/core/storage/importCsv'
import { openDatabase } from '../../../../src/main/core/storage/openDatabase'
import { useTempDir } from '../../../helpers/tempDir'

/** loadTable twice: from the columnar copy, then (the copy deleted) from the rows themselves. */
function bothWays(repo: DatasetRepo, db: ReturnType<typeof openDatabase>, id: number): [Table, Table] {
  const fromCopy = repo.loadTable(id)
  db.prepare('DELETE FROM dataset_column_data WHERE dataset_id = ?').run(id)
  return [fromCopy, repo.loadTable(id)]
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

const cell = fc.oneof(
  fc.constantFrom('', 'NA', 'null', '-', '0', '-0', '1e400', '₹1,50,000', '(500)', '12.5%', 'None', 'none'),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
  fc.integer({ min: -50, max: 50 }).map(String),
  fc.constantFrom('North', 'South', 'North ', ' south', 'Ünïcödé', '贷款', 'a,b', 'x"y', '007', '7')
)

describe('the columnar copy of a dataset', () => {
  const tmp = useTempDir()

  it('loads a generated dataset exactly as its rows do', async () => {
    const service = Workbench.open(tmp.path('g.db'))
    const dataset = await service.generateDataset({ rows: 3000, seed: 9, defaultRate: 0.2 })
    const [fromCopy, fromRows] = bothWays(service.datasets, service.db, dataset.id)
    expect(plain(fromCopy)).toEqual(plain(fromRows))
    service.close()
  })

  it('loads any imported file exactly as its rows do: numbers, missing cells, categories, the target, the lines', async () => {
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
        async (rows) => {
          const text = stringify([['a', 'b', 'c', 'd', 'Target'], ...rows.map(([cells, t]) => [...cells, t])])
          const file = tmp.write(`copy-${run}.csv`, text)
          const db = openDatabase(tmp.path(`copy-${run++}.db`))
          try {
            const outcome = await importCsv(db, { path: file, target: 'Target', positive: 'yes' }).catch(
              (e: unknown) => e
            )
            if (outcome instanceof Error) return
            const { dataset } = outcome as Awaited<ReturnType<typeof importCsv>>
            const [fromCopy, fromRows] = bothWays(new DatasetRepo(db), db, dataset.id)
            expect(plain(fromCopy)).toEqual(plain(fromRows))
          } finally {
            db.close()
          }
        }
      ),
      { numRuns: 40, seed: 21 }
    )
  })

  it('goes with its dataset when the dataset is deleted', async () => {
    const service = Workbench.open(tmp.path('d.db'))
    const dataset = await service.generateDataset({ rows: 200, seed: 1 })
    service.deleteDataset(dataset.id)
    expect(service.db.prepare('SELECT count(*) AS n FROM dataset_column_data').get()).toEqual({ n: 0 })
    service.close()
  })
})
