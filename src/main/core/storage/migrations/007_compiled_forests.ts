import type { Migration } from './Migration'

/**
 * Each model's forest compiled for batch scoring (scoring/CompiledForest), stored beside
 * the forest so that a batch restores it instead of reading the forest and compiling it
 * again. A cache of the forest, never the only copy: `layout` names the compiled layout and
 * kernel it was made for, `header` its sizes and CRC-32 (JSON), and a row that does not fit
 * the running version is compiled again from `models.forest`.
 */
export const m007CompiledForests: Migration = {
  version: 7,
  name: 'compiled forests',
  up(db) {
    db.exec(`
      CREATE TABLE model_compiled (
        model_id  INTEGER PRIMARY KEY REFERENCES models(id) ON DELETE CASCADE,
        layout    TEXT NOT NULL,
        header    TEXT NOT NULL,
        trees     BLOB NOT NULL
      );
    `)
  }
}
