import { createHash } from 'node:crypto'
import type { DatasetRepo } from '../storage/DatasetRepo'

/**
 * SHA-256 of a dataset as stored, in a form anyone with the database can recompute: the
 * column list as JSON (`[{"name":…,"kind":…},…]`, in column order) and a newline, then
 * every row as a JSON array of its cells (numbers, text, null for missing; the outcome
 * included) and a newline, in import order — the same for a dataset stored as its columns
 * and for one written before as a rows table. The model's training rows are the seeded
 * split of these rows recorded with the model (params.seed, params.testSize).
 */
export function trainingDataSha256(datasets: DatasetRepo, datasetId: number): string {
  const detail = datasets.get(datasetId)
  const hash = createHash('sha256')
  hash.update(`${JSON.stringify(detail.columnSpecs.map((c) => ({ name: c.name, kind: c.kind })))}\n`)
  for (const row of datasets.iterateRows(datasetId)) hash.update(`${JSON.stringify(row)}\n`)
  return hash.digest('hex')
}
