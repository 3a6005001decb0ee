import { describe, expect, it } from 'vitest'
import type { CsvPreview } from '../../../../src/shared/dto'
import {
  changedKinds,
  delimiterName,
  datasetNameFromFile,
  initialKinds,
  suggestPositiveClass
} from '../../../../src/renderer/src/features/data/importChoices'

function preview(): CsvPreview {
  return {
    fileName: 'loans.csv',
    format: { encoding: 'utf-8', bom: false, delimiter: ',', header: [], lineEnding: '\n', sizeBytes: 10 },
    header: ['Loan_ID', 'Age', 'Region', 'Defaulted'],
    sample: [],
    columns: [
      { name: 'Loan_ID', kind: 'identifier' },
      { name: 'Age', kind: 'numeric' },
      { name: 'Region', kind: 'categorical' },
      { name: 'Defaulted', kind: 'categorical' }
    ],
    suggestedTarget: 'Defaulted',
    sampleValues: { Region: ['North', 'South'], Defaulted: ['No', 'Yes'] }
  }
}

describe('suggestPositiveClass', () => {
  it('picks 1 of a 0/1 target and the word that means default otherwise', () => {
    expect(suggestPositiveClass(['0', '1'])).toBe('1')
    expect(suggestPositiveClass(['No', 'Yes'])).toBe('Yes')
    expect(suggestPositiveClass(['Paid', 'NPA'])).toBe('NPA')
    expect(suggestPositiveClass(['Current', 'Charged Off'])).toBe('Charged Off')
  })

  it('suggests nothing when no value says default, so the user must choose', () => {
    expect(suggestPositiveClass(['A', 'B'])).toBeNull()
    expect(suggestPositiveClass([])).toBeNull()
  })
})

describe('datasetNameFromFile', () => {
  it('drops the CSV extension', () => {
    expect(datasetNameFromFile('branch_loans.csv')).toBe('branch_loans')
    expect(datasetNameFromFile('March.TSV')).toBe('March')
    expect(datasetNameFromFile('.csv')).toBe('.csv')
  })
})

describe('column kinds', () => {
  it('starts from the kinds the preview inferred', () => {
    expect(initialKinds(preview())).toEqual({
      Loan_ID: 'identifier',
      Age: 'numeric',
      Region: 'categorical',
      Defaulted: 'categorical'
    })
  })

  it('sends only the kinds the user changed, never the target', () => {
    const p = preview()
    const chosen = { ...initialKinds(p), Age: 'categorical' as const, Defaulted: 'numeric' as const }
    expect(changedKinds(p, chosen, 'Defaulted')).toEqual({ Age: 'categorical' })
    expect(changedKinds(p, initialKinds(p), 'Defaulted')).toBeUndefined()
  })
})

describe('delimiterName', () => {
  it('names the usual delimiters and shows any other as it is', () => {
    expect([',', ';', '\t', '|', '#'].map(delimiterName)).toEqual(['comma', 'semicolon', 'tab', 'pipe', '#'])
  })
})
