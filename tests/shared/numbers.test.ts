import { describe, expect, it } from 'vitest'
import { translator } from '../../src/shared/i18n'
import { amountInWords, formatInr, formatSignedShare, parseTypedNumber } from '../../src/shared/numbers'

describe('Indian numbers', () => {
  it('writes rupees with lakh and crore grouping', () => {
    expect(formatInr(1234567)).toBe('₹12,34,567')
    expect(formatInr(-50000)).toBe('−₹50,000')
    expect(formatInr(0)).toBe('₹0')
  })

  it('says amounts in lakh and crore, in English and Hindi', () => {
    expect(amountInWords(250000, translator('en'))).toBe('2.5 lakh')
    expect(amountInWords(12000000, translator('en'))).toBe('1.2 crore')
    expect(amountInWords(45000, translator('en'))).toBe('45 thousand')
    expect(amountInWords(500000, translator('hi'))).toBe('5 लाख')
    expect(amountInWords(30000000, translator('hi'))).toBe('3 करोड़')
  })

  it('reads numbers as people type them: rupees, grouping, lakh and crore, per cent', () => {
    expect(parseTypedNumber('₹ 5,00,000')).toEqual({ value: 500000, percent: false })
    expect(parseTypedNumber('Rs. 5 lakh')).toEqual({ value: 500000, percent: false })
    expect(parseTypedNumber('2.5 crore')).toEqual({ value: 25000000, percent: false })
    expect(parseTypedNumber('12L')).toEqual({ value: 1200000, percent: false })
    expect(parseTypedNumber('5.5%')).toEqual({ value: 5.5, percent: true })
    expect(parseTypedNumber('-3.5')).toEqual({ value: -3.5, percent: false })
    expect(parseTypedNumber('')).toEqual({ value: null, percent: false })
    expect(parseTypedNumber('five').value).toBeNaN()
    expect(parseTypedNumber('5 lakh rupees').value).toBeNaN()
  })

  it('signs a change of a share, and drops the sign of a change that rounds to nothing', () => {
    expect(formatSignedShare(0.0123)).toBe('+1.2 %')
    expect(formatSignedShare(-0.004)).toBe('−0.4 %')
    expect(formatSignedShare(0.0001)).toBe('0.0 %')
  })
})
