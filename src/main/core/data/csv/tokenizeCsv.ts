/**
 * A CSV tokenizer over UTF-8 bytes, for batch scoring. Import reads files with csv-parse
 * (readCsvRecords.ts); scoring needs what csv-parse does not give: each record's byte
 * range, so that a scored row can copy its input columns straight to the output, and
 * records cut into chunks at record boundaries, so that worker threads parse them in
 * parallel. Measured on the bench's 1M-row file, csv-parse alone read 190,000 rows/s,
 * slower than the whole scoring target; this tokenizer does not build a string per field.
 *
 * It reads records as readCsvRecords does (the tests compare the two on the same
 * inputs): fields separated by `delimiter`; records ended by LF, CRLF or CR, also mixed;
 * a field that starts with a quote is quoted, `""` inside it is one quote, and it may span
 * lines; a quote anywhere else is an ordinary character; a closing quote followed by
 * something other than a delimiter or line break makes the field "loose" (csv-parse's
 * relax_quotes: the text kept as written from the opening quote, `""` read as one quote);
 * records whose fields are all blank are skipped. Field counts may differ between
 * records (the caller reports ragged ones).
 */

/** How a field's value is read from its bytes. */
export const FieldKind = {
  /** The bytes are the value. */
  plain: 0,
  /** Quoted, no `""` inside: the value is the bytes between the quotes. */
  quoted: 1,
  /** Quoted with `""` inside: the value is the bytes between the quotes, `""` read as `"`. */
  escaped: 2,
  /** A quoted field that did not end at its closing quote (see the module comment). */
  loose: 3
} as const

/** The records of a chunk: flat typed arrays, reused from chunk to chunk. */
export class CsvRecordTable {
  numRecords = 0
  numFields = 0
  /** Byte range of each record's text, without its line break. */
  recordStart = new Int32Array(1024)
  recordEnd = new Int32Array(1024)
  /** Line breaks before each record, counted from the start of the tokenized range. */
  recordLine = new Int32Array(1024)
  /** Fields of record i are fieldFirst[i] .. fieldFirst[i + 1] - 1. */
  fieldFirst = new Int32Array(1025)
  /** Byte range of each field as written (quotes included) and its {@link FieldKind}. */
  fieldStart = new Int32Array(8192)
  fieldEnd = new Int32Array(8192)
  fieldKind = new Uint8Array(8192)

  /** Fields in record `record`. */
  fieldCount(record: number): number {
    return this.fieldFirst[record + 1] - this.fieldFirst[record]
  }

  reset(): void {
    this.numRecords = 0
    this.numFields = 0
    this.fieldFirst[0] = 0
  }

  pushField(start: number, end: number, kind: number): void {
    if (this.numFields === this.fieldStart.length) {
      this.fieldStart = grow(this.fieldStart)
      this.fieldEnd = grow(this.fieldEnd)
      this.fieldKind = grow(this.fieldKind)
    }
    this.fieldStart[this.numFields] = start
    this.fieldEnd[this.numFields] = end
    this.fieldKind[this.numFields] = kind
    this.numFields++
  }

  /** Ends the record made of the fields pushed since the last one. */
  pushRecord(start: number, end: number, line: number): void {
    if (this.numRecords + 1 === this.recordStart.length) {
      this.recordStart = grow(this.recordStart)
      this.recordEnd = grow(this.recordEnd)
      this.recordLine = grow(this.recordLine)
      this.fieldFirst = grow(this.fieldFirst)
    }
    const r = this.numRecords++
    this.recordStart[r] = start
    this.recordEnd[r] = end
    this.recordLine[r] = line
    this.fieldFirst[r + 1] = this.numFields
  }

  /** Forgets the fields pushed since the last record (a blank or incomplete record). */
  dropOpenFields(): void {
    this.numFields = this.fieldFirst[this.numRecords]
  }
}

function grow<T extends Int32Array | Uint8Array>(a: T): T {
  const bigger = new (a.constructor as new (n: number) => T)(a.length * 2)
  bigger.set(a)
  return bigger
}

