import { ERROR_CATALOGUE, WorkbenchError, isCancellation, isErrorCode, type ErrorCode } from './errors'

/** An error as every adapter reports it: its catalogue code, one line of message, plain details. */
export interface ClassifiedError {
  code: ErrorCode
  message: string
  details?: Record<string, unknown>
}

/** What the caller knows that a platform error does not say (which database it was using). */
export interface ErrorContext {
  database?: string
}

/**
 * Gives any error its catalogue entry: our WorkbenchErrors as they are; schema failures,
 * cancellations, file-system, SQLite and network errors by their platform codes, with a
 * sentence saying what, where and what to do; anything else is INTERNAL (a fault of ours),
 * whose message the adapter flags as such. Never throws, never returns a stack.
 */
export function classifyError(error: unknown, context: ErrorContext = {}): ClassifiedError {
  if (error instanceof WorkbenchError) {
    return { code: error.code, message: oneLine(error.message), ...detailsOf(error.details) }
  }
  if (isZodError(error)) {
    return {
      code: 'INVALID_INPUT',
      message: oneLine(error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ')),
      details: { issues: error.issues.map((i) => ({ path: i.path.map(String), message: i.message })) }
    }
  }
  if (isCancellation(error)) {
    return { code: 'CANCELLED', message: 'Cancelled; nothing was saved.' }
  }
  const platform = error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined
  if (typeof platform === 'string') {
    if (isErrorCode(platform)) {
      return { code: platform, message: oneLine((error as Error).message) }
    }
    const known = platform.startsWith('SQLITE_')
      ? sqliteError(platform, context.database ?? 'the database')
      : systemError(error as NodeJS.ErrnoException)
    if (known) return known
  }
  const message = error instanceof Error ? error.message : String(error)
  return { code: 'INTERNAL', message: oneLine(message) }
}

/** The `ptm` exit status of a catalogue code. */
export function exitStatusOf(code: ErrorCode): number {
  return ERROR_CATALOGUE[code].exit
}

/** Messages are shown on one line (a terminal line, a toast, a JSON field). */
function oneLine(message: string): string {
  const line = message.split(/\r?\n|\r/)[0]
  return line.length > 2000 ? `${line.slice(0, 2000)}…` : line
}

function detailsOf(details: Record<string, unknown> | undefined): { details?: Record<string, unknown> } {
  if (!details) return {}
  // Plain data only (IPC clones it): drop undefined values and anything JSON cannot carry.
  try {
    return { details: JSON.parse(JSON.stringify(details)) as Record<string, unknown> }
  } catch {
    return {}
  }
}

// Remedies several errnos share.
const ASK_ACCESS = 'Choose a place you may use, or ask for access.'
const FREE_SPACE = 'Free some space or choose another drive.'
const CLOSE_AND_RETRY = 'Close that program and try again.'
const TOO_MANY_OPEN = 'too many files are open'
const CLOSE_SOME = 'Close some programs and try again.'

/** What an errno means for a path, and what to do: [code, problem, remedy]. */
const SYSTEM_ERRORS: Record<string, [ErrorCode, string, string]> = {
  ENOENT: ['NOT_FOUND', 'no such file or folder', 'Check the path.'],
  EACCES: ['PERMISSION_DENIED', 'permission denied', ASK_ACCESS],
  EPERM: ['PERMISSION_DENIED', 'the operation is not permitted', ASK_ACCESS],
  EROFS: ['PERMISSION_DENIED', 'the disk is read-only', 'Choose a folder on a writable disk.'],
  ENOSPC: ['DISK_FULL', 'the disk is full', FREE_SPACE],
  EDQUOT: ['DISK_FULL', 'your disk quota is used up', FREE_SPACE],
  EFBIG: [
    'DISK_FULL',
    'the file is larger than the disk or your file-size limit allows',
    'Choose another drive.'
  ],
  ELOOP: ['PATH_INVALID', 'its symbolic links loop', 'Give the path of a real file.'],
  ENOTDIR: ['PATH_INVALID', 'a part of the path is a file, not a folder', 'Check the path.'],
  ENAMETOOLONG: ['PATH_INVALID', 'the path is too long', 'Choose a shorter path.'],
  EISDIR: ['PATH_INVALID', 'that is a folder, not a file', 'Give a file name.'],
  EXDEV: ['PATH_INVALID', 'it is on another disk than its folder', 'Choose an ordinary folder.'],
  EBUSY: ['FILE_BUSY', 'the file is locked by another program', CLOSE_AND_RETRY],
  ETXTBSY: ['FILE_BUSY', 'the file is in use by another program', CLOSE_AND_RETRY],
  EIO: ['IO_ERROR', 'the disk reported an input/output error', 'Check the drive and try again.'],
  EMFILE: ['IO_ERROR', TOO_MANY_OPEN, CLOSE_SOME],
  ENFILE: ['IO_ERROR', TOO_MANY_OPEN, CLOSE_SOME]
}

/** What an errno means (catalogue code, the problem as a clause, what to do), or undefined for one we do not know. */
export function systemProblem(
  errno: string
): { code: ErrorCode; problem: string; remedy: string } | undefined {
  if (!Object.hasOwn(SYSTEM_ERRORS, errno)) return undefined
  const [code, problem, remedy] = SYSTEM_ERRORS[errno]
  return { code, problem, remedy }
}

function systemError(
  error: NodeJS.ErrnoException & { address?: string; port?: number; hostname?: string }
): ClassifiedError | undefined {
  const code = error.code!
  const where = error.address !== undefined ? `${error.address}${error.port ? `:${error.port}` : ''}` : ''
  if (code === 'EADDRINUSE') {
    return {
      code: 'ADDRESS_IN_USE',
      message: `${where || 'The address'}: another program already listens there. Stop it, or choose another port with --port.`,
      details: { address: error.address, port: error.port }
    }
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME' || code === 'EADDRNOTAVAIL') {
    const host = error.hostname ?? error.address ?? 'the host'
    return {
      code: 'BAD_HOST',
      message: `${host}: not an address of this computer${code === 'EADDRNOTAVAIL' ? '' : ' (the name cannot be resolved)'}. Use --host 127.0.0.1, or one of this computer's own addresses.`,
      details: { host }
    }
  }
  if (code === 'EACCES' && error.syscall === 'listen') {
    return {
      code: 'PERMISSION_DENIED',
      message: `${where || 'That port'}: listening there needs administrator rights. Choose a port above 1023 with --port.`,
      details: { address: error.address, port: error.port }
    }
  }
  const known = systemProblem(code)
  if (!known) return undefined
  const { code: catalogued, problem, remedy } = known
  const path = (error as { dest?: string }).dest ?? error.path
  return {
    code: catalogued,
    message: `${path ? `${path}: ` : ''}${problem}. ${remedy}`,
    details: path ? { path, errno: code } : { errno: code }
  }
}

function sqliteError(code: string, database: string): ClassifiedError | undefined {
  const base = code.replace(/^(SQLITE_[A-Z]+).*$/, '$1')
  const say = (catalogued: ErrorCode, text: string): ClassifiedError => ({
    code: catalogued,
    message: `${database}: ${text}`,
    details: { database, sqlite: code }
  })
  switch (base) {
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return say(
        'DATABASE_BUSY',
        'the database is busy: another program (the app importing or training, say) is writing to it. Wait for it to finish and try again.'
      )
    case 'SQLITE_FULL':
      return say(
        'DISK_FULL',
        'the disk holding the database is full. Free some space and try again; nothing was saved.'
      )
    case 'SQLITE_READONLY':
    case 'SQLITE_PERM':
    case 'SQLITE_AUTH':
      return say(
        'PERMISSION_DENIED',
        'the database cannot be written (a read-only file, folder or disk). Check its permissions, or choose another file with --db.'
      )
    case 'SQLITE_CORRUPT':
    case 'SQLITE_NOTADB':
      return say(
        'DATABASE_FILE',
        'the database is damaged or is not a workbench database. Restore it from a backup or choose another file with --db.'
      )
    case 'SQLITE_CANTOPEN':
      return say(
        'DATABASE_FILE',
        'the database file cannot be opened. Check the path and its permissions, or choose another file with --db.'
      )
    case 'SQLITE_IOERR':
      return say(
        'IO_ERROR',
        'the disk reported an error while using the database (was the file or its folder removed, or the drive disconnected?). Check the drive and try again.'
      )
    case 'SQLITE_NOMEM':
      return say('IO_ERROR', 'the computer ran out of memory. Close other programs and try again.')
    default:
      return undefined
  }
}

/**
 * A schema library's validation error, recognised by its name and issues rather than by
 * `instanceof`: this module is loaded by worker threads that validate nothing (the store's
 * whole-file check, model compiling), and importing the library for the class alone cost
 * each of them ~70 ms of start-up.
 */
function isZodError(error: unknown): error is Error & { issues: { path: PropertyKey[]; message: string }[] } {
  return (
    error instanceof Error &&
    error.name === 'ZodError' &&
    Array.isArray((error as { issues?: unknown }).issues)
  )
}
