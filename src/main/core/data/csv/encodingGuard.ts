import { isAscii, isUtf8 } from 'node:buffer'
import { open } from 'node:fs/promises'
import { CsvInputError } from './CsvInputError'

/**
 * The encoding decision covers the whole file, not only the 64 KiB sniffCsv reads: every
 * byte a reader takes passes an EncodingGuard first. A NUL byte, wherever it is, makes the
 * file binary (BINARY_FILE); bytes the encoding cannot carry are refused (BAD_ENCODING),
 * both with the line and column where they are, never decoded to U+FFFD in silence. One
 * case is decoded instead: a file sniffed as UTF-8 whose first invalid byte comes after
 * nothing but ASCII is Windows-1252 (Excel's "CSV (Comma delimited)") throughout, so the
 * reader starts again in that encoding (EncodingChange).
 */

/** The encodings a CSV file is read in (see sniffCsv). */
export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252'

/** The reader must start again, reading the whole file in `encoding`. */
export class EncodingChange extends Error {
  constructor(readonly encoding: CsvEncoding) {
    super(`the file is ${encoding}, not UTF-8`)
    this.name = 'EncodingChange'
  }
}

/**
 * Runs a reader over a file in the encoding sniffed, and once more in the encoding the
 * reader found instead (EncodingChange: UTF-8 that is Windows-1252 past the sample), so
 * that the decision covers the whole file.
 */
export async function inEncodingFound<F extends { encoding: CsvEncoding }, T>(
  format: F,
  read: (format: F) => Promise<T>
): Promise<T> {
  try {
    return await read(format)
  } catch (error) {
    if (!(error instanceof EncodingChange)) throw error
    return read({ ...format, encoding: error.encoding })
  }
}

/** A byte the file's encoding refuses, `offset` bytes into the file. */
export class BadByteError extends Error {
  constructor(
    readonly offset: number,
    readonly kind: 'nul' | 'invalid',
    /** The offending bytes (up to 4), for the message. */
    readonly bytes: number[]
  ) {
    super(`${kind} byte at offset ${offset}`)
    this.name = 'BadByteError'
  }
}

/** Windows-1252 leaves these five bytes undefined (iconv-lite would decode them to U+FFFD). */
const UNDEFINED_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d])

/** Checks a file's bytes in order, chunk by chunk, for its encoding (see the module comment). */
export class EncodingGuard {
  /** Bytes of the file checked so far (a carried incomplete character excluded). */
  private offset = 0
  /** The last bytes of a chunk that begin a character the next chunk completes. */
  private tail: Uint8Array = new Uint8Array(0)
  private onlyAscii = true
  /** UTF-16: a high surrogate waiting for its low half, and where it was. */
  private highSurrogateAt = -1

  constructor(
    readonly encoding: CsvEncoding,
    /** A UTF-8 file without a byte order mark may turn out to be Windows-1252. */
    private readonly mayBe1252: boolean
  ) {}

