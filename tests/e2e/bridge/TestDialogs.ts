import type { Dialogs } from '../../../src/main/ipc/FileAccess'

/**
 * Stand-ins for main's open and save dialogs: each shows "the user's choice" the test
 * queued, or a cancel (null) when nothing is queued. Records what was asked.
 */
export class TestDialogs implements Dialogs {
  private readonly openAnswers: (string | null)[] = []
  private readonly saveAnswers: (string | null)[] = []
  /** The default names the save dialog was shown with, in order. */
  readonly saveRequests: string[] = []
  /** The paths "shown in the file manager", in order. */
  readonly shownInFolder: string[] = []
  openCount = 0

  /** The next open dialog returns `path` (null: the user cancels). */
  queueOpen(path: string | null): void {
    this.openAnswers.push(path)
  }

  /** The next save dialog (CSV or PDF) returns `path` (null: the user cancels). */
  queueSave(path: string | null): void {
    this.saveAnswers.push(path)
  }

  async openCsv(): Promise<string | null> {
    this.openCount++
    return this.openAnswers.shift() ?? null
  }

  async saveCsv(defaultName: string): Promise<string | null> {
    this.saveRequests.push(defaultName)
    return this.saveAnswers.shift() ?? null
  }

  /** PDFs share the save queue: the next queued save answer. */
  async savePdf(defaultName: string): Promise<string | null> {
    this.saveRequests.push(defaultName)
    return this.saveAnswers.shift() ?? null
  }

  /** Model files share the save queue too. */
  async saveModel(defaultName: string): Promise<string | null> {
    this.saveRequests.push(defaultName)
    return this.saveAnswers.shift() ?? null
  }

  showInFolder(path: string): void {
    this.shownInFolder.push(path)
  }
}
