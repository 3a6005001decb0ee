import type { Migration } from './Migration'

/**
 * From this version on a dataset is written once, as its columns (dataset_column_data,
 * format 2: storage/columnCopy.ts), without a rows table `dataset_<id>`. Datasets written
 * before keep their rows table and are read as before, so nothing is moved here; the step
 * exists for its number: a workbench older than this refuses the database ("written by a
 * newer version") instead of failing on a dataset that has no rows table.
 */
export const m012DatasetsAsColumns: Migration = {
  version: 12,
  name: 'datasets stored as columns',
  up() {}
}
