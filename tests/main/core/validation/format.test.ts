import { describe, expect, it } from 'vitest'
import { lakhCrore, percent, pValue, rupees } from '../../../../src/main/core/validation/format'

describe('format', () => {
  it('writes rupees in lakh and crore as Indian readers say them', () => {
    // 1 lakh = 1,00,000; 1 crore = 1,00,00,000.
    expect(lakhCrore(12_340)).toBe('₹12,340')
    expect(lakhCrore(452_000)).toBe('₹4.52 lakh')
    expect(lakhCrore(13_100_000)).toBe('₹1.31 crore')
    expect(lakhCrore(-2_348_000)).toBe('−₹23.48 lakh')
    expect(rupees(1_234_567.8)).toBe('₹12,34,568')
  })

  it('writes shares and p-values for a committee', () => {
    expect(percent(0.0523)).toBe('5.2 %')
    expect(percent(0.0523, 2)).toBe('5.23 %')
    expect(pValue(0.0342)).toBe('0.034')
    expect(pValue(0.0004)).toBe('< 0.001')
  })
})
