import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { translator } from '../../src/shared/i18n'
import {
  amountInWords,
  formatInr,
  formatShare,
  groupIndian,
  formatSignedShare,
  parseTypedNumber
} from '../../src/shared/numbers'

describe('Indian numbers', () => {
  it('groups any number as Intl does for en-IN, whole numbers included (grouped by hand)', () => {
    const intl = (value: number, digits: number): string =>
      new Intl.NumberFormat('en-IN', { maximumFractionDigits: digits }).format(value)
    const whole = fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.integer({ min: -999_999, max: 999_999 }))
    fc.assert(
      fc.property(fc.oneof(whole, fc.double({ noNaN: true, noDefaultInfinity: true })), fc.nat(3), (v, d) => {
        expect(groupIndian(v, d)).toBe(intl(v, d))
      }),
      { seed: 20261207, numRuns: 5000 }
    )
    // Not seeded: amounts and rates with a few decimals, the halves between two roundings among them.
    const decimals = fc.tuple(
      fc.integer({ min: -1e9, max: 1e9 }),
      fc.constantFrom(1, 10, 100, 1000, 1e4, 1e6)
    )
    fc.assert(
      fc.property(
        fc.oneof(
          decimals.map(([n, scale]) => n / scale),
          fc.double({ min: -1e16, max: 1e16, noNaN: true })
        ),
        fc.nat(6),
        (v, d) => {
          expect(groupIndian(v, d)).toBe(intl(v, d))
        }
      ),
      { numRuns: 5000 }
    )
    for (const v of [
      0,
      -0,
      7,
      99,
      100,
      999,
      1000,
      99999,
      100000,
      1e14 - 1,
      1e15,
      -1e15 + 1,
      -1234567,
      -0.001,
      0.005,
      1.005,
      999.995,
      99999.999,
      1e15 - 0.5
    ])
      expect(groupIndian(v, 0), String(v)).toBe(intl(v, 0))
    expect(groupIndian(1234567)).toBe('12,34,567')
    expect(groupIndian(1234567.891, 2)).toBe('12,34,567.89')
    expect(groupIndian(-0.001, 2)).toBe('-0')
    expect(groupIndian(9.8, 2)).toBe('9.8')
  })

  it('writes a share with one decimal as toFixed does, the halves between two tenths included', () => {
    const toFixed = (share: number): string => `${(share * 100).toFixed(1)} %`
    // Shares near each half of a tenth of a per cent, any share, and beyond [0, 1].
    const nearHalves = fc
      .tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: -3, max: 3 }))
      .map(([k, ulps]) => (k + 0.5) / 1000 + ulps * Number.EPSILON)
    fc.assert(
      fc.property(
        fc.oneof(nearHalves, fc.double({ min: 0, max: 1 }), fc.double({ noNaN: true })),
        (share) => {
          expect(formatShare(share)).toBe(toFixed(share))
        }
      ),
      { numRuns: 5000 }
    )
    for (const share of [0, -0, 1, 0.0005, 0.00049999, 0.0015, 0.9995, 0.123, -0.001, 1.5, NaN])
      expect(formatShare(share), String(share)).toBe(toFixed(share))
    expect(formatShare(0.1234)).toBe('12.3 %')
    expect(formatShare(0.1234, 2)).toBe('12.34 %')
  })

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
