import type Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AuditRepo, type ScoreAuditEntry } from '../../../../src/main/core/storage/AuditRepo'
import { openDatabase } from '../../../../src/main/core/storage/openDatabase'
import type { BatchSummary, HistoryEntry, PsiInfo } from '../../../../src/shared/dto'

/** One single score; the fields a test cares about override these. */
function score(over: Partial<ScoreAuditEntry> = {}): ScoreAuditEntry {
  return {
    modelId: 1,
    modelName: 'm1',
    channel: 'cli',
    probability: 0.25,
    prediction: 0,
    grade: 'B',
    decision: 'approve',
    reference: null,
    inputs: { Credit_Score: 650 },
    outputs: { Probability: 0.25 },
    ...over
  }
}

/** One scored batch file; the fields a test cares about override these. */
function batchFile(
  over: Partial<Omit<BatchSummary, 'id' | 'createdAt'>> = {}
): Omit<BatchSummary, 'id' | 'createdAt'> {
  return {
    modelId: 1,
    modelName: 'm1',
    fileName: 'branch.csv',
    fileSha256: 'ab'.repeat(32),
    outPath: '/out/branch.scored.csv',
    errorsPath: null,
    rowsIn: 10,
    rowsScored: 9,
    rowsError: 1,
    predictedDefaults: 2,
    seconds: 0.5,
    grades: { A: 4, B: 5 },
    histogram: [9, 0],
    psi: [],
    ...over
  }
}

