import { describe, expect, it } from 'vitest'
import type { InputFieldInfo } from '../../../../src/shared/dto'
import {
  applicantInput,
  checkField,
  fieldsInError,
  parseNumberText,
  rangeHint,
  typicalValues
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
const region: InputFieldInfo = {
  name: 'Region',
  kind: 'categorical',
  categories: ['East', 'North'],
  mostFrequent: 'North',
  missingShare: 0
}

describe('parseNumberText', () => {
  it('reads numbers as Indian users type them', () => {
    expect(parseNumberText('540')).toBe(540)
    expect(parseNumberText(' 12,34,567 ')).toBe(1234567)
    expect(parseNumberText('₹ 5,00,000')).toBe(500000)
    expect(parseNumberText('Rs. 2500')).toBe(2500)
    expect(parseNumberText('-3.5')).toBe(-3.5)
    expect(parseNumberText('.25')).toBe(0.25)
  })

  it('gives null for an empty field and NaN for text', () => {
    expect(parseNumberText('   ')).toBeNull()
    expect(parseNumberText('five forty')).toBeNaN()
    expect(parseNumberText('12abc')).toBeNaN()
    expect(parseNumberText('1.2.3')).toBeNaN()
  })
})

describe('checkField', () => {
  it('rejects text in a number field with an error naming the field', () => {
    const state = checkField(score, 'abc')
    expect(state.error).toContain('Credit_Score must be a number')
    expect(state.value).toBeNull()
  })

  it('warns, without an error, when a number is outside the training range', () => {
    const state = checkField(score, '950')
    expect(state.error).toBeNull()
    expect(state.warning).toContain('Above anything seen in training (300 – 900)')
    expect(state.value).toBe(950)
    expect(checkField(score, '200').warning).toContain('Below')
    expect(checkField(score, '540').warning).toBeNull()
  })

  it('shows money ranges in rupees', () => {
    expect(checkField(income, '99,00,00,000').warning).toContain('₹60,000 – ₹66,11,486')
    expect(rangeHint(income)).toBe('Training range ₹60,000 – ₹66,11,486')
  })

  it('says what the model uses for an empty field', () => {
    expect(checkField(score, '').note).toBe('Empty: the median 650 is used.')
    expect(checkField(region, '').note).toBe('Empty: the most frequent (North) is used.')
    expect(checkField(region, '').value).toBeNull()
  })

  it('warns about a category never seen in training', () => {
    expect(checkField(region, 'East').warning).toBeNull()
    expect(checkField(region, 'Mars').warning).toContain('never seen in training')
  })
})

describe('the applicant sent to main', () => {
  const fields = [score, income, region]

  it('has numbers as numbers, categories as text and empty fields as null', () => {
    expect(applicantInput(fields, { Credit_Score: '540', Annual_Income: '4,50,000', Region: '' })).toEqual({
      Credit_Score: 540,
      Annual_Income: 450000,
      Region: null
    })
  })

  it('lists the fields in error, which hold scoring back', () => {
    expect(fieldsInError(fields, { Credit_Score: 'x', Annual_Income: '1e99', Region: 'North' })).toEqual([
      'Credit_Score'
    ])
  })

  it('fills a typical applicant from the training medians and most frequent values', () => {
    const typical = typicalValues(fields)
    expect(typical).toEqual({ Credit_Score: '650', Annual_Income: '4,50,000', Region: 'North' })
    expect(fieldsInError(fields, typical)).toEqual([])
  })
})
