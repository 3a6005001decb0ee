import type Database from 'better-sqlite3'
import { createHash } from 'node:crypto'
import { basename } from 'node:path'
import { CancelledError, InputError } from '../base/errors'
import type { DatasetSummary, ImportReport, RejectedLine } from './DatasetRepo'
import { DatasetRepo, MAX_DATASET_COLUMNS, MAX_REPORTED_LINES } from './DatasetRepo'
import { readCsvRecords } from '../data/csv/readCsvRecords'
import { forEachRecords, type CsvRecords } from '../data/csv/forEachRecords'
import { sniffCsv, type CsvFormat } from '../data/csv/sniffCsv'
import { CsvInputError } from '../data/csv/CsvInputError'
import { inEncodingFound } from '../data/csv/encodingGuard'
import { clip } from '../base/clipText'
import { isMissingNumberToken, isMissingToken, parseNumber } from '../data/csv/parseNumber'
import { ColumnProfiler } from '../data/inferColumnKinds'
import type { ColumnKind, ColumnSpec } from '../data/Table'
import type { CsvPreview } from '../../../shared/dto'

export type { CsvPreview }
import { isOutcome, resolveTargetClasses, TargetTally } from '../data/targetClasses'

export interface ImportProgress {
  phase: 'reading' | 'importing'
  done: number
  total: number
}

export interface ImportOptions {
  path: string
  target: string
  positive?: string
  name?: string
  /** Kinds chosen by the user, overriding inference, by column name. */
  kinds?: Record<string, Exclude<ColumnKind, 'target'>>
  signal?: AbortSignal
  onProgress?: (progress: ImportProgress) => void
}

export interface ImportResult {
  dataset: DatasetSummary
  report: ImportReport
}

const TARGET_NAME =
  /^(default|defaulted|is_?default|loan_?status|target|label|bad|y|npa|default_?flag|status)$/i

/** Reads the head of a CSV for the import dialog: format, header, first rows and inferred column kinds. */
export async function previewCsv(path: string, sampleRows = 200): Promise<CsvPreview> {
  return inEncodingFound(await sniffCsv(path), (format) => previewWithFormat(path, format, sampleRows))
}

async function previewWithFormat(path: string, format: CsvFormat, sampleRows: number): Promise<CsvPreview> {
  const profilers = format.header.map((name) => new ColumnProfiler(name))
  const sample: string[][] = []
  const controller = new AbortController()
  try {
    await readCsvRecords(
      path,
      format,
      (batch) => {
        for (const record of batch) {
          if (sample.length >= sampleRows) {
            controller.abort()
            return
          }
          sample.push(record.fields)
          record.fields.forEach((f, i) => profilers[i]?.add(f))
        }
      },
      { batchSize: 100, signal: controller.signal }
    )
  } catch (error) {
    if (!controller.signal.aborted) throw error
  }
  const sampleValues: Record<string, string[]> = {}
  for (const p of profilers) {
    const values = p.distinctValues()
    // defineProperty: a column named "__proto__" is a key like any other.
    if (values && values.size <= 10)
      Object.defineProperty(sampleValues, p.name, {
        value: [...values.keys()],
        enumerable: true,
        writable: true
      })
  }
  return {
    fileName: basename(path),
    format,
    header: format.header,
    sample: sample.slice(0, 20),
    columns: profilers.map((p) => ({ name: p.name, kind: p.inferKind() })),
    suggestedTarget: format.header.find((h) => TARGET_NAME.test(h.trim())) ?? null,
    sampleValues
  }
}

/**
 * Imports a loan CSV in two streaming passes of the byte tokenizer: the first infers column
 * kinds and the target's classes from the whole file (and hashes it), the second converts
 * and writes the rows in one transaction. Rows that cannot be used (ragged, no target,
 * text in a numeric column) are reported by line and column; every other row is imported.
 */
