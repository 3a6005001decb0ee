import type { Translate } from './i18n'

/**
 * Numbers as Indian users read them, the same in main and the renderer: lakh and crore
 * grouping (12,34,567), rupees with ₹, amounts in words (5 lakh, 1.2 crore), shares as
 * percentages. Digits stay Latin in Hindi too, as on Indian bank documents.
 */

const grouped = new Map<number, Intl.NumberFormat>()

/** A finite number with Indian grouping and at most `digits` decimals. */
export function groupIndian(value: number, digits = 2): string {
  // Grouped by hand below 1e15: a scored file quotes an amount or a rate in most of its reason
  // sentences, and Intl's format was 4 % of `ptm score`'s time (CPU profile, 200,000 rows),
  // 0.4 µs a call where the hand path takes 0.03–0.1. Equal to Intl's output for every number
  // below 1e15 (tests/shared/numbers.test.ts): like Intl (ICU), it rounds the number's shortest
  // decimal text (String(value)), half away from zero, not the double's exact binary value
  // as toFixed does (1.005 → "1.01", where toFixed(2) says "1.00"). The guards below only
  // choose the quicker of two paths that give the same text, so mutants of them are equivalent.
  // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: -0 excepted (killed), either path gives the same text.
  if (Math.abs(value) < 1e15 && !Object.is(value, -0) && Number.isInteger(digits) && digits >= 0) {
    const text = String(Math.abs(value))
    // Stryker disable next-line ConditionalExpression,StringLiteral,BlockStatement: an exponent goes to Intl; without the test only Intl answers, the same text.
    if (!text.includes('e')) {
      const point = text.indexOf('.')
      // Stryker disable next-line EqualityOperator: the point of String(|value|) is never at 0.
      return signed(value, point < 0 ? groupDigits(text) : roundDecimal(text, point, digits))
    }
  }
  let format = grouped.get(digits)
  // Stryker disable next-line ConditionalExpression: a new format each call says the same, only slower.
  if (!format) {
    format = new Intl.NumberFormat('en-IN', { maximumFractionDigits: digits })
    grouped.set(digits, format)
  }
  return format.format(value)
}

const ZERO = 0x30
const FIVE = 0x35

/**
 * A plain decimal text ("12345.678", its point at `point`) rounded half up to at most
 * `digits` decimals, trailing zeros cut, the whole part grouped.
 */
function roundDecimal(text: string, point: number, digits: number): string {
  // Stryker disable next-line EqualityOperator: with exactly `digits` decimals the rounding below keeps them all (no digit follows to round up).
  if (text.length - point - 1 <= digits) return groupDigits(text.slice(0, point)) + text.slice(point)
  let kept = text.slice(0, point) + text.slice(point + 1, point + 1 + digits)
  if (text.charCodeAt(point + 1 + digits) >= FIVE) kept = plusOne(kept)
  const wholeLength = kept.length - digits
  let end = kept.length
  // Stryker disable next-line ConditionalExpression,EqualityOperator: zeros cut past the point are not read: the whole part is sliced by wholeLength.
  while (end > wholeLength && kept.charCodeAt(end - 1) === ZERO) end--
  const whole = groupDigits(kept.slice(0, wholeLength))
  return end > wholeLength ? `${whole}.${kept.slice(wholeLength, end)}` : whole
}

/** A string of digits plus one in its last place: "1299" → "1300", "99" → "100". */
function plusOne(digits: string): string {
  let i = digits.length - 1
  // Stryker disable next-line ConditionalExpression: digits[-1] is undefined, which stops the loop as i >= 0 does.
  while (i >= 0 && digits[i] === '9') i--
  const tail = '0'.repeat(digits.length - 1 - i)
  return i < 0 ? `1${tail}` : digits.slice(0, i) + String.fromCharCode(digits.charCodeAt(i) + 1) + tail
}

/** "1234567" → "12,34,567": the last three digits, then pairs. */
function groupDigits(digits: string): string {
  let text = digits.slice(-3)
  for (let end = digits.length - 3; end > 0; end -= 2)
    text = `${digits.slice(Math.max(0, end - 2), end)},${text}`
  return text
}

/** The text of |value| with value's sign (a negative that rounds to 0 reads "-0", as in Intl). */
function signed(value: number, text: string): string {
  return value < 0 ? `-${text}` : text
}

