import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { HistoryEntry, ScoreResult } from '../../../../src/shared/dto'
import type { Lang } from '../../../../src/shared/i18n'
import { writeDecisionSheet, type DecisionSheetInput } from '../../../../src/main/core/reports/decisionSheet'
import { Workbench } from '../../../../src/main/core/service/Workbench'
import { flat, pageCount, pdfPages, pdfText } from './pdfPages'
import { FULL_APPLICANT } from '../../../fixtures/applicants'

type SingleEntry = Extract<HistoryEntry, { kind: 'single' }>

/** The text a pdfkit PDF shows, one string per drawn run, all pages. */
const pdfLines = (file: string): string[] => pdfPages(file).flat()
/** The applicant varied below towards more and less risk. */
const APPLICANT = FULL_APPLICANT
const RISKIER = [
  {
    Credit_Score: 560,
    Past_Delinquencies: 4,
    Debt_to_Income: 1.5,
    Employment_Status: 'Unemployed',
    Account_Balance: 1000
  },
  { Credit_Score: 555, Past_Delinquencies: 5, Debt_to_Income: 2, Existing_Loans: 4, Collateral: 'No' },
  { Credit_Score: 480, Past_Delinquencies: 3, Debt_to_Income: 1.2, Account_Balance: 5000, Interest_Rate: 15 },
  { Credit_Score: 520, Past_Delinquencies: 2, Debt_to_Income: 0.9 },
  { Credit_Score: 450, Past_Delinquencies: 4, Debt_to_Income: 1.5, Employment_Status: 'Unemployed' },
  { Credit_Score: 500, Past_Delinquencies: 5, Debt_to_Income: 2, Existing_Loans: 4, Collateral: 'No' }
]

