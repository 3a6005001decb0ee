import type { Migration } from './Migration'

/**
 * Decision thresholds a risk committee applied to a model after training (`ptm strategy
 * --apply`): each change with the value before it, the reason and the time. A model's
 * threshold is its latest row here, else the one training chose; scoring, decision sheets
 * and audit rows use it from the moment it is applied.
 */
export const m005Thresholds: Migration = {
  version: 5,
  name: 'model thresholds',
  up(db) {
    db.exec(`
      CREATE TABLE model_thresholds (
        id          INTEGER PRIMARY KEY,
        model_id    INTEGER NOT NULL REFERENCES models(id) ON DELETE CASCADE,
        threshold   REAL NOT NULL CHECK (threshold > 0 AND threshold < 1),
        previous    REAL NOT NULL,
        reason      TEXT NOT NULL CHECK (length(trim(reason)) > 0),
        applied_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      );
      CREATE INDEX model_thresholds_model ON model_thresholds(model_id, id);
    `)
  }
}
