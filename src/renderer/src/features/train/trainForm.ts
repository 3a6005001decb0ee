import type { CallInput } from '../../../../shared/api'
import type { ColumnSpec } from '../../../../shared/dto'
import { formatDuration } from '../../ui/format'

import {
  ENGINEERING_ROLES,
  type CALIBRATIONS,
  type EngineId,
  type EngineeringRole
} from '../../../../shared/params/trainParams'

export { ENGINEERING_ROLES, type EngineeringRole }

/** What each role feeds, in words. */
export const ROLE_USES: Record<EngineeringRole, string> = {
  Credit_Score: 'High_Credit_Risk: score below the high-risk cut',
  Loan_Amount: 'Loan_to_Balance_Ratio, with the account balance',
  Account_Balance: 'Loan_to_Balance_Ratio, with the loan amount',
  Age: 'Age_Group: 18-25, 26-35, 36-45, 46-60, 60+'
}

export type FeaturesPerSplit = 'sqrt' | 'log2' | 'all' | 'number'

/** The Train screen's form, as the user edits it (percentages as the user reads them). */
export interface TrainForm {
  engine: EngineId
  trees: number
  maxDepth: number
  minSamplesLeaf: number
  featuresPerSplit: FeaturesPerSplit
  featuresNumber: number
  smote: boolean
  smoteK: number
  testSharePercent: number
  seed: number
  calibration: (typeof CALIBRATIONS)[number]
  highRiskCut: number
  /** Role → column; '' means automatic (a numeric column named like the role, if any). */
  map: Record<EngineeringRole, string>
  name: string
  activate: boolean
}

/** The models/train (and models/estimate) input for a form and a dataset. */
export function trainInput(form: TrainForm, datasetId: number): CallInput<'models/train'> {
  const map: Record<string, string> = {}
  for (const role of ENGINEERING_ROLES) if (form.map[role]) map[role] = form.map[role]
  const name = form.name.trim()
  return {
    datasetId,
    engine: form.engine,
    trees: form.trees,
    maxDepth: form.maxDepth,
    minSamplesLeaf: form.minSamplesLeaf,
    maxFeatures: form.featuresPerSplit === 'number' ? form.featuresNumber : form.featuresPerSplit,
    smote: form.smote,
    smoteK: form.smoteK,
    testSize: Math.round(form.testSharePercent * 10) / 1000,
    seed: form.seed,
    calibration: form.calibration,
    highRiskCut: form.highRiskCut,
    ...(Object.keys(map).length ? { map } : {}),
    ...(name ? { name } : {}),
    ...(form.activate ? { activate: true } : {})
  }
}

/** The numeric columns of a dataset, the only ones a role can map to. */
export function numericColumns(specs: ColumnSpec[]): string[] {
  return specs.filter((c) => c.kind === 'numeric').map((c) => c.name)
}

/** The features a split can choose from: the numeric and categorical columns, and the three engineered ones. */
export function featureCount(specs: ColumnSpec[]): number {
  return specs.filter((c) => c.kind === 'numeric' || c.kind === 'categorical').length + 3
}

/** How long a training estimate is, for the warning shown before starting. */
export type EstimateLevel = 'quick' | 'long' | 'very long'

/** Quick under two minutes, long up to half an hour, very long beyond. */
export function estimateLevel(seconds: number): EstimateLevel {
  if (seconds >= 30 * 60) return 'very long'
  if (seconds >= 2 * 60) return 'long'
  return 'quick'
}

/** The estimate in words: "about 4 s", "about 12 min 30 s", "under a second". */
export function estimateText(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return 'unknown'
  if (seconds < 1) return 'under a second'
  return `about ${formatDuration(seconds)}`
}

/** The training job's phase in words, with trees done when it is growing them. */
export function trainPhaseText(phase: string, done: number, total: number): string {
  switch (phase) {
    case 'training':
      return `Growing trees: ${done} of ${total}`
    case 'preparing':
      return 'Preparing the data (imputation, encoding, engineered features)…'
    case 'smote':
      return 'Balancing the classes with SMOTE…'
    case 'cross-fitting':
      return total > 0
        ? `Scoring the training rows honestly: fold ${Math.min(done + 1, total)} of ${total}`
        : 'Scoring the training rows honestly…'
    case 'calibrating':
      return 'Calibrating the probabilities…'
    case 'evaluating':
      return 'Evaluating on held-out rows…'
    default:
      return 'Starting…'
  }
}
