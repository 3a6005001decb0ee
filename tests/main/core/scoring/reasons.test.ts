import { describe, expect, it } from 'vitest'
import { describeReason, type Reason } from '../../../../src/main/core/scoring/reasons'

describe('describeReason', () => {
  const reason = (value: number | string | null, contribution: number): Reason => ({
    feature: 'Credit_Score',
    value,
    contribution,
    direction: contribution > 0 ? 'raises' : 'lowers'
  })

  it('states the value, the direction and the change in percentage points', () => {
    expect(describeReason(reason(540, 0.123))).toBe(
      'Credit_Score = 540 raised the default risk by 12.3 points'
    )
    expect(describeReason(reason(540, -0.0456))).toBe(
      'Credit_Score = 540 lowered the default risk by 4.6 points'
    )
  })

  it('rounds numbers to at most two decimals and leaves strings alone', () => {
    expect(describeReason(reason(0.45678, 0.1))).toBe(
      'Credit_Score = 0.46 raised the default risk by 10.0 points'
    )
    expect(describeReason(reason(1.5, 0.1))).toContain('= 1.5 ')
    expect(describeReason(reason(25000, 0.1))).toContain('= 25000 ')
    expect(describeReason(reason('Unemployed', 0.1))).toContain('= Unemployed ')
  })

  it('says when the value is missing and when the change is below a tenth of a point', () => {
    expect(describeReason(reason(null, 0.02))).toBe(
      'Credit_Score (missing) raised the default risk by 2.0 points'
    )
    expect(describeReason(reason(NaN, -0.0002))).toBe(
      'Credit_Score (missing) lowered the default risk by less than 0.1 points'
    )
  })

  it('uses the label instead of the column name when given', () => {
    expect(describeReason(reason(540, 0.123), 'Credit score')).toBe(
      'Credit score = 540 raised the default risk by 12.3 points'
    )
  })

  it('rounds a change of exactly 0.05 points up to 0.1 points, not "less than 0.1"', () => {
    // 0.0005 × 100 is exactly 0.05 in binary floating point, which toFixed(1) shows as 0.1.
    expect(describeReason(reason(540, 0.0005))).toBe(
      'Credit_Score = 540 raised the default risk by 0.1 points'
    )
  })

  it('writes values of 1e15 and beyond with six significant digits', () => {
    expect(describeReason(reason(1.23456789e25, 0.1))).toContain('= 1.23457e+25 ')
    expect(describeReason(reason(-9.87654321e18, 0.1))).toContain('= -9876540000000000000 ')
    expect(describeReason(reason(Number.POSITIVE_INFINITY, 0.1))).toContain('= Infinity ')
  })
})
