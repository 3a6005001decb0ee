import { amountInWords } from '../../../shared/numbers'
import { lang, t } from '../i18n'

/**
 * Number, money, time and size formats for Indian users: ₹ with lakh/crore grouping
 * (12,34,567), counts the same way, dates in en-IN. Pure functions, unit-tested.
 */

const inr = new Intl.NumberFormat('en-IN', { style: 'currency', currency: 'INR', maximumFractionDigits: 0 })
const count = new Intl.NumberFormat('en-IN', { maximumFractionDigits: 0 })
const numberFormats = new Map<number, Intl.NumberFormat>()
/** Dates in the window's language, with Latin digits as on Indian bank documents. */
const dateTimes = {
  en: new Intl.DateTimeFormat('en-IN', { dateStyle: 'medium', timeStyle: 'short' }),
  hi: new Intl.DateTimeFormat('hi-IN', { dateStyle: 'medium', timeStyle: 'short', numberingSystem: 'latn' })
}
const dates = {
  en: new Intl.DateTimeFormat('en-IN', { dateStyle: 'medium' }),
  hi: new Intl.DateTimeFormat('hi-IN', { dateStyle: 'medium', numberingSystem: 'latn' })
}

/** What an absent value shows as. */
export const MISSING = '—'

function isNumber(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value)
}

/** Rupees, whole, with Indian grouping: ₹12,34,567. */
export function formatINR(value: number | null | undefined): string {
  return isNumber(value) ? inr.format(value) : MISSING
}

/** A count with Indian grouping: 10,00,000. */
export function formatCount(value: number | null | undefined): string {
  return isNumber(value) ? count.format(value) : MISSING
}

/** A measurement with Indian grouping and at most `maxFractionDigits` decimals. */
export function formatNumber(value: number | null | undefined, maxFractionDigits = 2): string {
  if (!isNumber(value)) return MISSING
  let format = numberFormats.get(maxFractionDigits)
  if (!format) {
    format = new Intl.NumberFormat('en-IN', { maximumFractionDigits: maxFractionDigits })
    numberFormats.set(maxFractionDigits, format)
  }
  return format.format(value)
}

/** A share in [0, 1] as a percentage: 0.1234 → "12.3 %". */
export function formatPercent(fraction: number | null | undefined, digits = 1): string {
  if (!isNumber(fraction)) return MISSING
  return `${(fraction * 100).toFixed(digits)} %`
}

/**
 * A count in words the way Indian users say it, in the window's language: 250000 → "2.5 lakh"
 * ("2.5 लाख"), 12000000 → "1.2 crore"; the catalogue's units, as main says amounts.
 */
export function formatIndianWords(value: number): string {
  if (!Number.isFinite(value)) return MISSING
  return amountInWords(value, t)
}

/** A duration for the jobs panel: "8 s", "2 min 05 s", "1 h 04 min". */
export function formatDuration(seconds: number | null | undefined): string {
  if (!isNumber(seconds) || seconds < 0) return MISSING
  const s = Math.round(seconds)
  if (s < 60) return `${s} s`
  const minutes = Math.floor(s / 60)
  if (minutes < 60) return `${minutes} min ${String(s % 60).padStart(2, '0')} s`
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`
}

/** A file size: "512 B", "12.4 KB", "3.1 MB". */
export function formatBytes(bytes: number): string {
  if (!isNumber(bytes)) return MISSING
  if (bytes < 1024) return `${bytes} B`
  const units = ['KB', 'MB', 'GB']
  let value = bytes / 1024
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${value.toFixed(1)} ${units[unit]}`
}

/** An ISO timestamp as a local date and time, in the window's language. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? MISSING : dateTimes[lang.value].format(date)
}

/** An ISO timestamp as a local date, in the window's language. */
export function formatDate(iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? MISSING : dates[lang.value].format(date)
}

const MONEY_NAME = /income|balance|amount|salary|emi|principal|outstanding|loan_?amt|limit|rupee|inr/i
/** Names that mention money but hold a ratio or a count: Debt_to_Income, Loan_to_Balance_Ratio. */
const NOT_MONEY_NAME = /(^|[_\s-])(ratio|to|rate|percent|pct|share|score|count|months|years)([_\s-]|$)/i

/** True when a column's name says it holds rupees (shown as ₹ in summaries). */
export function isMoneyColumn(name: string): boolean {
  return MONEY_NAME.test(name) && !NOT_MONEY_NAME.test(name)
}

/** A statistic of a column: ₹ for money columns, a plain number otherwise. */
export function formatStat(columnName: string, value: number | null | undefined): string {
  return isMoneyColumn(columnName) ? formatINR(value) : formatNumber(value)
}

/** A short axis label: ₹4.5 L / ₹1.2 Cr for money, 4.5 L / 1.2 Cr for big counts, else the number. */
export function formatCompact(value: number, money = false): string {
  if (!Number.isFinite(value)) return MISSING
  const abs = Math.abs(value)
  const prefix = money ? '₹' : ''
  if (abs >= 1e7) return `${prefix}${formatNumber(value / 1e7, 1)} Cr`
  if (abs >= 1e5) return `${prefix}${formatNumber(value / 1e5, 1)} L`
  if (money && abs >= 1e3) return `${prefix}${formatNumber(value / 1e3, 1)} K`
  return `${prefix}${formatNumber(value, abs < 10 ? 2 : abs < 100 ? 1 : 0)}`
}
