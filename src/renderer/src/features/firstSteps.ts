import { t } from '../i18n'

/**
 * What a screen says while what it needs does not exist yet, and the way to it: data →
 * train → make a model active → score. Said here, in one place, so the path reads the
 * same on every screen (the words are the catalogue's "firstSteps" area).
 */

/** An empty screen's words: what it is for, what to do first, and the screen to go to. */
export interface FirstStep {
  title: string
  text: string
  firstStep: string
  action?: string
  to?: string
}

const goToData = (): Pick<FirstStep, 'action' | 'to'> => ({ action: t('firstSteps.goData'), to: '/data' })

/** A screen that needs a dataset, with none: its own words, then the way to Data. */
function needsDataset(screen: 'explore' | 'train'): FirstStep {
  return {
    title: t(`firstSteps.${screen}.title`),
    text: t(`firstSteps.${screen}.text`),
    firstStep: t(`firstSteps.${screen}.first`, { make: t('firstSteps.makeDataset') }),
    ...goToData()
  }
}

/** Explore, with no dataset. */
export function exploreFirst(): FirstStep {
  return needsDataset('explore')
}

/** Train, with no dataset. */
export function trainFirst(): FirstStep {
  return needsDataset('train')
}

/** Models, with no model: train one, or first make a dataset to train on. */
export function modelsFirst(hasDataset: boolean): FirstStep {
  return {
    title: t('firstSteps.models.title'),
    text: t('firstSteps.models.text'),
    ...(hasDataset
      ? { firstStep: t('firstSteps.models.firstTrain'), action: t('firstSteps.goTrain'), to: '/train' }
      : { firstStep: t('firstSteps.models.firstData'), ...goToData() })
  }
}

/**
 * Score, with no active model. A branch officer is told to ask the risk team (no link to
 * screens an officer does not see); an analyst is shown the way to a model.
 */
export function scoreFirst(hasModels: boolean, officer = false): FirstStep {
  if (officer)
    return {
      title: t('firstSteps.score.officerTitle'),
      text: t('firstSteps.score.officerText'),
      firstStep: t('firstSteps.score.officerFirst')
    }
  const text = t('firstSteps.score.text')
  return hasModels
    ? {
        title: t('firstSteps.score.noActiveTitle'),
        text,
        firstStep: t('firstSteps.score.noActiveFirst'),
        action: t('firstSteps.goModels'),
        to: '/models'
      }
    : {
        title: t('firstSteps.score.noModelTitle'),
        text,
        firstStep: t('firstSteps.score.noModelFirst'),
        action: t('firstSteps.goTrain'),
        to: '/train'
      }
}
