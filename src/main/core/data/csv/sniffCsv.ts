import { open, stat } from 'node:fs/promises'
import { extname } from 'node:path'
import iconv from 'iconv-lite'
import { CsvInputError, fromFileSystemError } from './CsvInputError'
import { BadByteError, badByteInputError, EncodingGuard, type CsvEncoding } from './encodingGuard'
import { parseNumber } from './parseNumber'

export type { CsvEncoding }
export type CsvLineEnding = 'lf' | 'crlf' | 'cr'

/** How a CSV file is written, as found by {@link sniffCsv}; {@link readCsvRecords} reads the file with it. */
export interface CsvFormat {
  encoding: CsvEncoding
  /** The file starts with a byte order mark (it is skipped when reading). */
  bom: boolean
  delimiter: string
  /** Column names from the first non-blank record, trimmed. */
  header: string[]
  /** Line ending of the first record; informational, since reading accepts all three anywhere. */
  lineEnding: CsvLineEnding
  sizeBytes: number
}

/** Only the start of the file is examined, so sniffing a 2 GB export is as quick as a 2 kB one. */
export const SNIFF_BYTES = 64 * 1024
/** Delimiter detection looks at this many non-blank records. */
const SNIFF_RECORDS = 20
const DELIMITERS = [',', ';', '\t', '|'] as const

const UTF8_BOM = [0xef, 0xbb, 0xbf]
const UTF16LE_BOM = [0xff, 0xfe]
const UTF16BE_BOM = [0xfe, 0xff]
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]

const SAVE_AS_CSV = 'In Excel use File → Save As → "CSV UTF-8 (Comma delimited)" and import that file.'

/**
 * Finds the encoding, delimiter, line ending and column names of a CSV file from its first 64 KiB,
 * throwing a {@link CsvInputError} for files that are missing, empty, binary, workbooks or lack a usable header.
 */
export async function sniffCsv(path: string): Promise<CsvFormat> {
  const { sample, sizeBytes } = await readSample(path)
  if (sizeBytes === 0) throw emptyFile(path, 'the file is empty (0 bytes)')
  rejectWorkbooks(path, sample)

  const wholeFile = sample.length === sizeBytes
  let decoded: DecodedSample
  try {
    decoded = decodeSample(sample, wholeFile)
  } catch (error) {
    if (!(error instanceof SampleByteError)) throw error
    // Placed by line and column, with the delimiter the sample most likely uses.
    const text = iconv.decode(sample, error.encoding === 'windows-1252' ? 'latin1' : error.encoding)
    throw await badByteInputError(path, error.encoding, detectDelimiter(text, wholeFile), error.bad)
  }
  const { encoding, bom, text } = decoded
  if (text.trim() === '') throw emptyFile(path, 'the file holds only blank lines and spaces')

  const delimiter = detectDelimiter(text, wholeFile)
  const { records, firstBreak } = splitSample(text, delimiter, 1, wholeFile)
  const first = records[0]
  if (first === undefined) {
    if (wholeFile) {
      throw new CsvInputError({
        code: 'EMPTY_FILE',
        file: path,
        problem: 'the file holds only empty cells, no column names and no data',
        remedy: 'Export the loan table again, including its header row and data rows.'
      })
    }
    throw new CsvInputError({
      code: 'UNREADABLE',
      file: path,
      line: 1,
      problem: `no complete line was found in the first ${SNIFF_BYTES / 1024} KiB, so this is probably not a CSV file or a quote (") is never closed`,
      remedy: 'Open the file in a text editor, check the first line, and save it as CSV.'
    })
  }
  const header = nameUnnamedColumns(first.fields.map((name) => name.replace(/\uFEFF/g, '').trim()))
  checkHeader(path, header, first.line)

  return { encoding, bom, delimiter, header, lineEnding: firstBreak ?? 'lf', sizeBytes }
}

async function readSample(path: string): Promise<{ sample: Buffer; sizeBytes: number }> {
  try {
    const info = await stat(path)
    if (!info.isFile()) {
      // A FIFO or device would block or never end: only regular files are read.
      const folder = info.isDirectory()
      throw new CsvInputError({
        code: 'UNREADABLE',
        file: path,
        problem: folder ? 'this is a folder, not a file' : 'this is a device, pipe or socket, not a file',
        remedy: folder ? 'Choose the CSV file inside it.' : 'Choose the CSV file itself.'
      })
    }
    const handle = await open(path, 'r')
    try {
      const buffer = Buffer.alloc(Math.min(info.size, SNIFF_BYTES))
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0)
      return { sample: buffer.subarray(0, bytesRead), sizeBytes: info.size }
    } finally {
      await handle.close()
    }
  } catch (error) {
    throw fromFileSystemError(path, error)
  }
}