  /** Checks the next bytes of the file; throws BadByteError or EncodingChange. */
  check(chunk: Uint8Array): void {
    const bytes = this.tail.length
      ? Buffer.concat([this.tail, chunk])
      : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length)
    if (this.encoding === 'utf-8') this.checkUtf8(bytes, false)
    else if (this.encoding === 'windows-1252') this.check1252(bytes)
    else this.checkUtf16(bytes, false)
  }

  /** The file has ended: a character cut off at the end is invalid too. */
  end(): void {
    const bytes = Buffer.from(this.tail)
    this.tail = new Uint8Array(0)
    if (bytes.length === 0 && this.highSurrogateAt < 0) return
    if (this.encoding === 'utf-8') this.checkUtf8(bytes, true)
    else if (this.encoding !== 'windows-1252') this.checkUtf16(bytes, true)
  }

  private checkUtf8(bytes: Buffer, final: boolean): void {
    const cut = final ? bytes.length : incompleteUtf8Tail(bytes)
    const body = bytes.subarray(0, cut)
    this.tail = new Uint8Array(bytes.subarray(cut))
    const nul = body.indexOf(0)
    const valid = isUtf8(body)
    if (nul < 0 && valid) {
      if (this.onlyAscii && !isAscii(body)) this.onlyAscii = false
      this.offset += body.length
      return
    }
    const invalid = valid ? -1 : firstInvalidUtf8(body)
    const at = nul >= 0 && (invalid < 0 || nul < invalid) ? nul : invalid
    if (at === nul) throw new BadByteError(this.offset + at, 'nul', [0])
    if (this.mayBe1252 && this.onlyAscii && isAscii(body.subarray(0, at)))
      throw new EncodingChange('windows-1252')
    throw new BadByteError(this.offset + at, 'invalid', [body[at]])
  }

  private check1252(bytes: Buffer): void {
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i]
      if (b === 0) throw new BadByteError(this.offset + i, 'nul', [0])
      if (b >= 0x81 && UNDEFINED_1252.has(b)) throw new BadByteError(this.offset + i, 'invalid', [b])
    }
    this.offset += bytes.length
  }

  /** UTF-16: no NUL code unit, and every surrogate in a pair. */
  private checkUtf16(bytes: Buffer, final: boolean): void {
    const littleEndian = this.encoding === 'utf-16le'
    const even = bytes.length - (bytes.length % 2)
    for (let i = 0; i < even; i += 2) {
      const unit = littleEndian ? bytes[i] | (bytes[i + 1] << 8) : (bytes[i] << 8) | bytes[i + 1]
      const at = this.offset + i
      if (this.highSurrogateAt >= 0) {
        if (unit >= 0xdc00 && unit <= 0xdfff) {
          this.highSurrogateAt = -1
          continue
        }
        throw new BadByteError(this.highSurrogateAt, 'invalid', [
          ...bytes.subarray(Math.max(0, i - 2), i + 2)
        ])
      }
      if (unit === 0) throw new BadByteError(at, 'nul', [bytes[i], bytes[i + 1]])
      if (unit >= 0xd800 && unit <= 0xdbff) this.highSurrogateAt = at
      else if (unit >= 0xdc00 && unit <= 0xdfff)
        throw new BadByteError(at, 'invalid', [bytes[i], bytes[i + 1]])
    }
    this.offset += even
    this.tail = new Uint8Array(bytes.subarray(even))
    if (final && (this.tail.length > 0 || this.highSurrogateAt >= 0)) {
      throw new BadByteError(this.highSurrogateAt >= 0 ? this.highSurrogateAt : this.offset, 'invalid', [
        ...this.tail
      ])
    }
  }
}

/** Where the last, incomplete character of UTF-8 bytes begins (their length when none is cut off). */
function incompleteUtf8Tail(bytes: Uint8Array): number {
  for (let back = 1; back <= 3 && back <= bytes.length; back++) {
    const b = bytes[bytes.length - back]
    if (b < 0x80) return bytes.length
    if (b >= 0xc0) {
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2
      return need > back ? bytes.length - back : bytes.length
    }
  }
  return bytes.length
}

/** Offset of the first byte that does not begin a valid UTF-8 character (bytes known to be invalid). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i]
    let need: number
    let min: number
    if (b < 0x80) {
      i++
      continue
    } else if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80]
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800]
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000]
    else return i
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07)
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]
      if (c === undefined || (c & 0xc0) !== 0x80) return i
      cp = (cp << 6) | (c & 0x3f)
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i
    i += need + 1
  }
  return bytes.length
}

/**
 * Counts physical lines and fields through CSV bytes the way csv-parse reads them (a quote
 * opens only at the start of a field, `""` inside quotes is a quote, CRLF, LF and CR end a
 * line), so that a byte's offset becomes the line and column a person can find in an editor.
 * `unit` is 2 for UTF-16 (code units compared as numbers; only ASCII ones matter).
 */
class CsvPositionCounter {
  line = 1
  column = 1
  private inQuotes = false
  private atFieldStart = true
  private quoteInQuotes = false
  private lastWasCr = false
  private consumed = 0

