import type { Translate } from './i18n'

/**
 * Numbers as Indian users read them, the same in main and the renderer: lakh and crore
 * grouping (12,34,567), rupees with ₹, amounts in words (5 lakh, 1.2 crore), shares as
 * percentages. Digits stay Latin in Hindi too, as on Indian bank documents.
 */

const grouped = new Map<number, Intl.NumberFormat>()

/** A finite number with Indian grouping and at most `digits` decimals. */
export function groupIndian(value: number, digits = 2): string {
  // Whole numbers are grouped by hand: a scored file quotes an amount in most of its reason
  // sentences, and Intl's format was 4 % of `ptm score`'s time (CPU profile, 200,000 rows).
  // Equal to Intl's output for every whole number below 1e15 (tests/shared/numbers.test.ts).
  if (Number.isInteger(value) && value > -1e15 && value < 1e15 && !Object.is(value, -0))
    return groupWhole(value)
  let format = grouped.get(digits)
  if (!format) {
    format = new Intl.NumberFormat('en-IN', { maximumFractionDigits: digits })
    grouped.set(digits, format)
  }
  return format.format(value)
}

/** 1234567 → "12,34,567": the last three digits, then pairs. */
function groupWhole(value: number): string {
  const digits = String(Math.abs(value))
  let text = digits.slice(-3)
  for (let end = digits.length - 3; end > 0; end -= 2)
    text = `${digits.slice(Math.max(0, end - 2), end)},${text}`
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
  return `${(share * 100).toFixed(digits)} %`
}

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