export interface TokenizeResult {
  /** Offset just after the last complete record read (after its line break). */
  end: number
  /** Line breaks in [start, end), those inside quoted fields included. */
  lineBreaks: number
  /** Non-blank records read. */
  records: number
}

/** A quote opened in the record starting `lineBreaks` lines into the range is never closed. */
export class UnclosedQuoteError extends Error {
  constructor(readonly lineBreaks: number) {
    super('a quoted field is never closed')
    this.name = 'UnclosedQuoteError'
  }
}

const QUOTE = 0x22
const LF = 0x0a
const CR = 0x0d

/**
 * Reads the records of bytes[start, end), which must start at a record boundary, into
 * `out` (or only counts them when `out` is null). With `final` false the range may end
 * inside a record: that record is left unread and `end` says where it starts; with
 * `final` true the range's end ends the last record, and an unclosed quote throws an
 * {@link UnclosedQuoteError}. Stops after `maxRecords` non-blank records.
 */
export function tokenizeCsv(
  bytes: Uint8Array,
  start: number,
  end: number,
  delimiter: number,
  final: boolean,
  out: CsvRecordTable | null,
  maxRecords = Infinity
): TokenizeResult {
  // One record at a time, inlined by hand: this runs once per byte of a million-row file,
  // so the loops make no calls and no strings.
  out?.reset()
  let pos = start
  let lineBreaks = 0
  let records = 0
  // What the last complete record left: the result when the range ends inside a record.
  let doneEnd = start
  let doneLineBreaks = 0
  records: while (pos < end && records < maxRecords) {
    const recordStart = pos
    const recordLine = lineBreaks
    // A record is blank when no field holds anything but spaces and tabs; text outside
    // ASCII is checked by decoding (it may be a no-break space, which trim() removes).
    let content = false
    let nonAscii = false
    let recordEnd: number
    for (;;) {
      const fieldStart = pos
      let kind: number = FieldKind.plain
      if (pos < end && bytes[pos] === QUOTE) {
        let q = pos + 1
        let closing = -1
        let escaped = false
        while (q < end) {
          const b = bytes[q]
          if (b === QUOTE) {
            if (q + 1 === end && !final) break // a second quote may follow in the next chunk
            if (q + 1 < end && bytes[q + 1] === QUOTE) {
              escaped = true
              content = true
              q += 2
              continue
            }
            closing = q
            break
          }
          if (b === LF) lineBreaks++
          else if (b === CR && !(q + 1 < end && bytes[q + 1] === LF)) lineBreaks++
          else if (b >= 0x80) nonAscii = true
          else if (b !== 0x20 && b !== 0x09 && b !== CR) content = true
          q++
        }
        if (closing < 0) {
          if (!final) break records
          throw new UnclosedQuoteError(recordLine)
        }
        const after = closing + 1
        const next = after < end ? bytes[after] : -1
        if (next === -1 || next === delimiter || next === LF || next === CR) {
          kind = escaped ? FieldKind.escaped : FieldKind.quoted
          pos = after
        } else {
          kind = FieldKind.loose
          content = true
          q = after
          while (q < end) {
            const b = bytes[q]
            if (b === delimiter || b === LF || b === CR) break
            q++
          }
          pos = q
        }
      } else {
        let q = pos
        while (q < end) {
          const b = bytes[q]
          if (b === delimiter || b === LF || b === CR) break
          if (b >= 0x80) nonAscii = true
          else if (b !== 0x20 && b !== 0x09) content = true
          q++
        }
        pos = q
      }
      out?.pushField(fieldStart, pos, kind)
      if (pos >= end) {
        if (!final) break records
        recordEnd = pos
        break
      }
      const b = bytes[pos]
      if (b === delimiter) {
        pos++
        continue
      }
      recordEnd = pos
      if (b === CR) {
        if (pos + 1 < end) pos += bytes[pos + 1] === LF ? 2 : 1
        else if (final) pos++
        else break records // an LF may follow in the next chunk
      } else pos++
      lineBreaks++
      break
    }
    const blank = !content && (!nonAscii || blankText(bytes, recordStart, recordEnd, delimiter))
    if (blank) out?.dropOpenFields()
    else {
      records++
      out?.pushRecord(recordStart, recordEnd, recordLine)
    }
    doneEnd = pos
    doneLineBreaks = lineBreaks
  }
  out?.dropOpenFields()
  return { end: doneEnd, lineBreaks: doneLineBreaks, records }
}

