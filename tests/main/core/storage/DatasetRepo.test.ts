import type Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ColumnSpec, NumericColumn, TextColumn } from '../../../../src/main/core/data/Table'
import { DatasetRepo, type DatasetMeta } from '../../../../src/main/core/storage/DatasetRepo'
import { openDatabase } from '../../../../src/main/core/storage/openDatabase'
import type { ImportReport } from '../../../../src/shared/dto'
import { writeRowsTable } from '../../../helpers/storedDatasets'

const META: DatasetMeta = {
  name: 'branch file',
  source: 'imported',
  sourceFile: 'branch.csv',
  targetColumn: 'Default',
  positiveClass: 'yes'
}
const SPECS: ColumnSpec[] = [
  { name: 'amount', kind: 'numeric' },
  { name: 'Default', kind: 'target' },
  { name: 'region', kind: 'categorical' }
]

/** An import report for `rows` rows read, `rejected` of them refused. */
function report(rows: number, rejected = 0): ImportReport {
  return { rowsRead: rows, rowsImported: rows - rejected, rowsRejected: rejected, rejected: [], warnings: [] }
}

describe('DatasetRepo', () => {
  let db: Database.Database
  let repo: DatasetRepo
  beforeEach(() => {
    db = openDatabase(':memory:')
    repo = new DatasetRepo(db)
  })
  afterEach(() => db.close())

  /** The rows as stored, in insertion order: the line, then the cells. */
  const storedRows = (id: number): unknown[][] => {
    const lines = repo.loadTable(id).lines
    return [...repo.iterateRows(id)].map((cells, r) => [lines[r], ...cells])
  }

  describe('DatasetWriter', () => {
    it('keeps every row in order with its line, past the columns’ first 1,024 rows', () => {
      const writer = repo.create(META, SPECS, false)
      const n = 1024 + 5
      for (let i = 0; i < n; i++)
        writer.appendRow([i, i % 4 === 0 ? 'yes' : 'no', i % 2 ? 'N' : null], 10 + i)
      expect(writer.rowCount).toBe(n)
      const summary = writer.commit(report(n + 1, 1))
      const rows = storedRows(summary.id)
      expect(rows).toHaveLength(n)
      expect(rows[0]).toEqual([10, 0, 'yes', null])
      expect(rows[1023]).toEqual([1033, 1023, 'no', 'N'])
      expect(rows[1024]).toEqual([1034, 1024, 'yes', null])
      expect(rows[n - 1]).toEqual([10 + n - 1, n - 1, 'yes', null])
      expect(rows.map((r) => r[0])).toEqual(Array.from({ length: n }, (_, i) => 10 + i))
      // 0, 4, …, 1028: 258 rows of 1,029 are positive.
      expect(summary).toMatchObject({ rows: n, positiveCount: 258, rejectedRows: 1, defaultRate: 258 / n })
    })

    it('appends several rows with their lines in one call, copying each row’s cells', () => {
      const writer = repo.create(META, SPECS, false)
      const row: (string | number | null)[] = [1, 'yes', 'a']
      writer.appendRow(row, 2)
      row[0] = 99
      writer.append(
        [
          [2, 'no', 'b'],
          [3, 'yes', null]
        ],
        [5, 7]
      )
      const { id } = writer.commit(report(3))
      expect(storedRows(id)).toEqual([
        [2, 1, 'yes', 'a'],
        [5, 2, 'no', 'b'],
        [7, 3, 'yes', null]
      ])
    })

    it('stores a numeric target as numbers and counts the number equal to the positive class', () => {
      const writer = repo.create({ ...META, positiveClass: '1' }, SPECS, true)
      writer.append(
        [
          [1, 1, 'a'],
          [2, 0, 'a'],
          [3, '1', 'a'],
          [4, 1.5, 'a']
        ],
        [2, 3, 4, 5]
      )
      const summary = writer.commit(report(4))
      expect(summary).toMatchObject({ positiveCount: 2, defaultRate: 0.5 })
      expect([...repo.iterateRows(summary.id)].map((r) => r[1])).toEqual([1, 0, 1, 1.5])
      expect([...repo.loadTable(summary.id).target]).toEqual([1, 0, 1, 0])
    })

    it('keeps a text target as text: "1.0" is not the positive class "1"', () => {
      const writer = repo.create({ ...META, positiveClass: '1' }, SPECS, false)
      writer.append(
        [
          [1, '1', 'a'],
          [2, '1.0', 'a']
        ],
        [2, 3]
      )
      const summary = writer.commit(report(2))
      expect(summary.positiveCount).toBe(1)
      expect([...repo.iterateRows(summary.id)].map((r) => r[1])).toEqual(['1', '1.0'])
      expect([...repo.loadTable(summary.id).target]).toEqual([1, 0])
    })

    it('writes and reads back 1,092 columns', () => {
      const wide: ColumnSpec[] = [
        { name: 'Default', kind: 'target' },
        ...Array.from({ length: 1091 }, (_, i) => ({ name: `x${i}`, kind: 'numeric' as const }))
      ]
      const writer = repo.create(META, wide, false)
      for (let r = 0; r < 60; r++)
        writer.appendRow(['no', ...Array.from({ length: 1091 }, (_, i) => r + i)], r + 2)
      const { id, rows, columns } = writer.commit(report(60))
      expect([rows, columns]).toEqual([60, 1092])
      expect(storedRows(id)[59].slice(0, 4)).toEqual([61, 'no', 59, 60])
    })

    it('records the hash known only at the end, and the report', () => {
      const writer = repo.create({ ...META, sourceSha256: 'early' }, SPECS, false)
      writer.appendRow([1, 'yes', 'a'], 2)
      const first = writer.commit({ ...report(2, 1), warnings: ['w'] }, 'f'.repeat(64))
      expect(first.sourceSha256).toBe('f'.repeat(64))
      expect(repo.get(first.id).importReport).toEqual({ ...report(2, 1), warnings: ['w'] })
      const other = repo.create({ ...META, sourceSha256: 'early' }, SPECS, false).commit(report(0))
      expect(other.sourceSha256).toBe('early')
    })

    it('leaves nothing behind on rollback, which may be called twice, and refuses rows after it', () => {
      const writer = repo.create(META, SPECS, false)
      writer.appendRow([1, 'yes', 'a'], 2)
      writer.rollback()
      writer.rollback()
      expect(db.inTransaction).toBe(false)
      expect(repo.list()).toEqual([])
      expect(db.prepare('SELECT count(*) AS n FROM dataset_columns').get()).toEqual({ n: 0 })
      expect(() => writer.appendRow([1, 'yes', 'a'], 3)).toThrow('DatasetWriter: already closed')
      expect(() => writer.commit(report(1))).toThrow('DatasetWriter: already closed')
    })

    it('writes its settled columns only while open', () => {
      const writer = repo.create(META, SPECS, false)
      writer.appendRow([1, 'yes', 'a'], 2)
      writer.writeSettledColumns()
      expect(() => writer.appendRow([2, 'no', 'b'], 3)).toThrow(/rows added after the columns were written/)
      writer.rollback()
      expect(() => writer.writeSettledColumns()).toThrow('DatasetWriter: already closed')
      expect(db.prepare('SELECT count(*) AS n FROM dataset_column_data').get()).toEqual({ n: 0 })
    })

    it('rolls back quietly when its transaction was already ended', () => {
      const writer = repo.create(META, SPECS, false)
      db.exec('ROLLBACK')
      expect(() => writer.rollback()).not.toThrow()
      expect(repo.list()).toEqual([])
    })

    it('refuses rows and a second commit after a commit; rollback then changes nothing', () => {
      const writer = repo.create(META, SPECS, false)
      writer.appendRow([1, 'yes', 'a'], 2)
      const { id } = writer.commit(report(1))
      expect(() => writer.appendRow([2, 'no', 'b'], 3)).toThrow('DatasetWriter: already closed')
      expect(() => writer.commit(report(1))).toThrow('DatasetWriter: already closed')
      db.exec('BEGIN')
      writer.rollback()
      expect(db.inTransaction).toBe(true)
      db.exec('COMMIT')
      expect(repo.get(id).rows).toBe(1)
    })

    it('refuses columns without a target, and more than 1,999 columns naming the file', () => {
      expect(() => repo.create(META, [{ name: 'a', kind: 'numeric' }], false)).toThrow(
        'DatasetWriter: no target column among the columns'
      )
      const specs = (n: number): ColumnSpec[] => [
        { name: 'Default', kind: 'target' },
        ...Array.from({ length: n - 1 }, (_, i) => ({ name: `x${i}`, kind: 'numeric' as const }))
      ]
      expect(() => repo.create(META, specs(2000), false)).toThrow(
        expect.objectContaining({
          code: 'TOO_MANY_COLUMNS',
          message:
            "branch.csv: 2000 columns; a dataset holds at most 1999 (SQLite's limit of 2000 columns per table, one kept for the line number). Remove the columns you do not need and import again.",
          details: { columns: 2000, limit: 1999 }
        })
      )
      expect(() => repo.create({ ...META, sourceFile: undefined }, specs(2000), false)).toThrow(
        /^branch file: 2000 columns/
      )
      expect(db.inTransaction).toBe(false)
      const writer = repo.create(META, specs(1999), false)
      expect(writer.commit(report(0)).columns).toBe(1999)
    })

    it('rolls back and closes when its columns cannot be recorded', () => {
      db.exec(
        "CREATE TRIGGER full BEFORE INSERT ON dataset_columns BEGIN SELECT RAISE(ABORT, 'disk full'); END"
      )
      expect(() => repo.create(META, SPECS, false)).toThrow(/disk full/)
      expect(db.inTransaction).toBe(false)
      expect(repo.list()).toEqual([])
    })
  })

  describe('the catalog', () => {
    it('lists datasets by id with their summary; a dataset without rows has a default rate of 0', () => {
      const empty = repo.create(
        { ...META, name: 'empty', sourceFile: undefined, params: { seed: 4 } },
        SPECS,
        false
      )
      empty.commit(report(0))
      const full = repo.create(META, SPECS, false)
      full.append(
        [
          [1, 'yes', 'a'],
          [2, 'no', 'a'],
          [3, 'no', 'a'],
          [4, 'no', 'a']
        ],
        [2, 3, 4, 5]
      )
      full.commit(report(4))
      expect(repo.list()).toEqual([
        {
          id: 1,
          name: 'empty',
          source: 'imported',
          sourceFile: null,
          sourceSha256: null,
          rows: 0,
          columns: 3,
          targetColumn: 'Default',
          positiveClass: 'yes',
          positiveCount: 0,
          defaultRate: 0,
          rejectedRows: 0,
          createdAt: expect.any(String)
        },
        expect.objectContaining({
          id: 2,
          rows: 4,
          positiveCount: 1,
          defaultRate: 0.25,
          sourceFile: 'branch.csv'
        })
      ])
      expect(repo.get(1)).toMatchObject({ columnSpecs: SPECS, params: { seed: 4 } })
      expect(repo.latest()).toMatchObject({ id: 2 })
    })

    it('has no latest dataset and refuses an unknown one', () => {
      expect(repo.latest()).toBeUndefined()
      expect(() => repo.get(3)).toThrow(
        expect.objectContaining({
          code: 'NOT_FOUND',
          message: 'There is no dataset 3. List the datasets with "ptm datasets".'
        })
      )
      expect(() => repo.delete(3)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }))
    })

    it('refuses to read a dataset whose stored columns are gone or damaged, naming it and what to do', () => {
      const damages = [
        'DELETE FROM dataset_column_data WHERE dataset_id = ?',
        "UPDATE dataset_column_data SET data = X'00' WHERE dataset_id = ? AND position = 0"
      ]
      for (const damage of damages) {
        const writer = repo.create(META, SPECS, false)
        writer.appendRow([1, 'yes', 'a'], 2)
        const { id } = writer.commit(report(1))
        db.prepare(damage).run(id)
        const refusal = expect.objectContaining({
          code: 'DATABASE_FILE',
          message: `Dataset ${id}: its stored columns are missing or damaged. Import its file again, or restore the database from a backup.`
        })
        expect(() => repo.loadTable(id)).toThrow(refusal)
        expect(() => [...repo.iterateRows(id)]).toThrow(refusal)
      }
    })

    it('deletes a dataset with its columns and their data', () => {
      const writer = repo.create(META, SPECS, false)
      writer.appendRow([1, 'yes', 'a'], 2)
      const { id } = writer.commit(report(1))
      repo.delete(id)
      expect(repo.list()).toEqual([])
      expect(db.prepare('SELECT count(*) AS n FROM dataset_columns').get()).toEqual({ n: 0 })
      expect(db.prepare('SELECT count(*) AS n FROM dataset_column_data').get()).toEqual({ n: 0 })
    })

    it('deletes a dataset written before migration 12 with its rows table', () => {
      const writer = repo.create(META, SPECS, false)
      writer.appendRow([1, 'yes', 'a'], 2)
      const { id } = writer.commit(report(1))
      writeRowsTable(db, id, { cells: [[1, 'yes', 'a']], lines: [2] }, false)
      repo.delete(id)
      expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'dataset_1'").all()).toEqual([])
    })
  })

  describe('reading a dataset written before migration 12 (a rows table, no columns)', () => {
    /** A committed dataset of the rows given, kept as a rows table as that version did. */
    const rowsOnly = (
      rows: (string | number | null)[][],
      positive = 'yes',
      numericTarget = false
    ): number => {
      const writer = repo.create({ ...META, positiveClass: positive }, SPECS, numericTarget)
      writer.append(
        rows,
        rows.map((_, i) => 100 + i)
      )
      const { id } = writer.commit(report(rows.length))
      writeRowsTable(db, id, { cells: rows, lines: rows.map((_, i) => 100 + i) }, numericTarget)
      return id
    }

    it('gives numbers (NaN for missing), codes in order of first appearance (−1 for missing or empty) and the lines', () => {
      const id = rowsOnly([
        [1500, 'yes', 'North'],
        ['12.5', 'no', ''],
        [null, 'Yes', 'South'],
        ['x', 'no', null],
        [-2, 'yes', 'North'],
        [3, 'no', '7']
      ])
      const table = repo.loadTable(id)
      const [amount, region] = table.columns as [NumericColumn, TextColumn]
      expect([...amount.values]).toEqual([1500, 12.5, NaN, NaN, -2, 3])
      expect([...region.codes]).toEqual([0, -1, 1, -1, 0, 2])
      expect(region.levels).toEqual(['North', 'South', '7'])
      expect([...table.target]).toEqual([1, 0, 0, 0, 1, 0])
      expect([...table.lines]).toEqual([100, 101, 102, 103, 104, 105])
      expect(table).toMatchObject({ numRows: 6, targetName: 'Default', positiveClass: 'yes' })
    })

    it('reads a numeric target equal to the positive class as 1', () => {
      const id = rowsOnly(
        [
          [1, 1, 'a'],
          [2, 0, 'a'],
          [3, 2, 'a']
        ],
        '1',
        true
      )
      expect([...repo.loadTable(id).target]).toEqual([1, 0, 0])
    })

    it('iterates the rows for export in file order', () => {
      const id = rowsOnly([
        [1, 'yes', 'a'],
        [2, 'no', null]
      ])
      expect([...repo.iterateRows(id)]).toEqual([
        [1, 'yes', 'a'],
        [2, 'no', null]
      ])
    })

    it('orders an older dataset by whichever rowid alias no header shadows, else by _line', () => {
      // Older datasets stored their headers as SQL names (sql_name NULL): a header "rowid" hid the rowid.
      const older = (headers: string[]): number => {
        const writer = repo.create(
          META,
          headers.map((name, i) => ({ name, kind: i === 0 ? 'target' : 'numeric' })),
          false
        )
        writer.append(
          [
            ['yes', 1, 1, 1],
            ['no', 3, 3, 3],
            ['no', 2, 2, 2]
          ],
          [4, 2, 3]
        )
        const { id } = writer.commit(report(3))
        writeRowsTable(
          db,
          id,
          {
            cells: [
              ['yes', 1, 1, 1],
              ['no', 3, 3, 3],
              ['no', 2, 2, 2]
            ],
            lines: [4, 2, 3]
          },
          false
        )
        db.prepare('UPDATE dataset_columns SET sql_name = NULL WHERE dataset_id = ?').run(id)
        for (const [i, name] of headers.entries())
          db.exec(`ALTER TABLE dataset_${id} RENAME COLUMN c${i + 1} TO "${name.replace(/"/g, '""')}"`)
        db.prepare('DELETE FROM dataset_column_data WHERE dataset_id = ?').run(id)
        return id
      }
      // Ordered by the shadowing columns' values the lines would read 4, 3, 2; by _line 2, 3, 4; by the rowid 4, 2, 3.
      const all = older(['Default', 'RowID', 'OID', '_ROWID_'])
      expect([...repo.loadTable(all).lines]).toEqual([2, 3, 4])
      expect([...repo.iterateRows(all)].map((r) => r[0])).toEqual(['no', 'no', 'yes'])
      const two = older(['Default', 'rowid', 'oid', 'say "x"'])
      expect([...repo.loadTable(two).lines]).toEqual([4, 2, 3])
      expect([...repo.iterateRows(two)].map((r) => r[3])).toEqual([1, 3, 2])
    })
  })
})
