import type { Migration } from './Migration'

/**
 * The dataset catalog. Each dataset's rows live in a table of their own
 * (`dataset_<id>`, see DatasetRepo) with proper column types so any SQLite tool can
 * read them; `dataset_columns` says how each column is used.
 */
export const m001Datasets: Migration = {
  version: 1,
  name: 'datasets',
  up(db) {
    db.exec(`
      CREATE TABLE datasets (
        id              INTEGER PRIMARY KEY,
        name            TEXT NOT NULL,
        source          TEXT NOT NULL CHECK (source IN ('generated', 'imported')),
        source_file     TEXT,
        source_sha256   TEXT,
        row_count       INTEGER NOT NULL,
        column_count    INTEGER NOT NULL,
        target_column   TEXT NOT NULL,
        positive_class  TEXT NOT NULL,
        positive_count  INTEGER NOT NULL,
        rejected_rows   INTEGER NOT NULL DEFAULT 0,
        import_report   TEXT NOT NULL DEFAULT '{}',
        params          TEXT NOT NULL DEFAULT '{}',
        created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      );
      CREATE TABLE dataset_columns (
        dataset_id  INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
        position    INTEGER NOT NULL,
        name        TEXT NOT NULL,
        kind        TEXT NOT NULL CHECK (kind IN ('numeric', 'categorical', 'identifier', 'target')),
        PRIMARY KEY (dataset_id, position),
        UNIQUE (dataset_id, name)
      );
      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `)
  }
}