/**
 * Where the last complete record of bytes[start, end) ends (start when none does), for
 * cutting a stream into chunks. A range without quotes is cut after its last line break,
 * found by the native search; one with quotes is tokenized, since a line break inside a
 * quoted field ends nothing. With `final` the whole range is taken (an unclosed quote
 * throws an UnclosedQuoteError).
 */
export function recordBoundary(
  bytes: Uint8Array,
  start: number,
  end: number,
  delimiter: number,
  final: boolean
): number {
  if (hasByte(bytes, QUOTE, start, end)) return tokenizeCsv(bytes, start, end, delimiter, final, null).end
  if (final) return end
  const lf = bytes.lastIndexOf(LF, end - 1)
  if (lf >= start) return lf + 1
  // Old Mac files end lines with CR alone; a CR that ends the range may be half of a CRLF.
  let cr = bytes.lastIndexOf(CR, end - 1)
  if (cr === end - 1) cr = end - 2 >= start ? bytes.lastIndexOf(CR, end - 2) : -1
  return cr >= start ? cr + 1 : start
}

function hasByte(bytes: Uint8Array, byte: number, start: number, end: number): boolean {
  const at = bytes.indexOf(byte, start)
  return at >= 0 && at < end
}

/** Whether a record with no ASCII text but delimiters, quotes and spaces is blank once decoded. */
function blankText(bytes: Uint8Array, start: number, end: number, delimiter: number): boolean {
  const text = decodeRange(bytes, start, end)
  return text.split(String.fromCharCode(delimiter)).every((field) => field.replace(/"/g, '').trim() === '')
}

const decoder = new TextDecoder('utf-8')

/** The value of field `field` of the table, as csv-parse would give it. */
export function fieldText(bytes: Uint8Array, table: CsvRecordTable, field: number): string {
  const start = table.fieldStart[field]
  const end = table.fieldEnd[field]
  switch (table.fieldKind[field]) {
    case FieldKind.plain:
      return decodeRange(bytes, start, end)
    case FieldKind.quoted:
      return decodeRange(bytes, start + 1, end - 1)
    case FieldKind.escaped:
      return decodeRange(bytes, start + 1, end - 1).replace(/""/g, '"')
    default: {
      // Loose: the opening quote kept, the quoted part unescaped up to its closing quote,
      // then the rest as written (what csv-parse's relax_quotes gives).
      const text = decodeRange(bytes, start, end)
      const closing = closingQuote(text)
      return '"' + text.slice(1, closing).replace(/""/g, '"') + text.slice(closing)
    }
  }
}

/** Index of the quote that closes the quoted start of `text` (which begins with a quote). */
function closingQuote(text: string): number {
  for (let i = 1; i < text.length; i++) {
    if (text[i] !== '"') continue
    if (text[i + 1] === '"') i++
    else return i
  }
  return text.length
}

/** Bytes [start, end) as UTF-8 text; ASCII (almost every field of a loan file) without the decoder. */
export function decodeRange(bytes: Uint8Array, start: number, end: number): string {
  if (end - start <= 24) {
    let ascii = ''
    for (let i = start; i < end; i++) {
      const b = bytes[i]
      if (b >= 0x80) return decoder.decode(bytes.subarray(start, end))
      ascii += String.fromCharCode(b)
    }
    return ascii
  }
  return decoder.decode(bytes.subarray(start, end))
}
