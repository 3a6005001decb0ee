import { engineParamKeys, type TrainParams } from '../../../shared/params/trainParams'

/** What the search knows of a cross-validated candidate: its settings and each training row's cross-fitted score. */
export interface CrossValidated {
  params: TrainParams
  cvAuc: number
  /** Probability per training row from the fold model that did not fit on it. */
  scores: Float64Array
  /** Each training row's fold. */
  fold: Int32Array
  folds: number
  seconds: number
}

/**
 * The blend engine's settings from boosting's and the scorecard's candidates: the boosting
 * settings of one, the scorecard-only settings (bins, points scale) of the other. The two
 * engines read disjoint fields apart from the shared ones (l2, seed, threads), which come
 * from the boosting candidate.
 */
export function blendParams(boosting: TrainParams, scorecard: TrainParams): TrainParams {
  const boostingKeys = new Set(engineParamKeys('gbm'))
  const own = engineParamKeys('scorecard').filter((key) => !boostingKeys.has(key))
  return {
    ...boosting,
    ...Object.fromEntries(own.map((key) => [key, scorecard[key]])),
    engine: 'blend',
    smote: false
  }
}

/**
 * The blend's cross-fitted score of each training row from its parts' (probabilities in,
 * log-odds out): every candidate is cross-validated on the same folds (drawn from the seed
 * and the outcomes), and the blend engine fits each part on a fold exactly as the part's
 * own engine does, so the blend's fold model scores a row with the mean of the parts' log-odds.
 */
export function blendScores(a: Float64Array, b: Float64Array): Float64Array {
  const logit = (p: number): number => {
    const q = Math.min(1 - 1e-12, Math.max(1e-12, p))
    return Math.log(q / (1 - q))
  }
  return Float64Array.from(a, (p, i) => (logit(p) + logit(b[i])) / 2)
}
