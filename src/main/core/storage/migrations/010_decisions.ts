import type { Migration } from './Migration'

/**
 * What an officer's decision needs in the audit trail: the applicant reference (name,
 * customer id, application number) and the verdict of each single score, and the officer's
 * own decisions against or with the model, each with a reason code, a note and a name.
 * Overrides are only ever added; the latest is the decision in force.
 */
export const m010Decisions: Migration = {
  version: 10,
  name: 'decisions and overrides',
  up(db) {
    db.exec(`
      ALTER TABLE score_audit ADD COLUMN applicant_ref TEXT;
      ALTER TABLE score_audit ADD COLUMN decision TEXT CHECK (decision IN ('approve', 'decline', 'refer'));
      CREATE TABLE score_overrides (
        id          INTEGER PRIMARY KEY,
        audit_id    INTEGER NOT NULL REFERENCES score_audit(id),
        decision    TEXT NOT NULL CHECK (decision IN ('approve', 'decline')),
        reason      TEXT NOT NULL,
        note        TEXT NOT NULL DEFAULT '',
        officer     TEXT NOT NULL CHECK (length(trim(officer)) > 0),
        created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      );
      CREATE INDEX score_overrides_audit ON score_overrides(audit_id, id);
    `)
  }
}
