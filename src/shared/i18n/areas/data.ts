import { area } from '../types'
import hi from '../locales/hi/data.json'

/** The Data screen: generate, import (with its report), the list of datasets. */
export const data = area(
  {
    list: {
      title: 'Datasets',
      refresh: 'Refresh',
      noneTitle: 'No datasets yet.',
      noneText:
        'Start by generating a synthetic loan book above (20,000 rows take a few seconds), or import your own CSV file.',
      aria: 'Datasets',
      loading: 'Loading…',
      active: 'active',
      columns: {
        name: 'Name',
        rows: 'Rows',
        columns: 'Columns',
        defaultRate: 'Default rate',
        source: 'Source',
        created: 'Created',
        actions: 'Actions'
      },
      generated: 'Generated',
      imported: 'Imported: {file}',
      use: 'Use',
      useLabel: 'Make {name} the active dataset',
      explore: 'Explore',
      exploreLabel: 'Explore {name}',
      report: 'Report',
      reportLabel: 'Import report of {name}',
      export: 'Export',
      exportLabel: 'Export {name}',
      delete: 'Delete',
      deleteLabel: 'Delete {name}',
      reportFailed: 'Could not load the report',
      exportFailed: 'Export failed',
      exported: 'Exported {rows} rows to {path}',
      exportCancelled: 'Export cancelled.',
      deleteTitle: 'Delete dataset',
      deleteText:
        'Delete “{name}” ({rows} rows)? Its rows are removed from the database; this cannot be undone.',
      deleted: 'Deleted “{name}”.',
      deleteFailed: 'Could not delete the dataset',
      keptActive:
        '“{name}” is saved. The active dataset is still “{active}”: choose Use on the new one when you want to work with it.'
    },
    generate: {
      title: 'Generate synthetic data',
      rows: 'Rows',
      seed: 'Seed',
      seedHint: 'same seed, same data',
      rate: 'Default rate (%)',
      rateHint: 'share of loans that default',
      name: 'Name (optional)',
      namePlaceholder: 'Synthetic loans (rows, seed)',
      button: 'Generate',
      failed: 'Could not start generating'
    },
    import: {
      title: 'Import a CSV file',
      intro: 'Loan records exported from your system: one row per loan, one column for the outcome.',
      choose: 'Choose CSV file…',
      orDrop: 'or drop a CSV file anywhere on this window',
      openFailed: 'Could not open {file}',
      openFailedPlain: 'Could not open the file',
      dialogTitle: 'Import {file}',
      format: '{size} · {columns} columns · encoding {encoding}{bom} · delimiter',
      bom: ' (with BOM)',
      showing: '· showing the first {n} rows',
      name: 'Dataset name',
      target: 'Target column (the loan outcome)',
      targetAria: 'Target column',
      chooseColumn: 'Choose a column',
      positive: 'Value that means “defaulted”',
      positiveAria: 'Positive class (defaulted)',
      chooseValue: 'Choose a value',
      typeValue: 'Type the value',
      kindsHint:
        'Column types were inferred from the first rows; change any that are wrong. Identifiers (customer or account numbers) are kept but never used as model features.',
      previewAria: 'Preview of the first rows',
      targetTag: 'Target',
      typeOf: 'Type of column {column}',
      cancel: 'Cancel',
      button: 'Import',
      startFailed: 'The import could not start',
      chooseTarget: 'Choose the column that records whether each loan defaulted.',
      manyValues:
        '“{column}” has many different values in the first rows; the target must have exactly two (for example 0/1 or Yes/No).',
      tooMany: '“{column}” has {n} different values in the first rows; the target must have two.',
      choosePositive: 'Choose which value of “{column}” means the loan defaulted.',
      failed: 'The import failed; nothing was saved.',
      reportFailed: 'The import finished but its report could not be shown',
      kinds: { numeric: 'Numeric', categorical: 'Categorical', identifier: 'Identifier (not a feature)' },
      delimiters: { comma: 'comma', semicolon: 'semicolon', tab: 'tab', pipe: 'pipe' }
    },
    report: {
      title: 'Import report: {name}',
      titlePlain: 'Import report',
      read: 'rows read',
      imported: 'rows imported',
      rejected: 'lines rejected',
      rate: 'default rate ({target} = {positive})',
      generated: 'Generated',
      encoding: ' · encoding {encoding}',
      delimiter: ' · delimiter {delimiter}',
      columns: ' · {n} columns',
      rejectedTitle: 'Rejected lines',
      rejectedText:
        'These lines were left out; the rest of the file was imported. Fix them in the file and import it again to include them.',
      showing: 'Showing the first {shown} of {total}.',
      rejectedAria: 'Rejected lines',
      allImported: 'Every line was imported.',
      close: 'Close',
      use: 'Use this dataset',
      explore: 'Explore this dataset',
      line: 'Line',
      column: 'Column',
      value: 'Value',
      reason: 'Reason'
    }
  },
  hi
)
