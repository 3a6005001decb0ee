import type { Migration } from './Migration'

/**
 * `auto` training runs: the leaderboard of the candidates cross-validated and the champion
 * chosen; every candidate is kept as a model of the run, so a challenger can be promoted.
 */
export const m007ModelRuns: Migration = {
  version: 7,
  name: 'model runs',
  up(db) {
    db.exec(`
      CREATE TABLE model_runs (
        id           INTEGER PRIMARY KEY,
        dataset_id   INTEGER REFERENCES datasets(id) ON DELETE SET NULL,
        leaderboard  TEXT NOT NULL,
        champion_id  INTEGER REFERENCES models(id) ON DELETE SET NULL,
        created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      );
      ALTER TABLE models ADD COLUMN run_id INTEGER REFERENCES model_runs(id) ON DELETE SET NULL;
    `)
  }
}
