import type { Migration } from './Migration'

/**
 * The audit trail of scoring: every single score (app, CLI or /predict) with its
 * inputs, outputs and reasons, and every batch file with its counts, distributions and
 * drift against the training data.
 */
export const m003Scoring: Migration = {
  version: 3,
  name: 'scoring audit',
  up(db) {
    db.exec(`
      CREATE TABLE score_audit (
        id           INTEGER PRIMARY KEY,
        created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        model_id     INTEGER NOT NULL,
        model_name   TEXT NOT NULL,
        channel      TEXT NOT NULL CHECK (channel IN ('app', 'cli', 'http')),
        probability  REAL NOT NULL,
        prediction   INTEGER NOT NULL,
        grade        TEXT NOT NULL,
        inputs       TEXT NOT NULL,
        outputs      TEXT NOT NULL
      );
      CREATE INDEX score_audit_created ON score_audit(created_at);
      CREATE INDEX score_audit_model ON score_audit(model_id);
      CREATE TABLE score_batches (
        id             INTEGER PRIMARY KEY,
        created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        model_id       INTEGER NOT NULL,
        model_name     TEXT NOT NULL,
        file_name      TEXT NOT NULL,
        file_sha256    TEXT NOT NULL,
        out_path       TEXT NOT NULL,
        errors_path    TEXT,
        rows_in        INTEGER NOT NULL,
        rows_scored    INTEGER NOT NULL,
        rows_error     INTEGER NOT NULL,
        predicted_defaults INTEGER NOT NULL,
        seconds        REAL NOT NULL,
        summary        TEXT NOT NULL
      );
      CREATE INDEX score_batches_created ON score_batches(created_at);
    `)
  }
}
