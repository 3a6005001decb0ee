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
