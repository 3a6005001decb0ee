import { describe, expect, it } from 'vitest'
import { normaliseColumnName } from '../../../../src/main/core/data/columnNames'

describe('normaliseColumnName', () => {
  it('gives one name whatever the case, spaces, underscores, dots and hyphens', () => {
    for (const name of ['Credit_Score', 'credit score', 'CREDIT-SCORE', 'Credit.Score', ' credit__ score\t'])
      expect(normaliseColumnName(name)).toBe('creditscore')
  })

  it('keeps letters, digits and other signs, so different names stay apart', () => {
    expect(normaliseColumnName('Loan_to_Balance_Ratio')).toBe('loantobalanceratio')
    expect(normaliseColumnName('Feature_12')).not.toBe(normaliseColumnName('Feature_1'))
    expect(normaliseColumnName('Income (₹)')).toBe('income(₹)')
    expect(normaliseColumnName('Age')).not.toBe(normaliseColumnName('Age_Group'))
  })

  it('leaves nothing of a name made only of separators', () => {
    expect(normaliseColumnName(' _.- ')).toBe('')
  })
})
