import { type CsvRecordTable, FieldKind, fieldText } from '../data/csv/tokenizeCsv'
import type { ModelArtifact } from '../ml/ModelArtifact'
import type { RawInputs } from '../ml/preprocess'
import { notACategory, notANumber, readCategory, readNumber } from './parseApplicants'

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
 */
export function parseCsvInputs(
  artifact: ModelArtifact,
  bytes: Uint8Array,
  table: CsvRecordTable,
  columnOf: Int32Array,
  width: number
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
      const values: (string | null)[] = new Array(n)
      for (let r = 0; r < n; r++) {
        if (ragged[r]) {
          values[r] = null
          continue
        }
        const text = fieldText(bytes, table, table.fieldFirst[r] + column)
        const category = readCategory(text)
        if (category === undefined) fail(r, notACategory(field, text))
        values[r] = category ?? null
      }
      categorical.set(field.name, values)
    }
  })
  return { raw: { numRows: n, numeric, categorical }, failed, errors }
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
