import { afterEach, describe, expect, it } from 'vitest'
import { resolveDictionary } from '../../../../src/shared/dictionary'
import type { InputFieldInfo } from '../../../../src/shared/dto'
import { setLang } from '../../../../src/renderer/src/i18n'
import {
  applicantInput,
  checkField,
  fieldLabel,
  fieldsInError,
  parseNumberText,
  rangeHint,
  typicalValues,
  type FormModel
} from '../../../../src/renderer/src/features/score/applicantForm'

const score: InputFieldInfo = {
  name: 'Credit_Score',
  kind: 'numeric',
  min: 300,
  max: 900,
  median: 650,
  missingShare: 0
}
const income: InputFieldInfo = {
  name: 'Annual_Income',
  kind: 'numeric',
  min: 60_000,
  max: 6_611_486,
  median: 450_000,
  missingShare: 0.02
}
const amount: InputFieldInfo = {
  name: 'Loan_Amount',
  kind: 'numeric',
  min: 10_000,
  max: 2e7,
  median: 5e5,
  missingShare: 0
}
const rate: InputFieldInfo = {
  name: 'Interest_Rate',
  kind: 'numeric',
  min: 6.5,
  max: 18,
  median: 9,
  missingShare: 0
}
const dti: InputFieldInfo = {
  name: 'Debt_to_Income',
  kind: 'numeric',
  min: 0,
  max: 3,
  median: 0.4,
  missingShare: 0
}
const region: InputFieldInfo = {
  name: 'Region',
  kind: 'categorical',
  categories: ['East', 'North'],
  mostFrequent: 'North',
  missingShare: 0
}
const fields = [score, income, amount, rate, dti, region]
/** The spec's columns by the default dictionary, Credit_Score required, amounts at least ₹0. */
const MODEL: FormModel = {
  fields,
  dictionary: resolveDictionary(fields.map((f) => ({ name: f.name, kind: f.kind }))),
  policy: {
    required: ['Credit_Score'],
    limits: [
      { field: 'Loan_Amount', min: 0, max: null },
      { field: 'Interest_Rate', min: 0, max: 100 }
    ],
    referrals: []
  }
}

afterEach(() => setLang('en'))

describe('parseNumberText', () => {
  it('reads numbers as Indian users type them', () => {
    expect(parseNumberText('540')).toBe(540)
    expect(parseNumberText(' 12,34,567 ')).toBe(1234567)
    expect(parseNumberText('₹ 5,00,000')).toBe(500000)
    expect(parseNumberText('Rs. 2500')).toBe(2500)
    expect(parseNumberText('-3.5')).toBe(-3.5)
    expect(parseNumberText('.25')).toBe(0.25)
    expect(parseNumberText('5 lakh')).toBe(500000)
  })

  it('gives null for an empty field and NaN for text', () => {
    expect(parseNumberText('   ')).toBeNull()
    expect(parseNumberText('five forty')).toBeNaN()
    expect(parseNumberText('12abc')).toBeNaN()
    expect(parseNumberText('1.2.3')).toBeNaN()
  })
})

describe('checkField', () => {
  it('rejects text in a number field with an error naming the field by its display name', () => {
    const state = checkField(MODEL, score, 'abc')
    expect(state.error).toContain('Credit score must be a number')
    expect(state.value).toBeNull()
  })

  it('refuses a required field left empty, and an impossible value, before any score', () => {
    expect(checkField(MODEL, score, '').error).toBe('Required: enter it before scoring.')
    expect(checkField(MODEL, amount, '-50,000').error).toBe('Not possible: at least ₹0.')
    expect(checkField(MODEL, rate, '140%').error).toBe('Not possible: at most 100 %.')
  })

  it('warns, without an error, when a possible number is outside the training range', () => {
    const state = checkField(MODEL, score, '950')
    expect(state.error).toBeNull()
    expect(state.warning).toBe('Outside what the model learnt from (300 – 900): the result is less certain.')
    expect(state.value).toBe(950)
    expect(checkField(MODEL, score, '540').warning).toBeNull()
  })

  it('takes rates typed with "%" and shares typed as percentages, and echoes amounts in lakh and crore', () => {
    expect(checkField(MODEL, rate, '9.5%').value).toBe(9.5)
    expect(checkField(MODEL, dti, '40').value).toBeCloseTo(0.4, 12)
    expect(checkField(MODEL, dti, '40 %').value).toBeCloseTo(0.4, 12)
    const lakh = checkField(MODEL, amount, '5 lakh')
    expect(lakh.value).toBe(500000)
    expect(lakh.note).toBe('= 5 lakh')
    expect(checkField(MODEL, amount, '12500000').note).toBe('= 1.25 crore')
  })

  it('shows ranges in the field’s units and what the model uses for an empty field', () => {
    expect(rangeHint(MODEL, income)).toBe('Usually ₹60,000 – ₹66,11,486')
    expect(rangeHint(MODEL, dti)).toBe('Usually 0 % – 300 %')
    expect(checkField(MODEL, income, '').note).toBe('Empty: filled with a typical value (₹4,50,000).')
    expect(checkField(MODEL, region, '').note).toBe('Empty: filled with the most frequent value (North).')
    expect(checkField(MODEL, region, '').value).toBeNull()
  })

  it('warns about a category never seen in training', () => {
    expect(checkField(MODEL, region, 'East').warning).toBeNull()
    expect(checkField(MODEL, region, 'Mars').warning).toContain('never seen by the model')
  })

  it('speaks Hindi when the window does', () => {
    setLang('hi')
    expect(fieldLabel(MODEL, score)).toBe('क्रेडिट स्कोर')
    expect(checkField(MODEL, score, '').error).toBe('आवश्यक: आकलन से पहले भरें।')
    expect(checkField(MODEL, amount, '5 लाख').note).toBe('= 5 लाख')
  })
})

describe('the applicant sent to main', () => {
  it('has numbers in the units the model stores, categories as text and empty fields as null', () => {
    expect(
      applicantInput(MODEL, {
        Credit_Score: '540',
        Annual_Income: '4,50,000',
        Loan_Amount: '₹ 2.5 crore',
        Interest_Rate: '9.5 %',
        Debt_to_Income: '35',
        Region: ''
      })
    ).toEqual({
      Credit_Score: 540,
      Annual_Income: 450000,
      Loan_Amount: 25000000,
      Interest_Rate: 9.5,
      Debt_to_Income: 0.35,
      Region: null
    })
  })

  it('lists the fields in error by display name: a blank form cannot be scored', () => {
    expect(fieldsInError(MODEL, { Credit_Score: 'x', Annual_Income: '1e99', Region: 'North' })).toEqual([
      'Credit score'
    ])
    expect(fieldsInError(MODEL, {})).toEqual(['Credit score'])
  })

  it('fills a typical applicant from the training medians and most frequent values, typed in their units', () => {
    const typical = typicalValues(MODEL)
    expect(typical).toEqual({
      Credit_Score: '650',
      Annual_Income: '450000',
      Loan_Amount: '500000',
      Interest_Rate: '9',
      Debt_to_Income: '40',
      Region: 'North'
    })
    expect(fieldsInError(MODEL, typical)).toEqual([])
    expect(applicantInput(MODEL, typical).Debt_to_Income).toBeCloseTo(0.4, 12)
  })
})
