import type { Migration } from './Migration'

/**
 * Trained models: the scoring artifact (JSON), the forest (binary), the evaluation and
 * the parameters. A model outlives the dataset it came from (scoring needs only the
 * model), so deleting a dataset only clears `dataset_id`.
 */
export const m002Models: Migration = {
  version: 2,
  name: 'models',
  up(db) {
    db.exec(`
      CREATE TABLE models (
        id                INTEGER PRIMARY KEY,
        name              TEXT NOT NULL,
        dataset_id        INTEGER REFERENCES datasets(id) ON DELETE SET NULL,
        dataset_name      TEXT NOT NULL,
        engine            TEXT NOT NULL,
        artifact_version  INTEGER NOT NULL,
        params            TEXT NOT NULL,
        seed              INTEGER NOT NULL,
        metrics           TEXT NOT NULL,
        evaluation        TEXT NOT NULL,
        artifact          TEXT NOT NULL,
        forest            BLOB NOT NULL,
        created_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      );
      CREATE INDEX models_dataset ON models(dataset_id);
    `)
  }
}
