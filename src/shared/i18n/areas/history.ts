import { area } from '../types'
import hi from '../locales/hi/history.json'

/** The History screen: every score and batch, its applicant, verdict and officer's decision. */
export const history = area(
  {
    emptyFiltered: 'Nothing matches these filters.',
    emptyNone: 'Nothing has been scored yet.',
    clearFilter: 'Clear a filter to see more.',
    emptyText:
      'Every applicant scored on the Score screen, by the ptm command or by the /predict service, and every batch file, is kept here with its inputs, outputs and reasons.',
    aria: 'Scoring history',
    nothing: 'Nothing to show',
    applicant: 'Applicant',
    batch: 'Batch',
    columns: {
      when: 'When',
      kind: 'Kind',
      reference: 'Applicant',
      verdict: 'Verdict',
      officer: 'Officer’s decision',
      model: 'Model',
      what: 'What'
    },
    noReference: 'not recorded',
    risk: '{probability} · grade {grade}',
    via: 'via {channel}',
    batchLine: '{file}: {rows} rows, {scored} scored',
    batchErrors: ', {errors} in error',
    count: '{n} entry, newest first | {n} entries, newest first',
    capped: '(the latest {n}: narrow the dates to see older ones)',
    refresh: 'Refresh',
    details: 'Details',
    detailsOf: 'Details of {entry}',
    loadFailed: 'Could not load the history',
    openFailed: 'Could not open the record',
    entrySingle: 'Applicant scored {time} (record #{id})',
    entryBatch: 'Batch {file}, {time}',
    channel: {
      appShort: 'this app',
      appLong: 'this app',
      cliShort: 'ptm command',
      cliLong: 'the ptm command',
      httpShort: '/predict',
      httpLong: 'the /predict service'
    },
    filters: {
      aria: 'Filter the history',
      search: 'Applicant',
      searchPlaceholder: 'Name, customer ID or application no.',
      dates: 'Dates',
      to: 'to',
      from: 'From',
      until: 'To',
      dateRange: 'Date range',
      model: 'Model',
      anyModel: 'Any model',
      verdict: 'Verdict',
      any: 'Any',
      kind: 'Kind',
      all: 'All',
      singles: 'Single applicants',
      batches: 'Batch files',
      verdictNote: 'Batches have no single verdict, so the verdict filter shows single scores only.'
    },
    detail: {
      reasons: 'Reasons',
      noReasons: 'No reasons were recorded.',
      warnings: 'Points to check',
      inputs: 'Inputs as given',
      inputsAria: 'Inputs',
      field: 'Field',
      value: 'Value',
      notGiven: 'not given',
      probability: 'Probability of default',
      threshold: 'Decision threshold',
      baseRate: 'Base rate',
      model: 'Model',
      scored: 'Scored',
      scoredVia: '{time}, via {channel}',
      audit: 'Audit record',
      reference: 'Applicant',
      batchLine: 'Scored {time} by #{id} {model} · file fingerprint (SHA-256)'
    }
  },
  hi
)
