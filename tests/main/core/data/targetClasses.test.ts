import { describe, expect, it } from 'vitest'
import { resolveTargetClasses } from '../../../../src/main/core/data/targetClasses'

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