function emptyFile(path: string, problem: string): CsvInputError {
  return new CsvInputError({
    code: 'EMPTY_FILE',
    file: path,
    problem,
    remedy: 'Export the loan table again, including its header row and data rows.'
  })
}

function startsWith(bytes: Buffer, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((byte, i) => bytes[i] === byte)
}

/** Workbooks are the most common wrong file; recognise them by magic bytes whatever their extension. */
function rejectWorkbooks(path: string, sample: Buffer): void {
  if (startsWith(sample, ZIP_MAGIC)) {
    // xlsx and ods are ZIP archives; a plain .zip most likely holds a zipped CSV.
    const isZip = extname(path).toLowerCase() === '.zip'
    throw new CsvInputError({
      code: 'EXCEL_FILE',
      file: path,
      problem: isZip ? 'this is a ZIP archive, not a CSV file' : 'this is an Excel workbook, not a CSV file',
      remedy: isZip ? 'Unzip it and import the CSV file inside.' : SAVE_AS_CSV
    })
  }
  if (startsWith(sample, OLE2_MAGIC)) {
    throw new CsvInputError({
      code: 'EXCEL_FILE',
      file: path,
      problem: 'this is an Excel 97-2003 workbook (.xls), not a CSV file',
      remedy: SAVE_AS_CSV
    })
  }
}

interface DecodedSample {
  encoding: CsvEncoding
  bom: boolean
  /** The sample as text, without BOM; may end in a partial record when the file is longer. */
  text: string
}

/** A byte of the sample its encoding refuses (a NUL, an invalid sequence), to be placed by line and column. */
class SampleByteError extends Error {
  constructor(
    readonly encoding: CsvEncoding,
    readonly bad: BadByteError
  ) {
    super(bad.message)
    this.name = 'SampleByteError'
  }
}

/** Runs the sample through the guard the readers use, so the sample and the rest are judged alike. */
function guardSample(encoding: CsvEncoding, sample: Buffer, wholeFile: boolean): void {
  const guard = new EncodingGuard(encoding, false)
  try {
    guard.check(sample)
    if (wholeFile) guard.end()
  } catch (error) {
    if (error instanceof BadByteError) throw new SampleByteError(encoding, error)
    throw error
  }
}

function decodeSample(sample: Buffer, wholeFile: boolean): DecodedSample {
  if (startsWith(sample, UTF8_BOM)) {
    // The BOM declares UTF-8: a byte that is not UTF-8 is refused where it is, not decoded to U+FFFD.
    guardSample('utf-8', sample, wholeFile)
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(sample, { stream: !wholeFile })
    return { encoding: 'utf-8', bom: true, text: stripBom(text) }
  }
  if (startsWith(sample, UTF16LE_BOM)) return decodeUtf16(sample, 'utf-16le', true, wholeFile)
  if (startsWith(sample, UTF16BE_BOM)) return decodeUtf16(sample, 'utf-16be', true, wholeFile)

  if (sample.includes(0)) {
    // Excel's "Unicode Text" and some core-banking exports are UTF-16 without a BOM: ASCII text then has
    // a zero in every second byte. Any other NUL means a binary file (image, PDF, database...), refused
    // naming where the NUL is, as it is anywhere later in the file.
    const unmarked = guessUnmarkedUtf16(sample)
    if (unmarked !== undefined) return decodeUtf16(sample, unmarked, false, wholeFile)
    throw new SampleByteError('utf-8', new BadByteError(sample.indexOf(0), 'nul', [0]))
  }

  const utf8 = decodeUtf8(sample, wholeFile)
  if (utf8 !== undefined) return { encoding: 'utf-8', bom: false, text: stripBom(utf8) }
  // Bytes that are not UTF-8 come from "CSV (Comma delimited)" in Western Windows Excel, which writes
  // windows-1252 (€ as 0x80, é as 0xE9, – as 0x96). Latin-1 would garble 0x80-0x9F.
  guardSample('windows-1252', sample, wholeFile)
  return { encoding: 'windows-1252', bom: false, text: iconv.decode(sample, 'windows-1252') }
}

