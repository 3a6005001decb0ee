import { describe, expect, it } from 'vitest'
import {
  isMissingNumberToken,
  isMissingToken,
  parseNumber
} from '../../../../../src/main/core/data/csv/parseNumber'
describe('parseNumber', () => {
  it.each([
    ['42', 42],
    ['  -3.5  ', -3.5],
    ['+7', 7],
    ['.5', 0.5],
    ['5.', 5],
    ['0007', 7],
    ['1.5e6', 1_500_000],
    ['2E-3', 0.002],
    ['\u00a0650\u00a0', 650]
  ])('reads the plain number %j as %d', (text, expected) => {
    expect(parseNumber(text)).toBe(expected)
  })

  it.each([
    ['1,50,000', 150_000],
    ['12,34,56,789', 123_456_789],
    ['1,234,567.89', 1_234_567.89],
    ['1,234', 1234],
    ['999,999', 999_999]
  ])('accepts grouping commas in valid Indian or western positions: %j is %d', (text, expected) => {
    expect(parseNumber(text)).toBe(expected)
  })

  it.each([
    ['₹1,50,000', 150_000],
    ['₹ 500', 500],
    ['Rs. 2,500.50', 2500.5],
    ['Rs 300', 300],
    ['INR 1,000', 1000],
    ['inr1000', 1000],
    ['12.5%', 12.5],
    [' 7 % ', 7],
    ['-₹500', -500],
    ['₹-500', -500]
  ])('strips leading currency and trailing percent: %j is %d', (text, expected) => {
    expect(parseNumber(text)).toBe(expected)
  })

  it.each([
    ['(500)', -500],
    ['( 1,250.75 )', -1250.75],
    ['(₹1,000)', -1000]
  ])('reads accounting parentheses as negative: %j is %d', (text, expected) => {
    expect(parseNumber(text)).toBe(expected)
  })

  it('returns plain zero, not negative zero, for (0) and -0', () => {
    expect(Object.is(parseNumber('(0)'), 0)).toBe(true)
    expect(Object.is(parseNumber('-0'), 0)).toBe(true)
  })

  it.each([
    '',
    '   ',
    '12abc',
    'abc',
    '1.2.3',
    '--5',
    '+-5',
    '-(5)',
    '(5',
    '5)',
    '1,5',
    '1,2345',
    '12,3456,789',
    ',123',
    '123,',
    '1,,234',
    '₹',
    '%',
    '-',
    '.',
    'e5',
    '1e',
    '0x10',
    'Infinity',
    'NaN',
    '5 5',
    '5%%'
  ])('rejects %j as not a number', (text) => {
    expect(parseNumber(text)).toBeNaN()
  })
})

describe('isMissingToken', () => {
  it.each(['', '  ', 'NA', 'na', 'N/A', 'n/a', 'null', 'NULL', 'NaN', 'nan', '-', '?', '#N/A', ' #n/a '])(
    'treats %j as a missing value',
    (text) => {
      expect(isMissingToken(text)).toBe(true)
    }
  )

  it.each(['0', 'N', 'no', 'NAN1', '--', 'nil?', 'n.a.'])('treats %j as a value, not missing', (text) => {
    expect(isMissingToken(text)).toBe(false)
  })

  it.each(['None', 'NONE', ' none '])(
    'keeps %j a value in any column (a real category in bank files), missing only where a number is due',
    (text) => {
      expect(isMissingToken(text)).toBe(false)
      expect(isMissingNumberToken(text)).toBe(true)
    }
  )
})
