import { basename } from 'node:path'
import { WorkbenchError } from '../../base/errors'

/** Why a file could not be read as loan CSV; stable strings the renderer may switch on. */
export type CsvInputErrorCode =
  | 'NOT_FOUND'
  | 'UNREADABLE'
  | 'EMPTY_FILE'
  | 'HEADER_ONLY'
  | 'NO_HEADER'
  | 'DUPLICATE_COLUMNS'
  | 'BINARY_FILE'
  | 'EXCEL_FILE'
  | 'MALFORMED_CSV'
  | 'BAD_COLUMN_NAME'
  | 'TOO_MANY_COLUMNS'
  | 'BAD_ENCODING'

/** What went wrong, where, and what the user should do about it. */
export interface CsvInputErrorInit {
  code: CsvInputErrorCode
  /** Path or base name of the file; only the base name is kept, so messages never leak folders. */
  file: string
  /** What was wrong, as a clause without a final full stop, e.g. `this is an Excel workbook, not a CSV file`. */
  problem: string
  /** What to do, as one or more full sentences. */
  remedy: string
  /** 1-based physical line in the file. */
  line?: number
  /** 1-based column (field position) within that line. */
  column?: number
  cause?: unknown
}

/**
 * A file that cannot be read as CSV, with a one-line message of the form
 * `loans.csv, line 3, column 2: <what was wrong>. <what to do>`.
 */
export class CsvInputError extends WorkbenchError {
  declare readonly code: CsvInputErrorCode
  readonly file: string
  readonly line?: number
  readonly column?: number

  constructor(init: CsvInputErrorInit) {
    const file = basename(init.file)
    super(
      init.code,
      formatMessage(file, init),
      { file, line: init.line, column: init.column },
      { cause: init.cause }
    )
    this.name = 'CsvInputError'
    this.file = file
    this.line = init.line
    this.column = init.column
  }
}

/** Why a file cannot be read, by errno (ENOENT has its own code, NOT_FOUND). */
const UNREADABLE_BECAUSE: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'the operation is not permitted',
  EBUSY: 'it is locked by another program',
  EISDIR: 'it is a folder',
  EIO: 'the disk reported an error',
  ELOOP: 'its symbolic links loop',
  ENOTDIR: 'a part of its path is a file, not a folder',
  ENAMETOOLONG: 'its path is too long',
  EMFILE: 'too many files are open',
  ENXIO: 'it is a device or socket, not a file'
}

/** Errors of the path itself rather than of access to the file. */
const PATH_PROBLEMS = new Set(['EISDIR', 'ELOOP', 'ENOTDIR', 'ENAMETOOLONG', 'ENXIO'])

/** Turns an fs error into a {@link CsvInputError} the user can act on; other errors pass through. */
export function fromFileSystemError(path: string, error: unknown): unknown {
  // Stryker disable next-line ConditionalExpression: a CsvInputError's code (NOT_FOUND, UNREADABLE, …) is no errno, so it would pass through below unchanged anyway
  if (error instanceof CsvInputError) return error
  const code = error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined
  if (code === 'ENOENT') {
    return new CsvInputError({
      code: 'NOT_FOUND',
      file: path,
      cause: error,
      problem: 'the file does not exist (it may have been moved, renamed or deleted)',
      remedy: 'Choose the file again.'
    })
  }
  const problem =
    // Stryker disable next-line ConditionalExpression: without the first test an undefined code is looked up as the key "undefined", which the table has not
    code !== undefined && Object.hasOwn(UNREADABLE_BECAUSE, code) ? UNREADABLE_BECAUSE[code] : undefined
  if (problem !== undefined) {
    return new CsvInputError({
      code: 'UNREADABLE',
      file: path,
      cause: error,
      problem: `the file cannot be read: ${problem} (${code})`,
      remedy: PATH_PROBLEMS.has(code!)
        ? 'Check the path and choose the CSV file itself.'
        : 'Close any program that has it open (such as Excel), check you may read it, and try again.'
    })
  }
  return error
}

/**
 * A record longer than this is taken to be a quote that is never closed, which would otherwise swallow
 * the rest of a large file into memory. Real loan rows are a few hundred characters.
 */
export const MAX_RECORD_CHARS = 1 << 20

/** A file with a header and no data rows; the same words for import and scoring. */
export function headerOnlyError(path: string): CsvInputError {
  return new CsvInputError({
    code: 'HEADER_ONLY',
    file: path,
    problem: 'the file has column names but no data rows below them',
    remedy: 'Export the loan table again with its data rows, or choose the file that holds the loans.'
  })
}

/**
 * A record that never ends: a quote opened and never closed, or one so long (past
 * MAX_RECORD_CHARS) that it is most likely the same. `retry` is what the user does once
 * the line is mended ('import', 'score').
 */
export function openQuoteError(
  path: string,
  line: number,
  kind: 'unclosed' | 'too long',
  retry: string,
  cause?: unknown
): CsvInputError {
  return new CsvInputError({
    code: 'MALFORMED_CSV',
    file: path,
    line,
    cause,
    problem:
      kind === 'unclosed'
        ? 'a quote (") opened in this record is never closed, so the rest of the file would become one value'
        : `this record is longer than ${MAX_RECORD_CHARS} characters, most likely because a quote (") in it is never closed`,
    remedy: `Open the file in a text editor, close or remove the stray quote on that line, save, and ${retry} again.`
  })
}

function formatMessage(file: string, init: CsvInputErrorInit): string {
  let where = file
  if (init.line !== undefined) where += `, line ${init.line}`
  if (init.column !== undefined) where += `, column ${init.column}`
  // Messages are shown in a single-line toast/status bar, so any newline from file content is flattened.
  return `${where}: ${init.problem}. ${init.remedy}`.replace(/[\r\n]+/g, ' ')
}