/** Strict UTF-8 decode; undefined if the bytes are not UTF-8. A character cut by the sample's end is not an error. */
function decodeUtf8(sample: Buffer, wholeFile: boolean): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(sample, { stream: !wholeFile })
  } catch {
    return undefined
  }
}

function decodeUtf16(
  sample: Buffer,
  encoding: 'utf-16le' | 'utf-16be',
  bom: boolean,
  wholeFile: boolean
): DecodedSample {
  // An odd byte count means the sample cut a code unit in half; drop the half.
  const even = sample.subarray(0, sample.length - (sample.length % 2))
  // (A surrogate cut off at the sample's end waits for the rest of the file: check does not end.)
  guardSample(encoding, wholeFile ? sample : even, wholeFile)
  return { encoding, bom, text: stripBom(iconv.decode(even, encoding, { stripBOM: true })) }
}

function guessUnmarkedUtf16(sample: Buffer): 'utf-16le' | 'utf-16be' | undefined {
  const pairs = Math.floor(sample.length / 2)
  if (pairs < 2) return undefined
  let zeroEven = 0
  let zeroOdd = 0
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) zeroEven++
    if (sample[i + 1] === 0) zeroOdd++
  }
  // Mostly-ASCII text puts a zero in nearly every high byte and almost none in the low bytes.
  if (zeroOdd >= 0.9 * pairs && zeroEven <= 0.01 * pairs) return 'utf-16le'
  if (zeroEven >= 0.9 * pairs && zeroOdd <= 0.01 * pairs) return 'utf-16be'
  return undefined
}

function stripBom(text: string): string {
  return text.replace(/^\uFEFF+/, '')
}

/**
 * Picks the delimiter whose field count is the same on most of the first records; ties go to more
 * fields, then to the order `,` `;` tab `|`. Falls back to ',' (one column) when none splits the lines.
 */
function detectDelimiter(text: string, wholeFile: boolean): string {
  let best: { delimiter: string; consistency: number; fields: number } | undefined
  for (const delimiter of DELIMITERS) {
    const counts = splitSample(text, delimiter, SNIFF_RECORDS, wholeFile).records.map((r) => r.fields.length)
    const { value: fields, frequency } = mode(counts)
    if (fields <= 1) continue
    const consistency = frequency / counts.length
    if (
      best === undefined ||
      consistency > best.consistency ||
      (consistency === best.consistency && fields > best.fields)
    ) {
      best = { delimiter, consistency, fields }
    }
  }
  return best?.delimiter ?? ','
}

/** Most frequent value (the larger one on ties); value 0 for an empty list. */
function mode(values: number[]): { value: number; frequency: number } {
  const frequencies = new Map<number, number>()
  for (const v of values) frequencies.set(v, (frequencies.get(v) ?? 0) + 1)
  let value = 0
  let frequency = 0
  for (const [v, f] of frequencies) {
    if (f > frequency || (f === frequency && v > value)) {
      value = v
      frequency = f
    }
  }
  return { value, frequency }
}

interface SampleRecord {
  /** 1-based physical line where the record starts. */
  line: number
  fields: string[]
}

/**
 * Splits sample text into at most `maxRecords` non-blank records the way csv-parse will read the file:
 * a quote opens only at the start of a field, `""` inside quotes is one quote, and CRLF, LF and CR all
 * end a record outside quotes. A record cut off by the end of a partial sample is dropped.
 */
function splitSample(
  text: string,
  delimiter: string,
  maxRecords: number,
  wholeFile: boolean
): { records: SampleRecord[]; firstBreak: CsvLineEnding | undefined } {
  const records: SampleRecord[] = []
  let firstBreak: CsvLineEnding | undefined
  let fields: string[] = []
  let field = ''
  let quoted = false
  let inQuotes = false
  let line = 1
  let recordLine = 1

  const endField = (): void => {
    fields.push(field)
    field = ''
    quoted = false
  }
  const endRecord = (): void => {
    // Blank lines and rows of empty cells (Excel's trailing ",,,,") are not records; the reader skips them too.
    if (!fields.every((f) => f.trim() === '')) records.push({ line: recordLine, fields })
    fields = []
  }

  for (let i = 0; i < text.length && records.length < maxRecords; i++) {
    const ch = text[i]
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i++
        } else {
          inQuotes = false
        }
      } else {
        field += ch
        if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++
      }
    } else if (ch === '"' && field === '' && !quoted) {
      inQuotes = true
      quoted = true
    } else if (ch === delimiter) {
      endField()
    } else if (ch === '\r' || ch === '\n') {
      const crlf = ch === '\r' && text[i + 1] === '\n'
      firstBreak ??= crlf ? 'crlf' : ch === '\r' ? 'cr' : 'lf'
      if (crlf) i++
      endField()
      endRecord()
      line++
      recordLine = line
    } else {
      field += ch
    }
  }
  // The final record has no line break after it; keep it only if it cannot have been cut short.
  if (
    wholeFile &&
    !inQuotes &&
    records.length < maxRecords &&
    (field !== '' || quoted || fields.length > 0)
  ) {
    endField()
    endRecord()
  }
  return { records, firstBreak }
}

