import { availableParallelism } from 'node:os'
import { fromThreadError, type ThreadError } from '../base/errors'
import { spawnWorker } from '../base/spawnWorker'
import type { NumericColumn, Table } from '../data/Table'
import {
  assembleProfile,
  profileColumn,
  profileTable,
  type ColumnProfile,
  type DatasetProfile
} from './profileTable'

/** Numeric cells from which the column profiles are worth worker threads (sorting is most of it). */
const WORKERS_FROM_CELLS = 2_000_000

/** What a profile worker starts with: numeric columns and the target, in shared memory. */
export interface ProfileWorkerInit {
  target: Uint8Array
  columns: { index: number; name: string; values: Float64Array }[]
}

/** profileWorker → caller, once. */
export type ProfileWorkerReply =
  | { type: 'done'; profiles: { index: number; profile: ColumnProfile }[] }
  | { type: 'error'; error: ThreadError }

/**
 * profileTable, with the numeric columns' profiles (each sorts its column three ways) on
 * worker threads when the table is large, and the rest (categories, correlations) here
 * meanwhile. The profile is the same whichever thread computed each column.
 */
export async function profileTableInWorkers(
  table: Table,
  threads = Math.min(2, availableParallelism())
): Promise<DatasetProfile> {
  const numeric = table.columns.flatMap((c, index) => (c.kind === 'numeric' ? [{ index, column: c }] : []))
  if (threads < 1 || numeric.length < 2 || numeric.length * table.numRows < WORKERS_FROM_CELLS) {
    return profileTable(table)
  }
  const target = shared(table.target)
  // Columns dealt round-robin: similar sizes, similar work.
  const shares = Array.from({ length: Math.min(threads, numeric.length) }, (_, w) =>
    numeric.filter((_, k) => k % threads === w)
  )
  const pending = shares.map((share) =>
    profileOnThread({
      target,
      columns: share.map(({ index, column }) => ({ index, name: column.name, values: shared(column.values) }))
    })
  )
  // Which columns this thread profiles while the others work changes no number: a thread's
  // profile replaces this thread's, and a column left undefined is profiled below.
  // Stryker disable next-line ArrowFunction: as above
  const profiles: (ColumnProfile | undefined)[] = table.columns.map((c) =>
    // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral: as above
    c.kind === 'numeric' ? undefined : profileColumn(c, table.target)
  )
  for (const done of await Promise.all(pending))
    for (const { index, profile } of done) profiles[index] = profile
  return assembleProfile(
    table,
    profiles.map((p, i) => p ?? profileColumn(table.columns[i] as NumericColumn, table.target))
  )
}

function profileOnThread(init: ProfileWorkerInit): Promise<{ index: number; profile: ColumnProfile }[]> {
  return new Promise((resolve, reject) => {
    let settled = false
    const worker = spawnWorker({ name: 'profileWorker', dir: __dirname }, init)
    worker.once('message', (reply: ProfileWorkerReply) => {
      // Stryker disable next-line BooleanLiteral: a promise settles once; the exit's later reject does nothing
      settled = true
      if (reply.type === 'done') resolve(reply.profiles)
      else reject(fromThreadError(reply.error))
    })
    worker.once('error', (error) => {
      // Stryker disable next-line BooleanLiteral: a promise settles once; the exit's later reject does nothing
      settled = true
      reject(error)
    })
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`a profiling thread stopped (exit code ${code})`))
    })
  })
}

/** A copy of a typed array in shared memory, which worker threads read without a copy of their own. */
function shared<T extends Float64Array | Uint8Array>(array: T): T {
  const copy = new (array.constructor as new (buffer: SharedArrayBuffer) => T)(
    new SharedArrayBuffer(array.byteLength)
  )
  copy.set(array)
  return copy
}
