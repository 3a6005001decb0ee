import { InputError } from '../base/errors'
import { parseNumber } from './csv/parseNumber'

export interface TargetClasses {
  positiveClass: string
  /** True when both classes are numbers (stored as REAL, compared numerically). */
  numeric: boolean
}

/**
 * Decides the positive class of a yes/no target from its distinct values. A 0/1 target
 * needs nothing; any other pair needs `positive`, which must be one of the two.
 */
export function resolveTargetClasses(
  file: string,
  target: string,
  values: string[],
  positive: string | undefined
): TargetClasses {
  const shown = values
    .slice(0, 6)
    .map((v) => `"${v}"`)
    .join(', ')
  if (values.length === 0) {
    throw new InputError(
      `${file}: the target column "${target}" has no values. Choose the column that records the loan outcome.`
    )
  }
  if (values.length === 1) {
    throw new InputError(
      `${file}: the target column "${target}" holds only one value (${shown}); a model needs both defaulted and repaid loans.`
    )
  }
  if (values.length > 2) {
    throw new InputError(
      `${file}: the target column "${target}" has ${values.length} distinct values (${shown}${values.length > 6 ? ', ...' : ''}); the workbench predicts a yes/no outcome. Choose a column with two values or recode it to 0/1.`
    )
  }
  const numbers = values.map(parseNumber)
  const numeric = numbers.every((v) => !Number.isNaN(v))
  if (positive !== undefined) {
    const p = positive.trim()
    const match =
      values.find((v) => v === p) ??
      (numeric ? values.find((v) => parseNumber(v) === parseNumber(p)) : undefined)
    if (match === undefined) {
      throw new InputError(
        `${file}: --positive "${positive}" is not a value of the target column "${target}" (its values are ${shown}).`
      )
    }
    return { positiveClass: numeric ? String(parseNumber(match)) : match, numeric }
  }
  if (numeric && numbers.includes(0) && numbers.includes(1)) return { positiveClass: '1', numeric }
  throw new InputError(
    `${file}: the target column "${target}" has the values ${shown}; say which one means default with --positive (for example --positive "${values[0]}").`
  )
}

/** Distinct target values counted at most; past it a column is plainly not a yes/no outcome. */
const MAX_TALLIED = 1000
/** Stray values (neither of the two outcomes) are bad cells when they are at most this share of the rows. */
export const MAX_STRAY_SHARE = 0.05

/**
 * Counts a target column's values over the whole file, so that a stray value ("maybe" on
 * one line of two thousand) is a bad cell of its row, like text in a numeric column,
 * instead of a third class that refuses the whole file.
 */
export class TargetTally {
  private readonly counts = new Map<string, number>()
  private total = 0
  private untallied = 0

  add(value: string): void {
    this.total++
    const seen = this.counts.get(value)
    if (seen !== undefined) this.counts.set(value, seen + 1)
    else if (this.counts.size < MAX_TALLIED) this.counts.set(value, 1)
    else this.untallied++
  }

  /**
   * The values to decide the classes from: the two most frequent when every other value
   * together is at most MAX_STRAY_SHARE of the rows (those rows are then rejected one by
   * one), else all of them (resolveTargetClasses refuses more than two, naming them).
   */
  outcomes(): { values: string[]; stray: number } {
    const ranked = [...this.counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    if (ranked.length <= 2) return { values: ranked.map(([v]) => v), stray: 0 }
    const stray = this.total - ranked[0][1] - ranked[1][1]
    if (this.untallied === 0 && stray <= MAX_STRAY_SHARE * this.total)
      return { values: [ranked[0][0], ranked[1][0]], stray }
    return { values: ranked.map(([v]) => v), stray: 0 }
  }
}

/** Whether a target cell is one of the two outcomes (numbers compared as numbers: "1.0" is "1"). */
export function isOutcome(text: string, values: string[], numeric: boolean): boolean {
  if (values.includes(text)) return true
  if (!numeric) return false
  const x = parseNumber(text)
  return values.some((v) => parseNumber(v) === x)
}
