/**
 * The one catalogue of failures a user can meet. Every error the workbench raises on
 * purpose is a WorkbenchError with one of these codes; platform errors (file system,
 * SQLite, network) are given one by classifyError. Each adapter maps a code once: the CLI
 * to its exit status, /predict to its HTTP status, IPC and jobs to ErrorInfo.code (the code
 * itself). README.md's "Troubleshooting" lists the same entries.
 */
export interface CatalogueEntry {
  /** `ptm` exit status. */
  exit: number
  /** HTTP status of /predict (and of the e2e bridge). */
  http: number
  /** What it means, for the README and for people reading logs. */
  meaning: string
  /** What to do about it, in general (each message says it for its own case). */
  remedy: string
}

/** Exit status of `ptm` for a user's mistake and for bad usage (README "The command line"). */
const USER = 1
const USAGE = 2

export const ERROR_CATALOGUE = {
  INVALID_INPUT: {
    exit: USAGE,
    http: 400,
    meaning: 'An option or a call carries a value of the wrong kind or out of its range.',
    remedy: 'Correct the value the message names (ptm COMMAND --help lists the options).'
  },
  INPUT_ERROR: {
    exit: USER,
    http: 422,
    meaning: 'What was given cannot be used as it is (an option, a column, a value).',
    remedy: 'Do what the message says and run the command again.'
  },
  FIELD_INVALID: {
    exit: USER,
    http: 422,
    meaning: "An applicant's field has the wrong type (text where a number is expected).",
    remedy: 'Send numbers as numbers and categories as text; the message names every bad field.'
  },
  NOT_FOUND: {
    exit: USER,
    http: 404,
    meaning: 'A file, dataset, model or audit record named does not exist.',
    remedy: 'Check the path or id (ptm datasets, ptm models list the ids).'
  },
  NO_ACTIVE_MODEL: {
    exit: USER,
    http: 503,
    meaning: 'Scoring was asked for but no model is trained or active.',
    remedy: 'Train a model (ptm train) or choose one (ptm activate ID).'
  },
  MODEL_CORRUPT: {
    exit: USER,
    http: 503,
    meaning: 'A stored model cannot be read (damaged, or written by another version).',
    remedy: 'Retrain the model, or restore the database from a backup.'
  },
  EMPTY_FILE: {
    exit: USER,
    http: 422,
    meaning: 'The CSV file is empty or holds only blank lines.',
    remedy: 'Export the loan table again with its header and data rows.'
  },
  HEADER_ONLY: {
    exit: USER,
    http: 422,
    meaning: 'The CSV file has column names but no data rows.',
    remedy: 'Export the table again with its rows, or choose the right file.'
  },
  NO_HEADER: {
    exit: USER,
    http: 422,
    meaning: 'The first row of the CSV file is not a row of column names.',
    remedy: 'Add a first row with a name for every column.'
  },
  DUPLICATE_COLUMNS: {
    exit: USER,
    http: 422,
    meaning: 'Two columns of the CSV file have the same name.',
    remedy: 'Rename one of each pair the message names.'
  },
  BAD_COLUMN_NAME: {
    exit: USER,
    http: 422,
    meaning: 'A column name holds control characters (such as NUL, tab or a line break).',
    remedy: 'Rename the column at the position the message gives.'
  },
  TOO_MANY_COLUMNS: {
    exit: USER,
    http: 422,
    meaning: 'The file has more columns than the workbench can store in one table.',
    remedy: 'Remove the columns you do not need (the message gives the limit).'
  },
  BINARY_FILE: {
    exit: USER,
    http: 422,
    meaning: 'The file holds NUL bytes: it is binary, not CSV text.',
    remedy: 'Choose the CSV export of the loan table.'
  },
  EXCEL_FILE: {
    exit: USER,
    http: 422,
    meaning: 'The file is an Excel workbook or a ZIP archive, not CSV.',
    remedy: 'Save the sheet as "CSV UTF-8" and use that file.'
  },
  BAD_ENCODING: {
    exit: USER,
    http: 422,
    meaning: 'Part of the file is not in the text encoding the rest of it uses.',
    remedy: 'Save the file again as UTF-8 (the message gives the line and column).'
  },
  MALFORMED_CSV: {
    exit: USER,
    http: 422,
    meaning: 'A record cannot be read as CSV (often a quote that is never closed).',
    remedy: 'Correct the line the message names in a text editor.'
  },
  UNREADABLE: {
    exit: USER,
    http: 422,
    meaning: 'The file exists but cannot be read as a CSV file.',
    remedy: 'Close programs that hold it, check you may read it, and choose it again.'
  },
  OUTPUT_REFUSED: {
    exit: USER,
    http: 409,
    meaning: 'An output path would overwrite the workbench database, the input file, a folder or a device.',
    remedy: 'Choose a new file name in an ordinary folder.'
  },
  PERMISSION_DENIED: {
    exit: USER,
    http: 503,
    meaning: 'The operating system refused access to a file or folder (permissions, read-only disk).',
    remedy: 'Choose a folder you may write to, or ask for access.'
  },
  DISK_FULL: {
    exit: USER,
    http: 507,
    meaning: 'The disk (or your quota) is full.',
    remedy: 'Free some space or write to another drive.'
  },
  PATH_INVALID: {
    exit: USER,
    http: 422,
    meaning:
      'A path cannot be followed: a symbolic-link loop, a file where a folder should be, a name too long.',
    remedy: 'Give a plain path to a file in an existing folder.'
  },
  FILE_BUSY: {
    exit: USER,
    http: 503,
    meaning: 'A file is locked by another program.',
    remedy: 'Close the program that holds it and try again.'
  },
  IO_ERROR: {
    exit: USER,
    http: 503,
    meaning: 'The disk reported a read or write error.',
    remedy: 'Check the drive (or the network share) and try again.'
  },
  DATABASE_FILE: {
    exit: USER,
    http: 503,
    meaning: 'The database file is not a workbench database, is damaged, or is from a newer version.',
    remedy: 'Choose another file with --db (or PTM_DB), or restore it from a backup.'
  },
  DATABASE_BUSY: {
    exit: USER,
    http: 503,
    meaning: 'Another program (the app importing, say) holds the database for writing.',
    remedy: 'Wait for it to finish and try again (/predict answers 503 with Retry-After).'
  },
  ADDRESS_IN_USE: {
    exit: USER,
    http: 503,
    meaning: 'Another program already listens on the host and port given to ptm serve.',
    remedy: 'Stop it, or choose another port with --port.'
  },
  BAD_HOST: {
    exit: USER,
    http: 503,
    meaning: 'The --host given to ptm serve is not an address of this computer.',
    remedy: 'Use 127.0.0.1 (this computer only) or one of its own addresses.'
  },
  MALFORMED_JSON: {
    exit: USER,
    http: 400,
    meaning: 'A /predict body (or --applicant) is not valid JSON.',
    remedy: 'Send one JSON object of applicant fields.'
  },
  REQUEST_TOO_COMPLEX: {
    exit: USER,
    http: 400,
    meaning: 'A /predict body nests objects or arrays too deeply to be an applicant.',
    remedy: 'Send a flat JSON object of applicant fields.'
  },
  BODY_TOO_LARGE: {
    exit: USER,
    http: 413,
    meaning: 'A /predict body is larger than 1 MB.',
    remedy: 'Send one applicant per request.'
  },
  UNSUPPORTED_MEDIA_TYPE: {
    exit: USER,
    http: 415,
    meaning: 'A /predict body is not sent as application/json.',
    remedy: 'Set Content-Type: application/json.'
  },
  REQUEST_TIMEOUT: {
    exit: USER,
    http: 408,
    meaning: 'A client sent its request too slowly; the connection was closed.',
    remedy: 'Send the whole request at once.'
  },
  CANCELLED: {
    exit: 130,
    http: 503,
    meaning: 'The job or command was cancelled (Ctrl+C); nothing was saved.',
    remedy: 'Run it again when you are ready.'
  },
  INTERNAL: {
    exit: USER,
    http: 500,
    meaning: 'A fault inside the workbench, not caused by what you gave.',
    remedy: 'Run again with PTM_DEBUG=1 to see the details, and report them.'
  }
} as const satisfies Record<string, CatalogueEntry>

