import { area } from '../types'
import hi from '../locales/hi/common.json'

/** Words many screens share: buttons, empty states, confirmations. */
export const common = area(
  {
    cancel: 'Cancel',
    close: 'Close',
    save: 'Save',
    saved: 'Saved.',
    reset: 'Reset to defaults',
    tryAgain: 'Try again',
    delete: 'Delete',
    keepIt: 'Keep it',
    confirm: 'Confirm',
    yes: 'Yes',
    no: 'No',
    none: 'none',
    loading: 'Loading…',
    firstStep: 'What to do first:',
    missing: '—',
    edit: 'Edit',
    add: 'Add',
    remove: 'Remove',
    name: 'Name',
    note: 'Note',
    windowError: 'Something went wrong in the window: {message}',
    datasetsFailed: 'Could not load the datasets'
  },
  hi
)
