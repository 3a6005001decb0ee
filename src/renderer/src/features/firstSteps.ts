/**
 * What a screen says while what it needs does not exist yet, and the way to it: data →
 * train → make a model active → score. Said here, in one place, so the path reads the
 * same on every screen (and its words can be translated together).
 */

/** An empty screen's words: what it is for, what to do first, and the screen to go to. */
export interface FirstStep {
  title: string
  text: string
  firstStep: string
  action: string
  to: string
}

const GO_TO_DATA = { action: 'Go to Data', to: '/data' } as const
const MAKE_A_DATASET =
  'Generate a synthetic loan book or import a CSV file on the Data screen; it becomes the active dataset'

/** Explore, with no dataset. */
export const EXPLORE_FIRST: FirstStep = {
  title: 'Nothing to explore yet',
  text: "Explore shows each column's distribution, how it relates to default, the correlations and the missing values of a dataset.",
  firstStep: `${MAKE_A_DATASET}.`,
  ...GO_TO_DATA
}

/** Train, with no dataset. */
export const TRAIN_FIRST: FirstStep = {
  title: 'Nothing to train on yet',
  text: 'A model learns from a dataset of past loans and their outcomes: who repaid and who defaulted.',
  firstStep: `${MAKE_A_DATASET}, and you train on it here.`,
  ...GO_TO_DATA
}

/** Models, with no model: train one, or first make a dataset to train on. */
export function modelsFirst(hasDataset: boolean): FirstStep {
  return {
    title: 'No model yet',
    text: 'A model predicts, for a loan applicant, the probability of default. Each training run on the Train screen adds a model version here, with how well it predicts on loans it never saw.',
    ...(hasDataset
      ? {
          firstStep:
            'Train a model on the active dataset on the Train screen (200 trees on 20,000 loans take well under a minute).',
          action: 'Go to Train',
          to: '/train'
        }
      : {
          firstStep:
            'Create a dataset on the Data screen (generate a synthetic loan book or import a CSV file), then train a model on it.',
          ...GO_TO_DATA
        })
  }
}

/** Score, with no active model: make one active, or first train one. */
export function scoreFirst(hasModels: boolean): FirstStep {
  const text =
    'Scoring gives, for one applicant or a whole CSV file of them, the probability of default, the decision, the risk grade (A–E) and the main reasons.'
  return hasModels
    ? {
        title: 'No model is active for scoring',
        text,
        firstStep: 'Choose the model to score with on the Models screen: open one and press “Make active”.',
        action: 'Go to Models',
        to: '/models'
      }
    : {
        title: 'No model to score with yet',
        text,
        firstStep: 'Train a model on the Train screen; the first model trained becomes the active one.',
        action: 'Go to Train',
        to: '/train'
      }
}
