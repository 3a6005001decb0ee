import { countPositives } from '../base/arrays'
import { InputError } from '../base/errors'
import { deriveSeed, Rng } from '../base/random'
import type { Table } from '../data/Table'
import { planEngineering, resolveRoles, withEngineered } from '../ml/featureEngineering'
import {
  buildFeatureMatrix,
  describeInputs,
  fitFeatureSpecs,
  ColumnSummaries,
  type RawInputs
} from '../ml/preprocess'
import { stratifiedSplit } from '../ml/split'
import type { ModelArtifact, TrainParams } from '../model/ModelArtifact'

/** Raw model inputs of a dataset table: its numeric and categorical columns (identifiers are never features). */
export function tableInputs(table: Table): RawInputs {
  const numeric = new Map<string, Float64Array>()
  const categorical = new Map<string, (string | null)[]>()
  for (const c of table.columns) {
    if (c.kind === 'numeric') numeric.set(c.name, c.values)
    else if (c.kind === 'categorical') {
      const values: (string | null)[] = new Array(table.numRows)
      for (let i = 0; i < table.numRows; i++) values[i] = c.codes[i] < 0 ? null : c.levels[c.codes[i]]
      categorical.set(c.name, values)
    }
  }
  return { numRows: table.numRows, numeric, categorical }
}

/** The split, the engineered inputs and the fitted preprocessing of a dataset (steps 1–2 of training). */
export interface PreparedFeatures {
  split: { train: Int32Array; test: Int32Array }
  raw: RawInputs
  /** Raw inputs plus the engineered features. */
  featured: RawInputs
  engineering: ModelArtifact['engineering']
  inputs: ModelArtifact['inputs']
  features: ModelArtifact['features']
  dropped: string[]
  /** The model's feature columns for every row (fitted on the training rows only). */
  matrix: Float64Array[]
}

/**
 * Splits first (stratified, seeded), then fits imputation, encoding and scaling on the
 * training rows only and applies them to every row. `ptm preprocess`, `ptm feature`
 * and training all go through here. With `keepMissing` (an engine that reads missing
 * values itself) the matrix keeps them as NaN.
 */
export function prepareFeatures(
  table: Table,
  params: TrainParams,
  engineer = true,
  keepMissing = false,
  summaries: ColumnSummaries = new ColumnSummaries()
): PreparedFeatures {
  const y = table.target
  const split = stratifiedSplit(y, params.testSize, new Rng(deriveSeed(params.seed, 1)))
  if (params.testSize > 0 && countPositives(y, split.test) === 0) {
    throw new InputError('The test share holds no defaults; use a larger --test-size or more data.')
  }
  const raw = tableInputs(table)
  const { roles, problems } = resolveRoles([...raw.numeric.keys()], params.map)
  if (problems.length) throw new InputError(problems.join('; '))
  const engineering = engineer
    ? planEngineering(
        roles,
        table.columns.map((c) => c.name),
        params.highRiskCut
      )
    : {}
  const featured = withEngineered(raw, engineering)
  const engineeredNames = new Set<string>()
  for (const name of featured.numeric.keys()) if (!raw.numeric.has(name)) engineeredNames.add(name)
  for (const name of featured.categorical.keys()) if (!raw.categorical.has(name)) engineeredNames.add(name)
  const { features, dropped } = fitFeatureSpecs(featured, split.train, engineeredNames, summaries)
  if (features.length === 0)
    throw new InputError(
      'The dataset has no usable feature columns (all are identifiers, empty or the target).'
    )
  return {
    split,
    raw,
    featured,
    engineering,
    inputs: describeInputs(raw, split.train, summaries),
    features,
    dropped,
    matrix: buildFeatureMatrix(features, featured, keepMissing).columns
  }
}
