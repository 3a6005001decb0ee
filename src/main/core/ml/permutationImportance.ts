import type { Rng } from '../base/random'
import { aucScore } from './metrics'

/**
 * Permutation importance: how much the AUC of a model's scores drops when one feature
 * column is shuffled (scikit-learn's permutation_importance with the AUC as the score).
 */

export interface FeatureImportance {
  feature: string
  /** Mean drop of AUC over the repeats; negative when shuffling happened to help. */
  importanceMean: number
  /** Population standard deviation of the drops (as sklearn's permutation_importance). */
  importanceStd: number
  drops: number[]
}

export interface PermutationImportanceOptions {
  repeats?: number
  rng: Rng
  metric?: 'auc'
}

export interface PermutationImportanceResult {
  baseline: number
  features: FeatureImportance[]
}

/**
 * Drop in AUC when one feature column is shuffled, `repeats` times per feature.
 * Only the shuffled column is copied; the caller's `columns` array and its columns are
 * never modified, so `predict` always sees every other column as given.
 */
export function permutationImportance(
  predict: (columns: Float64Array[]) => Float64Array,
  columns: Float64Array[],
  y: Uint8Array,
  featureNames: string[],
  options: PermutationImportanceOptions
): PermutationImportanceResult {
  const repeats = options.repeats ?? 5
  requirePositiveInteger(repeats, 'repeats')
  if (featureNames.length !== columns.length) {
    throw new Error(
      `permutationImportance: ${columns.length} feature columns but ${featureNames.length} feature names; pass one name per column.`
    )
  }
  for (let j = 0; j < columns.length; j++) {
    if (columns[j].length !== y.length) {
      throw new Error(
        `permutationImportance: column "${featureNames[j]}" has ${columns[j].length} rows but there are ${y.length} labels.`
      )
    }
  }
  const baseline = aucScore(y, predict(columns))
  const working = columns.slice()
  const shuffled = new Float64Array(y.length)
  const features: FeatureImportance[] = []
  for (let j = 0; j < columns.length; j++) {
    const drops: number[] = []
    for (let r = 0; r < repeats; r++) {
      shuffled.set(columns[j])
      shuffleInPlace(shuffled, options.rng)
      working[j] = shuffled
      drops.push(baseline - aucScore(y, predict(working)))
    }
    working[j] = columns[j]
    const mean = drops.reduce((s, d) => s + d, 0) / repeats
    const variance = drops.reduce((s, d) => s + (d - mean) * (d - mean), 0) / repeats
    features.push({
      feature: featureNames[j],
      importanceMean: mean,
      importanceStd: Math.sqrt(variance),
      drops
    })
  }
  return { baseline, features }
}

function shuffleInPlace(values: Float64Array, rng: Rng): void {
  // Fisher–Yates: every permutation equally likely for a uniform rng.int.
  for (let i = values.length - 1; i > 0; i--) {
    const j = rng.int(i + 1)
    const t = values[i]
    values[i] = values[j]
    values[j] = t
  }
}

function requirePositiveInteger(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`${name} must be a positive integer, got ${value}.`)
  }
}
