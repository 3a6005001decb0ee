import type Database from 'better-sqlite3'
import type {
  ApplicantRef,
  BatchSummary,
  HistoryEntry,
  HistoryFilter,
  OverrideInfo
} from '../../../shared/dto'
import { OVERRIDE_REASONS, type OverrideReason, type Verdict } from '../../../shared/policy'
import { InputError, notFound } from '../base/errors'

export type ScoreChannel = 'app' | 'cli' | 'http'

/** One single score as the audit trail records it. */
export interface ScoreAuditEntry {
  modelId: number
  modelName: string
  channel: ScoreChannel
  probability: number
  prediction: number
  grade: string
  /** The verdict given (approve, decline or refer). */
  decision: Verdict
  reference: ApplicantRef | null
  inputs: unknown
  outputs: unknown
}

/** An officer's decision on a scored applicant, as recorded. */
export interface OverrideRequest {
  auditId: number
  decision: 'approve' | 'decline'
  reason: OverrideReason
  note?: string
  officer: string
}

/** The scoring audit trail: single scores and batch files. Records are only ever added. */
export class AuditRepo {
  constructor(private readonly db: Database.Database) {}

  /** Records one single score; returns its id. */
  recordScore(entry: ScoreAuditEntry): number {
    const info = this.db
      .prepare(
        `INSERT INTO score_audit (model_id, model_name, channel, probability, prediction, grade, decision, applicant_ref, inputs, outputs)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
      )
      .run(
        entry.modelId,
        entry.modelName,
        entry.channel,
        entry.probability,
        entry.prediction,
        entry.grade,
        entry.decision,
        entry.reference ? JSON.stringify(entry.reference) : null,
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
      const extra: string[] = []
      const extraArgs: string[] = []
      if (filter.decision === 'default' || filter.decision === 'no-default')
        extra.push(`prediction = ${filter.decision === 'default' ? 1 : 0}`)
      else if (filter.decision !== undefined) {
        // Records from before verdicts had only the prediction: decline at 1, approve at 0.
        extra.push("coalesce(decision, CASE prediction WHEN 1 THEN 'decline' ELSE 'approve' END) = ?")
        extraArgs.push(filter.decision)
      }
      if (filter.reference) {
        // The reference is JSON text: a match anywhere in it finds the name, customer id or application number.
        extra.push("instr(lower(coalesce(applicant_ref, '')), lower(?)) > 0")
        extraArgs.push(filter.reference)
      }
      const more = extra.length ? `${w ? ' AND ' : 'WHERE '}${extra.join(' AND ')}` : ''
      const rows = this.db
        .prepare(`SELECT * FROM score_audit ${w}${more} ORDER BY id DESC LIMIT ?`)
        .all(...args, ...extraArgs, limit) as AuditRow[]
      for (const r of rows) entries.push(this.toSingle(r))
    }
    if (filter.kind !== 'single' && filter.decision === undefined && !filter.reference) {
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
    return this.toSingle(found)
  }

  /**
   * Records an officer's decision on a single score (approve or decline, against or with
   * the model) with a reason code; 'other' needs a note. Returns the record.
   */
  recordOverride(request: OverrideRequest): OverrideInfo {
    const officer = request.officer.trim()
    const note = (request.note ?? '').trim()
    if (!officer) throw new InputError('Say who decides: give the officer’s name (--by NAME).')
    if (!(OVERRIDE_REASONS as readonly string[]).includes(request.reason))
      throw new InputError(
        `"${request.reason}" is not a reason code. Use one of: ${OVERRIDE_REASONS.join(', ')}.`
      )
    if (request.reason === 'other' && !note)
      throw new InputError('The reason code "other" needs a note saying why (--note TEXT).')
    const entry = this.single(request.auditId)
    if (entry.kind !== 'single')
      throw new InputError(`Audit record ${request.auditId} is not a single score.`)
    const info = this.db
      .prepare(
        'INSERT INTO score_overrides (audit_id, decision, reason, note, officer) VALUES (?, ?, ?, ?, ?)'
      )
      .run(request.auditId, request.decision, request.reason, note, officer)
    return this.overridesOf(request.auditId).find((o) => o.id === Number(info.lastInsertRowid))!
  }

  /** The officers' decisions on one score, the latest first. */
  overridesOf(auditId: number): OverrideInfo[] {
    const rows = this.db
      .prepare('SELECT * FROM score_overrides WHERE audit_id = ? ORDER BY id DESC')
      .all(auditId) as OverrideRow[]
    return rows.map((r) => ({
      id: r.id,
      auditId: r.audit_id,
      decision: r.decision,
      reason: r.reason,
      note: r.note,
      officer: r.officer,
      createdAt: r.created_at
    }))
  }

  private toSingle(r: AuditRow): HistoryEntry {
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
      decision: r.decision,
      reference: r.applicant_ref ? (JSON.parse(r.applicant_ref) as ApplicantRef) : null,
      overrides: this.overridesOf(r.id),
      inputs: JSON.parse(r.inputs) as Record<string, unknown>,
      outputs: JSON.parse(r.outputs) as Record<string, unknown>
    }
  }
}

interface OverrideRow {
  id: number
  audit_id: number
  decision: 'approve' | 'decline'
  reason: OverrideReason
  note: string
  officer: string
  created_at: string
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
  decision: Verdict | null
  applicant_ref: string | null
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
