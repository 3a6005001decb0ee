import { describe, expect, it } from 'vitest'
import { resolveDictionary } from '../../../../src/shared/dictionary'
import { inputRows, readAuditOutputs } from '../../../../src/renderer/src/features/history/auditRecord'

describe('readAuditOutputs', () => {
  it('reads the threshold, base rate, reasons, the fields not provided and the warnings of a stored score', () => {
    const reason = { feature: 'Credit_Score', value: 540, contribution: 0.12, direction: 'raises', text: 'x' }
    const warning = { field: 'Annual_Income', severity: 'warning', message: 'outside', rule: 'range' }
    const outputs = readAuditOutputs({
      Threshold: 0.382,
      Base_Rate: 0.18,
      Reasons: [reason],
      Not_Provided: { fields: ['Age'], contribution: -0.01, text: '' },
      Warnings: [warning]
    })
    expect(outputs).toEqual({
      threshold: 0.382,
      baseRate: 0.18,
      contributions: [reason],
      notProvided: { fields: ['Age'], contribution: -0.01, text: '' },
      warnings: [warning]
    })
  })

  it('reads a field that is absent or malformed as missing (a record of an older version)', () => {
    const outputs = readAuditOutputs({
      Threshold: 'high',
      Base_Rate: Number.NaN,
      Reasons: [
        { text: 'no feature' },
        'text',
        null,
        { feature: 'Age', contribution: -0.1, direction: 'lowers' }
      ],
      Not_Provided: 'none',
      Warnings: 'none'
    })
    expect(outputs).toEqual({
      threshold: null,
      baseRate: null,
      contributions: [{ feature: 'Age', contribution: -0.1, direction: 'lowers' }],
      notProvided: null,
      warnings: []
    })
  })
})

describe('inputRows', () => {
  it('names fields by the dictionary and writes values in their units, saying what was not given', () => {
    const dictionary = resolveDictionary([
      { name: 'Annual_Income', kind: 'numeric' },
      { name: 'Debt_to_Income', kind: 'numeric' },
      { name: 'Region', kind: 'categorical' },
      { name: 'Collateral', kind: 'categorical' }
    ])
    expect(
      inputRows(
        { Annual_Income: 450000, Debt_to_Income: 0.4, Region: 'South', Collateral: null, Notes: '' },
        dictionary
      )
    ).toEqual([
      { name: 'Annual income', value: '₹4,50,000', missing: false },
      { name: 'Debt to income', value: '40 %', missing: false },
      { name: 'Region', value: 'South', missing: false },
      { name: 'Collateral', value: 'not given', missing: true },
      { name: 'Notes', value: 'not given', missing: true }
    ])
  })
})
