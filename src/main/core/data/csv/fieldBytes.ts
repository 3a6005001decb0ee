import { type CsvRecordTable, FieldKind, fieldText } from './tokenizeCsv'

/**
 * Reading a tokenized field from its bytes, without building its text: a million-row file
 * has tens of millions of cells, and a string per cell (made, trimmed, parsed, collected)
 * was most of the time import and batch scoring spent per row.
 */

/** 10^k for k ≤ 22, all exact doubles. */
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k)
const MAX_DIGITS = 15

/**
 * The value of a plain field written as -?digits[.digits] with at most 15 digits, or NaN
 * for an empty field; undefined for anything else (left to the text's own parser).
 * Exactly Number(text): the digits form an integer below 2^53 and 10^k is exact, so the
 * one division is correctly rounded (Clinger's fast path of decimal conversion); "-0" is 0,
 * as parseNumber reads it.
 */
export function plainDecimalAt(bytes: Uint8Array, table: CsvRecordTable, field: number): number | undefined {
  // Stryker disable next-line ConditionalExpression: a quoted field's range starts at its quote, no digit, so it is undefined either way (the check saves the loop)
  if (table.fieldKind[field] !== FieldKind.plain) return undefined
  let i = table.fieldStart[field]
  const end = table.fieldEnd[field]
  if (i === end) return NaN
  const negative = bytes[i] === 0x2d
  if (negative) i++
  let mantissa = 0
  let digits = 0
  let fraction = -1
  for (; i < end; i++) {
    const b = bytes[i]
    if (b >= 0x30 && b <= 0x39) {
      mantissa = mantissa * 10 + (b - 0x30)
      digits++
    } else if (b === 0x2e && fraction < 0) fraction = digits
    else return undefined
  }
  if (digits === 0 || digits > MAX_DIGITS || fraction === digits) return undefined
  const scale = fraction < 0 ? 0 : digits - fraction
  const value = mantissa / POW10[scale]
  return negative && value !== 0 ? -value : value
}

/** Longest field remembered by its bytes; longer ones are read from their text each time. */
const MAX_CACHED_BYTES = 48

/**
 * What a column's cells read as, remembered by their bytes: a loan file spells each region,
 * occupation or flag the same way in a million rows, so most cells are found here without
 * building, trimming and checking a string. `read` computes a value from the field's text
 * (as csv-parse would give it) once per spelling; at most `capacity` spellings are kept
 * (a column of names reads the rest from their text).
 */
export class SpellingCache<T> {
  private readonly known = new Map<number, { bytes: Uint8Array; kind: number; value: T }>()

  constructor(
    private readonly read: (text: string) => T,
    private readonly capacity = 512
  ) {}

  /** The value of field `field` of the table: read(its text), remembered. */
  get(bytes: Uint8Array, table: CsvRecordTable, field: number): T {
    const start = table.fieldStart[field]
    const end = table.fieldEnd[field]
    const kind = table.fieldKind[field]
    if (end - start > MAX_CACHED_BYTES) return this.read(fieldText(bytes, table, field))
    // FNV-1a over the bytes and the kind (a quoted spelling reads differently).
    let hash = 0x811c9dc5 ^ kind
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i], 0x01000193)
    const entry = this.known.get(hash)
    if (entry && entry.kind === kind && sameBytes(entry.bytes, bytes, start, end)) return entry.value
    const value = this.read(fieldText(bytes, table, field))
    if (!entry && this.known.size < this.capacity) {
      this.known.set(hash, { bytes: bytes.slice(start, end), kind, value })
    }
    return value
  }
}

function sameBytes(known: Uint8Array, bytes: Uint8Array, start: number, end: number): boolean {
  if (known.length !== end - start) return false
  for (let i = 0; i < known.length; i++) if (known[i] !== bytes[start + i]) return false
  return true
}