/**
 * Real exports often have one or two columns without a name: pandas writes its row
 * index under an empty name, and a trailing delimiter adds an empty last column. When
 * most columns are named, such columns get the name `Unnamed_<position>` (pandas' own
 * convention) instead of failing the import; a first row with mostly empty names is
 * still no header.
 */
export function nameUnnamedColumns(header: string[]): string[] {
  const empty = header.filter((h) => h === '').length
  if (empty === 0 || empty * 2 >= header.length) return header
  return header.map((h, i) => (h === '' ? `Unnamed_${i + 1}` : h))
}

/** The first C0 or C1 control character or DEL in a name (invisible; NUL ends names in many tools), or -1. */
function firstControlCode(name: string): number {
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i)
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return code
  }
  return -1
}

function controlName(code: number): string {
  const names: Record<number, string> = {
    0: 'NUL',
    9: 'tab',
    10: 'line feed',
    13: 'carriage return',
    127: 'DEL'
  }
  return `${names[code] ?? 'control character'} U+${code.toString(16).toUpperCase().padStart(4, '0')}`
}

function checkHeader(path: string, header: string[], line: number): void {
  const unnamed = header.findIndex((name) => name === '')
  if (unnamed >= 0) {
    throw new CsvInputError({
      code: 'NO_HEADER',
      file: path,
      line,
      column: unnamed + 1,
      problem: `column ${unnamed + 1} of the first row has no name, so the first row is not a header of column names`,
      remedy:
        'Make the first row hold a name for every column (e.g. loan_id, income, defaulted), delete columns without data, and import again.'
    })
  }
  const control = header.findIndex((name) => firstControlCode(name) >= 0)
  if (control >= 0) {
    const code = firstControlCode(header[control])
    throw new CsvInputError({
      code: 'BAD_COLUMN_NAME',
      file: path,
      line,
      column: control + 1,
      problem: `the name of column ${control + 1} holds a control character (${controlName(code)}), which no column name may have`,
      remedy: `Rename column ${control + 1} in the first row to plain text (letters, digits, spaces, punctuation) and try again.`
    })
  }
  if (header.every((name) => !Number.isNaN(parseNumber(name)))) {
    throw new CsvInputError({
      code: 'NO_HEADER',
      file: path,
      line,
      problem: `the first row (${header.slice(0, 3).join(', ')}${header.length > 3 ? ', …' : ''}) holds numbers, not column names`,
      remedy:
        'Insert a first row with a name for every column (e.g. loan_id, income, defaulted) and import again.'
    })
  }

  // Names that differ only in case are different columns (the store keeps headers as data,
  // never as SQL names); only exactly equal names clash.
  const firstSeen = new Map<string, number>()
  const clashes: string[] = []
  let firstClashColumn: number | undefined
  header.forEach((name, i) => {
    const key = name
    const earlier = firstSeen.get(key)
    if (earlier === undefined) {
      firstSeen.set(key, i)
      return
    }
    firstClashColumn ??= i + 1
    clashes.push(
      `columns ${earlier + 1} (${JSON.stringify(header[earlier])}) and ${i + 1} (${JSON.stringify(name)})`
    )
  })
  if (clashes.length > 0) {
    throw new CsvInputError({
      code: 'DUPLICATE_COLUMNS',
      file: path,
      line,
      column: firstClashColumn,
      problem: `${clashes.join(', ')} have the same name`,
      remedy:
        'Rename one column of each pair in the first row so every column name is different, and import again.'
    })
  }
}
