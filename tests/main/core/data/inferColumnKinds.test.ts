import { describe, expect, it } from 'vitest'
import { ColumnProfiler, NUMERIC_SHARE } from '../../../../src/main/core/data/inferColumnKinds'

function kindOf(name: string, values: string[]): string {
  const p = new ColumnProfiler(name)
  for (const v of values) p.add(v)
  return p.inferKind()
}

const range = (n: number, f: (i: number) => string): string[] => Array.from({ length: n }, (_, i) => f(i))

describe('ColumnProfiler.inferKind (README: numeric at ≥ 95 % numbers, unique columns are identifiers)', () => {
  it('calls a column numeric when at least 95 % of its non-missing values are numbers', () => {
    expect(NUMERIC_SHARE).toBe(0.95)
    // 19 numbers and one word: exactly 95 %. Missing spellings do not count either way.
    expect(kindOf('Income', [...range(19, (i) => `${1000 + (i % 5)}`), 'unknown', 'NA', '', '-'])).toBe(
      'numeric'
    )
    // 18 numbers and two words: 90 %.
    expect(kindOf('Income', [...range(18, (i) => `${1000 + (i % 5)}`), 'unknown', 'n/a?'])).toBe(
      'categorical'
    )
  })

  it('reads Indian and western grouping, rupees and percentages as numbers', () => {
    expect(kindOf('Amount', ['₹1,50,000', 'Rs. 2,500', '1,234,567.89', '12.5%', '(500)', '1.2e6'])).toBe(
      'numeric'
    )
  })

  it('treats "None" as a missing number in a numeric column and as a category in a text column', () => {
    expect(kindOf('Score', ['650', 'None', '700', 'none', '710'])).toBe('numeric')
    const p = new ColumnProfiler('Guarantor')
    for (const v of ['none', 'co-applicant', 'none', 'guarantor']) p.add(v)
    expect(p.noneWords).toBe(2)
    expect(p.nonMissing).toBe(2)
    expect(p.inferKind()).toBe('categorical')
    expect([...p.distinctValues()!.entries()]).toEqual([
      ['none', 2],
      ['co-applicant', 1],
      ['guarantor', 1]
    ])
  })

  it('calls an empty column categorical', () => {
    expect(kindOf('Notes', ['', 'NA', '  '])).toBe('categorical')
  })

  it('calls unique text over 20 or more rows an identifier, and fewer rows categories', () => {
    expect(
      kindOf(
        'Customer',
        range(20, (i) => `C${i}`)
      )
    ).toBe('identifier')
    expect(
      kindOf(
        'Customer',
        range(19, (i) => `C${i}`)
      )
    ).toBe('categorical')
    expect(kindOf('Customer', [...range(25, (i) => `C${i}`), 'C3'])).toBe('categorical')
  })

  it('calls unique whole numbers an identifier only under an identifier-like name', () => {
    const ids = range(30, (i) => `${100000 + i * 7}`)
    for (const name of ['Loan_ID', 'account', 'Ref No', 'customer.code', 'PAN', 'Unnamed: 0', 'row-index'])
      expect(kindOf(name, ids), name).toBe('identifier')
    expect(kindOf('Balance', ids)).toBe('numeric')
    expect(
      kindOf(
        'Loan_ID',
        range(30, (i) => `${i}.5`)
      )
    ).toBe('numeric')
    expect(
      kindOf(
        'Loan_ID',
        range(19, (i) => `${i}`)
      )
    ).toBe('numeric')
    expect(kindOf('Loan_ID', [...range(25, (i) => `${i}`), '3'])).toBe('numeric')
  })

  it('calls a text column with more than 200 levels, mostly distinct, an identifier', () => {
    // 201 distinct values over 300 rows (not unique, so not by the uniqueness rule).
    const values = [...range(201, (i) => `street ${i}`), ...range(99, () => 'street 0')]
    expect(kindOf('Address', values)).toBe('identifier')
    // 201 levels over 500 rows: not mostly distinct, so categories.
    expect(kindOf('Branch', [...range(201, (i) => `b${i}`), ...range(299, () => 'b0')])).toBe('categorical')
    // 200 levels: categories.
    expect(kindOf('Branch', [...range(200, (i) => `b${i}`), ...range(10, () => 'b0')])).toBe('categorical')
  })

  it('stops remembering distinct values past 2,000 (and then calls a text column an identifier)', () => {
    const p = new ColumnProfiler('Comment')
    for (let i = 0; i < 2001; i++) p.add(`note ${i % 2001}`)
    p.add('note 0')
    expect(p.distinctValues()).toBeUndefined()
    expect(p.inferKind()).toBe('identifier')
    const q = new ColumnProfiler('Comment')
    for (let i = 0; i < 2000; i++) q.add(`n${i}`)
    expect(q.distinctValues()?.size).toBe(2000)
  })

  it('trims values before counting them', () => {
    const p = new ColumnProfiler('Region')
    for (const v of [' North', 'North ', 'South']) p.add(v)
    expect([...p.distinctValues()!.keys()]).toEqual(['North', 'South'])
    expect(p.unique).toBe(false)
  })

  it('counts numbers and whole numbers', () => {
    const p = new ColumnProfiler('x')
    for (const v of ['1', '2.5', 'abc', '3']) p.add(v)
    expect([p.nonMissing, p.numeric, p.integers]).toEqual([4, 3, 2])
  })
})

describe('ColumnProfiler.inferKind, the identifier boundary', () => {
  it('calls more than 200 levels categorical when they are exactly half the values, an identifier past half', () => {
    // 402 rows of 201 values, each twice: 201 is not more than half of 402.
    expect(
      kindOf(
        'Branch',
        range(402, (i) => `branch ${i % 201}`)
      )
    ).toBe('categorical')
    // 401 rows, 201 values: more than half.
    expect(
      kindOf(
        'Branch',
        range(401, (i) => `branch ${i % 201}`)
      )
    ).toBe('identifier')
  })
})
