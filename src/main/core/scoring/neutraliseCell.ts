import { parseNumber } from '../data/csv/parseNumber'

/** The characters that make Excel read a cell as a formula when it starts with one. */
export const FORMULA_START_CHARS = '=+-@\t\r'
const FORMULA_START = /^[=+\-@\t\r]/

/**
 * Makes a CSV cell safe to open in Excel: a cell that begins with = + - @ tab or
 * carriage return would be run as a formula (CSV injection), so it gets a leading
 * apostrophe. Plain numbers such as "-250" are left alone: they are not formulas.
 */
export function neutraliseCell(text: string): string {
  if (!FORMULA_START.test(text)) return text
  // A plain number here starts with its sign (the formula character), then a digit; digits,
  // grouping commas, dots, an exponent and trailing spaces follow, and parseNumber checks the
  // grouping. Kept inline, not a module constant: Stryker then measures the pattern.
  if (/^[+-]\d[\d.,]*(e[+-]?\d+)?\s*$/i.test(text) && !Number.isNaN(parseNumber(text))) return text
  return `'${text}`
}
