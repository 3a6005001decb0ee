import type Database from 'better-sqlite3'
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { stringify } from 'csv-stringify/sync'
import { DatasetRepo } from './DatasetRepo'

/** Writes a dataset back out as a UTF-8 CSV with its original column names; missing values are empty fields. */
export async function exportDatasetCsv(
  db: Database.Database,
  datasetId: number,
  path: string
): Promise<{ rows: number }> {
  const repo = new DatasetRepo(db)
  const detail = repo.get(datasetId)
  const out = createWriteStream(path)
  out.write(stringify([detail.columnSpecs.map((c) => c.name)]))
  let rows = 0
  let buffer: (string | number | null)[][] = []
  for (const row of repo.iterateRows(datasetId)) {
    buffer.push(row)
    rows++
    if (buffer.length === 5000) {
      if (!out.write(stringify(buffer))) await once(out, 'drain')
      buffer = []
    }
  }
  if (buffer.length) out.write(stringify(buffer))
  out.end()
  await once(out, 'finish')
  return { rows }
}
