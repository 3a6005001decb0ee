import { createHash } from 'node:crypto'
import { CancelledError, fromThreadError, type ThreadError } from '../base/errors'
import { spawnWorker } from '../base/spawnWorker'
import { forEachRecords } from '../data/csv/forEachRecords'
import { SpellingCache } from '../data/csv/fieldBytes'
import { isMissingToken } from '../data/csv/parseNumber'
import type { CsvFormat } from '../data/csv/sniffCsv'
import { ColumnProfiler } from '../data/inferColumnKinds'
import type { ColumnKind } from '../data/Table'
import { TargetTally } from '../data/targetClasses'

/** What import's first pass learns of a CSV file: each column's likely kind, the target's values, the file's hash. */
export interface CsvSurvey {
  /** Per column, in header order (the target's entry is ignored). */
  kinds: Exclude<ColumnKind, 'target'>[]
  outcomes: { values: string[]; stray: number }
  /**
   * Per column, in header order: whether no value (trimmed, missing ones aside) stands twice,
   * checked exactly; false also where the check was given up (a column that cannot be an
   * identifier). Import then stores an identifier column without looking each value up.
   */
  distinct: boolean[]
  /** SHA-256 of the file's bytes; null for a survey of the first chunk only. */
  sha256: string | null
}

/**
 * Reads a CSV file through the byte tokenizer and profiles every column (ColumnProfiler)
 * and the target's values (TargetTally), hashing the file on the way; with `firstChunkOnly`
 * it stops after the first chunk (~5,000 rows: what import guesses from before the whole
 * file is read). `onBytes` hears the bytes read so far.
 */
export async function surveyCsv(
  path: string,
  format: CsvFormat,
  targetIndex: number,
  options: { signal?: AbortSignal; onBytes?: (bytes: number) => void; firstChunkOnly?: boolean } = {}
): Promise<CsvSurvey> {
  const profilers = format.header.map((name) => new ColumnProfiler(name))
  const targetValues = new TargetTally()
  // The target's spellings, trimmed (null: missing), read once each.
  const targetCells = new SpellingCache((raw) => {
    const t = raw.trim()
    return isMissingToken(t) ? null : t
  })
  const hash = options.firstChunkOnly ? undefined : createHash('sha256')
  const stop = new AbortController()
  const signal = options.firstChunkOnly ? stop.signal : options.signal
  try {
    await forEachRecords(path, format, { hash, signal }, (records, bytesRead) => {
      const { bytes, table } = records
      for (let r = 0; r < records.count; r++) {
        const count = records.fieldCount(r)
        const width = Math.min(count, profilers.length)
        const first = records.fieldIndex(r, 0)
        for (let c = 0; c < width; c++) profilers[c].addField(bytes, table, first + c)
        if (targetIndex < count) {
          const t = targetCells.get(bytes, table, first + targetIndex)
          if (t !== null) targetValues.add(t)
        }
      }
      options.onBytes?.(bytesRead)
      if (options.firstChunkOnly) stop.abort()
    })
  } catch (error) {
    if (!(options.firstChunkOnly && error instanceof CancelledError && stop.signal.aborted)) throw error
  }
  return {
    kinds: profilers.map((p) => p.inferKind()),
    outcomes: targetValues.outcomes(),
    distinct: profilers.map((p) => p.unique),
    sha256: hash ? hash.digest('hex') : null
  }
}

/** What a survey worker starts with (workerData). */
export interface SurveyWorkerInit {
  path: string
  format: CsvFormat
  targetIndex: number
}

/** Survey worker → caller: bytes read so far, then the survey or the error. */
export type SurveyWorkerReply =
  | { type: 'progress'; bytes: number }
  | { type: 'done'; survey: CsvSurvey }
  | { type: 'error'; error: ThreadError }

/**
 * surveyCsv of the whole file on a worker thread (csvSurveyWorker), so that import can
 * write the rows meanwhile. The worker is stopped when `signal` aborts (CancelledError).
 */
export function surveyOnThread(
  init: SurveyWorkerInit,
  options: { signal?: AbortSignal; onBytes?: (bytes: number) => void } = {}
): Promise<CsvSurvey> {
  return new Promise((resolve, reject) => {
    let settled = false
    const worker = spawnWorker({ name: 'csvSurveyWorker', dir: __dirname }, init)
    const settle = (finish: () => void): void => {
      if (settled) return
      settled = true
      options.signal?.removeEventListener('abort', cancel)
      finish()
    }
    const cancel = (): void => {
      void worker.terminate()
      settle(() => reject(new CancelledError()))
    }
    if (options.signal?.aborted) return cancel()
    options.signal?.addEventListener('abort', cancel, { once: true })
    worker.on('message', (reply: SurveyWorkerReply) => {
      if (reply.type === 'progress') options.onBytes?.(reply.bytes)
      else if (reply.type === 'done') settle(() => resolve(reply.survey))
      else settle(() => reject(fromThreadError(reply.error)))
    })
    worker.once('error', (error) => settle(() => reject(error)))
    worker.once('exit', (code) =>
      settle(() => reject(new Error(`the thread reading the CSV file stopped (exit code ${code})`)))
    )
  })
}
