import type Database from 'better-sqlite3'
import { stringify } from 'csv-stringify/sync'
import { CancelledError } from '../base/errors'
import { writeOutput, type ProtectedPath } from '../base/outputFile'
import { neutraliseCell } from '../scoring/neutraliseCell'
import { DatasetRepo } from './DatasetRepo'

export interface ExportOptions {
  /** Write cells exactly as stored; by default cells Excel would run as formulas get a leading `'`. */
  raw?: boolean
  /** Files the export must never replace (the workbench database). */
  protect?: readonly ProtectedPath[]
  signal?: AbortSignal
}

type Cell = string | number | null

/**
 * Writes a dataset back out as a UTF-8 CSV with its original column names, in their
 * order; missing values are empty fields. Text cells that start like a formula (= + - @
 * tab, carriage return) are neutralised as batch scoring does, unless `raw`. All or
 * nothing: a failed or cancelled export leaves the target as it was.
 */
export async function exportDatasetCsv(
  db: Database.Database,
  datasetId: number,
  path: string,
  options: ExportOptions = {}
): Promise<{ rows: number }> {
  const repo = new DatasetRepo(db)
  const detail = repo.get(datasetId)
  const cell = options.raw
    ? (c: Cell): Cell => c
    : (c: Cell): Cell => (typeof c === 'string' ? neutraliseCell(c) : c)
  return writeOutput(path, { protect: options.protect, what: 'CSV export' }, async (out) => {
    await out.write(
      stringify([detail.columnSpecs.map((c) => (options.raw ? c.name : neutraliseCell(c.name)))])
    )
    let rows = 0
    let buffer: Cell[][] = []
    for (const row of repo.iterateRows(datasetId)) {
      buffer.push(row.map(cell))
      rows++
      // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: how the rows are grouped into writes changes no byte of the file
      if (buffer.length === 5000) {
        if (options.signal?.aborted) throw new CancelledError()
        await out.write(stringify(buffer))
        buffer = []
      }
    }
    if (buffer.length) await out.write(stringify(buffer))
    if (options.signal?.aborted) throw new CancelledError()
    return { rows }
  })
}
