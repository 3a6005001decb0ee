import type Database from 'better-sqlite3'
import { basename } from 'node:path'
import { CancelledError, InputError } from '../base/errors'
import type { DatasetSummary, ImportReport, RejectedLine } from './DatasetRepo'
import { DatasetRepo, MAX_DATASET_COLUMNS, MAX_REPORTED_LINES } from './DatasetRepo'
import { readCsvRecords, type CsvRecord } from '../data/csv/readCsvRecords'
import { sniffCsv, type CsvFormat } from '../data/csv/sniffCsv'
import { CsvInputError } from '../data/csv/CsvInputError'
import { inEncodingFound } from '../data/csv/encodingGuard'
import { clip } from '../base/clipText'
import { isMissingNumberToken, isMissingToken, parseNumber } from '../data/csv/parseNumber'
import { sha256File } from '../data/fileHash'
import { ColumnProfiler } from '../data/inferColumnKinds'
import type { ColumnKind, ColumnSpec } from '../data/Table'
import type { CsvPreview } from '../../../shared/dto'

export type { CsvPreview }
import { resolveTargetClasses } from '../data/targetClasses'

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
 * Imports a loan CSV in two streaming passes: the first infers column kinds and the
 * target's classes from the whole file, the second converts and writes the rows in one
 * transaction. Rows that cannot be used (ragged, no target, text in a numeric column)
 * are reported by line and column; every other row is imported.
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

  // Pass 1: what the columns hold, over the whole file.
  const profilers = header.map((name) => new ColumnProfiler(name))
  const targetValues = new Set<string>()
  const progress = (phase: ImportProgress['phase'], bytes: number, total: number): void =>
    options.onProgress?.({ phase, done: bytes, total })
  await readCsvRecords(
    options.path,
    format,
    (batch) => {
      for (const { fields } of batch) {
        for (let c = 0; c < fields.length && c < profilers.length; c++) profilers[c].add(fields[c])
        const t = fields[targetIndex]?.trim()
        if (t !== undefined && !isMissingToken(t) && targetValues.size <= 10) targetValues.add(t)
      }
    },
    { signal: options.signal, onProgress: (b, t) => progress('reading', b, t) }
  )
  const classes = resolveTargetClasses(file, options.target, [...targetValues], options.positive)
  const columns: ColumnSpec[] = header.map((name, i) =>
    i === targetIndex ? { name, kind: 'target' } : { name, kind: kindOf(name) ?? profilers[i].inferKind() }
  )
  const warnings: string[] = []
  for (const c of columns) {
    if (c.kind === 'identifier')
      warnings.push(`Column "${c.name}" is unique per row (an identifier): kept, but not used as a feature.`)
  }

  // Pass 2: convert and write, all in one transaction.
  const sourceSha256 = await sha256File(options.path)
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
  const convert = makeRowConverter(columns, targetIndex, classes.numeric)
  try {
    await readCsvRecords(
      options.path,
      format,
      (batch: CsvRecord[]) => {
        if (options.signal?.aborted) throw new CancelledError()
        const rows: (string | number | null)[][] = []
        const lines: number[] = []
        for (const record of batch) {
          rowsRead++
          const result = convert(record)
          if ('reason' in result) reject(result)
          else {
            rows.push(result.cells)
            lines.push(record.line)
          }
        }
        writer.append(rows, lines)
      },
      { signal: options.signal, onProgress: (b, t) => progress('importing', b, t) }
    )
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

type Converted = { cells: (string | number | null)[] } | RejectedLine

/** Turns one CSV record into typed cells, or the reason it cannot be imported. */
function makeRowConverter(
  columns: ColumnSpec[],
  targetIndex: number,
  targetNumeric: boolean
): (record: CsvRecord) => Converted {
  const width = columns.length
  return ({ line, fields }) => {
    if (fields.length !== width) {
      return { line, reason: `has ${fields.length} fields, the header has ${width}` }
    }
    const cells: (string | number | null)[] = new Array(width)
    for (let c = 0; c < width; c++) {
      const text = fields[c].trim()
      const kind = columns[c].kind
      const numeric = kind === 'numeric' || (kind === 'target' && targetNumeric)
      if (numeric ? isMissingNumberToken(text) : isMissingToken(text)) {
        if (c === targetIndex)
          return { line, column: clip(columns[c].name, 200), reason: 'the target value is missing' }
        cells[c] = null
      } else if (numeric) {
        const value = parseNumber(text)
        if (Number.isNaN(value)) {
          return {
            line,
            column: clip(columns[c].name, 200),
            value: clip(text, 200),
            reason: 'is not a number'
          }
        }
        if (!Number.isFinite(value)) {
          return {
            line,
            column: clip(columns[c].name, 200),
            value: clip(text, 200),
            reason: 'is too large to be a number (beyond ±1.8e308)'
          }
        }
        cells[c] = value
      } else {
        cells[c] = text
      }
    }
    return { cells }
  }
}
