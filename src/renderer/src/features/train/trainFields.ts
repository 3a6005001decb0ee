import type { TRAIN_LIMITS } from './trainParameters'

/** A number of the Train form, by its name in the form (and in TRAIN_LIMITS). */
export type TrainNumber = keyof typeof TRAIN_LIMITS

/** How the Train form shows a number: its input's id, its label and the hint under it. */
export interface TrainNumberField {
  id: string
  label: string
  hint: string
}

/** Every number of the Train form, by name: the words beside the bounds of trainParameters.ts. */
export const TRAIN_NUMBER_FIELDS: Record<TrainNumber, TrainNumberField> = {
  trees: { id: 'train-trees', label: 'Trees', hint: 'More: steadier, slower.' },
  maxDepth: { id: 'train-depth', label: 'Max depth', hint: 'Questions in a row per tree.' },
  minSamplesLeaf: { id: 'train-leaf', label: 'Min loans per leaf', hint: 'Larger: smoother probabilities.' },
  seed: { id: 'train-seed', label: 'Seed', hint: 'Same data and seed, same model.' },
  smoteK: { id: 'train-smote-k', label: 'neighbours k', hint: '' },
  testSharePercent: {
    id: 'train-test',
    label: 'Test share (%)',
    hint: 'Loans held back, never trained on, to measure the model honestly.'
  },
  highRiskCut: {
    id: 'train-cut',
    label: 'High-risk credit score cut',
    hint: 'Scores below it set High_Credit_Risk (CIBIL sub-prime: 600).'
  }
}
