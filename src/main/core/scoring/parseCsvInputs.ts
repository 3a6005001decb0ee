import { type CsvRecordTable, FieldKind, fieldText } from '../data/csv/tokenizeCsv'
import type { ModelArtifact } from '../model/ModelArtifact'
import type { RawInputs } from '../ml/preprocess'
import { notANumber, readCategory, readNumber } from './parseApplicants'

/** A chunk's model inputs read from CSV bytes: what scoring needs, and the rows it cannot score. */
export interface CsvInputs {
  raw: RawInputs
  /** 1 for rows that cannot be scored. */
  failed: Uint8Array
  /** Why, for the failed rows only (a file of a million good rows keeps no per-row lists). */
  errors: Map<number, string[]>
}

/**
 * Reads the model's input columns of a tokenized chunk: the batch counterpart of
 * parseApplicants, with the same rules (readNumber, readCategory and their messages), so a
 * row scores the same from a CSV file as from JSON. Plain decimal numbers are read
 * straight from their bytes, the rest through readNumber. `columnOf[i]` is the file column
 * of model input i; `width` is the header's field count: a record with another count fails.
 * `categories[i]` remembers the spellings of input i's cells from chunk to chunk.
 */
export function parseCsvInputs(
  artifact: ModelArtifact,
  bytes: Uint8Array,
  table: CsvRecordTable,
  columnOf: Int32Array,
  width: number,
  categories: CategoryCells[] = artifact.inputs.map(() => new CategoryCells())
): CsvInputs {
  const n = table.numRecords
  const numeric = new Map<string, Float64Array>()
  const categorical = new Map<string, (string | null)[]>()
  const failed = new Uint8Array(n)
  const errors = new Map<number, string[]>()
  const fail = (r: number, message: string): void => {
    failed[r] = 1
    const list = errors.get(r)
    if (list) list.push(message)
    else errors.set(r, [message])
  }
  // A ragged record's fields cannot be trusted to be in their columns: it fails for that alone.
  const ragged = new Uint8Array(n)
  for (let r = 0; r < n; r++) {
    const count = table.fieldCount(r)
    if (count === width) continue
    ragged[r] = 1
    fail(r, `has ${count} fields, the header has ${width}`)
  }
  artifact.inputs.forEach((field, i) => {
    const column = columnOf[i]
    if (field.kind === 'numeric') {
      const values = new Float64Array(n)
      for (let r = 0; r < n; r++) {
        if (ragged[r]) {
          values[r] = NaN
          continue
        }
        const at = table.fieldFirst[r] + column
        let x = decimalAt(bytes, table, at)
        if (x === undefined) {
          const text = fieldText(bytes, table, at)
          x = readNumber(text)
          if (x === undefined) {
            values[r] = NaN
            fail(r, notANumber(field, text))
            continue
          }
        }
        values[r] = x
      }
      numeric.set(field.name, values)
    } else {
      // Stryker disable next-line ArrayDeclaration: every row is assigned below, so the length given up front changes nothing.
      const values: (string | null)[] = new Array(n)
      for (let r = 0; r < n; r++) {
        if (ragged[r]) {
          values[r] = null
          continue
        }
        values[r] = categories[i].read(bytes, table, table.fieldFirst[r] + column)
      }
      categorical.set(field.name, values)
    }
  })
  return { raw: { numRows: n, numeric, categorical }, failed, errors }
}

/**
 * The categories of one column's cells, remembered by their bytes: a loan file spells
 * each region or occupation the same way in a million rows, so most cells are found
 * here without building, trimming and checking a string (and without the garbage that
 * makes). Columns with more than MAX_SPELLINGS spellings (names, say) read the rest as text.
 */
export class CategoryCells {
  private readonly known = new Map<number, { bytes: Uint8Array; kind: number; value: string | null }>()

  /** readCategory of the field's text (never undefined: CSV cells are text). */
  read(bytes: Uint8Array, table: CsvRecordTable, field: number): string | null {
    const start = table.fieldStart[field]
    const end = table.fieldEnd[field]
    const kind = table.fieldKind[field]
    if (end - start > MAX_CACHED_BYTES) return this.fromText(bytes, table, field)
    // FNV-1a over the bytes and the kind (a quoted spelling reads differently).
    let hash = 0x811c9dc5 ^ kind
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i], 0x01000193)
    const entry = this.known.get(hash)
    if (entry && entry.kind === kind && sameBytes(entry.bytes, bytes, start, end)) return entry.value
    const value = this.fromText(bytes, table, field)
    if (!entry && this.known.size < MAX_SPELLINGS) {
      this.known.set(hash, { bytes: bytes.slice(start, end), kind, value })
    }
    return value
  }

  private fromText(bytes: Uint8Array, table: CsvRecordTable, field: number): string | null {
    return readCategory(fieldText(bytes, table, field)) ?? null
  }
}

const MAX_CACHED_BYTES = 48
const MAX_SPELLINGS = 512

function sameBytes(known: Uint8Array, bytes: Uint8Array, start: number, end: number): boolean {
  if (known.length !== end - start) return false
  for (let i = 0; i < known.length; i++) if (known[i] !== bytes[start + i]) return false
  return true
}

/** 10^k for k ≤ 22, all exact doubles. */
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k)
const MAX_DIGITS = 15

/**
 * The value of a plain field written as -?digits[.digits] with at most 15 digits, or NaN
 * for an empty field; undefined for anything else (left to readNumber). Exactly
 * Number(text): the digits form an integer below 2^53 and 10^k is exact, so the one
 * division is correctly rounded (Clinger's fast path of decimal conversion).
 */
function decimalAt(bytes: Uint8Array, table: CsvRecordTable, field: number): number | undefined {
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
  // readNumber gives 0 for "-0", not -0.
  return negative && value !== 0 ? -value : value
}
