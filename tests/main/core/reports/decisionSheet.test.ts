import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { HistoryEntry, ScoreResult } from '../../../../src/shared/dto'
import {
  decisionText,
  formatInput,
  writeDecisionSheet
} from '../../../../src/main/core/reports/decisionSheet'
import { Workbench } from '../../../../src/main/core/service/Workbench'
import { flat, pageCount, pdfPages } from './pdfPages'

type SingleEntry = Extract<HistoryEntry, { kind: 'single' }>

/** The text a pdfkit PDF shows, one string per drawn line, all pages. */
const pdfLines = (file: string): string[] => pdfPages(file).flat()

/** A complete applicant of the generated schema, varied below towards more and less risk. */
const APPLICANT = {
  Age: 38,
  Region: 'South',
  Area_Type: 'Urban',
  Employment_Status: 'Salaried',
  Annual_Income: 900000,
  Account_Balance: 150000,
  Credit_Score: 720,
  Years_With_Bank: 6,
  Existing_Loans: 1,
  Past_Delinquencies: 0,
  Loan_Purpose: 'Home',
  Loan_Amount: 2500000,
  Loan_Term_Months: 240,
  Interest_Rate: 8.5,
  Collateral: 'Yes',
  Debt_to_Income: 0.4
}
const RISKIER = [
  { Credit_Score: 480, Past_Delinquencies: 3, Debt_to_Income: 1.2, Account_Balance: 5000, Interest_Rate: 15 },
  { Credit_Score: 520, Past_Delinquencies: 2, Debt_to_Income: 0.9 },
  { Credit_Score: 450, Past_Delinquencies: 4, Debt_to_Income: 1.5, Employment_Status: 'Unemployed' },
  { Credit_Score: 500, Past_Delinquencies: 5, Debt_to_Income: 2, Existing_Loans: 4, Collateral: 'No' }
]