/** Rupees, whole, with Indian grouping: ₹12,34,567 (−₹500 for a negative amount). */
export function formatInr(value: number): string {
  const text = `₹${groupIndian(Math.abs(value), 0)}`
  return value < 0 ? `−${text}` : text
}

/** An amount in words: 250000 → "2.5 lakh", 12000000 → "1.2 crore", 45000 → "45 thousand". */
export function amountInWords(value: number, t: Translate): string {
  const abs = Math.abs(value)
  const sign = value < 0 ? '−' : ''
  if (abs >= 1e7) return sign + t('units.crore', { value: groupIndian(abs / 1e7, 2) })
  if (abs >= 1e5) return sign + t('units.lakh', { value: groupIndian(abs / 1e5, 2) })
  if (abs >= 1e3) return sign + t('units.thousand', { value: groupIndian(abs / 1e3, 2) })
  return sign + groupIndian(abs, 2)
}

/** A share in [0, 1] as a percentage with `digits` decimals: 0.1234 → "12.3 %". */
export function formatShare(share: number, digits = 1): string {
  // One decimal, the scored file's reasons' amounts (three a row): looked up among the 1,001
  // texts "0.0 %" … "100.0 %" instead of toFixed (~0.1 µs).
  if (digits === 1) {
    const tenth = shareTenth(share)
    if (tenth >= 0) return shareTenthTexts()[tenth]
  }
  return `${(share * 100).toFixed(digits)} %`
}

/**
 * Which of shareTenthTexts says a share in [0, 1] with one decimal, or −1 where toFixed
 * decides: the tenths are those toFixed rounds to except within a millionth of a half, which
 * is left to toFixed; a test holds the two equal.
 */
export function shareTenth(share: number): number {
  const percent = share * 100
  if (!(percent >= 0 && percent <= 100)) return -1
  const tenths = percent * 10
  return Math.abs(tenths - Math.floor(tenths) - 0.5) > 1e-6 ? Math.round(tenths) : -1
}

/** "0.0 %", "0.1 %", … "100.0 %": formatShare's texts with one decimal, made on first use (not at every process's start-up). */
export function shareTenthTexts(): readonly string[] {
  return (tenthTexts ??= Array.from({ length: 1001 }, (_, k) => `${(k / 10).toFixed(1)} %`))
}

let tenthTexts: string[] | undefined

/** A change of a share as signed percentage points for one line of text: "+1.2 %", "−0.4 %". */
export function formatSignedShare(share: number, digits = 1): string {
  const text = formatShare(Math.abs(share), digits)
  if (Math.abs(share) * 100 < 0.5 * 10 ** -digits) return text
  return `${share < 0 ? '−' : '+'}${text}`
}

const SUFFIX: [RegExp, number][] = [
  [/^(crores?|cr\.?|करोड़)$/i, 1e7],
  [/^(lakhs?|lacs?|l|लाख)$/i, 1e5],
  [/^(thousands?|k|हज़ार|हजार)$/i, 1e3]
]

/**
 * A number as a person types it into a form or a file: "540", "12,34,567", "₹ 5,00,000",
 * "Rs. 5 lakh", "2.5 crore", "5.5%", "-3.5". Null when empty, NaN when not a number.
 * `percent` tells whether a "%" sign was typed, so a share field can tell 40 % from 0.4.
 */
export function parseTypedNumber(text: string): { value: number | null; percent: boolean } {
  let s = text
    .trim()
    .replace(/^(₹|rs\.?|inr)\s*/i, '')
    .replace(/[\s\u00a0]+/g, ' ')
  if (s === '') return { value: null, percent: false }
  const percent = s.endsWith('%')
  if (percent) s = s.slice(0, -1).trim()
  let factor = 1
  const parts = s.split(' ')
  const last = parts[parts.length - 1]
  const suffix = SUFFIX.find(([re]) => re.test(last))
  if (suffix && parts.length > 1) {
    factor = suffix[1]
    s = parts.slice(0, -1).join('')
  } else {
    const glued = /^([0-9.,+-]+)(cr|l|k)$/i.exec(s)
    if (glued) {
      factor = SUFFIX.find(([re]) => re.test(glued[2]))![1]
      s = glued[1]
    }
  }
  const cleaned = s.replace(/[,\s]/g, '')
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(cleaned)) return { value: Number.NaN, percent }
  return { value: Number(cleaned) * factor, percent }
}
