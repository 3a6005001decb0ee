import type { Migration } from './Migration'

/**
 * How a model is governed: its purpose in words, its policy checks and data dictionary as
 * the risk analyst edited them (NULL: the defaults), every edit logged with who made it;
 * a dataset's own dictionary edits; and the maker–checker record of making a model active
 * (one person asks, a second named person confirms with a note).
 */
export const m009Governance: Migration = {
  version: 9,
  name: 'model governance',
  up(db) {
    db.exec(`
      CREATE TABLE model_settings (
        model_id    INTEGER PRIMARY KEY REFERENCES models(id) ON DELETE CASCADE,
        purpose     TEXT,
        policy      TEXT,
        dictionary  TEXT,
        updated_by  TEXT,
        updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      );
      CREATE TABLE model_settings_log (
        id          INTEGER PRIMARY KEY,
        model_id    INTEGER NOT NULL REFERENCES models(id) ON DELETE CASCADE,
        what        TEXT NOT NULL CHECK (what IN ('purpose', 'policy', 'dictionary')),
        value       TEXT,
        changed_by  TEXT NOT NULL CHECK (length(trim(changed_by)) > 0),
        changed_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      );
      CREATE TABLE dataset_dictionaries (
        dataset_id  INTEGER PRIMARY KEY REFERENCES datasets(id) ON DELETE CASCADE,
        dictionary  TEXT NOT NULL,
        updated_by  TEXT NOT NULL,
        updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      );
      CREATE TABLE model_activations (
        id             INTEGER PRIMARY KEY,
        model_id       INTEGER NOT NULL REFERENCES models(id) ON DELETE CASCADE,
        status         TEXT NOT NULL CHECK (status IN ('pending', 'confirmed', 'rejected', 'automatic')),
        requested_by   TEXT NOT NULL CHECK (length(trim(requested_by)) > 0),
        request_note   TEXT NOT NULL DEFAULT '',
        requested_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        decided_by     TEXT,
        decision_note  TEXT,
        decided_at     TEXT,
        CHECK (status IN ('pending', 'automatic')
               OR (decided_by IS NOT NULL AND lower(trim(decided_by)) <> lower(trim(requested_by))))
      );
      CREATE INDEX model_activations_model ON model_activations(model_id, id);
    `)
  }
}
