import type { Migration } from './Migration'

/**
 * Copies the store keeps so that a command does not redo work every run, each a cache of
 * something it can rebuild:
 * - model_compiled: each model's forest compiled for batch scoring (scoring/CompiledForest),
 *   restored instead of compiled again. `layout` names the compiled layout and kernel it was
 *   made for, `header` its sizes and CRC-32 (JSON); a row that does not fit the running
 *   version is compiled again from `models.forest`.
 * - dataset_column_data: each dataset's columns as the typed arrays training, profiling and
 *   validation load (storage/columnCopy.ts), read in a few BLOB reads instead of every row
 *   through SQL; written with the rows, in the same transaction. Datasets without it (older
 *   ones) are read from their rows.
 */
export const m008StoreCopies: Migration = {
  version: 8,
  name: 'compiled forests and column copies',
  up(db) {
    db.exec(`
      CREATE TABLE model_compiled (
        model_id  INTEGER PRIMARY KEY REFERENCES models(id) ON DELETE CASCADE,
        layout    TEXT NOT NULL,
        header    TEXT NOT NULL,
        trees     BLOB NOT NULL
      );
      CREATE TABLE dataset_column_data (
        dataset_id  INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
        position    INTEGER NOT NULL,
        format      INTEGER NOT NULL,
        data        BLOB NOT NULL,
        levels      TEXT,
        PRIMARY KEY (dataset_id, position)
      );
    `)
  }
}
