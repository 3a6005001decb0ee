import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import {
  isMissingNumberToken,
  isMissingToken,
  isNoneWord,
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

  it.each([' null ', '\tNA\t', ' n/a  '])(
    'trims %j before looking it up (spaces and tabs are not printable)',
    (text) => {
      expect(isMissingToken(text)).toBe(true)
    }
  )

  it.each(['Salaried', 'Unemployed', 'null-ish', '#N/A!!'])(
    'treats the longer word %j as a value',
    (text) => {
      expect(isMissingToken(text)).toBe(false)
      expect(isMissingNumberToken(text)).toBe(false)
    }
  )

  it('reads "None" trimmed within eight characters as Python’s missing number, and no longer text', () => {
    expect(isNoneWord('  none  ')).toBe(true)
    expect(isNoneWord('NONE')).toBe(true)
    expect(isNoneWord('Nonesuch')).toBe(false)
    expect(isNoneWord('   None  ')).toBe(false)
    expect(isMissingNumberToken('NA')).toBe(true)
    expect(isMissingNumberToken('7')).toBe(false)
  })

  it.each(['None', 'NONE', ' none '])(
    'keeps %j a value in any column (a real category in bank files), missing only where a number is due',
    (text) => {
      expect(isMissingToken(text)).toBe(false)
      expect(isMissingNumberToken(text)).toBe(true)
    }
  )
})

describe('parseNumber on plain decimals (read without the regular expression)', () => {
  // The oracle: the general reading, a number shape checked by a regular expression written
  // here from the documented grammar, then Number of the text without its sign, negated.
  const PLAIN = /^([-+])?((?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?)$/i
  const oracle = (text: string): number => {
    const m = PLAIN.exec(text)
    if (!m) return NaN
    const magnitude = Number(m[2])
    if (magnitude === 0) return 0
    return m[1] === '-' ? -magnitude : magnitude
  }

  it('reads every plain decimal, and refuses near-misses, exactly as the grammar says', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({ noNaN: true }).map(String),
          fc.integer().map(String),
          fc.stringMatching(/^[-+]?[0-9]{0,4}\.?[0-9]{0,4}([eE][-+]?[0-9]{0,3})?$/),
          fc.string({ unit: fc.constantFrom(...'0123456789.-+eE'), maxLength: 8 })
        ),
        (text) => {
          const expected = oracle(text)
          const got = parseNumber(text)
          if (Number.isNaN(expected)) return
          expect(Object.is(got, expected)).toBe(true)
        }
      ),
      { numRuns: 3000, seed: 12 }
    )
  })

  it.each(['-0', '+0', '0.0', '-0e5', '1e400', '-1e400', '007', '5.', '.5', '1E+3', '2e-2'])(
    'reads %j as the regular expression does',
    (text) => {
      const value = parseNumber(text)
      expect(Object.is(value, value === 0 ? 0 : Number(text))).toBe(true)
    }
  )

  // The fast path is checked by what it skips: a plain decimal never reaches a regular expression.
  it('reads plain decimals without running a regular expression', () => {
    const cells = ['0', '7', '-12', '+3.5', '.5', '5.', '1e5', '1E-3', '-2.5e+10', '0009', '-0']
    const exec = vi.spyOn(RegExp.prototype, 'exec')
    const values = cells.map(parseNumber)
    const calls = exec.mock.calls.length
    exec.mockRestore()
    expect(calls).toBe(0)
    expect(values).toEqual([0, 7, -12, 3.5, 0.5, 5, 100000, 0.001, -25000000000, 9, 0])
    expect(Object.is(values[10], -0)).toBe(false)
  })

  it.each(['', 'e5', 'x1', '%5', ')'])(
    'refuses %j at its first character, which no number starts with, without the regular expression',
    (text) => {
      const exec = vi.spyOn(RegExp.prototype, 'exec')
      const value = parseNumber(text)
      const calls = exec.mock.calls.length
      exec.mockRestore()
      expect(value).toBeNaN()
      expect(calls).toBe(0)
    }
  )

  it.each(['-', '+', '.', '1e', '1e+', '1.2.3', '1x', '1,000', ' 5', '5 ', '₹5', '--1', '1e5.5'])(
    'hands %j to the regular expression',
    (text) => {
      const exec = vi.spyOn(RegExp.prototype, 'exec')
      parseNumber(text)
      const calls = exec.mock.calls.length
      exec.mockRestore()
      expect(calls).toBeGreaterThan(0)
    }
  )

  it.each([
    ['.', NaN],
    ['-', NaN],
    ['+', NaN],
    ['e5', NaN],
    ['1e', NaN],
    ['1e+', NaN],
    ['1..2', NaN],
    ['--1', NaN],
    ['1-', NaN],
    ['1 ', 1],
    [' -1', -1],
    ['1,000', 1000]
  ])('leaves %j to the general reading, which gives %d', (text, expected) => {
    expect(Object.is(parseNumber(text), expected)).toBe(true)
  })
})
