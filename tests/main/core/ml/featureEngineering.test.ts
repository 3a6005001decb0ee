import { describe, expect, it } from 'vitest'
import {
  AGE_BRACKETS,
  DEFAULT_HIGH_RISK_CUT,
  engineerFeatures,
  planEngineering,
  resolveRoles,
  withEngineered
} from '../../../../src/main/core/ml/featureEngineering'

const ROLES = {
  Loan_Amount: 'Loan_Amount',
  Account_Balance: 'Account_Balance',
  Credit_Score: 'Credit_Score',
  Age: 'Age'
}

function ageGroups(ages: number[]): (string | null)[] {
  const spec = planEngineering({ Age: 'Age' }, ['Age'])
  return engineerFeatures(spec, new Map([['Age', Float64Array.from(ages)]]), ages.length).categorical.get(
    'Age_Group'
  )!
}

describe('Age_Group', () => {
  it('puts each age in the bracket its label names (upper bounds inclusive), worked by hand', () => {
    const ages = [18, 25, 25.5, 26, 35, 36, 45, 46, 60, 61, 90, NaN]
    expect(ageGroups(ages)).toEqual([
      '18-25',
      '18-25',
      '26-35',
      '26-35',
      '26-35',
      '36-45',
      '36-45',
      '46-60',
      '46-60',
      '60+',
      '60+',
      null
    ])
  })

  it('gives every whole age from 18 to 100 the label whose printed range holds it', () => {
    const ages = Array.from({ length: 83 }, (_, i) => 18 + i)
    ageGroups(ages).forEach((label, i) => {
      const age = ages[i]
      const range = /^(\d+)-(\d+)$/.exec(label ?? '')
      const open = /^(\d+)\+$/.exec(label ?? '')
      if (range) expect(age >= Number(range[1]) && age <= Number(range[2]), `${age} → ${label}`).toBe(true)
      else if (open) expect(age > Number(open[1]), `${age} → ${label}`).toBe(true)
      else throw new Error(`unexpected label ${label}`)
    })
  })

  it('stores the brackets in the model spec', () => {
    expect(planEngineering({ Age: 'Age' }, ['Age']).ageGroup).toEqual({
      age: 'Age',
      upper: [25, 35, 45, 60],
      labels: ['18-25', '26-35', '36-45', '46-60', '60+']
    })
    expect(AGE_BRACKETS.upper).toHaveLength(AGE_BRACKETS.labels.length - 1)
  })
})

describe('Loan_to_Balance_Ratio and High_Credit_Risk', () => {
  it('divides the loan by a positive balance and leaves the ratio missing otherwise', () => {
    const spec = planEngineering({ Loan_Amount: 'L', Account_Balance: 'B' }, ['L', 'B'])
    const out = engineerFeatures(
      spec,
      new Map([
        ['L', Float64Array.from([50_000, 10, 10, 10, NaN, 1e308])],
        ['B', Float64Array.from([200_000, 0, -5, NaN, 4, 0.5])]
      ]),
      6
    )
    const ratio = out.numeric.get('Loan_to_Balance_Ratio')!
    expect(ratio[0]).toBe(0.25)
    expect([...ratio.slice(1)].every(Number.isNaN)).toBe(true)
    expect(out.undefinedRatioRows).toBe(5)
  })

  it('flags scores strictly below the cut (600 unless given) as high risk', () => {
    const spec = planEngineering({ Credit_Score: 'S' }, ['S'])
    expect(spec.highCreditRisk).toEqual({ score: 'S', cut: DEFAULT_HIGH_RISK_CUT })
    expect(DEFAULT_HIGH_RISK_CUT).toBe(600)
    const flags = engineerFeatures(spec, new Map([['S', Float64Array.from([599, 599.99, 600, 750, NaN])]]), 5)
    expect([...flags.numeric.get('High_Credit_Risk')!]).toEqual([1, 1, 0, 0, NaN])
    const cut650 = planEngineering({ Credit_Score: 'S' }, ['S'], 650)
    const at650 = engineerFeatures(cut650, new Map([['S', Float64Array.from([600, 649, 650])]]), 3)
    expect([...at650.numeric.get('High_Credit_Risk')!]).toEqual([1, 1, 0])
  })
})

describe('planEngineering and resolveRoles', () => {
  it('plans all three features when every role is found and none exists yet', () => {
    const spec = planEngineering(ROLES, Object.values(ROLES))
    expect(Object.keys(spec).sort()).toEqual(['ageGroup', 'highCreditRisk', 'loanToBalance'])
    expect(spec.loanToBalance).toEqual({ loan: 'Loan_Amount', balance: 'Account_Balance' })
  })

  it('does not recompute a feature the dataset already has (names compared loosely)', () => {
    const spec = planEngineering(ROLES, [
      ...Object.values(ROLES),
      'loan to balance ratio',
      'HIGH_CREDIT_RISK',
      'age group'
    ])
    expect(spec).toEqual({})
  })

  it('needs both the loan and the balance for the ratio', () => {
    expect(planEngineering({ Loan_Amount: 'L' }, ['L']).loanToBalance).toBeUndefined()
    expect(planEngineering({ Account_Balance: 'B' }, ['B']).loanToBalance).toBeUndefined()
    expect(planEngineering({}, [])).toEqual({})
  })

  it('finds roles by name ignoring case, spaces and underscores, and takes --map first', () => {
    const { roles, problems } = resolveRoles(['loan amount', 'ACCOUNT_BALANCE', 'Score', 'age'], {
      Credit_Score: 'Score'
    })
    expect(roles).toEqual({
      Loan_Amount: 'loan amount',
      Account_Balance: 'ACCOUNT_BALANCE',
      Credit_Score: 'Score',
      Age: 'age'
    })
    expect(problems).toEqual([])
  })

  it('names a --map column that is not a numeric column of the dataset', () => {
    const { roles, problems } = resolveRoles(['Age'], { Credit_Score: 'Grade' })
    expect(roles).toEqual({ Age: 'Age' })
    expect(problems).toEqual(['--map Credit_Score=Grade: "Grade" is not a numeric column of the dataset'])
  })
})

describe('withEngineered', () => {
  it('adds the engineered columns to a copy of the raw inputs', () => {
    const raw = {
      numRows: 2,
      numeric: new Map([['Age', Float64Array.from([30, 70])]]),
      categorical: new Map([['Region', ['North', null]]])
    }
    const out = withEngineered(raw, planEngineering({ Age: 'Age' }, ['Age']))
    expect(out.numRows).toBe(2)
    expect([...out.numeric.keys()]).toEqual(['Age'])
    expect(out.categorical.get('Age_Group')).toEqual(['26-35', '60+'])
    expect(out.categorical.get('Region')).toEqual(['North', null])
    expect(raw.categorical.has('Age_Group')).toBe(false)
  })
})
