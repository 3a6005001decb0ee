import { describe, expect, it } from 'vitest'
import { DecisionText } from '../../../../src/shared/decisionText'
import { resolveDictionary } from '../../../../src/shared/dictionary'
import type { ReasonInfo } from '../../../../src/shared/dto'
import {
  gradeDistributionOption,
  waterfallSteps
} from '../../../../src/renderer/src/features/score/scoreCharts'

function reason(feature: string, value: ReasonInfo['value'], contribution: number): ReasonInfo {
  return { feature, value, contribution, direction: contribution >= 0 ? 'raises' : 'lowers', text: '' }
}

const words = new DecisionText(
  resolveDictionary(
    ['Credit_Score', 'Past_Delinquencies', 'Region', 'Age', 'Loan_Amount'].map((name) => ({
      name,
      kind: name === 'Region' ? ('categorical' as const) : ('numeric' as const)
    }))
  )
)

describe('waterfallSteps', () => {
  const contributions = [
    reason('Credit_Score', 540, 0.3),
    reason('Past_Delinquencies', 0, -0.05),
    reason('Region', 'North', 0.02),
    reason('Age', 30, -0.01),
    reason('Loan_Amount', 500000, 0.005)
  ]
  // 0.1 + 0.265 from the fields given − 0.04 from the two not provided = 0.325.
  const result = {
    Base_Rate: 0.1,
    Contributions: contributions,
    Default_Probability: 0.325,
    Not_Provided: { fields: ['Annual_Income', 'Collateral'], contribution: -0.04, text: '' }
  }

  it('walks from the base rate through the largest contributions, then the fields not provided, to the probability', () => {
    const steps = waterfallSteps(result, words, 2)
    expect(steps.map((s) => s.label)).toEqual([
      'Base rate',
      'Credit score: 540',
      'Past missed payments: 0',
      '3 other fields',
      '2 fields not provided',
      'Probability of default'
    ])
    // Each bar starts where the previous ended; the last running value is the probability.
    for (let i = 2; i < steps.length - 1; i++) expect(steps[i].start).toBeCloseTo(steps[i - 1].end, 12)
    expect(steps.at(-2)!.end).toBeCloseTo(0.325, 12)
    expect(steps[1].kind).toBe('raises')
    expect(steps[2].kind).toBe('lowers')
    expect(steps[1].text).toBe('Credit score: 540 — raised the risk by 30.0 %')
  })

  it('needs no "other" or "not provided" bar when every field is shown and given', () => {
    const labels = waterfallSteps(
      { ...result, Not_Provided: { fields: [], contribution: 0, text: '' } },
      words
    ).map((s) => s.label)
    expect(labels.some((l) => /other|not provided/.test(l))).toBe(false)
    expect(labels).toContain('Loan amount: ₹5,00,000')
  })
})

describe('gradeDistributionOption', () => {
  it('lists the risk grades from A to E', () => {
    const option = gradeDistributionOption({ C: 3, A: 10, E: 1, B: 5, D: 2 })
    const axis = option.xAxis as { data: string[] }
    expect(axis.data).toEqual(['Grade A', 'Grade B', 'Grade C', 'Grade D', 'Grade E'])
  })
})
