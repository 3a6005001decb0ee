import { describe, expect, it } from 'vitest'
import { TargetTally, isOutcome, resolveTargetClasses } from '../../../../src/main/core/data/targetClasses'

const resolve = (values: string[], positive?: string) =>
  resolveTargetClasses('loans.csv', 'Status', values, positive)

describe('resolveTargetClasses (README: a yes/no target needs --positive unless it is 0/1)', () => {
  it('takes 1 as default for a 0/1 target, whatever the order or spelling of the numbers', () => {
    expect(resolve(['0', '1'])).toEqual({ positiveClass: '1', numeric: true })
    expect(resolve(['1.0', '0.0'])).toEqual({ positiveClass: '1', numeric: true })
  })

  it('needs --positive for any other pair, suggesting the first value', () => {
    expect(() => resolve(['good', 'bad'])).toThrow(
      'loans.csv: the target column "Status" has the values "good", "bad"; say which one means default with --positive (for example --positive "good").'
    )
    expect(() => resolve(['1', '2'])).toThrow(/say which one means default with --positive/)
  })

  it('takes the --positive value, matching text exactly and numbers by value', () => {
    expect(resolve(['good', 'bad'], ' bad ')).toEqual({ positiveClass: 'bad', numeric: false })
    expect(resolve(['1', '2'], '2.0')).toEqual({ positiveClass: '2', numeric: true })
    expect(resolve(['0', '1'], '0')).toEqual({ positiveClass: '0', numeric: true })
    expect(() => resolve(['good', 'bad'], 'Bad')).toThrow(
      'loans.csv: --positive "Bad" is not a value of the target column "Status" (its values are "good", "bad").'
    )
    expect(() => resolve(['yes', 'no'], '1')).toThrow(/--positive "1" is not a value/)
  })

  it('refuses a target with no values, one value, or more than two', () => {
    expect(() => resolve([])).toThrow(
      'loans.csv: the target column "Status" has no values. Choose the column that records the loan outcome.'
    )
    expect(() => resolve(['0'])).toThrow(
      'loans.csv: the target column "Status" holds only one value ("0"); a model needs both defaulted and repaid loans.'
    )
    expect(() => resolve(['a', 'b', 'c'])).toThrow(
      'loans.csv: the target column "Status" has 3 distinct values ("a", "b", "c"); the workbench predicts a yes/no outcome. Choose a column with two values or recode it to 0/1.'
    )
    expect(() => resolve(['1', '2', '3', '4', '5', '6', '7'])).toThrow(
      'has 7 distinct values ("1", "2", "3", "4", "5", "6", ...)'
    )
  })
})

describe('resolveTargetClasses, edges', () => {
  it('lists six values in full and marks only a seventh with an ellipsis', () => {
    expect(() => resolve(['1', '2', '3', '4', '5', '6'])).toThrow(
      'has 6 distinct values ("1", "2", "3", "4", "5", "6"); the workbench'
    )
  })

  it('matches --positive by number only when both values are numbers', () => {
    expect(() => resolve(['1', 'x'], '1.0')).toThrow(
      '--positive "1.0" is not a value of the target column "Status"'
    )
    expect(resolve(['1', 'x'], '1')).toEqual({ positiveClass: '1', numeric: false })
  })
})

/** A tally of `counts` rows of each value, in the order given. */
function tally(counts: [string, number][]): TargetTally {
  const t = new TargetTally()
  for (const [value, n] of counts) for (let i = 0; i < n; i++) t.add(value)
  return t
}

describe('TargetTally (stray target values are bad cells, not a third class)', () => {
  it('gives two values most frequent first, ties in text order', () => {
    expect(
      tally([
        ['0', 3],
        ['1', 7]
      ]).outcomes()
    ).toEqual({ values: ['1', '0'], stray: 0 })
    expect(
      tally([
        ['b', 5],
        ['a', 5]
      ]).outcomes()
    ).toEqual({ values: ['a', 'b'], stray: 0 })
    expect(tally([['yes', 4]]).outcomes()).toEqual({ values: ['yes'], stray: 0 })
  })

  it('keeps the two outcomes when the other values are at most 5 % of the rows, else gives them all', () => {
    // 100 rows: 5 strays are 5 % (kept as bad cells), 6 are too many.
    expect(
      tally([
        ['0', 60],
        ['1', 35],
        ['maybe', 3],
        ['?', 2]
      ]).outcomes()
    ).toEqual({ values: ['0', '1'], stray: 5 })
    expect(
      tally([
        ['0', 60],
        ['1', 34],
        ['maybe', 4],
        ['?', 2]
      ]).outcomes()
    ).toEqual({
      values: ['0', '1', 'maybe', '?'],
      stray: 0
    })
  })

  it('counts 1,000 distinct values at most, and then gives them all whatever their share', () => {
    const many = new TargetTally()
    for (let i = 0; i < 1001; i++) many.add(`v${i}`)
    expect(many.outcomes().values).toHaveLength(1000)
    // 30,000 rows, 1,000 stray values (3.3 %): two of them are past the tally, so the file
    // is not a plain yes/no column with a few bad cells.
    const wide = tally([
      ['0', 15000],
      ['1', 14000]
    ])
    for (let i = 0; i < 1000; i++) wide.add(`stray ${i}`)
    const { values, stray } = wide.outcomes()
    expect([values.length, values[0], values[1], stray]).toEqual([1000, '0', '1', 0])
  })
})

describe('isOutcome', () => {
  it('compares numbers by value and text exactly', () => {
    expect(isOutcome('1.0', ['0', '1'], true)).toBe(true)
    expect(isOutcome('0', ['0', '1'], true)).toBe(true)
    expect(isOutcome('2', ['0', '1'], true)).toBe(false)
    expect(isOutcome('1', ['1.0', '0.0'], false)).toBe(false)
    expect(isOutcome('yes', ['yes', 'no'], false)).toBe(true)
    expect(isOutcome('Yes', ['yes', 'no'], false)).toBe(false)
  })
})
