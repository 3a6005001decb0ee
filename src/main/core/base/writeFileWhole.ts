import { randomBytes } from 'node:crypto'
import { rename, rm, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { InputError } from './errors'

/**
 * Writes `bytes` to `path` all or nothing: to `<path>.<random>.partial` first, renamed
 * over `path` once complete, removed on failure, so a failed export never leaves a
 * truncated model or clobbers an earlier one. A file-system refusal becomes a one-line
 * InputError saying where and what to do; `what` names the file for the message.
 */
export async function writeFileWhole(path: string, bytes: Uint8Array, what: string): Promise<void> {
  const partial = `${path}.${randomBytes(4).toString('hex')}.partial`
  try {
    await writeFile(partial, bytes)
    await rename(partial, path)
  } catch (error) {
    await rm(partial, { force: true })
    const code = (error as NodeJS.ErrnoException).code
    const problem = whyNotWritable(code, path)
    if (problem) throw new InputError(`${path}: cannot write the ${what}: ${problem}.`, { path, code })
    throw error
  }
}

/** Why a file cannot be written, by error code, and what to do (the user's to fix, not a bug of ours). */
function whyNotWritable(code: string | undefined, path: string): string | undefined {
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return `the folder ${dirname(path)} does not exist. Choose a folder that exists`
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return 'you may not write there, or the file is open in another program. Close it, or choose another folder'
    case 'EBUSY':
      return 'the file is open in another program. Close it and try again'
    case 'ENOSPC':
      return 'the disk is full. Free some space or choose another drive'
    case 'EISDIR':
      return 'that is a folder. Give a file name'
    default:
      return undefined
  }
}
