import { type CsvRecordTable, fieldText } from '../data/csv/tokenizeCsv'
import { plainDecimalAt, SpellingCache } from '../data/csv/fieldBytes'
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
        let x = plainDecimalAt(bytes, table, at)
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
 * The categories of one column's cells, remembered by their bytes (SpellingCache): each
 * spelling is read by readCategory once. Columns with more than 512 spellings (names, say)
 * read the rest as text.
 */
export class CategoryCells {
  private readonly spellings = new SpellingCache<string | null>((text) => readCategory(text) ?? null)

  /** readCategory of the field's text (never undefined: CSV cells are text). */
  read(bytes: Uint8Array, table: CsvRecordTable, field: number): string | null {
    return this.spellings.get(bytes, table, field)
  }
}
