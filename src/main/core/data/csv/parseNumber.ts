// Digits of a number as bank exports write them. Grouping commas are accepted only in valid positions
// (Indian 12,34,567 or western 1,234,567), so a stray or European decimal comma ("1,5") is not a number.
const PLAIN_INT = String.raw`\d+`
const WESTERN_INT = String.raw`\d{1,3}(?:,\d{3})+`
const INDIAN_INT = String.raw`\d{1,2}(?:,\d{2})*,\d{3}`
const DIGITS = String.raw`(?:(?:${WESTERN_INT}|${INDIAN_INT}|${PLAIN_INT})(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?`

// Optional "(", one sign before or after the currency, the digits, optional "%", optional ")".
const NUMBER_SHAPE = new RegExp(
  String.raw`^(\()?\s*([-+])?\s*(?:₹|Rs\.?|INR)?\s*([-+])?\s*(${DIGITS})\s*%?\s*(\))?$`,
  'i'
)

const MISSING_TOKENS = new Set(['', 'na', 'n/a', 'null', 'nan', '-', '?', '#n/a'])
const LONGEST_TOKEN = Math.max(...[...MISSING_TOKENS].map((t) => t.length))

/**
 * Parses a number as bank exports write it (`₹1,50,000`, `(500)`, `12.5%`, `1.2e6`); NaN when it is not one.
 * A trailing `%` is dropped, not divided by 100: `12.5%` is 12.5.
 */
export function parseNumber(text: string): number {
  const plain = plainDecimal(text)
  if (plain !== undefined) return plain
  const trimmed = text.trim()
  if (!mayStartNumber(trimmed.charCodeAt(0))) return NaN
  const match = NUMBER_SHAPE.exec(trimmed)
  if (match === null) return NaN
  const [, open, signBefore, signAfter, digits, close] = match
  // Parentheses mean negative in accounting exports; they must pair and cannot be combined with a sign.
  if ((open === undefined) !== (close === undefined)) return NaN
  if (signBefore !== undefined && signAfter !== undefined) return NaN
  const sign = signBefore ?? signAfter
  if (open !== undefined && sign !== undefined) return NaN
  const magnitude = Number(digits.replace(/,/g, ''))
  if (magnitude === 0) return 0
  return open !== undefined || sign === '-' ? -magnitude : magnitude
}

/**
 * Whether a trimmed text starting with this character can match NUMBER_SHAPE: "(", a sign,
 * a currency (₹, Rs, INR), a digit or ".". Text such as a customer id ("CUST0001") or a
 * region is then refused without running the regular expression.
 */
function mayStartNumber(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) ||
    code === 0x28 ||
    code === 0x2d ||
    code === 0x2b ||
    code === 0x2e ||
    code === 0x20b9 ||
    code === 0x52 ||
    code === 0x72 ||
    code === 0x49 ||
    code === 0x69
  )
}

/**
 * The common cell read without the regular expression (import and scoring parse millions):
 * an optional sign, digits with at most one '.', an optional exponent with digits, nothing
 * else. That is what NUMBER_SHAPE reads with a sign and DIGITS but no grouping, currency,
 * percent, parentheses or spaces, and the value is the same (Number of the text, −0 read as
 * 0). undefined for any other text, which the regular expression then decides.
 */
function plainDecimal(text: string): number | undefined {
  const n = text.length
  let i = 0
  let code = n > 0 ? text.charCodeAt(0) : 0
  if (code === 0x2d || code === 0x2b) code = ++i < n ? text.charCodeAt(i) : 0
  let digits = 0
  let dot = false
  for (; i < n; i++) {
    code = text.charCodeAt(i)
    if (code >= 0x30 && code <= 0x39) digits++
    else if (code === 0x2e && !dot) dot = true
    else break
  }
  if (digits === 0) return undefined
  if (i < n) {
    if (code !== 0x65 && code !== 0x45) return undefined
    i++
    if (i < n && (text.charCodeAt(i) === 0x2d || text.charCodeAt(i) === 0x2b)) i++
    const first = i
    for (; i < n; i++) {
      code = text.charCodeAt(i)
      if (code < 0x30 || code > 0x39) return undefined
    }
    if (i === first) return undefined
  }
  const value = Number(text)
  return value === 0 ? 0 : value
}

/**
 * True for the spellings exports use for "no value" in any column: '', NA, N/A, null, NaN,
 * -, ?, #N/A (any case, trimmed). "None" is not among them: it is a real category in bank
 * files (German credit's other_parties = none for 907 of 1,000 loans), so it is missing only
 * where a number is expected ({@link isMissingNumberToken}).
 */
export function isMissingToken(text: string): boolean {
  // Most cells are longer than any token and have no spaces around them: answer those
  // without trimming and lower-casing a copy (batch scoring asks for every category cell).
  if (
    text.length > LONGEST_TOKEN &&
    isPrintableAscii(text.charCodeAt(0)) &&
    isPrintableAscii(text.charCodeAt(text.length - 1))
  ) {
    return false
  }
  return MISSING_TOKENS.has(text.trim().toLowerCase())
}

/** "None" (any case, trimmed): Python's way of writing a missing value into a column of numbers. */
export function isNoneWord(text: string): boolean {
  return text.length <= 8 && text.trim().toLowerCase() === 'none'
}

/** A missing value where a number is expected: the missing spellings, and "None". */
export function isMissingNumberToken(text: string): boolean {
  return isMissingToken(text) || isNoneWord(text)
}

/** Printable ASCII other than space: never trimmed away. */
function isPrintableAscii(code: number): boolean {
  return code > 0x20 && code < 0x7f
}
