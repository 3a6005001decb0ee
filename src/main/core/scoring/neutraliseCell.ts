import { parseNumber } from '../data/csv/parseNumber'

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