describe('writeDecisionSheet', () => {
  let dir = ''
  let service: Workbench
  /** A flagged applicant whose score has reasons that raised the risk, and one within the risk appetite. */
  let declined: ScoreResult
  let approved: ScoreResult

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ptm-sheet-'))
    service = Workbench.open(join(dir, 'sheet.db'))
    const dataset = await service.generateDataset({ rows: 2000, seed: 1 })
    await service.trainModel(dataset.id, { trees: 10, maxDepth: 6, threads: 1 })
    approved = service.scoreApplicant(APPLICANT, 'app')
    const scored = RISKIER.map((over) => service.scoreApplicant({ ...APPLICANT, ...over }, 'app'))
    const found = scored.find((r) => r.Default_Prediction === 1 && r.Reasons.some((x) => x.contribution > 0))
    if (!found)
      throw new Error('no riskier applicant was flagged with reasons: change RISKIER for this model')
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

  // The sheet a declined applicant is handed: one page, the decision, and why.
  it('gives a flagged applicant one A4 page with the decision and the reasons that raised the risk, before those that lowered it', async () => {
    expect(approved.Default_Prediction).toBe(0)
    const file = out('declined.pdf')
    await service.writeDecisionSheet(declined.Audit_Id, file)

    const bytes = readFileSync(file)
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(pageCount(file)).toBe(1)
    expect(bytes.toString('latin1')).toContain('/MediaBox [0 0 595.28 841.89]')
    const lines = pdfLines(file)
    const text = lines.join('\n')
    expect(text).toContain('Loan application — credit decision sheet')
    expect(text).toContain('High risk of default — refer/decline')
    expect(text).toContain(`Audit record #${declined.Audit_Id}`)
    expect(text).toContain(`Risk grade ${declined.Risk_Grade} (${declined.Risk_Label})`)
    expect(text).toContain(`${(declined.Default_Probability * 100).toFixed(1)} %`)
    const raising = declined.Reasons.filter((r) => r.contribution > 0)
    const lowering = declined.Reasons.filter((r) => r.contribution < 0)
    for (const r of [...raising, ...lowering]) expect(text).toContain(r.text)
    const raisedAt = lines.findIndex((l) => l.includes(raising[0].text))
    expect(raisedAt).toBeLessThan(lines.findIndex((l) => l === 'What lowered the risk'))
    expect(flat(lines)).toContain('reviewed by a bank officer')
    expect(text).toContain('Assessed by (bank officer)')
    expect(text).toContain('Page 1 of 1')
  })

  it('says "Within risk appetite" for an applicant below the threshold, and shows amounts in rupees grouped the Indian way', async () => {
    const file = out('approved.pdf')
    await service.writeDecisionSheet(approved.Audit_Id, file)
    expect(pageCount(file)).toBe(1)
    const text = pdfLines(file).join('\n')
    expect(text).toContain('Within risk appetite')
    expect(text).not.toContain('refer/decline')
    expect(text).toContain('Rs. 25,00,000')
    expect(text).toContain('Rs. 9,00,000')
    for (const r of approved.Reasons) expect(text).toContain(r.text)
  })

  it('formats inputs for people: rupee amounts, ratios as plain numbers, missing values named', () => {
    expect(formatInput('Loan_Amount', 2500000)).toBe('Rs. 25,00,000')
    expect(formatInput('Debt_to_Income', 0.4)).toBe('0.4')
    expect(formatInput('Credit_Score', 720)).toBe('720')
    expect(formatInput('Region', 'North-East')).toBe('North-East')
    expect(formatInput('Annual_Income', null)).toBe('(not given)')
    expect(decisionText(1)).toBe('High risk of default — refer/decline')
    expect(decisionText(0)).toBe('Within risk appetite')
  })

  // An adverse decision always comes with its reasons: when the model has none, the officer writes them.
  it('asks the officer to state the principal reasons when a flagged score has no reason that raised the risk', async () => {
    const e = entry(declined.Audit_Id)
    const file = out('no-reasons.pdf')
    await writeDecisionSheet(
      { entry: { ...e, outputs: { ...e.outputs, Reasons: [] } }, generatedAt: new Date().toISOString() },
      file
    )
    const text = pdfLines(file).join('\n')
    expect(text).toContain('High risk of default — refer/decline')
    expect(text).toContain('The officer must state the principal reasons here')
  })

  it('stays one page however many fields, reasons and warnings the record holds', async () => {
    const e = entry(declined.Audit_Id)
    const inputs = Object.fromEntries(Array.from({ length: 90 }, (_, i) => [`Field_${i}`, i * 100000]))
    const warnings = Array.from({ length: 30 }, (_, i) => ({
      field: `Field_${i}`,
      severity: 'warning',
      message: `Field_${i} is outside the training range; the value was used as given`
    }))
    const long = 'a reason described at great length, '.repeat(12)
    const reasons = Array.from({ length: 12 }, (_, i) => ({
      feature: `Field_${i}`,
      value: i,
      contribution: 0.01 * (i + 1),
      direction: 'raises',
      text: `Reason ${i}: ${long}`
    }))
    const file = out('crowded.pdf')
    await writeDecisionSheet(
      {
        entry: { ...e, inputs, outputs: { ...e.outputs, Reasons: reasons, Warnings: warnings } },
        generatedAt: new Date().toISOString()
      },
      file
    )
    expect(pageCount(file)).toBe(1)
    const text = pdfLines(file).join('\n')
    expect(text).toMatch(/\.\.\. and \d+ more fields/)
    expect(text).toMatch(/\.\.\. and \d+ more \(see the audit record\)/)
  })

  it('writes text the standard fonts cannot show as "Rs." and "?", never as garbled bytes', async () => {
    const e = entry(approved.Audit_Id)
    const file = out('unicode.pdf')
    await writeDecisionSheet(
      {
        entry: { ...e, modelName: 'मॉडल ₹ v2', inputs: { ...e.inputs, Region: 'दक्षिण' } },
        generatedAt: new Date().toISOString()
      },
      file
    )
    const text = pdfLines(file).join('\n')
    expect(text).toContain(`#${approved.Model_Version} ? Rs. v2`)
    expect(text).toMatch(/Region\n\?/)
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
    await expect(
      writeDecisionSheet({ entry: broken, generatedAt: new Date().toISOString() }, file)
    ).rejects.toThrow()
    expect(readFileSync(file, 'utf8')).toBe('earlier sheet')
    expect(readdirSync(folder)).toEqual(['sheet.pdf'])
  })
})
