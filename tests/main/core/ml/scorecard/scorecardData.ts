import { Rng } from '../../../../../src/main/core/base/random'
import {
  buildFeatureMatrix,
  fitFeatureSpecs,
  type RawInputs
} from '../../../../../src/main/core/ml/preprocess'
import type { FeatureSpec } from '../../../../../src/main/core/model/ModelArtifact'

/**
 * A small loan book for the scorecard's tests, drawn from a seed: a score whose default
 * risk falls in steps (missing for 4 % of rows, who default more), a debt ratio whose risk
 * rises, an age with a U-shaped risk, an occupation with one risky and two rare levels (one
 * sometimes missing), and a column of noise. Returned raw and as the model's columns
 * (numbers standardised, categories as codes, missing values left NaN).
 */
export interface ScorecardData {
  raw: RawInputs
  y: Uint8Array
  features: FeatureSpec[]
  columns: Float64Array[]
}

export const OCCUPATIONS = ['Salaried', 'Business', 'Unemployed', 'Farmer', 'Artist']

export function scorecardData(rows: number, seed: number): ScorecardData {
  const rng = new Rng(seed)
  const score = new Float64Array(rows)
  const debt = new Float64Array(rows)
  const age = new Float64Array(rows)
  const noise = new Float64Array(rows)
  const occupation: (string | null)[] = []
  const y = new Uint8Array(rows)
  for (let i = 0; i < rows; i++) {
    const noHistory = rng.next() < 0.04
    score[i] = noHistory ? NaN : Math.round(300 + 600 * rng.next())
    debt[i] = Math.round(rng.next() * 150) / 100
    age[i] = 21 + rng.int(50)
    noise[i] = rng.next()
    const u = rng.next()
    const job = u < 0.55 ? 0 : u < 0.85 ? 1 : u < 0.96 ? 2 : u < 0.98 ? 3 : 4
    occupation.push(rng.next() < 0.02 ? null : OCCUPATIONS[job])
    const logit =
      -2.2 +
      (noHistory ? 0.8 : score[i] < 500 ? 1.2 : score[i] < 650 ? 0.4 : -0.3) +
      1.1 * debt[i] +
      0.002 * (age[i] - 45) ** 2 +
      (job === 2 ? 1.0 : job === 1 ? 0.3 : 0)
    y[i] = rng.next() < 1 / (1 + Math.exp(-logit)) ? 1 : 0
  }
  const raw: RawInputs = {
    numRows: rows,
    numeric: new Map([
      ['Score', score],
      ['Debt', debt],
      ['Age', age],
      ['Noise', noise]
    ]),
    categorical: new Map([['Occupation', occupation]])
  }
  const all = Int32Array.from({ length: rows }, (_, i) => i)
  const { features } = fitFeatureSpecs(raw, all, new Set())
  return { raw, y, features, columns: buildFeatureMatrix(features, raw, true).columns }
}

/** The raw value of feature `f` in row r (number, category or null when missing). */
export function rawValue(data: ScorecardData, f: number, r: number): number | string | null {
  const feature = data.features[f]
  if (feature.kind === 'numeric') {
    const v = data.raw.numeric.get(feature.name)![r]
    return Number.isNaN(v) ? null : v
  }
  return data.raw.categorical.get(feature.name)![r]
}
