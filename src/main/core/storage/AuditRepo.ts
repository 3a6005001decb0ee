import type Database from 'better-sqlite3'
import type { BatchSummary, HistoryEntry, HistoryFilter } from '../../../shared/dto'
import { notFound } from '../base/errors'

export type ScoreChannel = 'app' | 'cli' | 'http'

/** One single score as the audit trail records it. */
export interface ScoreAuditEntry {
  modelId: number
  modelName: string
  channel: ScoreChannel
  probability: number
  prediction: number
  grade: string
  inputs: unknown
  outputs: unknown
}

/** The scoring audit trail: single scores and batch files. Records are only ever added. */
export class AuditRepo {
  constructor(private readonly db: Database.Database) {}

  /** Records one single score; returns its id. */
  recordScore(entry: ScoreAuditEntry): number {
    const info = this.db
      .prepare(
        `INSERT INTO score_audit (model_id, model_name, channel, probability, prediction, grade, inputs, outputs)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
      )
      .run(
        entry.modelId,
        entry.modelName,
        entry.channel,
        entry.probability,
        entry.prediction,
        entry.grade,
        JSON.stringify(entry.inputs),
        JSON.stringify(entry.outputs)
      )
    return Number(info.lastInsertRowid)
  }

  /** Records one scored batch file; returns its id. */
  recordBatch(b: Omit<BatchSummary, 'id' | 'createdAt'>): number {
    const info = this.db
      .prepare(
        `INSERT INTO score_batches (model_id, model_name, file_name, file_sha256, out_path, errors_path, rows_in, rows_scored, rows_error, predicted_defaults, seconds, summary)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
      )
      .run(
        b.modelId,
        b.modelName,
        b.fileName,
        b.fileSha256,
        b.outPath,
        b.errorsPath,
        b.rowsIn,
        b.rowsScored,
        b.rowsError,
        b.predictedDefaults,
        b.seconds,
        JSON.stringify({ grades: b.grades, histogram: b.histogram, psi: b.psi })
      )
    return Number(info.lastInsertRowid)
  }

  batch(id: number): BatchSummary {
    const r = this.db.prepare('SELECT * FROM score_batches WHERE id = ?').get(id) as BatchRow | undefined
    if (!r) throw notFound(`There is no scored batch ${id}.`)
    return toBatch(r)
  }

  /** Single scores and batches, newest first, filtered by date, model and decision. */
  history(filter: HistoryFilter = {}): HistoryEntry[] {
    const limit = Math.min(filter.limit ?? 500, 5000)
    const where: string[] = []
    const args: (string | number)[] = []
    if (filter.from) {
      where.push('created_at >= ?')
      args.push(filter.from)
    }
    if (filter.to) {
      where.push('created_at <= ?')
      args.push(filter.to)
    }
    if (filter.modelId !== undefined) {
      where.push('model_id = ?')
      args.push(filter.modelId)
    }
    const w = where.length ? `WHERE ${where.join(' AND ')}` : ''
    const entries: HistoryEntry[] = []
    if (filter.kind !== 'batch') {
      const decision =
        filter.decision === undefined
          ? ''
          : `${w ? ' AND' : 'WHERE'} prediction = ${filter.decision === 'default' ? 1 : 0}`
      const rows = this.db
        .prepare(
          `SELECT id, created_at, model_id, model_name, channel, probability, prediction, grade, inputs, outputs FROM score_audit ${w}${decision} ORDER BY id DESC LIMIT ?`
        )
        .all(...args, limit) as AuditRow[]
      for (const r of rows) entries.push(toSingle(r))
    }
    if (filter.kind !== 'single' && filter.decision === undefined) {
      const rows = this.db
        .prepare(`SELECT * FROM score_batches ${w} ORDER BY id DESC LIMIT ?`)
        .all(...args, limit) as BatchRow[]
      for (const r of rows) entries.push({ kind: 'batch', ...toBatch(r) })
    }
    return entries
      .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0))
      .slice(0, limit)
  }

  single(id: number): HistoryEntry {
    const found = this.db.prepare('SELECT * FROM score_audit WHERE id = ?').get(id) as AuditRow | undefined
    if (!found)
      throw notFound(
        `There is no audit record ${id}. Each score prints its Audit_Id (ptm score --applicant ... --json); the app lists them under History.`
      )
    return toSingle(found)
  }
}

interface AuditRow {
  id: number
  created_at: string
  model_id: number
  model_name: string
  channel: ScoreChannel
  probability: number
  prediction: number
  grade: string
  inputs: string
  outputs: string
}

interface BatchRow {
  id: number
  created_at: string
  model_id: number
  model_name: string
  file_name: string
  file_sha256: string
  out_path: string
  errors_path: string | null
  rows_in: number
  rows_scored: number
  rows_error: number
  predicted_defaults: number
  seconds: number
  summary: string
}

function toSingle(r: AuditRow): HistoryEntry {
  return {
    kind: 'single',
    id: r.id,
    createdAt: r.created_at,
    modelId: r.model_id,
    modelName: r.model_name,
    channel: r.channel,
    probability: r.probability,
    prediction: r.prediction,
    grade: r.grade,
    inputs: JSON.parse(r.inputs) as Record<string, unknown>,
    outputs: JSON.parse(r.outputs) as Record<string, unknown>
  }
}

function toBatch(r: BatchRow): BatchSummary {
  const s = JSON.parse(r.summary) as Pick<BatchSummary, 'grades' | 'histogram' | 'psi'>
  return {
    id: r.id,
    createdAt: r.created_at,
    modelId: r.model_id,
    modelName: r.model_name,
    fileName: r.file_name,
    fileSha256: r.file_sha256,
    outPath: r.out_path,
    errorsPath: r.errors_path,
    rowsIn: r.rows_in,
    rowsScored: r.rows_scored,
    rowsError: r.rows_error,
    predictedDefaults: r.predicted_defaults,
    seconds: r.seconds,
    ...s
  }
}