export type ErrorCode = keyof typeof ERROR_CATALOGUE

/** True for a string that is a catalogue code. */
export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERROR_CATALOGUE, code)
}

/**
 * An error the workbench raises on purpose: a catalogue code and a one-line message that
 * says what was wrong, where, and what to do. `details` is plain data (it crosses IPC).
 */
export class WorkbenchError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    options?: { cause?: unknown }
  ) {
    super(message, options)
    this.name = 'WorkbenchError'
  }
}

/**
 * A mistake in what the user gave (a file, an option, a value): the CLI exits 1 and
 * prints the message, the app shows it. The message says what, where and what to do.
 */
export class InputError extends WorkbenchError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('INPUT_ERROR', message, details)
    this.name = 'InputError'
  }
}

/** A dataset, model, audit record or file that does not exist. */
export function notFound(message: string, details?: Record<string, unknown>): WorkbenchError {
  return new WorkbenchError('NOT_FOUND', message, details)
}

/**
 * A stored forest that cannot be read: `problem` says what is wrong with its bytes,
 * `modelId` which model it is once known (the reader of the bytes does not know it).
 */
export function corruptModel(problem: string, modelId?: number): WorkbenchError {
  const which = modelId === undefined ? 'The stored forest' : `Model ${modelId}: its forest`
  return new WorkbenchError(
    'MODEL_CORRUPT',
    `${which} is corrupt (${problem}). Retrain the model or restore the database from a backup.`,
    { problem, ...(modelId === undefined ? {} : { modelId }) }
  )
}

/** Raised when a job is cancelled; work done so far is discarded. */
export class CancelledError extends Error {
  constructor(message = 'Cancelled') {
    super(message)
    this.name = 'AbortError'
  }
}

/** True for the error a cancelled job rejects with (ours or the platform's AbortError). */
export function isCancellation(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError'
}

/** An error as it crosses to another thread (structured clone keeps no class). */
export interface ThreadError {
  name: string
  message: string
  code?: string
  details?: Record<string, unknown>
}

/** The parts of an error another thread needs to raise it again ({@link fromThreadError}). */
export function toThreadError(e: unknown): ThreadError {
  const error = e instanceof Error ? e : new Error(String(e))
  if (error instanceof WorkbenchError)
    return { name: error.name, message: error.message, code: error.code, details: error.details }
  const code = (error as NodeJS.ErrnoException).code
  return { name: error.name, message: error.message, ...(typeof code === 'string' ? { code } : {}) }
}

/** An error from another thread, raised again: a catalogued error keeps its code, so the CLI and the app treat it alike. */
export function fromThreadError(info: ThreadError): Error {
  if (info.code !== undefined && isErrorCode(info.code)) {
    return info.code === 'INPUT_ERROR'
      ? new InputError(info.message, info.details)
      : new WorkbenchError(info.code, info.message, info.details)
  }
  const error = new Error(info.message) as Error & { code?: string }
  error.name = info.name
  if (info.code !== undefined) error.code = info.code
  return error
}
