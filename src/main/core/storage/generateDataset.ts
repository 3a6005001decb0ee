import type Database from 'better-sqlite3'
import { stringify } from 'csv-stringify/sync'
import { CancelledError } from '../base/errors'
import { OutputFile, type ProtectedPath } from '../base/outputFile'
import { DatasetRepo, type DatasetSummary } from './DatasetRepo'
import { generateLoanBatches, LOAN_COLUMNS, type GenerateOptions } from '../data/generateLoans'
import type { ColumnSpec } from '../data/Table'

export interface GenerateDatasetOptions extends GenerateOptions {
  name?: string
  /** Also write the rows to this CSV file (the spec's data/generated_data.csv). */
  out?: string
  /** Files `out` must never replace (the workbench database). */
  protect?: readonly ProtectedPath[]
  signal?: AbortSignal
  onProgress?: (done: number, total: number) => void
}

/**
 * Generates a synthetic loan book straight into a new dataset, batch by batch, in one
 * transaction (memory stays bounded at any row count).
 */
export async function generateDataset(
  db: Database.Database,
  options: GenerateDatasetOptions
): Promise<DatasetSummary> {
  const columns: ColumnSpec[] = LOAN_COLUMNS.map((c) => ({ name: c.name, kind: c.kind }))
  const defaultRate = options.defaultRate ?? 0.1
  const writer = new DatasetRepo(db).create(
    {
      name:
        options.name ??
        `Synthetic loans (${options.rows.toLocaleString('en-IN')} rows, seed ${options.seed})`,
      source: 'generated',
      targetColumn: columns.find((c) => c.kind === 'target')!.name,
      positiveClass: '1',
      params: { rows: options.rows, seed: options.seed, defaultRate }
    },
    columns,
    true
  )
  let out: OutputFile | undefined
  try {
    if (options.out)
      out = await OutputFile.create(options.out, { protect: options.protect, what: 'CSV file' })
    await out?.write(stringify([columns.map((c) => c.name)]))
    let line = 2
    for (const batch of generateLoanBatches({ rows: options.rows, seed: options.seed, defaultRate })) {
      if (options.signal?.aborted) throw new CancelledError()
      const lines = Int32Array.from({ length: batch.length }, (_, i) => line + i)
      line += batch.length
      writer.append(batch, lines)
      await out?.write(stringify(batch))
      options.onProgress?.(writer.rowCount, options.rows)
      // Let progress messages and cancellation through between batches.
      await new Promise((resolve) => setImmediate(resolve))
    }
    const summary = writer.commit({
      rowsRead: writer.rowCount,
      rowsImported: writer.rowCount,
      rowsRejected: 0,
      rejected: [],
      warnings: []
    })
    // After the dataset is committed: a CSV that cannot be renamed into place is reported,
    // and the dataset stays (it is complete and consistent on its own).
    await out?.commit()
    return summary
  } catch (error) {
    writer.rollback()
    await out?.discard()
    throw error
  }
}
