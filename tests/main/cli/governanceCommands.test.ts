import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { HistoryEntry, ScoreResult } from '../../../src/shared/dto'
import { Workbench } from '../../../src/main/core/service/Workbench'
import { buildTrainedDatabase } from '../../fixtures/trainedDatabase'
import { onlyJson, oneLine, ptm } from '../../helpers/runPtm'
import { useTempDir } from '../../helpers/tempDir'
import { pdfText } from '../core/reports/pdfPages'

const APPLICANT = {
  Age: 38,
  Region: 'South',
  Employment_Status: 'Salaried',
  Annual_Income: 900000,
  Account_Balance: 150000,
  Credit_Score: 720,
  Past_Delinquencies: 0,
  Loan_Amount: 2500000,
  Interest_Rate: 8.5,
  Debt_to_Income: 0.4
}

describe('ptm: the officer’s decision and its governance', () => {
  const tmp = useTempDir()
  let template = ''

  beforeAll(async () => {
    template = join(mkdtempSync(join(tmpdir(), 'ptm-gov-')), 'w.db')
    const first = await buildTrainedDatabase(template, { rows: 2000, seed: 8 })
    // A second model on the same data, not active: the one a team might switch to.
    const service = Workbench.open(template)
    await service.trainModel(first.datasetId, { trees: 10, maxDepth: 6, threads: 1, seed: 2 })
    service.close()
  })
  const fresh = async (): Promise<string> => {
    const db = tmp.path('w.db')
    const service = Workbench.open(template)
    await service.db.backup(db)
    service.close()
    return db
  }

  it('never scores a blank or impossible applicant: exit 1, the fields named, no audit record', async () => {
    const db = await fresh()
    const blank = await ptm(db, 'score', '--applicant', '{}')
    expect(blank.code).toBe(1)
    expect(oneLine(blank.stderr)).toBe(
      "ptm: Not scored. Correct these first: Credit score is required by the bank's policy: enter it. Loan amount is required by the bank's policy: enter it. Account balance is required by the bank's policy: enter it. Interest rate is required by the bank's policy: enter it."
    )
    const impossible = await ptm(
      db,
      'score',
      '--applicant',
      JSON.stringify({ ...APPLICANT, Loan_Amount: -50000 })
    )
    expect(impossible.code).toBe(1)
    expect(impossible.stderr).toContain('Loan amount −₹50,000 is not possible: it must be at least ₹0.')
    const hindi = await ptm(db, '--lang', 'hi', 'score', '--applicant', '{}')
    expect(hindi.stderr).toContain('बैंक की नीति के अनुसार क्रेडिट स्कोर आवश्यक है')
    expect(onlyJson(await ptm(db, 'history', '--json')).entries).toEqual([])
  })

  it('carries the applicant reference into the audit record and ptm history, and prints the verdict in the chosen language', async () => {
    const db = await fresh()
    const scored = await ptm(
      db,
      'score',
      '--applicant',
      JSON.stringify(APPLICANT),
      '--ref',
      'Asha Verma / APP-7'
    )
    expect(scored.code, scored.stderr).toBe(0)
    expect(scored.stdout).toMatch(
      /^(Approve|Decline|Refer to a senior officer): risk of default [\d.]+ % \(cut-off/
    )
    expect(scored.stdout).toContain('for Asha Verma / APP-7')
    const hi = await ptm(
      db,
      '--lang',
      'hi',
      'score',
      '--applicant',
      JSON.stringify(APPLICANT),
      '--ref',
      'APP-8'
    )
    expect(hi.stdout).toMatch(/^(स्वीकृत करें|अस्वीकार करें|वरिष्ठ अधिकारी को भेजें): चूक का जोखिम/)
    const history = onlyJson(await ptm(db, 'history', '--ref', 'asha', '--json')).entries as HistoryEntry[]
    expect(history).toHaveLength(1)
    expect(history[0]).toMatchObject({ kind: 'single', reference: { text: 'Asha Verma / APP-7' } })
    const table = await ptm(db, 'history')
    expect(table.stdout).toContain('Asha Verma / APP-7')
    expect(table.stdout).toContain('APP-8')
  })

  it('records an officer’s override with a reason code, reports it in history, and refuses one without a name or note', async () => {
    const db = await fresh()
    const result = onlyJson(
      await ptm(db, 'score', '--applicant', JSON.stringify(APPLICANT), '--json')
    ) as unknown as ScoreResult
    const against = result.Decision === 'approve' ? 'decline' : 'approve'
    const run = await ptm(
      db,
      'override',
      '--audit',
      String(result.Audit_Id),
      '--decision',
      against,
      '--reason',
      'adverse',
      '--by',
      'Meena Iyer',
      '--note',
      'bureau shows a default last month'
    )
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toContain('by Meena Iyer (Adverse information the model did not see)')
    const other = await ptm(
      db,
      'override',
      '--audit',
      String(result.Audit_Id),
      '--decision',
      'approve',
      '--reason',
      'other',
      '--by',
      'Meena Iyer'
    )
    expect(other.code).toBe(1)
    expect(oneLine(other.stderr)).toBe('ptm: The reason code "other" needs a note saying why (--note TEXT).')
    const bad = await ptm(
      db,
      'override',
      '--audit',
      String(result.Audit_Id),
      '--decision',
      'approve',
      '--reason',
      'whim',
      '--by',
      'X'
    )
    expect(bad.stderr).toContain('"whim" is not a reason code')
    const [entry] = onlyJson(await ptm(db, 'history', '--json')).entries as HistoryEntry[]
    if (entry.kind !== 'single') throw new Error('a single score')
    expect(entry.overrides).toHaveLength(1)
    expect(entry.overrides[0]).toMatchObject({ decision: against, reason: 'adverse', officer: 'Meena Iyer' })
    expect((await ptm(db, 'history')).stdout).toContain(
      '(Meena Iyer: Adverse information the model did not see)'
    )
  })

  it('makes a model active only when a second named person confirms with a note', async () => {
    const db = await fresh()
    const alone = await ptm(db, 'activate', '2')
    expect(alone.code).toBe(1)
    expect(alone.stderr).toContain('Making a model active takes two people')
    expect((await ptm(db, 'activate', '2', '--by', 'Ravi', '--note', 'better KS')).code).toBe(0)
    const self = await ptm(db, 'activate', '2', '--confirm', '--by', ' ravi ', '--note', 'ok')
    expect(self.code).toBe(1)
    expect(oneLine(self.stderr)).toBe(
      'ptm: ravi asked for model 2 to be made active, so a second person must confirm it.'
    )
    const noNote = await ptm(db, 'activate', '2', '--confirm', '--by', 'Meena')
    expect(noNote.stderr).toContain('Add a note saying why')
    const models = onlyJson(await ptm(db, 'models', '--json')).models as { id: number; active: boolean }[]
    expect(models.find((m) => m.active)?.id).toBe(1)
    const confirmed = await ptm(
      db,
      'activate',
      '2',
      '--confirm',
      '--by',
      'Meena',
      '--note',
      'validated on held-out rows'
    )
    expect(confirmed.stdout).toContain('Model 2 is now used for scoring (asked by Ravi, confirmed by Meena).')
    const after = onlyJson(await ptm(db, 'models', '--json')).models as { id: number; active: boolean }[]
    expect(after.find((m) => m.active)?.id).toBe(2)
    const service = Workbench.open(db)
    expect(service.governance.activations(2).map((a) => [a.status, a.requestedBy, a.decidedBy])).toEqual([
      ['confirmed', 'Ravi', 'Meena']
    ])
    service.close()
  })

  it('sets a policy from a file (logged with its author) that every later score applies', async () => {
    const db = await fresh()
    const file = tmp.write(
      'policy.json',
      JSON.stringify({ required: ['Annual_Income'], limits: [], referrals: [] })
    )
    const noName = await ptm(db, 'policy', '--set', file)
    expect(noName.code).toBe(1)
    expect(
      (await ptm(db, 'policy', '--set', file, '--by', 'Risk team', '--purpose', 'Retail loans')).code
    ).toBe(0)
    const shown = onlyJson(await ptm(db, 'policy', '--json'))
    expect(shown).toMatchObject({
      purpose: 'Retail loans',
      default: false,
      policy: { required: ['Annual_Income'] }
    })
    const withoutIncome = await ptm(
      db,
      'score',
      '--applicant',
      JSON.stringify({ ...APPLICANT, Annual_Income: null })
    )
    expect(withoutIncome.stderr).toContain('Annual income is required')
    writeFileSync(file, '{"required": "all"}')
    const invalid = await ptm(db, 'policy', '--set', file, '--by', 'Risk team')
    expect(invalid.code).toBe(1)
    expect(invalid.stderr).toMatch(/policy\.json: not a valid policy at required/)
  })

  it('writes the decision sheet in Hindi with every glyph drawn', async () => {
    const db = await fresh()
    const result = onlyJson(
      await ptm(db, 'score', '--applicant', JSON.stringify(APPLICANT), '--ref', 'APP-9', '--json')
    ) as unknown as ScoreResult
    const out = tmp.path('sheet-hi.pdf')
    const run = await ptm(db, 'decision', '--audit', String(result.Audit_Id), '--lang', 'hi', '--out', out)
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toContain('निर्णय पत्र')
    const { pages, missingGlyphs } = pdfText(out)
    expect(pages).toHaveLength(1)
    expect(missingGlyphs).toBe(0)
    expect(pages[0].join(' ')).toContain('APP-9')
  })

  it('refuses a language it does not have', async () => {
    const run = await ptm(await fresh(), '--lang', 'fr', 'history')
    expect(oneLine(run.stderr)).toBe('ptm: --lang fr: give en (English) or hi (Hindi).')
  })
})
