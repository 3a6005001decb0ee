import { describe, expect, it } from 'vitest'
import {
  describeReason,
  groupContributions,
  type Reason,
  topReasons,
  topRiskReasons
} from '../../../../src/main/core/scoring/reasons'

const names = ['Credit_Score', 'Loan_Amount', 'Account_Balance', 'Employment_Status', 'Age']
const values: (number | string | null)[] = [540, 25000.456, null, 'Unemployed', 41]

describe('topReasons', () => {
  it('orders by absolute contribution, breaks ties by feature index and skips exact zeros', () => {
    const phi = Float64Array.from([0.05, -0.12, 0, 0.05, -0.01])
    const reasons = topReasons(phi, names, values, 10)
    expect(reasons.map((r) => r.feature)).toEqual(['Loan_Amount', 'Credit_Score', 'Employment_Status', 'Age'])
    expect(reasons[0]).toEqual({
      feature: 'Loan_Amount',
      value: 25000.456,
      contribution: -0.12,
      direction: 'lowers'
    })
    expect(reasons[1].direction).toBe('raises')
  })

  it('returns three reasons by default', () => {
    const phi = Float64Array.from([0.05, -0.12, 0.02, 0.03, -0.01])
    expect(topReasons(phi, names, values).map((r) => r.feature)).toEqual([
      'Loan_Amount',
      'Credit_Score',
      'Employment_Status'
    ])
  })

  it('rejects names or values that do not line up with the contributions', () => {
    expect(() => topReasons(new Float64Array(4), names, values)).toThrow(
      /4 contributions but 5 feature names/
    )
  })
})

describe('topRiskReasons', () => {
  it('keeps only features that raised the risk, largest first', () => {
    const phi = Float64Array.from([0.05, -0.3, 0.2, 0.01, 0.07])
    const reasons = topRiskReasons(phi, names, values, 2)
    expect(reasons.map((r) => [r.feature, r.contribution])).toEqual([
      ['Account_Balance', 0.2],
      ['Age', 0.07]
    ])
    expect(reasons.every((r) => r.direction === 'raises')).toBe(true)
  })

  it('returns nothing when no feature raised the risk', () => {
    expect(topRiskReasons(Float64Array.from([-0.1, 0, -0.2, 0, 0]), names, values)).toEqual([])
  })
})

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
})

describe('groupContributions', () => {
  it('sums contributions per raw column and keeps the total', () => {
    // Features: Loan_Amount, Account_Balance, Loan_to_Balance_Ratio, Credit_Score.
    const phi = Float64Array.from([0.1, -0.04, 0.07, -0.2])
    const grouped = groupContributions(phi, [[0, 2], [1], [3]])
    expect(grouped[0]).toBeCloseTo(0.17, 12)
    expect(grouped[1]).toBeCloseTo(-0.04, 12)
    expect(grouped[2]).toBeCloseTo(-0.2, 12)
    expect(grouped.reduce((s, v) => s + v, 0)).toBeCloseTo(
      phi.reduce((s, v) => s + v, 0),
      12
    )
  })

  it('rejects out-of-range indices and a feature listed in two groups', () => {
    const phi = new Float64Array(3)
    expect(() => groupContributions(phi, [[0, 3]])).toThrow(/group 0 lists feature 3/)
    expect(() =>
      groupContributions(phi, [
        [0, 1],
        [1, 2]
      ])
    ).toThrow(/feature 1 is listed in more than one group/)
  })
})
