import { area } from '../types'
import hi from '../locales/hi/committee.json'

/** What the committee's two screens (Strategy, Validation) share: the model and the loans they run on. */
export const committee = area(
  {
    model: 'Model',
    noModel: 'Choose a model',
    heldOut: "The model's held-out rows",
    chooseFile: 'Choose CSV file…',
    useHeldOut: 'Use the held-out rows',
    openFailed: 'Could not open the file',
    emptyStrategy: 'Choose a cut-off by what it approves, loses and earns',
    emptyValidation: 'Validate a model before and after it goes live',
    emptyText:
      "The committee's screens work on a trained model: its held-out rows, or a file of loans with their outcomes.",
    emptyFirst: 'train a model.'
  },
  hi
)