export async function importCsv(db: Database.Database, options: ImportOptions): Promise<ImportResult> {
  const format = await sniffCsv(options.path)
  checkImportable(options, format)
  return inEncodingFound(format, (found) => importWithFormat(db, options, found))
}

/** Refuses, before reading the rows, a file the store cannot hold or options that do not fit its header. */
function checkImportable(options: ImportOptions, format: CsvFormat): void {
  const file = basename(options.path)
  const header = format.header
  if (header.length > MAX_DATASET_COLUMNS) {
    throw new CsvInputError({
      code: 'TOO_MANY_COLUMNS',
      file: options.path,
      line: 1,
      problem: `the file has ${header.length} columns; a dataset holds at most ${MAX_DATASET_COLUMNS} (SQLite's limit of 2000 columns per table, one kept for the line number)`,
      remedy:
        'Remove the columns you do not need (keep the target and the fields a model should use) and import again.'
    })
  }
  if (header.indexOf(options.target) < 0) {
    const near = header.find((h) => h.toLowerCase() === options.target.toLowerCase())
    throw new InputError(
      `${file}: there is no column "${clip(options.target, 80)}"${near ? ` (did you mean "${clip(near, 80)}"?)` : ''}. The columns are: ${listNames(header)}.`
    )
  }
  for (const name of Object.keys(options.kinds ?? {})) {
    if (!header.includes(name))
      throw new InputError(`${file}: --kind names "${clip(name, 80)}", which is not a column of the file.`)
  }
}

/** Column names for a message: the first few, each clipped, and how many more. */
function listNames(names: string[]): string {
  const shown = names.slice(0, 30).map((n) => clip(n, 60))
  return shown.join(', ') + (names.length > shown.length ? `, … (${names.length} columns)` : '')
}

async function importWithFormat(
  db: Database.Database,
  options: ImportOptions,
  format: CsvFormat
): Promise<ImportResult> {
  const file = basename(options.path)
  const header = format.header
  const targetIndex = header.indexOf(options.target)
  const kindOf = (name: string): Exclude<ColumnKind, 'target'> | undefined =>
    options.kinds && Object.hasOwn(options.kinds, name) ? options.kinds[name] : undefined

  // Pass 1: what the columns hold, over the whole file, and the file's SHA-256.
  const profilers = header.map((name) => new ColumnProfiler(name))
  const targetValues = new TargetTally()
  const progress = (phase: ImportProgress['phase'], bytes: number, total: number): void =>
    options.onProgress?.({ phase, done: bytes, total })
  const hash = createHash('sha256')
  const read = (phase: ImportProgress['phase'], onRecords: (records: CsvRecords) => void): Promise<number> =>
    forEachRecords(
      options.path,
      format,
      { hash: phase === 'reading' ? hash : undefined, signal: options.signal },
      (records, bytesRead) => {
        onRecords(records)
        progress(phase, bytesRead, format.sizeBytes)
      }
    )
  await read('reading', (records) => {
    for (let r = 0; r < records.count; r++) {
      const width = Math.min(records.fieldCount(r), profilers.length)
      for (let c = 0; c < width; c++) profilers[c].add(records.field(r, c))
      if (targetIndex < records.fieldCount(r)) {
        const t = records.field(r, targetIndex).trim()
        if (!isMissingToken(t)) targetValues.add(t)
      }
    }
  })
  const sourceSha256 = hash.digest('hex')
  const outcomes = targetValues.outcomes()
  const classes = resolveTargetClasses(file, options.target, outcomes.values, options.positive)
  const columns: ColumnSpec[] = header.map((name, i) =>
    i === targetIndex ? { name, kind: 'target' } : { name, kind: kindOf(name) ?? profilers[i].inferKind() }
  )
  const warnings: string[] = []
  if (outcomes.stray > 0)
    warnings.push(
      `${outcomes.stray} row${outcomes.stray === 1 ? ' has' : 's have'} a target value other than ${outcomes.values.map((v) => `"${clip(v, 40)}"`).join(' and ')}: rejected line by line (see the report).`
    )
  for (const c of columns) {
    if (c.kind === 'identifier')
      warnings.push(`Column "${c.name}" is unique per row (an identifier): kept, but not used as a feature.`)
  }

  // Pass 2: convert and write, all in one transaction.
  const writer = new DatasetRepo(db).create(
    {
      name: options.name ?? file.replace(/\.[^.]+$/, ''),
      source: 'imported',
      sourceFile: file,
      sourceSha256,
      targetColumn: options.target,
      positiveClass: classes.positiveClass
    },
    columns,
    classes.numeric
  )
  const rejected: RejectedLine[] = []
  let rowsRejected = 0
  let rowsRead = 0
  const reject = (line: RejectedLine): void => {
    rowsRejected++
    if (rejected.length < MAX_REPORTED_LINES) rejected.push(line)
  }
  const convert = makeRowConverter(columns, targetIndex, classes.numeric, outcomes.values)
  const cells = new Array<string | number | null>(columns.length)
  try {
    await read('importing', (records) => {
      if (options.signal?.aborted) throw new CancelledError()
      for (let r = 0; r < records.count; r++) {
        rowsRead++
        const line = records.line(r)
        const rejection = convert(line, records.fieldCount(r), (c) => records.field(r, c), cells)
        if (rejection) reject(rejection)
        else writer.appendRow(cells, line)
      }
    })
    if (writer.rowCount === 0) {
      throw new InputError(
        `${file}: none of the ${rowsRead} rows could be imported (first problem, line ${rejected[0]?.line}: ${rejected[0]?.reason}). Fix the file and import it again.`
      )
    }
    const report: ImportReport = {
      rowsRead,
      rowsImported: writer.rowCount,
      rowsRejected,
      rejected,
      warnings,
      encoding: format.encoding,
      delimiter: format.delimiter
    }
    const dataset = writer.commit(report)
    return { dataset, report }
  } catch (error) {
    writer.rollback()
    throw error
  }
}