describe('writeDecisionSheet', () => {
  let dir = ''
  let service: Workbench
  /** A flagged applicant whose score has reasons that raised the risk, and one the model approves. */
  let declined: ScoreResult
  let approved: ScoreResult

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ptm-sheet-'))
    service = Workbench.open(join(dir, 'sheet.db'))
    const dataset = await service.generateDataset({ rows: 2000, seed: 1 })
    await service.trainModel(dataset.id, { trees: 10, maxDepth: 6, threads: 1 })
    approved = service.scoreApplicant(APPLICANT, 'app', undefined, {
      reference: { name: 'Asha Verma', customerId: 'CUST0000042', applicationNo: 'APP-7' }
    })
    const scored = RISKIER.map((over) => service.scoreApplicant({ ...APPLICANT, ...over }, 'app'))
    const found = scored.find((r) => r.Decision === 'decline' && r.Reasons.some((x) => x.contribution > 0))
    if (!found)
      throw new Error('no riskier applicant was declined with reasons: change RISKIER for this model')
    declined = found
  })
  afterAll(() => {
    service.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const entry = (auditId: number): SingleEntry => {
    const e = service.audit.single(auditId)
    if (e.kind !== 'single') throw new Error('not a single score')
    return e
  }
  const out = (name: string): string => join(dir, name)
  /** The sheet's input for an audit record, as the service builds it. */
  const input = (e: SingleEntry, lang: Lang = 'en'): DecisionSheetInput => ({
    entry: e,
    generatedAt: new Date().toISOString(),
    lang,
    dictionary: service.modelGovernance(e.modelId).dictionary,
    model: { purpose: 'Retail loans', trainedAt: '2026-03-01T10:00:00Z' }
  })

  // The sheet a declined applicant is handed: one page, the decision in the one vocabulary, and why.
  it('gives a declined applicant one A4 page with the verdict, the reasons by display name and the applicant reference', async () => {
    expect(approved.Decision).toBe('approve')
    const file = out('declined.pdf')
    await service.writeDecisionSheet(declined.Audit_Id, file)

    const bytes = readFileSync(file)
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(pageCount(file)).toBe(1)
    expect(bytes.toString('latin1')).toContain('/MediaBox [0 0 595.28 841.89]')
    const lines = pdfLines(file)
    const text = flat(lines)
    expect(text).toContain('Loan application — credit decision sheet')
    expect(lines).toContain('Decline')
    expect(text).toContain(`Audit record ${declined.Audit_Id}`)
    expect(text).toContain(`risk grade ${declined.Risk_Grade} (${declined.Risk_Label})`)
    expect(text).toContain(`Risk of default ${(declined.Default_Probability * 100).toFixed(1)} %`)
    for (const r of declined.Reasons) expect(text).toContain(r.text)
    // Display names, never column names.
    expect(text).not.toContain('Credit_Score')
    expect(text).toContain('Credit score')
    expect(text).toContain('What raised the risk')
    expect(text).toContain('What lowered the risk')
    expect(text).toContain('reviewed by a bank officer')
    expect(text).toContain('Assessed by (bank officer)')
    expect(text).toContain('Page 1 of 1')
    expect(pdfText(file).missingGlyphs).toBe(0)
  })

  it('says "Approve" for an applicant below the cut-off, with the reference and amounts in ₹ grouped the Indian way', async () => {
    const file = out('approved.pdf')
    await service.writeDecisionSheet(approved.Audit_Id, file)
    expect(pageCount(file)).toBe(1)
    const lines = pdfLines(file)
    const text = flat(lines)
    expect(lines).toContain('Approve')
    expect(lines).not.toContain('Decline')
    expect(text).toContain('Asha Verma · CUST0000042 · APP-7')
    expect(text).toContain('Loan amount ₹25,00,000')
    expect(text).toContain('Annual income ₹9,00,000')
    expect(text).toContain('Interest rate 8.5 %')
    expect(text).toContain('Debt to income 40 %')
    for (const r of approved.Reasons) expect(text).toContain(r.text)
  })

  it('shows every point to check in full and the fields not provided as one line, never as a reason', async () => {
    const partial = service.scoreApplicant(
      { ...APPLICANT, Past_Delinquencies: null, Annual_Income: null },
      'app'
    )
    const e = entry(partial.Audit_Id)
    const warnings = Array.from({ length: 13 }, (_, i) => ({
      field: 'Loan_Term_Months',
      severity: 'warning',
      rule: 'range',
      values: { value: 400 + i, min: 12, max: 360 },
      message: 'ignored: the sheet says it again from its values'
    }))
    const file = out('checks.pdf')
    await writeDecisionSheet(input({ ...e, outputs: { ...e.outputs, Warnings: warnings } }), file)
    const text = flat(pdfLines(file))
    expect(pageCount(file)).toBe(1)
    for (let i = 0; i < 13; i++)
      expect(text).toContain(
        `Loan term ${400 + i} months is outside anything the model learnt from (12 months to 360 months)`
      )
    expect(text).not.toMatch(/and \d+ more \(see/)
    const moved = partial.Not_Provided.contribution * 100
    expect(text).toContain(
      `2 fields not provided (Annual income, Past missed payments): filled with typical values, which moved the risk by ${moved < 0 ? '-' : '+'}${Math.abs(moved).toFixed(1)} %.`
    )
    expect(text).not.toMatch(/(Past missed payments|Annual income): .* (raised|lowered) the risk/)
  })

  it('prints the officer’s decision against the model with its reason code, name and note', async () => {
    const e = entry(declined.Audit_Id)
    const override = service.recordOverride({
      auditId: declined.Audit_Id,
      decision: 'approve',
      reason: 'collateral',
      note: 'FD pledged',
      officer: 'Meena Iyer'
    })
    const file = out('override.pdf')
    await writeDecisionSheet(input({ ...e, overrides: [override] }), file)
    const text = flat(pdfLines(file))
    expect(text).toContain('Officer’s decision recorded')
    expect(text).toMatch(
      /Approved by Meena Iyer on .*: Additional security or guarantee — against the model \(Decline\)\. Note: FD pledged/
    )
  })

  it('draws the Hindi sheet with every glyph in its font: the verdict, the labels and the reference as written', async () => {
    const file = out('hindi.pdf')
    await service.writeDecisionSheet(approved.Audit_Id, file, 'hi')
    expect(pageCount(file)).toBe(1)
    const { pages, missingGlyphs } = pdfText(file)
    expect(missingGlyphs).toBe(0)
    const lines = pages.flat()
    const text = flat(lines)
    // Text read back from a PDF is in drawing order (a pre-base vowel sign before its consonant),
    // so only words without one are compared here; the shaping itself is checked by eye (docs/).
    expect(text).toContain('करें')
    expect(text).toContain('आवेदक')
    expect(text).toContain('बैंक की सीमा')
    expect(text).toContain('Asha Verma · CUST0000042 · APP-7')
    expect(text).toContain('₹25,00,000')
    expect(text).not.toContain('Approve')
  })

  // An adverse decision always comes with its reasons: when the model has none, the officer writes them.
  it('asks the officer to state the principal reasons when a declined score has no reason that raised the risk', async () => {
    const e = entry(declined.Audit_Id)
    const file = out('no-reasons.pdf')
    await writeDecisionSheet(input({ ...e, overrides: [], outputs: { ...e.outputs, Reasons: [] } }), file)
    const text = flat(pdfLines(file))
    expect(text).toContain('Decline')
    expect(text).toContain('The officer must state the principal reasons here')
  })

  it('stays one page however many fields the record holds, counting those it cannot show', async () => {
    const e = entry(declined.Audit_Id)
    const inputs = Object.fromEntries(Array.from({ length: 90 }, (_, i) => [`Field_${i}`, i * 100000]))
    const file = out('crowded.pdf')
    await writeDecisionSheet(input({ ...e, inputs }), file)
    expect(pageCount(file)).toBe(1)
    expect(flat(pdfLines(file))).toMatch(/… and \d+ more fields \(audit record \d+\)/)
  })

  it('shows ₹ and Hindi given in a record as written, never as "?" or garbled bytes', async () => {
    const e = entry(approved.Audit_Id)
    const file = out('unicode.pdf')
    await writeDecisionSheet(input({ ...e, inputs: { ...e.inputs, Region: 'दक्षिण' } }), file)
    const { pages, missingGlyphs } = pdfText(file)
    expect(missingGlyphs).toBe(0)
    expect(flat(pages.flat())).not.toContain('?')
  })

  it('rejects a folder that does not exist with a message naming the file, and leaves nothing behind', async () => {
    const file = join(dir, 'no-such-folder', 'sheet.pdf')
    const error = await service.writeDecisionSheet(approved.Audit_Id, file).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'NOT_FOUND' })
    expect((error as Error).message).toContain(file)
    expect(existsSync(join(dir, 'no-such-folder'))).toBe(false)
  })

  // All or nothing: a failure while drawing keeps the earlier file and leaves no partial one.
  it('keeps an earlier file intact and leaves no partial file when drawing fails', async () => {
    const folder = mkdtempSync(join(dir, 'fail-'))
    const file = join(folder, 'sheet.pdf')
    writeFileSync(file, 'earlier sheet')
    const broken = { ...entry(approved.Audit_Id), inputs: null as unknown as Record<string, unknown> }
    await expect(writeDecisionSheet(input(broken), file)).rejects.toThrow()
    expect(readFileSync(file, 'utf8')).toBe('earlier sheet')
    expect(readdirSync(folder)).toEqual(['sheet.pdf'])
  })
})
