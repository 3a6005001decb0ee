import {
  DEFAULT_TRAIN_PARAMS,
  trainParamBounds,
  type TrainParamKey
} from '../../../../shared/params/trainParams'
import type { NumberLimits } from '../../ui/limits'
import type { TrainForm } from './trainForm'
import { defaultEngineSettings } from './engineSettings'

/**
 * The Train form's defaults and bounds, read from the shared training schema
 * (src/shared/params/trainParams.ts) that the CLI's options, main's models/train input and
 * the core's defaults come from too: "Start" with an untouched form equals `ptm train`, and
 * the form reaches exactly the bounds main accepts.
 */

const d = DEFAULT_TRAIN_PARAMS

/** The form as it opens, and after "Reset to defaults". */
export function defaultTrainForm(): TrainForm {
  return {
    engine: d.engine,
    settings: defaultEngineSettings(),
    smote: d.smote,
    smoteK: d.smoteK,
    testSharePercent: d.testSize * 100,
    seed: d.seed,
    calibration: d.calibration,
    highRiskCut: d.highRiskCut,
    map: { Credit_Score: '', Loan_Amount: '', Account_Balance: '', Age: '' },
    name: ''
  }
}

/** A number input's bounds from the schema, with the arrows' step the form wants. */
function limits(key: TrainParamKey, extra: Partial<NumberLimits> = {}): NumberLimits {
  const { min, max } = trainParamBounds(key)
  return { min, max, ...extra }
}

/** The bounds of each number of the form (features per split is bounded by the dataset's features). */
export const TRAIN_LIMITS = {
  seed: limits('seed', { step: 1 }),
  smoteK: limits('smoteK'),
  testSharePercent: {
    min: trainParamBounds('testSize').min * 100,
    max: trainParamBounds('testSize').max * 100,
    step: 5,
    precision: 1
  },
  // The schema takes any finite cut; the form offers the range a credit score lives in.
  highRiskCut: { min: 0, max: 100_000, step: 10 }
} satisfies Record<string, NumberLimits>

/** The longest model name main keeps. */
export const MODEL_NAME_MAX = 200
