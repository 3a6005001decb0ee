import type { Migration } from './Migration'

/**
 * Each model's forest moves to a table of its own. SQLite keeps a row's columns in order and a
 * large value on a chain of overflow pages, so reading any column stored after `models.forest`
 * (created_at, run_id) walked the whole chain: ~60 ms per 200-tree model for `ptm models`,
 * /health, the Models screen and every summary, and an `auto` run keeps a dozen models. The old
 * column stays (SQLite drops a column only by rebuilding the table, which the tables referring
 * to models would make a risk for no gain) and holds an empty BLOB from now on.
 */
export const m011ModelForests: Migration = {
  version: 11,
  name: 'model forests in their own table',
  up(db) {
    db.exec(`
      CREATE TABLE model_forests (
        model_id  INTEGER PRIMARY KEY REFERENCES models(id) ON DELETE CASCADE,
        forest    BLOB NOT NULL
      );
      INSERT INTO model_forests (model_id, forest) SELECT id, forest FROM models;
      UPDATE models SET forest = X'';
    `)
  }
}
