import type Database from 'better-sqlite3'
import { basename } from 'node:path'
import { CancelledError, InputError } from '../base/errors'
import type { DatasetSummary, ImportReport, RejectedLine } from './DatasetRepo'
import { DatasetRepo, MAX_DATASET_COLUMNS, MAX_REPORTED_LINES, type DatasetWriter } from './DatasetRepo'
import { readCsvRecords } from '../data/csv/readCsvRecords'
import { forEachRecords, type CsvRecords } from '../data/csv/forEachRecords'
import { plainDecimalAt, SpellingCache } from '../data/csv/fieldBytes'
import { sniffCsv, type CsvFormat } from '../data/csv/sniffCsv'
import { CsvInputError } from '../data/csv/CsvInputError'
import { inEncodingFound } from '../data/csv/encodingGuard'
import { clip } from '../base/clipText'
import { isMissingNumberToken, isMissingToken, parseNumber } from '../data/csv/parseNumber'
import { ColumnProfiler } from '../data/inferColumnKinds'
import type { ColumnKind, ColumnSpec } from '../data/Table'
import type { CsvPreview } from '../../../shared/dto'

export type { CsvPreview }
import { isOutcome, resolveTargetClasses } from '../data/targetClasses'
import { surveyCsv, surveyOnThread, type CsvSurvey } from './csvSurvey'

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
  /** Files from this many bytes on are surveyed on a worker thread (default 8 MB; tests lower it). */
  surveyOnThreadFromBytes?: number
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
        // Stryker disable next-line BooleanLiteral: nothing writes to the preview's values
        writable: true
      })
  }
  return {
    fileName: basename(path),
    format,
    header: format.header,
    sample: sample.slice(0, 20),
    columns: profilers.map((p) => ({ name: p.name, kind: p.inferKind() })),
    // Stryker disable next-line MethodExpression: sniffCsv has trimmed every name already
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

/** Files from this size on are surveyed on a worker thread while the rows are written (see importWithFormat). */
const SURVEY_ON_THREAD_FROM_BYTES = 8 << 20

/** What the rows are converted by: each column's kind, the target's classes and the outcomes a target cell must be. */
interface ImportPlan {
  columns: ColumnSpec[]
  classes: { numeric: boolean; positiveClass: string }
  outcomes: { values: string[]; stray: number }
}

/**
 * Imports in two passes over the file: a survey (each column's kind, the target's classes,
 * the file's hash), then the rows converted by what it found and written in one
 * transaction. A large file is surveyed on a worker thread while this one already writes
 * the rows by the plan its first chunk gives; when the whole file's plan is the same (a
 * column's kind or the target's classes do not change after its first 5,000 rows in any
 * ordinary file) the rows written stand, else they are rolled back and written again by
 * the whole file's plan. Either way the dataset and report are those of the plan of the
 * whole file.
 */
async function importWithFormat(
  db: Database.Database,
  options: ImportOptions,
  format: CsvFormat
): Promise<ImportResult> {
  const targetIndex = format.header.indexOf(options.target)
  const progress = (phase: ImportProgress['phase'], bytes: number): void =>
    options.onProgress?.({ phase, done: bytes, total: format.sizeBytes })
  const onThread = format.sizeBytes >= (options.surveyOnThreadFromBytes ?? SURVEY_ON_THREAD_FROM_BYTES)
  const guess = onThread ? await guessedPlan(options, format, targetIndex) : null
  if (guess) {
    let surveyed = false
    // Stops the survey when the import is cancelled or fails.
    const stop = new AbortController()
    const cancel = (): void => stop.abort()
    options.signal?.addEventListener('abort', cancel, { once: true })
    const survey = surveyOnThread(
      { path: options.path, format, targetIndex },
      { signal: stop.signal, onBytes: (bytes) => progress('reading', bytes) }
    ).finally(() => {
      surveyed = true
      options.signal?.removeEventListener('abort', cancel)
    })
    // Settled here too, so that a survey that fails while the rows are written is no unhandled rejection.
    survey.catch(() => undefined)
    let written: WrittenRows | null = null
    try {
      written = await writeRows(db, options, format, guess, (bytes) => {
        if (surveyed) progress('importing', bytes)
      })
      // While the survey still reads: if its plan differs, all of it is rolled back anyway.
      if (!surveyed) written.writer.writeSettledColumns()
      const whole = await survey
      const plan = planOf(options, format, whole)
      if (samePlan(plan, guess)) {
        // The rows may all have been written before the survey ended: say so once it has.
        progress('importing', format.sizeBytes)
        return finish(written, plan, format, options, whole)
      }
      written.writer.rollback()
      const again = await writeRows(db, options, format, plan, (b) => progress('importing', b))
      return finish(again, plan, format, options, whole)
    } catch (error) {
      stop.abort()
      written?.writer.rollback()
      throw error
    }
  }
  const whole = await surveyCsv(options.path, format, targetIndex, {
    signal: options.signal,
    onBytes: (bytes) => progress('reading', bytes)
  })
  const plan = planOf(options, format, whole)
  const written = await writeRows(db, options, format, plan, (bytes) => progress('importing', bytes))
  return finish(written, plan, format, options, whole)
}

/** The plan of the file's first chunk, or null when it gives none (its target values do not resolve, say). */
async function guessedPlan(
  options: ImportOptions,
  format: CsvFormat,
  targetIndex: number
): Promise<ImportPlan | null> {
  try {
    return planOf(
      options,
      format,
      await surveyCsv(options.path, format, targetIndex, { firstChunkOnly: true })
    )
  } catch {
    // The whole file's survey then decides, and reports what is wrong, as for a small file.
    return null
  }
}

/** The import plan of a survey, with the kinds the user chose; throws when the target's classes do not resolve. */
function planOf(options: ImportOptions, format: CsvFormat, survey: CsvSurvey): ImportPlan {
  const header = format.header
  const targetIndex = header.indexOf(options.target)
  const kindOf = (name: string): Exclude<ColumnKind, 'target'> | undefined =>
    options.kinds && Object.hasOwn(options.kinds, name) ? options.kinds[name] : undefined
  const classes = resolveTargetClasses(
    basename(options.path),
    options.target,
    survey.outcomes.values,
    options.positive
  )
  const columns: ColumnSpec[] = header.map((name, i) =>
    i === targetIndex ? { name, kind: 'target' } : { name, kind: kindOf(name) ?? survey.kinds[i] }
  )
  return { columns, classes, outcomes: survey.outcomes }
}

/** Whether two plans convert every cell alike (the count of stray target values only changes a warning). */
function samePlan(a: ImportPlan, b: ImportPlan): boolean {
  return (
    a.classes.numeric === b.classes.numeric &&
    a.classes.positiveClass === b.classes.positiveClass &&
    a.outcomes.values.length === b.outcomes.values.length &&
    a.outcomes.values.every((v, i) => v === b.outcomes.values[i]) &&
    a.columns.every((c, i) => c.kind === b.columns[i].kind)
  )
}

/** The rows written by a plan, not committed yet. */
interface WrittenRows {
  writer: DatasetWriter
  rowsRead: number
  rowsRejected: number
  rejected: RejectedLine[]
}

/** Pass 2: converts every record by the plan and writes the rows in one transaction, left open. */
async function writeRows(
  db: Database.Database,
  options: ImportOptions,
  format: CsvFormat,
  plan: ImportPlan,
  onBytes: (bytes: number) => void
): Promise<WrittenRows> {
  const file = basename(options.path)
  const { columns, classes, outcomes } = plan
  const targetIndex = format.header.indexOf(options.target)
  const writer = new DatasetRepo(db).create(
    {
      name: options.name ?? file.replace(/\.[^.]+$/, ''),
      source: 'imported',
      sourceFile: file,
      targetColumn: options.target,
      positiveClass: classes.positiveClass
    },
    columns,
    classes.numeric
  )
  const written: WrittenRows = { writer, rowsRead: 0, rowsRejected: 0, rejected: [] }
  const convert = makeRowConverter(columns, targetIndex, classes.numeric, outcomes.values)
  const cells = new Array<string | number | null>(columns.length)
  try {
    await forEachRecords(options.path, format, { signal: options.signal }, (records, bytesRead) => {
      if (options.signal?.aborted) throw new CancelledError()
      for (let r = 0; r < records.count; r++) {
        written.rowsRead++
        const rejection = convert(records.line(r), records, r, cells)
        if (rejection) {
          written.rowsRejected++
          if (written.rejected.length < MAX_REPORTED_LINES) written.rejected.push(rejection)
        } else writer.appendRow(cells, records.line(r))
      }
      onBytes(bytesRead)
    })
  } catch (error) {
    writer.rollback()
    throw error
  }
  return written
}

/** Commits the rows written, with the report of the plan (its warnings), the file's hash and which columns the survey found distinct. */
function finish(
  written: WrittenRows,
  plan: ImportPlan,
  format: CsvFormat,
  options: ImportOptions,
  survey: CsvSurvey
): ImportResult {
  const { writer, rowsRead, rowsRejected, rejected } = written
  try {
    if (writer.rowCount === 0) {
      throw new InputError(
        `${basename(options.path)}: none of the ${rowsRead} rows could be imported (first problem, line ${rejected[0]?.line}: ${rejected[0]?.reason}). Fix the file and import it again.`
      )
    }
    const report: ImportReport = {
      rowsRead,
      rowsImported: writer.rowCount,
      rowsRejected,
      rejected,
      warnings: warningsOf(plan),
      encoding: format.encoding,
      delimiter: format.delimiter
    }
    return { dataset: writer.commit(report, survey.sha256 ?? undefined, survey.distinct), report }
  } catch (error) {
    writer.rollback()
    throw error
  }
}

/** The report's warnings: stray target values, and identifier columns kept but not used. */
function warningsOf(plan: ImportPlan): string[] {
  const { outcomes, columns } = plan
  const warnings: string[] = []
  if (outcomes.stray > 0)
    warnings.push(
      `${outcomes.stray} row${outcomes.stray === 1 ? ' has' : 's have'} a target value other than ${outcomes.values.map((v) => `"${clip(v, 40)}"`).join(' and ')}: rejected line by line (see the report).`
    )
  for (const c of columns) {
    if (c.kind === 'identifier')
      warnings.push(`Column "${c.name}" is unique per row (an identifier): kept, but not used as a feature.`)
  }
  return warnings
}

/**
 * Reads record `r` of a chunk into `cells` as typed cells; returns the reason it cannot be
 * imported, or null. `cells` is reused from row to row.
 */
type RowConverter = (
  line: number,
  records: CsvRecords,
  r: number,
  cells: (string | number | null)[]
) => RejectedLine | null

/** What one cell's text converts to: its typed value, or why its row is rejected (the line is added by the row). */
type CellOutcome = { cell: string | number | null } | { rejected: Omit<RejectedLine, 'line'> }

/**
 * The converter of `columns` (see RowConverter); a target cell must be one of `outcomes`.
 * A cell's outcome depends on its text alone, so it is worked out once per spelling and
 * column (SpellingCache), and a plain decimal in a numeric column is read from its bytes.
 */
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
  const convertText = (c: number, raw: string): CellOutcome => {
    const text = raw.trim()
    if (numeric[c] ? isMissingNumberToken(text) : isMissingToken(text)) {
      if (c === targetIndex) return { rejected: { column: name(c), reason: 'the target value is missing' } }
      return { cell: null }
    }
    if (c === targetIndex && !isOutcome(text, outcomes, targetNumeric)) {
      return {
        rejected: {
          column: name(c),
          value: clip(text, 200),
          reason: `is not an outcome: the target is ${shownOutcomes}`
        }
      }
    }
    if (!numeric[c]) return { cell: text }
    const value = parseNumber(text)
    if (Number.isNaN(value))
      return { rejected: { column: name(c), value: clip(text, 200), reason: 'is not a number' } }
    if (!Number.isFinite(value)) {
      return {
        rejected: {
          column: name(c),
          value: clip(text, 200),
          reason: 'is too large to be a number (beyond ±1.8e308)'
        }
      }
    }
    return { cell: value }
  }
  const spellings = columns.map((_, c) => new SpellingCache((raw) => convertText(c, raw)))
  // A plain decimal in a numeric column other than the target is its own value (an empty one is missing).
  const fromBytes = numeric.map((isNumeric, c) => isNumeric && c !== targetIndex)
  return (line, records, r, cells) => {
    const fieldCount = records.fieldCount(r)
    if (fieldCount !== width) return { line, reason: `has ${fieldCount} fields, the header has ${width}` }
    const { bytes, table } = records
    const first = records.fieldIndex(r, 0)
    for (let c = 0; c < width; c++) {
      if (fromBytes[c]) {
        const x = plainDecimalAt(bytes, table, first + c)
        if (x !== undefined) {
          cells[c] = x === x ? x : null
          continue
        }
      }
      const outcome = spellings[c].get(bytes, table, first + c)
      if ('rejected' in outcome) return { line, ...outcome.rejected }
      cells[c] = outcome.cell
    }
    return null
  }
}
