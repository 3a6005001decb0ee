import type { Migration } from './Migration'
import { m001Datasets } from './001_datasets'
import { m002Models } from './002_models'
import { m003Scoring } from './003_scoring'
import { m004Profiles } from './004_profiles'
import { m005Thresholds } from './005_thresholds'
import { m006ColumnSqlNames } from './006_column_sql_names'
import { m007ModelRuns } from './007_model_runs'
import { m008StoreCopies } from './008_store_copies'
import { m009Governance } from './009_governance'
import { m010Decisions } from './010_decisions'
import { m011ModelForests } from './011_model_forests'
import { m012DatasetsAsColumns } from './012_datasets_as_columns'

/**
 * Every schema change, in order. `PRAGMA user_version` holds the number of the last
 * one applied; a new feature adds a file and appends it here, never edits an old one.
 */
export const migrations: readonly Migration[] = [
  m001Datasets,
  m002Models,
  m003Scoring,
  m004Profiles,
  m005Thresholds,
  m006ColumnSqlNames,
  m007ModelRuns,
  m008StoreCopies,
  m009Governance,
  m010Decisions,
  m011ModelForests,
  m012DatasetsAsColumns
]
