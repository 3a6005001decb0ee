import type { Migration } from './Migration'

/**
 * Cached dataset profiles: a dataset never changes after import, so its profile (the
 * EDA screens' aggregates, seconds to compute at a million rows) is computed once.
 */
export const m004Profiles: Migration = {
  version: 4,
  name: 'dataset profiles',
  up(db) {
    db.exec(`
      CREATE TABLE dataset_profiles (
        dataset_id  INTEGER PRIMARY KEY REFERENCES datasets(id) ON DELETE CASCADE,
        profile     TEXT NOT NULL,
        created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      );
    `)
  }
}
