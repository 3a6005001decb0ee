import type Database from 'better-sqlite3'

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
