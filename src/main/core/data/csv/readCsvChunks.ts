import type { Hash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import iconv from 'iconv-lite'
import { CancelledError } from '../../base/errors'
import { fromFileSystemError, MAX_RECORD_CHARS, openQuoteError, type CsvInputError } from './CsvInputError'
import { BadByteError, badByteInputError, EncodingGuard } from './encodingGuard'
import type { CsvFormat } from './sniffCsv'
import { CsvRecordTable, recordBoundary, tokenizeCsv, UnclosedQuoteError } from './tokenizeCsv'

/** What readCsvChunks reports as it goes. */
export interface CsvChunkHandlers {
  /** The header was read, after this many line breaks (blank lines before it included). */
  onHeader: (lineBreaks: number) => void
  /** A chunk of whole UTF-8 records (its own buffer, free to move to a worker thread). */
  onChunk: (bytes: Uint8Array, bytesRead: number) => Promise<void> | void
}

/**
 * Streams a CSV file described by sniffCsv as chunks of whole UTF-8 records after its
 * header (about `chunkBytes` each), hashing the file's own bytes on the way when `hash` is
 * given. Every byte passes the encoding guard before it is decoded; other encodings are
 * decoded to UTF-8, a UTF-8 byte order mark is dropped. Batch scoring and import both read
 * files this way, and tokenize the chunks with tokenizeCsv.
 *
 * Throws a {@link BadRecordError} for a record that cannot be cut out (a quote never
 * closed, a record past MAX_RECORD_CHARS), placed relative to the bytes not yet sent as
 * chunks; a CsvInputError for bytes the encoding refuses or an unreadable file;
 * EncodingChange (from the guard) when a file sniffed as UTF-8 turns out to be
 * Windows-1252; CancelledError when `signal` aborts.
 */
export async function readCsvChunks(
  path: string,
  format: CsvFormat,
  options: { chunkBytes: number; hash?: Hash; signal?: AbortSignal },
  on: CsvChunkHandlers
): Promise<void> {
  const { chunkBytes, hash, signal } = options
  const delimiter = format.delimiter.charCodeAt(0)
  const source = createReadStream(path, { highWaterMark: chunkBytes })
  const decoder = format.encoding === 'utf-8' ? null : iconv.getDecoder(format.encoding)
  let pending: Buffer = Buffer.alloc(0)
  /** Whether pending's memory is ours alone (joined here), so a chunk may keep it instead of a copy. */
  // Stryker disable next-line BooleanLiteral: pending is empty until the first read, which sets this.
  let owned = false
  let headerRead = false
  let atStart = true
  const headerTable = new CsvRecordTable()
  const guard = new EncodingGuard(format.encoding, format.encoding === 'utf-8' && !format.bom)

  /** Cuts what `pending` holds of whole records into chunks; at the end, all of it. */
  const cut = async (final: boolean, bytesRead: number): Promise<void> => {
    if (!headerRead) {
      const found = tokenizeCsv(pending, 0, pending.length, delimiter, final, headerTable, 1)
      if (headerTable.numRecords === 0) {
        if (!final && pending.length > MAX_RECORD_CHARS) throw new BadRecordError('too long', 0)
        return
      }
      headerRead = true
      on.onHeader(found.lineBreaks)
      pending = pending.subarray(found.end)
    }
    while (pending.length >= chunkBytes || (final && pending.length > 0)) {
      let end: number
      try {
        end = recordBoundary(pending, 0, pending.length, delimiter, final)
      } catch (error) {
        if (error instanceof UnclosedQuoteError) throw new BadRecordError('unclosed', error.lineBreaks)
        throw error
      }
      if (end === 0) {
        if (pending.length > MAX_RECORD_CHARS) throw new BadRecordError('too long', 0)
        return
      }
      // The chunk takes pending's memory as it is, and the few bytes after its last record are
      // copied out; else (memory the stream or the decoder may share) the chunk is copied.
      const rest = pending.subarray(end)
      const bytes = owned ? pending.subarray(0, end) : new Uint8Array(pending.subarray(0, end))
      pending = owned ? Buffer.from(rest) : rest
      // Stryker disable next-line BooleanLiteral: the bytes left are a copy a chunk could keep too; taken as shared, they only cost a copy.
      owned = false
      await on.onChunk(bytes, bytesRead)
    }
  }

  try {
    for await (const raw of source) {
      if (signal?.aborted) throw new CancelledError()
      const buffer = raw as Buffer
      hash?.update(buffer)
      guard.check(buffer)
      let bytes = decoder ? Buffer.from(decoder.write(buffer), 'utf8') : buffer
      if (atStart && bytes.length > 0) {
        atStart = false
        if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3)
      }
      if (pending.length) {
        pending = join(pending, bytes)
        owned = true
      } else {
        pending = bytes
        owned = false
      }
      await cut(false, source.bytesRead)
    }
    guard.end()
    const rest = decoder?.end()
    if (rest) {
      pending = join(pending, Buffer.from(rest, 'utf8'))
      owned = true
    }
    await cut(true, source.bytesRead)
  } catch (error) {
    if (error instanceof BadByteError)
      throw await badByteInputError(path, format.encoding, format.delimiter, error)
    throw fromFileSystemError(path, error)
  } finally {
    source.destroy()
  }
}

/**
 * a then b in memory of their own (not Node's shared pool, which Buffer.concat may use for
 * small results): a chunk cut from it can move to another thread whole.
 */
function join(a: Buffer, b: Buffer): Buffer {
  const joined = Buffer.allocUnsafeSlow(a.length + b.length)
  a.copy(joined, 0)
  b.copy(joined, a.length)
  return joined
}

/**
 * A record readCsvChunks cannot cut out: a quote never closed, or a record past
 * MAX_RECORD_CHARS (most likely the same). `lineBreaks` counts from the bytes not yet sent.
 */
export class BadRecordError extends Error {
  constructor(
    readonly kind: 'unclosed' | 'too long',
    readonly lineBreaks: number
  ) {
    super(`bad record (${kind})`)
    this.name = 'BadRecordError'
  }

  /** The user's error, once the line where the unsent bytes start is known. */
  inputError(path: string, line: number, during: 'score' | 'import'): CsvInputError {
    return openQuoteError(path, line + this.lineBreaks, this.kind, during)
  }
}
