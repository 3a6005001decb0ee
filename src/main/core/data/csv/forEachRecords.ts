import type { Hash } from 'node:crypto'
import { headerOnlyError } from './CsvInputError'
import { BadRecordError, readCsvChunks } from './readCsvChunks'
import type { CsvFormat } from './sniffCsv'
import { CsvRecordTable, fieldText, tokenizeCsv } from './tokenizeCsv'

/** Bytes read per chunk: some 5,000 loan rows, tokenized at once. */
const CHUNK_BYTES = 1 << 19

/** The data records of one chunk of a CSV file, as the byte tokenizer read them. */
export class CsvRecords {
  constructor(
    /** The chunk's bytes and its tokenized fields (fieldIndex names a field of them). */
    readonly bytes: Uint8Array,
    readonly table: CsvRecordTable,
    /** Line on which the chunk starts. */
    private readonly firstLine: number
  ) {}

  /** Index in `table` of field `column` of record `record` (read it with fieldBytes.ts or fieldText). */
  fieldIndex(record: number, column: number): number {
    return this.table.fieldFirst[record] + column
  }

  /** Records in the chunk (blank ones skipped). */
  get count(): number {
    return this.table.numRecords
  }

  /** Fields in record `record` (ragged records have more or fewer than the header). */
  fieldCount(record: number): number {
    return this.table.fieldCount(record)
  }

  /** Field `column` of record `record` as text, as csv-parse would give it (untrimmed). */
  field(record: number, column: number): string {
    return fieldText(this.bytes, this.table, this.table.fieldFirst[record] + column)
  }

  /** Every field of record `record` as text. */
  fields(record: number): string[] {
    const n = this.fieldCount(record)
    const out = new Array<string>(n)
    for (let c = 0; c < n; c++) out[c] = this.field(record, c)
    return out
  }

  /** 1-based physical line where record `record` starts. */
  line(record: number): number {
    return this.firstLine + this.table.recordLine[record]
  }
}

/**
 * Reads the data records of a CSV file described by sniffCsv, a chunk at a time, through
 * the byte tokenizer (readCsvChunks: every byte checked by the encoding guard, other
 * encodings decoded, hashed into `hash` when given), and hands each chunk's records to
 * `onRecords` with the bytes read so far. Returns the number of records. A record that
 * cannot be read (a quote never closed, one past MAX_RECORD_CHARS) is a CsvInputError
 * naming its line; a file with no data record is refused as header-only.
 */
export async function forEachRecords(
  path: string,
  format: CsvFormat,
  options: { hash?: Hash; signal?: AbortSignal },
  onRecords: (records: CsvRecords, bytesRead: number) => void | Promise<void>
): Promise<number> {
  const delimiter = format.delimiter.charCodeAt(0)
  const table = new CsvRecordTable()
  let line = 1
  let total = 0
  try {
    await readCsvChunks(
      path,
      format,
      { chunkBytes: CHUNK_BYTES, hash: options.hash, signal: options.signal },
      {
        onHeader: (lineBreaks) => {
          line += lineBreaks
        },
        onChunk: async (bytes, bytesRead) => {
          const read = tokenizeCsv(bytes, 0, bytes.length, delimiter, true, table)
          total += table.numRecords
          await onRecords(new CsvRecords(bytes, table, line), bytesRead)
          line += read.lineBreaks
        }
      }
    )
  } catch (error) {
    if (error instanceof BadRecordError) throw error.inputError(path, line, 'import')
    throw error
  }
  if (total === 0) throw headerOnlyError(path)
  return total
}
