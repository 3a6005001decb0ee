import { createReadStream } from 'node:fs'
import { basename } from 'node:path'
import { PassThrough, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { CsvError, Parser } from 'csv-parse'
import iconv from 'iconv-lite'
import {
  CsvInputError,
  fromFileSystemError,
  headerOnlyError,
  MAX_RECORD_CHARS,
  openQuoteError
} from './CsvInputError'
import { BadByteError, badByteInputError, EncodingChange, EncodingGuard } from './encodingGuard'
import type { CsvFormat } from './sniffCsv'

/** One data record as read: its fields untouched (not trimmed, not typed). */
export interface CsvRecord {
  /** 1-based physical line where the record starts; the header is usually line 1. */
  line: number
  fields: string[]
}

export interface ReadCsvOptions {
  /** Records per onBatch call; default 5000. */
  batchSize?: number
  signal?: AbortSignal
  /** Called after each batch and at the end, with bytes read from disk so far. */
  onProgress?: (bytesRead: number, totalBytes: number) => void
}

export interface ReadCsvResult {
  /** Data records passed to onBatch (header and blank rows excluded). */
  records: number
  /** Records among them whose field count differs from the header's. */
  ragged: number
}

export const DEFAULT_BATCH_SIZE = 5000

/**
 * Streams the data records of a CSV file described by {@link sniffCsv} to `onBatch`, awaiting each batch
 * before reading on. Ragged records are passed on and counted; blank rows are skipped. Rejects with a
 * {@link CsvInputError} for unreadable or malformed files, bytes the encoding refuses (with line and
 * column) or a file with no data rows; with EncodingChange when a file sniffed as UTF-8 turns out to be
 * Windows-1252 past the sample (read it again in that encoding); and with an Error named 'AbortError'
 * when `signal` aborts.
 */
export async function readCsvRecords(
  path: string,
  format: CsvFormat,
  onBatch: (batch: CsvRecord[]) => void | Promise<void>,
  options: ReadCsvOptions = {}
): Promise<ReadCsvResult> {
  const { batchSize = DEFAULT_BATCH_SIZE, signal, onProgress } = options
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`)
  }
  if (signal?.aborted) throw abortError(path, signal.reason)

  const source = createReadStream(path)
  // Every byte passes the encoding guard before it is decoded (see encodingGuard.ts).
  const guard = new EncodingGuard(format.encoding, format.encoding === 'utf-8' && !format.bom)
  const guarded = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      try {
        guard.check(chunk)
        done(null, chunk)
      } catch (error) {
        done(error as Error)
      }
    },
    flush(done) {
      try {
        guard.end()
        done()
      } catch (error) {
        done(error as Error)
      }
    }
  })
  // UTF-8 goes straight to csv-parse, which works on bytes and so never splits a character across chunks.
  // iconv-lite strips the BOM of UTF-16; csv-parse's `bom` option strips the UTF-8 one.
  const decoder = format.encoding === 'utf-8' ? new PassThrough() : iconv.decodeStream(format.encoding)
  const parser = new NumberingParser({
    delimiter: format.delimiter,
    // Accept all three endings anywhere: concatenated or hand-edited exports mix them.
    record_delimiter: ['\r\n', '\n', '\r'],
    bom: true,
    // Empty lines come through as [''] and are skipped below, so that every physical line is seen and
    // counted here; csv-parse's own `info` line counts drift (see LineCounter) and cost ~1 µs a record.
    skip_empty_lines: false,
    // Ragged rows are reported per line by the caller, not fatal here.
    relax_column_count: true,
    // A stray quote inside an unquoted field (`5" pipe`, `O"Brien`) is kept as text instead of aborting.
    relax_quotes: true,
    max_record_size: MAX_RECORD_CHARS
  })

  const totalBytes = (): number => Math.max(format.sizeBytes, source.bytesRead)
  let headerSeen = false
  let records = 0
  let ragged = 0
  let batch: CsvRecord[] = []

  const flush = async (): Promise<void> => {
    if (batch.length > 0) {
      const full = batch
      batch = []
      await onBatch(full)
      // onBatch may take long; do not read on if the user cancelled meanwhile.
      if (signal?.aborted) throw abortError(path, signal.reason)
    }
    onProgress?.(source.bytesRead, totalBytes())
  }

  const consume = async (rows: AsyncIterable<CsvRecord>): Promise<void> => {
    for await (const record of rows) {
      // Blank lines and rows of empty cells (Excel's trailing ",,,,") carry nothing; sniffCsv skips them too.
      if (record.fields.every((field) => field.trim() === '')) continue
      if (!headerSeen) {
        headerSeen = true
        continue
      }
      if (record.fields.length !== format.header.length) ragged++
      records++
      batch.push(record)
      if (batch.length >= batchSize) await flush()
    }
    await flush()
  }

  try {
    await pipeline(source, guarded, decoder, parser, consume, { signal })
  } catch (error) {
    if (signal?.aborted) throw abortError(path, signal.reason)
    if (error instanceof EncodingChange) throw error
    if (error instanceof BadByteError)
      throw await badByteInputError(path, format.encoding, format.delimiter, error)
    // The record csv-parse failed on starts right after the last one it parsed.
    if (error instanceof CsvError) throw malformed(path, error, parser.lines.next)
    throw fromFileSystemError(path, error)
  }

  if (!headerSeen) {
    throw new CsvInputError({
      code: 'EMPTY_FILE',
      file: path,
      problem: 'the file holds no column names and no data',
      remedy: 'Export the loan table again, including its header row and data rows.'
    })
  }
  if (records === 0) throw headerOnlyError(path)
  return { records, ragged }
}

/**
 * csv-parse's Parser emitting {@link CsvRecord}s numbered as they are parsed. Numbering in the consumer
 * instead would be wrong after a parse error: the stream drops records still buffered between parser and
 * consumer, so the consumer cannot tell where the failing record starts.
 */
class NumberingParser extends Parser {
  readonly lines = new LineCounter()

  // Every Transform hands its output to push(); csv-parse pushes one string[] per record and null at the end.
  override push(chunk: unknown, encoding?: BufferEncoding): boolean {
    if (!Array.isArray(chunk)) return super.push(chunk, encoding)
    const fields = chunk as string[]
    const record: CsvRecord = { line: this.lines.startOf(fields), fields }
    return super.push(record, encoding)
  }
}

/**
 * Physical line numbers of records. csv-parse's `info.lines` is where a record ends and counts a CRLF inside
 * quotes as two lines, so it drifts; instead every record, empty lines included, advances the count by one
 * plus the line breaks inside its fields.
 */
class LineCounter {
  /** Line where the next record starts. */
  next = 1

  /** Line where `fields` starts; call once per record, in file order. */
  startOf(fields: string[]): number {
    const start = this.next
    let breaks = 0
    for (const field of fields) breaks += countLineBreaks(field)
    this.next = start + 1 + breaks
    return start
  }
}

function countLineBreaks(field: string): number {
  // Fast path: almost no field spans lines.
  if (field.indexOf('\n') < 0 && field.indexOf('\r') < 0) return 0
  return field.match(/\r\n|\r|\n/g)?.length ?? 0
}

function malformed(path: string, error: CsvError, line: number): CsvInputError {
  if (error.code === 'CSV_QUOTE_NOT_CLOSED' || error.code === 'CSV_MAX_RECORD_SIZE') {
    const kind = error.code === 'CSV_QUOTE_NOT_CLOSED' ? 'unclosed' : 'too long'
    return openQuoteError(path, line, kind, 'import', error)
  }
  return new CsvInputError({
    code: 'MALFORMED_CSV',
    file: path,
    line,
    cause: error,
    problem: `this record cannot be read as CSV (${error.message})`,
    remedy: 'Open the file in a text editor, correct that line, save, and import again.'
  })
}

function abortError(path: string, reason: unknown): Error {
  const error = new Error(`Reading ${basename(path)} was cancelled.`, { cause: reason })
  error.name = 'AbortError'
  return error
}
