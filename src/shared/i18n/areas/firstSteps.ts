import { area } from '../types'
import hi from '../locales/hi/firstSteps.json'

/** What an empty screen says, and the way to what it needs: data → train → make a model active → score. */
export const firstSteps = area(
  {
    goData: 'Go to Data',
    goTrain: 'Go to Train',
    goModels: 'Go to Models',
    makeDataset:
      'Generate a synthetic loan book or import a CSV file on the Data screen; it becomes the active dataset',
    explore: {
      title: 'Nothing to explore yet',
      text: "Explore shows each column's distribution, how it relates to default, the correlations and the missing values of a dataset.",
      first: '{make}.'
    },
    train: {
      title: 'Nothing to train on yet',
      text: 'A model learns from a dataset of past loans and their outcomes: who repaid and who defaulted.',
      first: '{make}, and you train on it here.'
    },
    models: {
      title: 'No model yet',
      text: 'A model predicts, for a loan applicant, the probability of default. Each training run on the Train screen adds a model version here, with how well it predicts on loans it never saw.',
      firstTrain:
        'Train a model on the active dataset on the Train screen (200 trees on 20,000 loans take well under a minute).',
      firstData:
        'Create a dataset on the Data screen (generate a synthetic loan book or import a CSV file), then train a model on it.'
    },
    score: {
      text: 'Scoring gives, for one applicant or a whole CSV file of them, the probability of default, the decision, the risk grade (A–E) and the main reasons.',
      noActiveTitle: 'No model is active for scoring',
      noActiveFirst:
        'Choose the model to score with on the Models screen: open one and ask for it to be made active (a second person confirms).',
      noModelTitle: 'No model to score with yet',
      noModelFirst: 'Train a model on the Train screen; the first model trained becomes the active one.',
      officerTitle: 'No model is ready for scoring',
      officerText: 'Applicants are assessed with a model your risk team has approved for use.',
      officerFirst: 'Ask your risk team to make a model active. Nothing can be scored until then.'
    }
  },
  hi
)