describe('AuditRepo', () => {
  let db: Database.Database
  let audit: AuditRepo
  beforeEach(() => {
    db = openDatabase(':memory:')
    audit = new AuditRepo(db)
  })
  afterEach(() => db.close())

  /** Sets a record's creation time, so that date filters and order are the test's to choose. */
  const dated = (table: 'score_audit' | 'score_batches', id: number, at: string): void => {
    db.prepare(`UPDATE ${table} SET created_at = ? WHERE id = ?`).run(at, id)
  }
  const ids = (entries: HistoryEntry[]): string[] => entries.map((e) => `${e.kind}:${e.id}`)

  it('stores a single score field by field and reads it back with its reference and JSON', () => {
    const id = audit.recordScore(
      score({
        modelId: 7,
        modelName: 'champion',
        channel: 'http',
        probability: 0.8125,
        prediction: 1,
        grade: 'E',
        decision: 'decline',
        reference: { name: 'Ada Obi', applicationNo: 'APP-9' },
        inputs: { Loan_Amount: 900000 },
        outputs: { Grade: 'E' }
      })
    )
    expect(audit.single(id)).toEqual({
      kind: 'single',
      id,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      modelId: 7,
      modelName: 'champion',
      channel: 'http',
      probability: 0.8125,
      prediction: 1,
      grade: 'E',
      decision: 'decline',
      reference: { name: 'Ada Obi', applicationNo: 'APP-9' },
      overrides: [],
      inputs: { Loan_Amount: 900000 },
      outputs: { Grade: 'E' }
    })
    const raw = db.prepare('SELECT applicant_ref FROM score_audit WHERE id = ?').get(id)
    expect(raw).toEqual({ applicant_ref: '{"name":"Ada Obi","applicationNo":"APP-9"}' })
  })

  it('stores no reference as SQL NULL and reads it back as null', () => {
    const id = audit.recordScore(score())
    expect(db.prepare('SELECT applicant_ref FROM score_audit WHERE id = ?').get(id)).toEqual({
      applicant_ref: null
    })
    expect(audit.single(id)).toMatchObject({ reference: null })
  })

  it('returns consecutive ids for scores and batches', () => {
    expect([audit.recordScore(score()), audit.recordScore(score())]).toEqual([1, 2])
    expect([audit.recordBatch(batchFile()), audit.recordBatch(batchFile())]).toEqual([1, 2])
  })

  it('stores a batch file field by field, its grades, histogram and PSI in one summary', () => {
    const psi: PsiInfo[] = [{ column: 'Credit_Score', psi: 0.12, status: 'shift' }]
    const id = audit.recordBatch(
      batchFile({
        modelId: 3,
        modelName: 'm3',
        fileName: 'east.csv',
        fileSha256: 'cd'.repeat(32),
        outPath: '/o/east.scored.csv',
        errorsPath: '/o/east.errors.csv',
        rowsIn: 120,
        rowsScored: 117,
        rowsError: 3,
        predictedDefaults: 14,
        seconds: 1.75,
        grades: { A: 100, C: 17 },
        histogram: [60, 57],
        psi
      })
    )
    expect(audit.batch(id)).toEqual({
      id,
      createdAt: expect.any(String),
      modelId: 3,
      modelName: 'm3',
      fileName: 'east.csv',
      fileSha256: 'cd'.repeat(32),
      outPath: '/o/east.scored.csv',
      errorsPath: '/o/east.errors.csv',
      rowsIn: 120,
      rowsScored: 117,
      rowsError: 3,
      predictedDefaults: 14,
      seconds: 1.75,
      grades: { A: 100, C: 17 },
      histogram: [60, 57],
      psi
    })
  })

  it('refuses an unknown batch and an unknown single score with what to do', () => {
    expect(() => audit.batch(4)).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND', message: 'There is no scored batch 4.' })
    )
    expect(() => audit.single(5)).toThrow(
      expect.objectContaining({
        code: 'NOT_FOUND',
        message:
          'There is no audit record 5. Each score prints its Audit_Id (ptm score --applicant ... --json); the app lists them under History.'
      })
    )
  })

  describe('history', () => {
    /** Three scores and two batches on three days, two models; decisions as in the comments. */
    const seed = (): void => {
      audit.recordScore(
        score({ modelId: 1, prediction: 0, decision: 'approve', reference: { name: 'Ada Obi' } })
      ) // 1
      audit.recordScore(
        score({ modelId: 2, prediction: 1, decision: 'refer', reference: { customerId: 'C-77' } })
      ) // 2
      audit.recordScore(score({ modelId: 1, prediction: 1, decision: 'decline' })) // 3
      audit.recordBatch(batchFile({ modelId: 1 })) // 1
      audit.recordBatch(batchFile({ modelId: 2 })) // 2
      dated('score_audit', 1, '2026-01-01T10:00:00.000Z')
      dated('score_audit', 2, '2026-01-02T10:00:00.000Z')
      dated('score_audit', 3, '2026-01-03T10:00:00.000Z')
      dated('score_batches', 1, '2026-01-02T12:00:00.000Z')
      dated('score_batches', 2, '2026-01-03T12:00:00.000Z')
    }

    it('lists scores and batches together, newest first', () => {
      seed()
      expect(ids(audit.history())).toEqual(['batch:2', 'single:3', 'batch:1', 'single:2', 'single:1'])
    })

    it('keeps records of the same instant in the order read: scores newest first, then batches', () => {
      audit.recordScore(score())
      audit.recordScore(score())
      audit.recordBatch(batchFile())
      for (const id of [1, 2]) dated('score_audit', id, '2026-01-01T00:00:00.000Z')
      dated('score_batches', 1, '2026-01-01T00:00:00.000Z')
      expect(ids(audit.history())).toEqual(['single:2', 'single:1', 'batch:1'])
    })

    it('filters by date with both bounds included', () => {
      seed()
      expect(ids(audit.history({ from: '2026-01-02T10:00:00.000Z' }))).toEqual([
        'batch:2',
        'single:3',
        'batch:1',
        'single:2'
      ])
      expect(ids(audit.history({ to: '2026-01-02T12:00:00.000Z' }))).toEqual([
        'batch:1',
        'single:2',
        'single:1'
      ])
      expect(
        ids(audit.history({ from: '2026-01-02T10:00:00.000Z', to: '2026-01-02T12:00:00.000Z' }))
      ).toEqual(['batch:1', 'single:2'])
    })

    it('filters by model, and by model and date together', () => {
      seed()
      expect(ids(audit.history({ modelId: 2 }))).toEqual(['batch:2', 'single:2'])
      expect(ids(audit.history({ modelId: 1, from: '2026-01-02T00:00:00.000Z' }))).toEqual([
        'single:3',
        'batch:1'
      ])
    })

    it('lists only scores or only batches when asked', () => {
      seed()
      expect(ids(audit.history({ kind: 'single' }))).toEqual(['single:3', 'single:2', 'single:1'])
      expect(ids(audit.history({ kind: 'batch' }))).toEqual(['batch:2', 'batch:1'])
    })

    it('filters scores by prediction, and then lists no batches', () => {
      seed()
      expect(ids(audit.history({ decision: 'default' }))).toEqual(['single:3', 'single:2'])
      expect(ids(audit.history({ decision: 'no-default' }))).toEqual(['single:1'])
      expect(ids(audit.history({ decision: 'default', modelId: 1 }))).toEqual(['single:3'])
    })

    it('filters scores by verdict; a record without one counts as decline at 1 and approve at 0', () => {
      seed()
      audit.recordScore(score({ prediction: 1 })) // 4
      audit.recordScore(score({ prediction: 0 })) // 5
      db.prepare('UPDATE score_audit SET decision = NULL WHERE id IN (4, 5)').run()
      dated('score_audit', 4, '2026-01-04T00:00:00.000Z')
      dated('score_audit', 5, '2026-01-05T00:00:00.000Z')
      expect(ids(audit.history({ decision: 'decline' }))).toEqual(['single:4', 'single:3'])
      expect(ids(audit.history({ decision: 'approve' }))).toEqual(['single:5', 'single:1'])
      expect(ids(audit.history({ decision: 'refer' }))).toEqual(['single:2'])
      expect(ids(audit.history({ decision: 'refer', modelId: 1 }))).toEqual([])
    })

    it('finds a reference by any part of it, ignoring case, and then lists no batches', () => {
      seed()
      expect(ids(audit.history({ reference: 'OBI' }))).toEqual(['single:1'])
      expect(ids(audit.history({ reference: 'c-7' }))).toEqual(['single:2'])
      expect(ids(audit.history({ reference: 'c-7', modelId: 1 }))).toEqual([])
      expect(ids(audit.history({ reference: 'nobody' }))).toEqual([])
    })

    it('filters by verdict and reference together', () => {
      seed()
      expect(ids(audit.history({ decision: 'approve', reference: 'obi' }))).toEqual(['single:1'])
      expect(ids(audit.history({ decision: 'refer', reference: 'obi' }))).toEqual([])
      expect(
        ids(audit.history({ decision: 'refer', reference: 'c-77', to: '2026-01-02T10:00:00.000Z' }))
      ).toEqual(['single:2'])
    })

    it('interleaves many scores and batches by time, newest first', () => {
      // Scores on even minutes, batches on odd ones, written in an order unlike their times.
      for (let i = 0; i < 30; i++) {
        const s = audit.recordScore(score())
        const b = audit.recordBatch(batchFile())
        const minute = (k: number): string => `2026-01-01T10:${String(k).padStart(2, '0')}:00.000Z`
        dated('score_audit', s, minute((i * 14) % 60))
        dated('score_batches', b, minute(((i * 22) % 60) + 1 > 59 ? 59 : ((i * 22) % 60) + 1))
      }
      const times = audit.history().map((e) => e.createdAt)
      expect(times).toHaveLength(60)
      expect(times).toEqual([...times].sort().reverse())
    })

    it('takes the newest 500 by default, the limit asked for, and never more than 5000', () => {
      const insert = db.prepare(
        "INSERT INTO score_audit (model_id, model_name, channel, probability, prediction, grade, inputs, outputs) VALUES (1, 'm', 'cli', 0.5, 0, 'C', '{}', '{}')"
      )
      db.transaction(() => {
        for (let i = 0; i < 5001; i++) insert.run()
      })()
      const all = audit.history()
      expect(all).toHaveLength(500)
      expect(all[0]).toMatchObject({ id: 5001 })
      expect(all[499]).toMatchObject({ id: 4502 })
      expect(audit.history({ limit: 3 }).map((e) => e.id)).toEqual([5001, 5000, 4999])
      expect(audit.history({ limit: 9000 })).toHaveLength(5000)
    })

    it('applies the limit to scores and batches together', () => {
      seed()
      expect(ids(audit.history({ limit: 2 }))).toEqual(['batch:2', 'single:3'])
    })
  })

  describe('recordOverride', () => {
    it('records an officer’s decision with trimmed name and note, latest first', () => {
      const auditId = audit.recordScore(score())
      const first = audit.recordOverride({
        auditId,
        decision: 'decline',
        reason: 'adverse',
        note: '  court judgement  ',
        officer: '  R. Mensah '
      })
      expect(first).toEqual({
        id: 1,
        auditId,
        decision: 'decline',
        reason: 'adverse',
        note: 'court judgement',
        officer: 'R. Mensah',
        createdAt: expect.any(String)
      })
      const second = audit.recordOverride({
        auditId,
        decision: 'approve',
        reason: 'documents',
        officer: 'K. Ade'
      })
      expect(second).toMatchObject({ id: 2, note: '', officer: 'K. Ade', decision: 'approve' })
      expect(audit.overridesOf(auditId).map((o) => o.id)).toEqual([2, 1])
      expect((audit.single(auditId) as { overrides: unknown[] }).overrides).toEqual([second, first])
    })

    it('returns the record it added, not an earlier one of the same score', () => {
      const auditId = audit.recordScore(score())
      audit.recordOverride({ auditId, decision: 'decline', reason: 'income', officer: 'A' })
      audit.recordOverride({ auditId, decision: 'approve', reason: 'collateral', officer: 'B' })
      const third = audit.recordOverride({ auditId, decision: 'decline', reason: 'policy', officer: 'C' })
      expect(third).toMatchObject({ id: 3, reason: 'policy', officer: 'C' })
    })

    it('keeps each score’s decisions apart', () => {
      const a = audit.recordScore(score())
      const b = audit.recordScore(score())
      audit.recordOverride({ auditId: a, decision: 'decline', reason: 'income', officer: 'A' })
      expect(audit.overridesOf(b)).toEqual([])
      expect(audit.overridesOf(a)).toHaveLength(1)
    })

    it('refuses a blank officer, an unknown reason, "other" without a note and an unknown score', () => {
      const auditId = audit.recordScore(score())
      const refused = (
        request: Parameters<AuditRepo['recordOverride']>[0],
        code: string,
        message: string
      ): void =>
        expect(() => audit.recordOverride(request)).toThrow(expect.objectContaining({ code, message }))
      refused(
        { auditId, decision: 'approve', reason: 'income', officer: '   ' },
        'INPUT_ERROR',
        'Say who decides: give the officer’s name (--by NAME).'
      )
      refused(
        { auditId, decision: 'approve', reason: 'luck' as 'income', officer: 'A' },
        'INPUT_ERROR',
        '"luck" is not a reason code. Use one of: documents, collateral, income, relationship, adverse, policy, other.'
      )
      refused(
        { auditId, decision: 'approve', reason: 'other', note: '  ', officer: 'A' },
        'INPUT_ERROR',
        'The reason code "other" needs a note saying why (--note TEXT).'
      )
      expect(
        audit.recordOverride({ auditId, decision: 'approve', reason: 'other', note: 'x', officer: 'A' })
      ).toMatchObject({ reason: 'other', note: 'x' })
      expect(() =>
        audit.recordOverride({ auditId: 99, decision: 'approve', reason: 'income', officer: 'A' })
      ).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }))
      expect(audit.overridesOf(auditId)).toHaveLength(1)
    })
  })
})
