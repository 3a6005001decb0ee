import { randomBytes } from 'node:crypto'
import type { Stats } from 'node:fs'
import { chmod, lstat, open, readlink, realpath, rename, rm, stat, type FileHandle } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { systemProblem } from './classifyError'
import { WorkbenchError } from './errors'

/**
 * Every file the workbench writes for a user (scored CSV and its errors file, exports,
 * generated and prepared tables, PDF reports) goes through here, so that an output path
 * never destroys anything:
 *
 * - the path is resolved through every symbolic link first, and refused (OUTPUT_REFUSED)
 *   when it lands on a protected file (the workbench database with its -wal, -shm and
 *   -journal, the input being read) or on anything that exists and is not a regular file
 *   (a folder, a FIFO, a device such as /dev/full, a socket);
 * - the content goes to a temporary file unique to this run in the target's own folder,
 *   renamed over the target only once complete (atomic on one file system), so a failed
 *   or cancelled run leaves neither a partial file nor a changed target, and two runs
 *   writing the same path never share a temporary file;
 * - file-system failures (no such folder, permission, read-only or full disk) become one
 *   sentence naming the path the user gave, with a catalogue code.
 */

/** A file an output must never replace, and what it is (for the message). */
export interface ProtectedPath {
  path: string
  /** e.g. 'the workbench database', 'the input file being read' */
  what: string
}

export interface OutputOptions {
  protect?: readonly ProtectedPath[]
  /** What is being written, for messages: 'scored file', 'PDF report'. */
  what?: string
}

/** The files SQLite keeps beside a database, which are as much the database as the file itself. */
export function databaseFiles(dbPath: string): ProtectedPath[] {
  if (dbPath === ':memory:' || dbPath === '') return []
  return ['', '-wal', '-shm', '-journal'].map((suffix) => ({
    path: dbPath + suffix,
    what: suffix ? `the workbench database's ${suffix.slice(1)} file` : 'the workbench database'
  }))
}

/** Symbolic links followed at most (Linux's own limit); more is a loop. */
const MAX_LINK_HOPS = 40

/** Where a path ends up once its folder and every link are followed; `stats` when something exists there. */
interface ResolvedPath {
  final: string
  stats?: Stats
  /** The path went through at least one symbolic link. */
  viaLink: boolean
}

/** Follows a path to where a write would land (a dangling link resolves to the file it names). */
async function resolveFinal(path: string): Promise<ResolvedPath> {
  let current = resolve(path)
  let viaLink = false
  for (let hop = 0; hop <= MAX_LINK_HOPS; hop++) {
    const folder = await realpath(dirname(current))
    const full = join(folder, basename(current))
    let info: Stats
    try {
      info = await lstat(full)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { final: full, viaLink }
      throw error
    }
    if (!info.isSymbolicLink()) return { final: full, stats: info, viaLink }
    viaLink = true
    current = resolve(folder, await readlink(full))
  }
  throw Object.assign(new Error(`too many symbolic links: ${path}`), { code: 'ELOOP', path })
}

/** A protected file as the same resolution sees it (best effort: an unreadable one is compared by path only). */
async function resolveProtected(path: string): Promise<ResolvedPath> {
  try {
    return await resolveFinal(path)
  } catch {
    return { final: resolve(path), viaLink: false }
  }
}

/** Paths compare without case where the file system usually ignores it. */
function samePath(a: string, b: string): boolean {
  if (process.platform === 'win32' || process.platform === 'darwin')
    return a.toLowerCase() === b.toLowerCase()
  return a === b
}

function sameFile(a: Stats | undefined, b: Stats | undefined): boolean {
  return a !== undefined && b !== undefined && a.dev === b.dev && a.ino === b.ino
}

function kindOf(info: Stats): string {
  if (info.isDirectory()) return 'a folder'
  if (info.isFIFO()) return 'a named pipe (FIFO)'
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device'
  if (info.isSocket()) return 'a socket'
  return 'not a regular file'
}

/**
 * Checks that `path` may be written as an output and returns where it lands; throws a
 * one-line WorkbenchError (OUTPUT_REFUSED, or the file system's reason) when not.
 */
export async function checkOutputPath(path: string, options: OutputOptions = {}): Promise<string> {
  const what = options.what ?? 'file'
  let target: ResolvedPath
  try {
    target = await resolveFinal(path)
  } catch (error) {
    throw writeFailure(path, what, error, 'folder')
  }
  const link = target.viaLink ? ` (through a symbolic link to ${target.final})` : ''
  for (const guarded of options.protect ?? []) {
    const other = await resolveProtected(guarded.path)
    if (samePath(other.final, target.final) || sameFile(other.stats, target.stats)) {
      throw new WorkbenchError(
        'OUTPUT_REFUSED',
        `${path}: this is ${guarded.what}${link}; writing the ${what} there would destroy it. Choose another file name.`,
        { path, target: target.final, protected: guarded.what }
      )
    }
  }
  if (target.stats && !target.stats.isFile()) {
    throw new WorkbenchError(
      'OUTPUT_REFUSED',
      `${path}: this is ${kindOf(target.stats)}${link}, not a file; the ${what} is written only to an ordinary file. Give a file name in a folder.`,
      { path, target: target.final }
    )
  }
  return target.final
}

