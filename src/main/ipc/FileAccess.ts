import { randomUUID } from 'node:crypto'
import { statSync } from 'node:fs'
import { basename } from 'node:path'
import { InputError } from '../core/base/errors'
import type { PickedFile } from '../../shared/api'

/**
 * Files chosen by the user, known to the renderer only by opaque handles (docs/ARCHITECTURE.md
 * rule 9). The dialogs themselves are Electron's (or the e2e bridge's stand-ins).
 */
export interface Dialogs {
  /** Shows an open-file dialog for CSV files; the chosen path, or null. */
  openCsv(): Promise<string | null>
  /** Shows a save dialog; the chosen path, or null. */
  saveCsv(defaultName: string): Promise<string | null>
  /** Shows a save dialog for a PDF; the chosen path, or null. */
  savePdf(defaultName: string): Promise<string | null>
  /** Shows a save dialog for a model file (ONNX); the chosen path, or null. */
  saveModel(defaultName: string): Promise<string | null>
  /** Shows a file in the system's file manager. */
  showInFolder(path: string): void
}

/** Maps handles to the paths main let the user pick. */
export class FileRegistry {
  private readonly paths = new Map<string, string>()

  /** Registers a path the user chose (dialog or drop) and returns its handle. */
  register(path: string): PickedFile {
    // Only text tables: a dropped (or otherwise registered) file of any other kind is
    // never read, so a compromised renderer cannot use a handle to peek at other files.
    if (!/\.(csv|tsv|txt)$/i.test(path)) {
      throw new InputError(
        `${basename(path)}: only CSV files (.csv, .tsv, .txt) can be imported or scored. Save the sheet as CSV first.`
      )
    }
    let size: number
    try {
      const stat = statSync(path)
      if (!stat.isFile()) throw new Error('not a file')
      size = stat.size
    } catch {
      throw new InputError(`${basename(path)}: cannot read this file. Choose a CSV file on this computer.`)
    }
    const handle = `file-${randomUUID()}`
    this.paths.set(handle, path)
    return { handle, fileName: basename(path), sizeBytes: size }
  }

  /** The path behind a handle, or an error when the handle is unknown. */
  resolve(handle: string): string {
    const path = this.paths.get(handle)
    if (!path) throw new InputError('That file is no longer available; choose it again.')
    return path
  }
}
