import type Database from 'better-sqlite3'
import { datasetTableName } from '../../src/main/core/storage/DatasetRepo'

type Cell = string | number | null

/**
 * How much of any dataset a database holds, part by part: catalog rows, column specs,
 * stored columns (dataset_column_data) and rows tables of datasets written before
 * migration 12. All zero means a refused, cancelled or killed import left nothing behind.
 */
export function storedDatasetParts(db: Database.Database): Record<string, number> {
  const count = (sql: string): number => (db.prepare(sql).get() as { n: number }).n
  return {
    datasets: count('SELECT count(*) AS n FROM datasets'),
    columns: count('SELECT count(*) AS n FROM dataset_columns'),
    columnData: count('SELECT count(*) AS n FROM dataset_column_data'),
    rowsTables: count(
      "SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name GLOB 'dataset_[0-9]*'"
    )
  }
}

/** storedDatasetParts of an empty store. */
export const NOTHING_STORED = { datasets: 0, columns: 0, columnData: 0, rowsTables: 0 }

/**
 * Stores `rows` as a dataset written before migration 12 kept them: a rows table
 * `dataset_<id>` (`_line`, then c1…cn, REAL or TEXT as the kinds say), and no columns.
 */
export function writeRowsTable(
  db: Database.Database,
  id: number,
  rows: { cells: Cell[][]; lines: number[] },
  targetNumeric: boolean
): void {
  const kinds = (
    db.prepare('SELECT kind FROM dataset_columns WHERE dataset_id = ? ORDER BY position').all(id) as {
      kind: string
    }[]
  ).map((c) => c.kind)
  const types = kinds.map(
    (k, i) => `c${i + 1} ${k === 'numeric' || (k === 'target' && targetNumeric) ? 'REAL' : 'TEXT'}`
  )
  db.exec(`CREATE TABLE ${datasetTableName(id)} (_line INTEGER NOT NULL, ${types.join(', ')})`)
  const insert = db.prepare(
    `INSERT INTO ${datasetTableName(id)} VALUES (?, ${kinds.map(() => '?').join(', ')})`
  )
  rows.cells.forEach((cells, r) => insert.run(rows.lines[r], ...cells))
  db.prepare('DELETE FROM dataset_column_data WHERE dataset_id = ?').run(id)
}
