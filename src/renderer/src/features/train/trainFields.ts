import type { MessageKey } from '../../i18n'
import type { TRAIN_LIMITS } from './trainParameters'

/** A number of the Train form, by its name in the form (and in TRAIN_LIMITS). */
export type TrainNumber = keyof typeof TRAIN_LIMITS

/** How the Train form shows a number: its input's id, and its label and hint (catalogue keys). */
export interface TrainNumberField {
  id: string
  label: MessageKey
  hint: MessageKey | null
}

/** Every number of the Train form, by name: the words beside the bounds of trainParameters.ts. */
export const TRAIN_NUMBER_FIELDS: Record<TrainNumber, TrainNumberField> = {
  seed: { id: 'train-seed', label: 'train.numbers.seed', hint: 'train.numbers.seedHint' },
  smoteK: { id: 'train-smote-k', label: 'train.numbers.smoteK', hint: null },
  testSharePercent: {
    id: 'train-test',
    label: 'train.numbers.testShare',
    hint: 'train.numbers.testShareHint'
  },
  highRiskCut: { id: 'train-cut', label: 'train.numbers.highRiskCut', hint: 'train.numbers.highRiskCutHint' }
}