  constructor(
    private readonly delimiter: number,
    private readonly unit: 1 | 2 = 1,
    private readonly littleEndian = true
  ) {}

  /** Advances over `bytes` (the file's next bytes), stopping before file offset `stopAt`; true once it is reached. */
  advance(bytes: Uint8Array, stopAt: number): boolean {
    const u = this.unit
    for (let i = 0; i + u <= bytes.length; i += u) {
      if (this.consumed >= stopAt) return true
      const c =
        u === 1
          ? bytes[i]
          : this.littleEndian
            ? bytes[i] | (bytes[i + 1] << 8)
            : (bytes[i] << 8) | bytes[i + 1]
      this.consumed += u
      this.step(c)
    }
    return this.consumed >= stopAt
  }

  private step(c: number): void {
    const wasCr = this.lastWasCr
    this.lastWasCr = c === 0x0d
    if (this.inQuotes) {
      if (this.quoteInQuotes) {
        this.quoteInQuotes = false
        if (c === 0x22) return // "" is one quote
        this.inQuotes = false // the quote closed the field: read c outside quotes
      } else if (c === 0x22) {
        this.quoteInQuotes = true
        return
      } else {
        if (c === 0x0a ? !wasCr : c === 0x0d) this.line++
        return
      }
    }
    if (c === 0x22 && this.atFieldStart) {
      this.inQuotes = true
      this.atFieldStart = false
    } else if (c === this.delimiter) {
      this.column++
      this.atFieldStart = true
    } else if (c === 0x0a || c === 0x0d) {
      if (!(c === 0x0a && wasCr)) this.line++
      this.column = 1
      this.atFieldStart = true
    } else {
      this.atFieldStart = false
    }
  }
}

/** The user's error for a bad byte, with the line and column found by reading the file up to it. */
export async function badByteInputError(
  path: string,
  encoding: CsvEncoding,
  delimiter: string,
  error: BadByteError
): Promise<CsvInputError> {
  const { line, column } = await locateOffset(path, encoding, delimiter, error.offset)
  const hex = error.bytes.map((b) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`).join(' ')
  if (error.kind === 'nul') {
    return new CsvInputError({
      code: 'BINARY_FILE',
      file: path,
      line,
      column,
      problem: 'this is a binary file (it contains a NUL byte here), not a CSV text file',
      remedy:
        'Choose the CSV export of the loan table, or save the table as CSV from the program that made it.'
    })
  }
  const named = encoding === 'windows-1252' ? 'Windows-1252' : encoding.toUpperCase()
  return new CsvInputError({
    code: 'BAD_ENCODING',
    file: path,
    line,
    column,
    problem: `the ${error.bytes.length === 1 ? 'byte' : 'bytes'} ${hex} here ${error.bytes.length === 1 ? 'is' : 'are'} not ${named} text, though the file is ${named} before ${error.bytes.length === 1 ? 'it' : 'them'} (it mixes encodings)`,
    remedy: 'Open the file in the program that made it and save it again as "CSV UTF-8", then try again.'
  })
}

/** Line and column of a file offset (BOM skipped, as the readers skip it). */
async function locateOffset(
  path: string,
  encoding: CsvEncoding,
  delimiter: string,
  offset: number
): Promise<{ line: number; column: number }> {
  const unit = encoding === 'utf-16le' || encoding === 'utf-16be' ? 2 : 1
  const counter = new CsvPositionCounter(delimiter.charCodeAt(0), unit, encoding !== 'utf-16be')
  const handle = await open(path, 'r')
  try {
    const buffer = Buffer.alloc(1 << 16)
    let position = 0
    let bom = -1
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, position)
      if (bytesRead === 0) break
      let chunk = buffer.subarray(0, bytesRead - (bytesRead % unit))
      position += chunk.length
      if (bom < 0) {
        bom = bomLength(chunk)
        chunk = chunk.subarray(bom)
      }
      if (counter.advance(chunk, offset - bom)) break
    }
  } finally {
    await handle.close()
  }
  return { line: counter.line, column: counter.column }
}

function bomLength(bytes: Uint8Array): number {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 3
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return 2
  return 0
}
