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
      // The chunk keeps pending's memory (only ours: see join); the few bytes after its last
      // record are copied out first.
      const bytes = pending.subarray(0, end)
      pending = join(pending.subarray(end))
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
      pending = join(pending, bytes)
      await cut(false, source.bytesRead)
    }
    guard.end()
    const rest = decoder?.end()
    if (rest) pending = join(pending, Buffer.from(rest, 'utf8'))
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
 * The bytes of `parts` one after another in memory no one else holds: not the stream's or
 * the decoder's buffers, not Node's shared pool (which Buffer.concat and Buffer.from use for
 * small buffers, and which cannot move to another thread). A chunk cut from it moves to a
 * worker thread whole; each read is copied once, here, where a chunk used to be copied
 * twice (joined with the bytes left over, then cut out into a buffer of its own).
 */
function join(...parts: Buffer[]): Buffer {
  const joined = Buffer.allocUnsafeSlow(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const part of parts) at += part.copy(joined, at)
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
