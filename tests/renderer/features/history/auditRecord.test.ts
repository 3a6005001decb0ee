import { describe, expect, it } from 'vitest'
import { inputRows, readAuditOutputs } from '../../../../src/renderer/src/features/history/auditRecord'

describe('readAuditOutputs', () => {
  it('reads the threshold, base rate, risk label, reasons and warnings of a stored score', () => {
    const outputs = readAuditOutputs({
      Threshold: 0.382,
      Base_Rate: 0.18,
      Risk_Label: 'very high risk',
      Reasons: [{ feature: 'Credit_Score', text: 'Credit_Score = 540 raised the risk', direction: 'raises' }],
      Warnings: [{ field: 'Annual_Income', message: 'above anything seen in training' }]
    })
    expect(outputs).toEqual({
      threshold: 0.382,
      baseRate: 0.18,
      riskLabel: 'very high risk',
      reasons: [{ feature: 'Credit_Score', text: 'Credit_Score = 540 raised the risk', direction: 'raises' }],
      warnings: ['Annual_Income: above anything seen in training']
    })
  })

  it('reads a field that is absent or malformed as missing (a record of an older version)', () => {
    const outputs = readAuditOutputs({
      Threshold: 'high',
      Base_Rate: Number.NaN,
      Risk_Label: 3,
      Reasons: [{ text: 'no direction' }, 'text', null, { text: 'ok', direction: 'lowers' }],
      Warnings: 'none'
    })
    expect(outputs).toEqual({
      threshold: null,
      baseRate: null,
      riskLabel: '',
      reasons: [{ text: 'ok', direction: 'lowers' }],
      warnings: []
    })
  })
})

describe('inputRows', () => {
  it('writes money in rupees, numbers and categories as they are, and says what is missing', () => {
    expect(
      inputRows({ Annual_Income: 450000, Age: 40, Region: 'South', Collateral: null, Notes: '' })
    ).toEqual([
      { name: 'Annual_Income', value: '₹4,50,000', missing: false },
      { name: 'Age', value: '40', missing: false },
      { name: 'Region', value: 'South', missing: false },
      { name: 'Collateral', value: 'missing', missing: true },
      { name: 'Notes', value: 'missing', missing: true }
    ])
  })
})
