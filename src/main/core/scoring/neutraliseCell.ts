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
  if (
    /^[+-]?\d/.test(text) &&
    !Number.isNaN(parseNumber(text)) &&
    /^[+-]?[\d.,]+(e[+-]?\d+)?$/i.test(text.trim())
  )
    return text
  return `'${text}`
}
