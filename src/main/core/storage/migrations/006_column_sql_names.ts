import type { Migration } from './Migration'

/**
 * The name each dataset column has in its rows table. Until now a column was stored
 * under the CSV header's own name, which clashed with the table's own `_line` column
 * and SQLite's `rowid` aliases (a header "rowid" changed the export order, "_line"
 * failed the import). New datasets store column i as `c<i>` and keep the header only in
 * `dataset_columns.name`; NULL (older datasets) means the header itself.
 */
export const m006ColumnSqlNames: Migration = {
  version: 6,
  name: 'column sql names',
  up(db) {
    db.exec('ALTER TABLE dataset_columns ADD COLUMN sql_name TEXT')
  }
}