/**
 * An output being written: bytes go to a temporary file beside the target; `commit`
 * renames it over the target, `discard` removes it. Open one with OutputFile.create.
 */
export class OutputFile {
  private failed = false

  private constructor(
    /** The path as the user gave it (for messages). */
    readonly path: string,
    /** Where it lands once links are followed. */
    readonly target: string,
    private readonly temporary: string,
    private handle: FileHandle | undefined,
    private readonly options: OutputOptions
  ) {}

  /** Checks the path (see checkOutputPath) and opens a fresh temporary file beside its target. */
  static async create(path: string, options: OutputOptions = {}): Promise<OutputFile> {
    const target = await checkOutputPath(path, options)
    const temporary = join(
      dirname(target),
      `.${basename(target).slice(0, 80)}.${process.pid}-${randomBytes(6).toString('hex')}.partial`
    )
    let handle: FileHandle
    try {
      // 'wx': fails rather than follow or reuse anything already there.
      handle = await open(temporary, 'wx', 0o666)
    } catch (error) {
      throw writeFailure(path, options.what ?? 'file', error, 'folder')
    }
    const file = new OutputFile(path, target, temporary, handle, options)
    // A replaced file keeps its permissions (best effort: the owner may differ).
    const existing = await stat(target).catch(() => undefined)
    if (existing) await chmod(temporary, existing.mode & 0o7777).catch(() => undefined)
    return file
  }

  /** Appends bytes or text (UTF-8). */
  async write(data: string | Uint8Array): Promise<void> {
    const handle = this.openHandle()
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data
    try {
      let offset = 0
      // A write may take fewer bytes than offered (then the next one reports why).
      while (offset < bytes.length) {
        const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset)
        offset += bytesWritten
      }
    } catch (error) {
      this.failed = true
      throw writeFailure(this.path, this.options.what ?? 'file', error, 'file')
    }
  }

  /** Closes the temporary file and renames it over the target (checked again: it may have changed meanwhile). */
  async commit(): Promise<void> {
    const handle = this.openHandle()
    this.handle = undefined
    try {
      await handle.close()
      const target = await checkOutputPath(this.path, this.options)
      await rename(this.temporary, target)
    } catch (error) {
      this.failed = true
      await rm(this.temporary, { force: true }).catch(() => undefined)
      if (error instanceof WorkbenchError) throw error
      throw writeFailure(this.path, this.options.what ?? 'file', error, 'file')
    }
  }

  /** Removes the temporary file; the target is left as it was. Safe to call more than once, and after commit. */
  async discard(): Promise<void> {
    const handle = this.handle
    this.handle = undefined
    await handle?.close().catch(() => undefined)
    if (handle !== undefined || this.failed) await rm(this.temporary, { force: true }).catch(() => undefined)
  }

  private openHandle(): FileHandle {
    if (!this.handle) throw new Error(`OutputFile ${this.path}: already committed or discarded`)
    return this.handle
  }
}

/**
 * Writes a whole output produced by `produce` (which writes through the OutputFile) all or
 * nothing: committed when it resolves, discarded when it throws.
 */
export async function writeOutput<T>(
  path: string,
  options: OutputOptions,
  produce: (out: OutputFile) => Promise<T>
): Promise<T> {
  const out = await OutputFile.create(path, options)
  try {
    const result = await produce(out)
    await out.commit()
    return result
  } finally {
    await out.discard()
  }
}

/**
 * Removes a file this output replaces the role of (a previous run's errors file), only when
 * it is a regular file that no protection covers; a link is removed, never what it names.
 */
export async function removeStaleOutput(path: string, options: OutputOptions = {}): Promise<void> {
  const info = await lstat(path).catch(() => undefined)
  if (!info || !(info.isFile() || info.isSymbolicLink())) return
  for (const guarded of options.protect ?? []) {
    const other = await resolveProtected(guarded.path)
    if (samePath(other.final, resolve(path)) || sameFile(other.stats, info)) return
  }
  await rm(path, { force: true }).catch(() => undefined)
}

/** A file-system failure while writing an output, as one sentence naming the user's path. */
function writeFailure(path: string, what: string, error: unknown, stage: 'folder' | 'file'): WorkbenchError {
  if (error instanceof WorkbenchError) return error
  const errno = (error as NodeJS.ErrnoException).code
  const known = errno ? systemProblem(errno) : undefined
  if (errno === 'ENOENT') {
    return new WorkbenchError(
      'NOT_FOUND',
      stage === 'folder'
        ? `${path}: the folder ${dirname(resolve(path))} does not exist. Create it or choose another folder.`
        : `${path}: its folder was removed while the ${what} was being written; nothing was written. Choose an existing folder and try again.`,
      { path, errno }
    )
  }
  if (known) {
    return new WorkbenchError(
      known.code,
      `${path}: cannot write the ${what}: ${known.problem}. ${known.remedy}`,
      { path, errno }
    )
  }
  return new WorkbenchError(
    'IO_ERROR',
    `${path}: cannot write the ${what} (${errno ?? (error as Error).message}). Choose another folder and try again.`,
    { path, ...(errno ? { errno } : {}) }
  )
}
