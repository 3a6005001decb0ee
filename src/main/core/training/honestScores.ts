import { gather, gather8, countPositives } from '../base/arrays'
import { InputError } from '../base/errors'
import { deriveSeed, Rng } from '../base/random'
import type { Engine, EngineTrainInput, EngineTrainResult } from '../ml/engines'
import { foldRows, stratifiedFolds } from '../ml/split'
import type { TrainParams } from '../model/ModelArtifact'
import { predictEnsemble, type TreeEnsemble } from '../model/TreeEnsemble'

/** Folds of cross-fitting: each fold model fits on 80 % of the training rows. */
export const CROSS_FIT_FOLDS = 5

/**
 * Scores of the real training rows from models that never fitted on them, on which the
 * calibration and the decision threshold are fitted (and which are the evaluation when no
 * rows are held out).
 *
 * - 'out-of-bag': a forest trained without SMOTE scores each row with the trees whose
 *   bootstrap left it out: honest, and free.
 * - 'cross-fitted': otherwise. With SMOTE a row's out-of-bag score is not honest (its
 *   synthetic children were in the bag: measured on 20,000 generated rows, out-of-bag AUC
 *   0.934 against 0.801 held out, and probabilities calibrated on it a fifth too low), and
 *   some engines keep no out-of-bag record at all. The rows are dealt into k stratified
 *   folds; for each fold a model is fitted on the other folds, with SMOTE applied to those
 *   rows alone, and scores the fold. The model the user gets is still the one fitted on all
 *   training rows; k fold models cost about one more fit (a forest grows fewer trees each).
 */
export interface HonestScores {
  /** Per real training row; NaN where no model scored it (a row in every bootstrap). */
  scores: Float64Array
  method: 'out-of-bag' | 'cross-fitted'
  folds: number
  /** With cross-fitting: each row's fold and the model that scored it (permutation importance reuses them). */
  foldModels: { fold: Int32Array; ensembles: TreeEnsemble[] } | null
}

/**
 * Honest scores for the training rows of `input`, given what the engine learned on all of
 * them. `crossFit` forces cross-fitting (the evaluation of a model with no held-out rows
 * needs the fold models).
 */
export async function honestScores(
  engine: Engine,
  input: EngineTrainInput,
  learned: EngineTrainResult,
  options: { crossFit: boolean; onFold?: (done: number, total: number) => void }
): Promise<HonestScores> {
  if (!options.crossFit && !input.params.smote && learned.outOfBag) {
    return { scores: learned.outOfBag, method: 'out-of-bag', folds: 0, foldModels: null }
  }
  return crossFittedScores(engine, input, {
    foldParams: engine.foldParams?.(input.params, CROSS_FIT_FOLDS),
    onFold: options.onFold
  })
}

/**
 * Cross-fitted scores of the training rows of `input`: k stratified folds, each scored by a
 * model fitted on the other folds with `foldParams` (the input's settings when omitted), SMOTE
 * applied to those fitting rows alone.
 */
export async function crossFittedScores(
  engine: Engine,
  input: EngineTrainInput,
  options: { foldParams?: TrainParams; onFold?: (done: number, total: number) => void } = {}
): Promise<HonestScores> {
  const { y, columns, params } = input
  const positives = countPositives(y)
  const fewest = Math.min(positives, y.length - positives)
  if (fewest < 2) {
    throw new InputError(
      `The training rows hold ${positives} defaults and ${y.length - positives} repaid loans: too few of one to score them honestly. Use more data or a smaller --test-size.`
    )
  }
  const k = Math.min(CROSS_FIT_FOLDS, fewest)
  const fold = stratifiedFolds(y, k, new Rng(deriveSeed(params.seed, 4)))
  const { inFold, outOfFold } = foldRows(fold, k)
  const foldParams = options.foldParams ?? params
  const scores = new Float64Array(y.length).fill(NaN)
  const ensembles: TreeEnsemble[] = new Array<TreeEnsemble>(k)
  const fitFold = async (f: number): Promise<void> => {
    const fitOn = outOfFold[f]
    const model = await engine.train({
      columns: columns.map((c) => gather(c, fitOn)),
      y: gather8(y, fitOn),
      features: input.features,
      params: foldParams,
      // The fold model's subsets are subsets of its own rows: map them back to the input's.
      fitRows: (subset) => input.fitRows(subset ? Int32Array.from(subset, (i) => fitOn[i]) : fitOn),
      signal: input.signal
    })
    const scored = inFold[f]
    const p = predictEnsemble(
      model.ensemble,
      columns.map((c) => gather(c, scored)),
      scored.length
    )
    for (let i = 0; i < scored.length; i++) scores[scored[i]] = p[i]
    ensembles[f] = model.ensemble
  }
  // Folds are independent: an engine that fits on worker threads runs several at once. Each
  // fold's result depends on its rows alone, so the scores do not depend on the order.
  const concurrent = Math.max(1, Math.min(k, engine.concurrentFits?.(params) ?? 1))
  let next = 0
  let done = 0
  let failed = false
  options.onFold?.(0, k)
  await Promise.all(
    Array.from({ length: concurrent }, async () => {
      // After a failure no lane starts another fold (the caller has the error already).
      while (next < k && !failed) {
        try {
          await fitFold(next++)
        } catch (e) {
          failed = true
          throw e
        }
        options.onFold?.(++done, k)
      }
    })
  )
  return { scores, method: 'cross-fitted', folds: k, foldModels: { fold, ensembles } }
}
