import { writeFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { Workbench } from '../../../src/main/core/service/Workbench'
import { onlyJson, ptm } from '../../helpers/runPtm'
import { useTempDir } from '../../helpers/tempDir'

interface Point {
  cutoff: number
  approvalRate: number
  badRate: number | null
  expectedBadRate: number | null
  expectedLoss: number
  expectedProfit: number
}

describe('ptm strategy and ptm validate', () => {
  const tmp = useTempDir()
  let template: string

  beforeAll(async () => {
    // One trained database, copied per test (training is the slow part).
    const dir = (await import('node:fs')).mkdtempSync(`${(await import('node:os')).tmpdir()}/ptm-committee-`)
    template = `${dir}/w.db`
    expect((await ptm(template, 'all', '--rows', '4000', '--trees', '30', '--depth', '10')).code).toBe(0)
  })
  const fresh = async (): Promise<string> => {
    const db = tmp.path('w.db')
    const service = Workbench.open(template)
    await service.db.backup(db)
    service.close()
    return db
  }

  it('gives the curve on the held-out rows and the cut-off approving most within a bad-rate target', async () => {
    const db = await fresh()
    const run = await ptm(db, 'strategy', '--target-bad-rate', '0.05', '--json')
    expect(run.code, run.stderr).toBe(0)
    const out = onlyJson(run) as { curve: Point[]; recommended: { cutoff: number; point: Point } }
    expect(out.curve.length).toBeGreaterThan(20)
    // Approvals never fall and expected loss never falls as the cut-off rises.
    for (let i = 1; i < out.curve.length; i++) {
      expect(out.curve[i].approvalRate).toBeGreaterThanOrEqual(out.curve[i - 1].approvalRate)
      expect(out.curve[i].expectedLoss).toBeGreaterThanOrEqual(out.curve[i - 1].expectedLoss - 1e-6)
    }
    const rec = out.recommended
    expect(rec.point.expectedBadRate!).toBeLessThanOrEqual(0.05)
    // No cut-off approving more stays within the target.
    for (const p of out.curve)
      if (p.approvalRate > rec.point.approvalRate) expect(p.expectedBadRate!).toBeGreaterThan(0.05)
  })

  it('--apply makes the recommended cut-off the threshold scoring uses, recorded with the reason and the previous value', async () => {
    const db = await fresh()
    const before = onlyJson(await ptm(db, 'models', '--json')) as { models: { threshold: number }[] }
    const run = await ptm(
      db,
      'strategy',
      '--target-approval',
      '0.7',
      '--apply',
      '--reason',
      'Committee 12/2026',
      '--json'
    )
    expect(run.code, run.stderr).toBe(0)
    const out = onlyJson(run) as {
      threshold: number
      recommended: { cutoff: number }
      applied: { previous: number }
    }
    expect(out.threshold).toBe(out.recommended.cutoff)
    expect(out.applied.previous).toBe(before.models[0].threshold)
    const after = onlyJson(await ptm(db, 'models', '--json')) as {
      models: { threshold: number; thresholdHistory: { reason: string; previous: number }[] }[]
    }
    expect(after.models[0].threshold).toBe(out.recommended.cutoff)
    expect(after.models[0].thresholdHistory[0]).toMatchObject({ reason: 'Committee 12/2026' })
    // A score made after it is decided at the new threshold.
    const score = onlyJson(
      await ptm(
        db,
        'score',
        '--applicant',
        JSON.stringify({ Credit_Score: 650, Loan_Amount: 50000, Account_Balance: 200000 }),
        '--json'
      )
    ) as { Threshold: number; Default_Probability: number; Default_Prediction: number }
    expect(score.Threshold).toBe(out.recommended.cutoff)
    expect(score.Default_Prediction).toBe(score.Default_Probability >= out.recommended.cutoff ? 1 : 0)
  })

  it('refuses --apply without a reason or a target, and two targets at once (exit 2, nothing applied)', async () => {
    const db = await fresh()
    for (const args of [
      ['--max-profit', '--apply'],
      ['--apply', '--reason', 'x'],
      ['--max-profit', '--target-approval', '0.5']
    ]) {
      const run = await ptm(db, 'strategy', ...args)
      expect(run.code).toBe(2)
      expect(run.stderr).toMatch(/--apply|one target/)
    }
    const models = onlyJson(await ptm(db, 'models', '--json')) as {
      models: { thresholdHistory: unknown[] }[]
    }
    expect(models.models[0].thresholdHistory).toEqual([])
  })

  it('validates on the held-out rows with intervals, grade tests and segments', async () => {
    const db = await fresh()
    const run = await ptm(db, 'validate', '--segment', 'Region', '--replicates', '200', '--json')
    expect(run.code, run.stderr).toBe(0)
    const out = onlyJson(run) as {
      auc: number
      aucCi: { lower: number; upper: number }
      grades: { grade: string; binomialP: number | null }[]
      hosmerLemeshow: { stat: number; p: number }
      segments: {
        column: string
        value: string
        rows: number
        approvalRate: number
        badRate: number | null
        auc: number | null
      }[]
      psi: number | null
    }
    expect(out.aucCi.lower).toBeLessThan(out.auc)
    expect(out.aucCi.upper).toBeGreaterThan(out.auc)
    expect(out.grades.length).toBeGreaterThan(1)
    expect(out.hosmerLemeshow.p).toBeGreaterThanOrEqual(0)
    const regions = out.segments.filter((s) => s.column === 'Region')
    expect(regions.length).toBe(6)
    expect(regions.reduce((s, r) => s + r.rows, 0)).toBe(800)
    expect(out.psi).toBeNull()
  })

  it('validates a newer file against the held-out rows (PSI) and reads its own segment column', async () => {
    const db = await fresh()
    const newer = tmp.path('newer.csv')
    expect((await ptm(db, 'generate', '--rows', '1500', '--seed', '77', '--out', newer)).code).toBe(0)
    // A protected attribute kept out of the model, present only in the validation file.
    const lines = (await import('node:fs')).readFileSync(newer, 'utf8').trim().split('\n')
    writeFileSync(
      newer,
      [`${lines[0]},Gender`, ...lines.slice(1).map((l, i) => `${l},${i % 2 ? 'F' : 'M'}`)].join('\n')
    )
    const run = await ptm(
      db,
      'validate',
      '--data',
      newer,
      '--segment',
      'gender',
      '--replicates',
      '200',
      '--json'
    )
    expect(run.code, run.stderr).toBe(0)
    const out = onlyJson(run) as {
      psi: number
      segments: { column: string; rows: number }[]
      data: { rows: number }
    }
    expect(out.data.rows).toBe(1500)
    expect(out.psi).toBeGreaterThanOrEqual(0)
    expect(out.psi).toBeLessThan(0.1) // the same generator: a stable population
    expect(out.segments.filter((s) => s.column === 'Gender').map((s) => s.rows)).toEqual([750, 750])
  })

  it('says what is wrong with a segment column the data lacks and an outcome column with three values', async () => {
    const db = await fresh()
    const bad = await ptm(db, 'validate', '--segment', 'Caste')
    expect(bad.code).toBe(1)
    expect(bad.stderr).toMatch(/--segment Caste: the data has no such column/)
    const file = tmp.path('three.csv')
    expect((await ptm(db, 'generate', '--rows', '300', '--seed', '5', '--out', file)).code).toBe(0)
    const rows = (await import('node:fs')).readFileSync(file, 'utf8').trim().split('\n')
    writeFileSync(
      file,
      [rows[0], ...rows.slice(1).map((l, i) => (i === 7 ? l.replace(/,[01]$/, ',maybe') : l))].join('\n')
    )
    const three = await ptm(db, 'strategy', '--data', file)
    expect(three.code).toBe(1)
    expect(three.stderr).toMatch(/outcome column "Default" holds .*"maybe"/)
  })
})
