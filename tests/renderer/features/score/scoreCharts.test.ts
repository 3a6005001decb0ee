import { describe, expect, it } from 'vitest'
import type { ReasonInfo } from '../../../../src/shared/dto'
import {
  gradeDistributionOption,
  reasonLabel,
  waterfallSteps
} from '../../../../src/renderer/src/features/score/scoreCharts'

function reason(feature: string, value: ReasonInfo['value'], contribution: number): ReasonInfo {
  return {
    feature,
    value,
    contribution,
    direction: contribution >= 0 ? 'raises' : 'lowers',
    text: `${feature} moved the risk`
  }
}

describe('waterfallSteps', () => {
  const contributions = [
    reason('Credit_Score', 540, 0.3),
    reason('Past_Delinquencies', 0, -0.05),
    reason('Region', 'North', 0.02),
    reason('Age', 30, -0.01),
    reason('Collateral', null, 0.005)
  ]

  it('walks from the base rate through the largest contributions to the probability', () => {
    const steps = waterfallSteps(0.1, contributions, 0.365, 2)
    expect(steps.map((s) => s.label)).toEqual([
      'Base rate',
      'Credit_Score = 540',
      'Past_Delinquencies = 0',
      '3 other features',
      'Probability of default'
    ])
    // Each bar starts where the previous ended; the last running value is the probability.
    for (let i = 2; i < steps.length - 1; i++) expect(steps[i].start).toBeCloseTo(steps[i - 1].end, 12)
    expect(steps.at(-2)!.end).toBeCloseTo(0.365, 12)
    expect(steps[1].kind).toBe('raises')
    expect(steps[2].kind).toBe('lowers')
    expect(steps[1].text).toBe('Credit_Score moved the risk')
  })

  it('needs no "other" bar when every contribution is shown', () => {
    expect(waterfallSteps(0.1, contributions, 0.365).map((s) => s.label)).not.toContain('0 other features')
  })

  it('labels missing values and money in words', () => {
    expect(reasonLabel({ feature: 'Collateral', value: null })).toBe('Collateral (missing)')
    expect(reasonLabel({ feature: 'Loan_Amount', value: 500000 })).toBe('Loan_Amount = ₹5,00,000')
    expect(reasonLabel({ feature: 'Debt_to_Income', value: 0.31 })).toBe('Debt_to_Income = 0.31')
  })
})

describe('gradeDistributionOption', () => {
  it('lists the risk grades from A to E', () => {
    const option = gradeDistributionOption({ C: 3, A: 10, E: 1, B: 5, D: 2 })
    const axis = option.xAxis as { data: string[] }
    expect(axis.data).toEqual(['Grade A', 'Grade B', 'Grade C', 'Grade D', 'Grade E'])
  })
})
