import { area } from '../types'

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
  {
    cancel: 'रद्द करें',
    close: 'बंद करें',
    save: 'सहेजें',
    saved: 'सहेजा गया।',
    reset: 'डिफ़ॉल्ट पर लौटें',
    tryAgain: 'फिर से प्रयास करें',
    delete: 'हटाएँ',
    keepIt: 'रहने दें',
    confirm: 'पुष्टि करें',
    yes: 'हाँ',
    no: 'नहीं',
    none: 'कोई नहीं',
    loading: 'लोड हो रहा है…',
    firstStep: 'पहले क्या करें:',
    missing: '—',
    edit: 'संपादित करें',
    add: 'जोड़ें',
    remove: 'हटाएँ',
    name: 'नाम',
    note: 'टिप्पणी',
    windowError: 'विंडो में कुछ गलत हुआ: {message}',
    datasetsFailed: 'डेटासेट लोड नहीं हो सके'
  }
)
