import { t } from '../../i18n'
import type { FirstStep } from '../firstSteps'

/** Strategy or Validation with no model yet: what the screen is for, and the way to a model. */
export function committeeFirst(screen: 'strategy' | 'validation'): FirstStep {
  return {
    title: t(screen === 'strategy' ? 'committee.emptyStrategy' : 'committee.emptyValidation'),
    text: t('committee.emptyText'),
    firstStep: t('committee.emptyFirst'),
    action: t('firstSteps.goTrain'),
    to: '/train'
  }
}
