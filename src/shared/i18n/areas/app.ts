import { area } from '../types'
import hi from '../locales/hi/app.json'

/** The window's frame: navigation, header, status line, jobs panel, drop overlay, modes and language. */
export const app = area(
  {
    name: 'Loan Default Workbench',
    skip: 'Skip to content',
    screens: 'Screens',
    groups: { decisions: 'Decisions', data: 'Data', modelling: 'Modelling', committee: 'Committee' },
    routes: {
      data: 'Data',
      explore: 'Explore',
      train: 'Train',
      models: 'Models',
      model: 'Model evaluation',
      score: 'Score',
      history: 'History',
      strategy: 'Strategy',
      validation: 'Validation'
    },
    mode: {
      label: 'View',
      officer: 'Branch officer',
      analyst: 'Risk analyst',
      officerHelp: 'Score applicants and see past decisions.',
      analystHelp: 'Everything: data, models, policy and the dictionary.'
    },
    language: { label: 'Language', en: 'English', hi: 'हिंदी' },
    user: {
      label: 'Your name',
      placeholder: 'Name (kept with your decisions)',
      help: 'Kept with every override and approval you make on this computer.'
    },
    header: {
      activeDataset: 'Active dataset',
      noDataset: 'None yet: generate or import one',
      datasetRows: '{rows} rows',
      activeModel: 'Active model',
      modelTitle: '{model}: used for scoring. AUC {auc}',
      noneActive: 'none active: choose one on Models',
      noneYet: 'none yet',
      officerModel: 'Scoring with',
      officerModelValue: '{purpose} · trained {date}',
      officerNoModel: 'No model is ready for scoring: ask your risk team.'
    },
    status: {
      database: 'Database:',
      databaseUnknown: 'Database: unknown ({error})',
      databaseLoading: 'Database: loading…',
      datasets: '{n} dataset | {n} datasets',
      offline: 'Offline: nothing leaves this computer'
    },
    drop: {
      toScore: 'Drop the CSV file to score it',
      toImport: 'Drop the CSV file to import it',
      notCsv: '"{name}" is not a CSV file. Drop a .csv file exported from your loan system.',
      couldNotOpen: 'Could not open {name}'
    },
    jobs: {
      title: 'Background jobs',
      running: '({n} running)',
      show: 'Show',
      hide: 'Hide',
      finished: '{n} finished',
      clearFinished: 'Clear finished',
      status: { running: 'Running', done: 'Done', failed: 'Failed', cancelled: 'Cancelled' },
      progressOf: 'Progress of {label}',
      cancelledNothing: 'Cancelled; nothing was saved.',
      elapsed: 'Elapsed {time}',
      left: 'Left {time}',
      estimating: 'estimating…',
      finishing: 'finishing…',
      about: '~{time}',
      cancel: 'Cancel',
      cancelling: 'Cancelling…',
      cancelLabel: 'Cancel {label}',
      dismiss: 'Dismiss',
      dismissLabel: 'Dismiss {label}',
      couldNotCancel: 'Could not cancel the job',
      couldNotCancelWhat: 'Could not cancel the {what}',
      couldNotLoad: 'Could not load the background jobs',
      failed: 'The job failed.',
      trained: 'Model #{id} saved, AUC {auc}.',
      scored: '{rows} rows scored.',
      scoredErrors: '{rows} rows scored, {errors} in error.',
      saved: '{rows} rows saved.',
      finishedPlain: 'Finished.',
      phase: {
        starting: 'Starting',
        done: 'Done',
        generating: 'Generating loans',
        reading: 'Reading the file',
        importing: 'Saving the rows',
        loadingRows: 'Loading rows',
        profiling: 'Computing statistics',
        preparing: 'Preparing features',
        smote: 'Balancing with SMOTE',
        training: 'Growing trees',
        crossFitting: 'Cross-fitting honest scores',
        calibrating: 'Calibrating',
        evaluating: 'Evaluating on held-out rows',
        scoring: 'Scoring rows',
        searching: 'Cross-validating candidates',
        keeping: 'Training and keeping the candidates'
      }
    }
  },
  hi
)
