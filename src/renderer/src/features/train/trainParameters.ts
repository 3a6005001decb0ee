import { type NumberLimits, SEED_LIMITS } from '../../ui/limits'
import type { TrainForm } from './trainForm'

/**
 * The Train form's defaults and bounds, in one place: the form and its inputs read them
 * from here only, so deriving them from a shared parameter schema is a change of this file.
 * The defaults are main's (the CLI's), so "Start" with an untouched form equals `ptm train`;
 * the bounds are what main's models/train input accepts.
 */

/** The form as it opens, and after "Reset to defaults". */
export function defaultTrainForm(): TrainForm {
  return {
    engine: 'forest',
    trees: 200,
    maxDepth: 15,
    minSamplesLeaf: 1,
    featuresPerSplit: 'sqrt',
    featuresNumber: 4,
    smote: true,
    smoteK: 5,
    testSharePercent: 20,
    seed: 42,
    calibration: 'isotonic',
    highRiskCut: 600,
    map: { Credit_Score: '', Loan_Amount: '', Account_Balance: '', Age: '' },
    name: '',
    activate: false
  }
}

/** The bounds of each number of the form (features per split is bounded by the dataset's features). */
export const TRAIN_LIMITS = {
  trees: { min: 1, max: 5000, step: 10 },
  maxDepth: { min: 1, max: 64 },
  minSamplesLeaf: { min: 1, max: 100_000 },
  seed: SEED_LIMITS,
  smoteK: { min: 1, max: 50 },
  testSharePercent: { min: 0, max: 90, step: 5, precision: 1 },
  highRiskCut: { min: 0, max: 100_000, step: 10 }
} as const satisfies Record<string, NumberLimits>

/** The longest model name main keeps. */
export const MODEL_NAME_MAX = 200