/**
 * Reads one CSV record (field `c` of the record by `field(c)`) into `cells` as typed cells;
 * returns the reason it cannot be imported, or null. `cells` is reused from row to row.
 */
type RowConverter = (
  line: number,
  fieldCount: number,
  field: (column: number) => string,
  cells: (string | number | null)[]
) => RejectedLine | null

/** The converter of `columns` (see RowConverter); a target cell must be one of `outcomes`. */
function makeRowConverter(
  columns: ColumnSpec[],
  targetIndex: number,
  targetNumeric: boolean,
  outcomes: string[]
): RowConverter {
  const shownOutcomes = outcomes.map((v) => `"${clip(v, 40)}"`).join(' or ')
  const width = columns.length
  const numeric = columns.map((c) => c.kind === 'numeric' || (c.kind === 'target' && targetNumeric))
  const name = (c: number): string => clip(columns[c].name, 200)
  return (line, fieldCount, field, cells) => {
    if (fieldCount !== width) return { line, reason: `has ${fieldCount} fields, the header has ${width}` }
    for (let c = 0; c < width; c++) {
      const text = field(c).trim()
      if (numeric[c] ? isMissingNumberToken(text) : isMissingToken(text)) {
        if (c === targetIndex) return { line, column: name(c), reason: 'the target value is missing' }
        cells[c] = null
      } else if (c === targetIndex && !isOutcome(text, outcomes, targetNumeric)) {
        return {
          line,
          column: name(c),
          value: clip(text, 200),
          reason: `is not an outcome: the target is ${shownOutcomes}`
        }
      } else if (numeric[c]) {
        const value = parseNumber(text)
        if (Number.isNaN(value))
          return { line, column: name(c), value: clip(text, 200), reason: 'is not a number' }
        if (!Number.isFinite(value)) {
          return {
            line,
            column: name(c),
            value: clip(text, 200),
            reason: 'is too large to be a number (beyond ±1.8e308)'
          }
        }
        cells[c] = value
      } else {
        cells[c] = text
      }
    }
    return null
  }
}
