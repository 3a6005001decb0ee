import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import type { Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../src/main/cli/program'
import { createPredictServer } from '../../src/main/http/predictServer'
import { flat, pageCount, pdfText } from '../main/core/reports/pdfPages'
import {
  chooseOption,
  openAppSession,
  requestsLeavingLoopback,
  SCREENSHOT_DIR,
  tidy,
  type AppSession
} from './helpers/appSession'

// The two people the workbench serves, walked through the built app in both languages: a
// branch officer (Score and History only: a blank or impossible applicant, amounts in lakh,
// a result made out of date by an edit, an override with a reason code, the sheets in
// English and Hindi, History by applicant) and a risk analyst (a stray target value, a new
// import that does not replace the active dataset, models compared only on the same rows,
// maker–checker activation, the model's policy and dictionary). The steps build on each
// other, so they share one session.

/** Poppler's renderer, when installed: the printed sheets are drawn as images beside the screenshots. */
const PDFTOPPM = '/usr/bin/pdftoppm'

/** The form's input of a field, by its column name. */
const field = (page: Page, name: string) => page.locator(`#field-${name}`)

async function setLanguage(page: Page, lang: 'English' | 'हिंदी'): Promise<void> {
  await page.getByTestId('language-switch').getByText(lang, { exact: true }).click()
}

async function setMode(
  page: Page,
  mode: 'Branch officer' | 'Risk analyst' | 'शाखा अधिकारी' | 'जोखिम विश्लेषक'
): Promise<void> {
  await page.getByTestId('mode-switch').getByText(mode, { exact: true }).click()
}

/** Captured output of an in-process `ptm` run on the session's database. */
async function ptm(db: string, ...args: string[]): Promise<{ code: number; stderr: string; stdout: string }> {
  let stdout = ''
  let stderr = ''
  const sink = (append: (s: string) => void): Writable =>
    new Writable({
      write(chunk: Buffer | string, _e, done) {
        append(chunk.toString())
        done()
      }
    })
  const code = await runCli(['--db', db, ...args], {
    stdout: sink((s) => (stdout += s)),
    stderr: sink((s) => (stderr += s))
  })
  return { code, stdout, stderr }
}

describe('a branch officer and a risk analyst, in English and Hindi', () => {
  let s: AppSession
  let datasetId = 0
  const models: number[] = []

  beforeAll(async () => {
    s = await openAppSession()
    const { service } = s.bridge
    const dataset = await service.generateDataset({ rows: 3000, seed: 7 })
    datasetId = dataset.id
    // Model 1 (made active as the first), model 2 on the same held-out rows, model 3 on others.
    for (const params of [
      { trees: 30, maxDepth: 10 },
      { trees: 50, maxDepth: 8 },
      { trees: 30, maxDepth: 10, seed: 7 }
    ])
      models.push((await service.trainModel(dataset.id, { ...params, threads: 1 })).model.id)
    await s.page.reload()
  })

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail')
      await s.screenshot(`failed-persona-${context.task.name.replace(/\W+/g, '-')}.png`)
  })

  afterAll(async () => {
    await s?.close()
  })

  it('shows a branch officer only Score and History, the model by its purpose and date, and no jargon', async () => {
    const { page } = s
    await setMode(page, 'Branch officer')
    await expect.poll(() => page.url()).toMatch(/#\/score$/)
    const nav = page.locator('nav')
    await expect.poll(() => nav.locator('a').allTextContents()).toEqual(['Score', 'History'])
    await expect
      .poll(() => page.getByTestId('active-model').textContent())
      .toMatch(/^Loan default risk · trained /)
    expect(await page.locator('header').textContent()).not.toMatch(/AUC|Forest|×/)
    expect(await page.getByRole('button', { name: 'Fill typical values' }).count()).toBe(0)
    await expect.poll(() => page.getByTestId('applicant-form').isVisible()).toBe(true)
    await tidy(page)
    await s.screenshot('officer-score.png')
  })

  it('never scores a blank or impossible applicant in the app: the fields are named and nothing is recorded', async () => {
    const { page, bridge } = s
    // Blank: Score waits, the required fields are named, and Enter does nothing either.
    await expect.poll(() => page.getByTestId('form-errors').textContent()).toContain('Credit score')
    expect(await page.getByTestId('score-one').isDisabled()).toBe(true)
    await field(page, 'Age').press('Enter')
    await page.waitForTimeout(500)
    expect(await page.getByTestId('score-result').count()).toBe(0)
    // Impossible: a negative amount, a rate above 100 %.
    await field(page, 'Loan_Amount').fill('-50000')
    await field(page, 'Interest_Rate').fill('140%')
    const amountHint = page.locator('[data-field="Loan_Amount"]').getByTestId('field-error')
    await expect.poll(() => amountHint.textContent()).toBe('Not possible: at least ₹0.')
    expect(await page.locator('[data-field="Interest_Rate"]').getByTestId('field-error').textContent()).toBe(
      'Not possible: at most 100 %.'
    )
    await field(page, 'Loan_Amount').press('Enter')
    await page.waitForTimeout(500)
    expect(await page.getByTestId('score-result').count()).toBe(0)
    expect(bridge.service.history({ kind: 'single' })).toEqual([])
    await tidy(page)
    await s.screenshot('officer-impossible.png')
  })

  it('never gives a blank or impossible applicant a decision through ptm or /predict either', async () => {
    const { bridge } = s
    const db = bridge.service.dbPath
    const blank = await ptm(db, 'score', '--applicant', '{}')
    expect(blank.code).toBe(1)
    expect(blank.stderr).toContain("Credit score is required by the bank's policy")
    const impossible = await ptm(
      db,
      'score',
      '--applicant',
      JSON.stringify({ Credit_Score: 650, Loan_Amount: -50000, Account_Balance: 1, Interest_Rate: 9 })
    )
    expect(impossible.code).toBe(1)
    expect(impossible.stderr).toContain('Loan amount −₹50,000 is not possible')
    const app = createPredictServer(bridge.service)
    try {
      for (const payload of [
        '{}',
        '{"Credit_Score": 650, "Loan_Amount": 5e4, "Account_Balance": 2e5, "Interest_Rate": 140}'
      ]) {
        const answer = await app.inject({
          method: 'POST',
          url: '/predict',
          headers: { 'content-type': 'application/json' },
          payload
        })
        expect(answer.statusCode, payload).toBe(422)
        expect(answer.json().code).toBe('POLICY_CHECK_FAILED')
        expect(answer.json()).not.toHaveProperty('Default_Prediction')
      }
    } finally {
      await app.close()
    }
    expect(bridge.service.history({ kind: 'single' })).toEqual([])
  })

  it('scores an applicant typed as an officer would: reference, lakh, % and Enter; fields left out are one line', async () => {
    const { page } = s
    await page.getByTestId('ref-name').fill('Asha Verma')
    await page.getByTestId('ref-customer').fill('CUST0004711')
    await page.getByTestId('ref-application').fill('APP-2026-0173')
    const typed: [string, string][] = [
      ['Age', '38'],
      ['Annual_Income', '9 lakh'],
      ['Account_Balance', '1,50,000'],
      ['Credit_Score', '720'],
      ['Years_With_Bank', '6'],
      ['Existing_Loans', '1'],
      ['Past_Delinquencies', '0'],
      ['Loan_Amount', '25 lakh'],
      ['Loan_Term_Months', '240'],
      ['Interest_Rate', '8.5%'],
      ['Debt_to_Income', '40']
    ]
    for (const [name, value] of typed) await field(page, name).fill(value)
    await expect
      .poll(() => page.locator('[data-field="Annual_Income"]').getByTestId('field-note').textContent())
      .toBe('= 9 lakh')
    for (const [name, option] of [
      ['Employment_Status', 'Salaried'],
      ['Loan_Purpose', 'Home'],
      ['Collateral', 'Yes']
    ])
      await chooseOption(page, page.locator(`[data-field="${name}"] .el-select`), option)
    await expect.poll(() => page.getByTestId('form-errors').count()).toBe(0)
    await field(page, 'Credit_Score').press('Enter')
    const result = page.getByTestId('score-result')
    await expect.poll(() => result.isVisible(), { timeout: 20_000 }).toBe(true)
    expect(await page.getByTestId('decision').textContent()).toMatch(/^\s*(Approve|Decline)\s*$/)
    expect(await page.getByTestId('result-reference').textContent()).toBe(
      'Asha Verma · CUST0004711 · APP-2026-0173'
    )
    expect(await page.getByTestId('not-provided').textContent()).toMatch(
      /^2 fields not provided \(Region, Area type\): filled with typical values, which moved the risk by [+−]?\d/
    )
    const reasons = (await page.getByTestId('reasons').textContent()) ?? ''
    expect(reasons).toMatch(/— (raised|lowered) the risk by \d/)
    expect(reasons).not.toMatch(/Region|Area type|TreeSHAP|points/)
    await tidy(page)
    await s.screenshot('officer-result.png')
  })

  it('marks the result out of date as soon as the form changes, and disables the sheet until scored again', async () => {
    const { page } = s
    await field(page, 'Credit_Score').fill('580')
    await expect.poll(() => page.getByTestId('result-stale').isVisible()).toBe(true)
    expect(await page.getByTestId('decision-sheet').isDisabled()).toBe(true)
    expect(await page.getByTestId('record-override').isDisabled()).toBe(true)
    await tidy(page)
    await s.screenshot('officer-stale.png')
    await field(page, 'Credit_Score').press('Enter')
    await expect.poll(() => page.getByTestId('result-stale').count(), { timeout: 20_000 }).toBe(0)
    expect(await page.getByTestId('decision-sheet').isDisabled()).toBe(false)
  })

  it('records the officer’s own decision against the model with a reason code, and prints both sheets', async () => {
    const { page, bridge } = s
    const verdict = ((await page.getByTestId('decision').textContent()) ?? '').trim()
    const against = verdict === 'Approve' ? 'Decline' : 'Approve'
    await page.getByTestId('override-decision').getByText(against, { exact: true }).click()
    await chooseOption(page, page.getByTestId('override-reason'), 'Additional documents verified')
    await page.getByTestId('override-note').fill('Salary slips for 12 months seen')
    await page.getByTestId('override-officer').fill('Meena Iyer')
    await page.getByTestId('record-override').click()
    await expect
      .poll(() => page.getByTestId('overrides').textContent())
      .toMatch(
        new RegExp(
          `^${against === 'Approve' ? 'Approved' : 'Declined'} by Meena Iyer on .*: Additional documents verified — against the model \\(${verdict}\\)\\. Note: Salary slips`
        )
      )
    const [record] = bridge.service.history({ kind: 'single' })
    expect(record.kind === 'single' && record.overrides[0].officer).toBe('Meena Iyer')

    const sheets: Record<'en' | 'hi', string> = { en: '', hi: '' }
    for (const [testId, lang] of [
      ['decision-sheet', 'en'],
      ['decision-sheet-hi', 'hi']
    ] as const) {
      const pdf = s.temp(`decision-${lang}.pdf`)
      bridge.dialogs.queueSave(pdf)
      await page.getByTestId(testId).click()
      await expect.poll(() => existsSync(pdf), { timeout: 30_000 }).toBe(true)
      // One page, every glyph in its font (no boxes), and the applicant as the officer typed them.
      expect(pageCount(pdf)).toBe(1)
      const { pages, missingGlyphs } = pdfText(pdf)
      expect(missingGlyphs).toBe(0)
      sheets[lang] = flat(pages.flat())
      expect(sheets[lang]).toContain('Asha Verma · CUST0004711 · APP-2026-0173')
      expect(sheets[lang]).toContain('₹25,00,000')
      // Kept with the screenshots, and drawn as an image to be looked at.
      copyFileSync(pdf, join(SCREENSHOT_DIR, `decision-${lang}.pdf`))
      if (existsSync(PDFTOPPM))
        execFileSync(PDFTOPPM, [
          '-r',
          '80',
          '-png',
          '-singlefile',
          pdf,
          join(SCREENSHOT_DIR, `decision-${lang}`)
        ])
    }
    // The verdict in the one vocabulary, the officer's decision against it, fields by display name.
    expect(sheets.en).toContain(verdict)
    expect(sheets.en).toContain(`${against === 'Approve' ? 'Approved' : 'Declined'} by Meena Iyer`)
    expect(sheets.en).toContain('Loan amount')
    expect(sheets.en).not.toMatch(/Loan_Amount|Credit_Score|predicted to default/)
    expect(sheets.hi).toContain('आवेदक')
    expect(sheets.hi).not.toMatch(/Approve|Decline|Loan amount/)
    await tidy(page)
    await page.getByTestId('override-panel').scrollIntoViewIfNeeded()
    await s.screenshot('officer-override.png')
  })

  it('finds the applicant in History by customer id, with the verdict and the officer’s decision', async () => {
    const { page } = s
    await page.getByRole('link', { name: 'History', exact: true }).click()
    const table = page.getByTestId('history-table')
    await expect.poll(() => table.locator('.el-table__row').count()).toBe(2)
    await page.getByTestId('history-search').fill('CUST0004711')
    await expect.poll(() => table.textContent()).toContain('Asha Verma · CUST0004711 · APP-2026-0173')
    expect(await page.getByTestId('history-override').first().textContent()).toContain('Meena Iyer')
    await page.getByTestId('history-search').fill('nobody')
    await expect.poll(() => page.getByTestId('history-empty').isVisible()).toBe(true)
    await page.getByTestId('history-search').fill('')
    await expect.poll(() => table.locator('.el-table__row').count()).toBe(2)
    await tidy(page)
    await s.screenshot('officer-history.png')
  })

  it('speaks Hindi everywhere the officer looks, switched at run time', async () => {
    const { page } = s
    await setLanguage(page, 'हिंदी')
    await expect.poll(() => page.locator('nav').locator('a').allTextContents()).toEqual(['आकलन', 'इतिहास'])
    await expect.poll(() => page.getByTestId('history-table').textContent()).toMatch(/अधिकारी का निर्णय/)
    await tidy(page)
    await s.screenshot('officer-history-hi.png')
    await page.locator('nav').getByText('आकलन', { exact: true }).click()
    await expect.poll(() => page.getByTestId('score-result').textContent()).toContain('मुख्य कारण')
    expect(await page.getByTestId('decision').textContent()).toMatch(/स्वीकृत करें|अस्वीकार करें/)
    expect(await page.getByTestId('not-provided').textContent()).toMatch(
      /^2 जानकारियाँ नहीं दी गईं \(क्षेत्र, क्षेत्र का प्रकार\)/
    )
    expect(await page.locator('[data-field="Credit_Score"] label').textContent()).toContain('क्रेडिट स्कोर')
    await tidy(page)
    await s.screenshot('officer-result-hi.png')
    await setLanguage(page, 'English')
  })

  it('lets the analyst import a file with a stray target value, rejected on its line, without replacing the active dataset', async () => {
    const { page, bridge } = s
    await setMode(page, 'Risk analyst')
    await page.getByRole('link', { name: 'Data', exact: true }).click()
    const exported = s.temp('book.csv')
    await bridge.service.exportDataset(datasetId, exported)
    const lines = readFileSync(exported, 'utf8').trim().split('\n').slice(0, 2001)
    const cells = lines[40].split(',')
    cells[cells.length - 1] = 'maybe'
    lines[40] = cells.join(',')
    const file = s.temp('branch-book.csv')
    writeFileSync(file, lines.join('\n') + '\n')
    bridge.dialogs.queueOpen(file)
    await page.getByTestId('import-csv').click()
    await expect.poll(() => page.getByTestId('start-import').isEnabled(), { timeout: 20_000 }).toBe(true)
    await page.getByTestId('start-import').click()
    const report = page.getByTestId('import-report')
    await expect.poll(() => report.isVisible(), { timeout: 60_000 }).toBe(true)
    expect(await page.getByTestId('rows-rejected').textContent()).toBe('1')
    expect(await page.getByTestId('rejected-table').textContent()).toContain(
      'is not an outcome: the target is "0" or "1"'
    )
    expect(await page.getByTestId('rejected-table').textContent()).toContain('41')
    // The dataset someone works with stays active until they choose otherwise.
    expect(
      await page
        .locator('#active-dataset')
        .inputValue()
        .catch(() => '')
    ).not.toContain('branch-book')
    expect(await page.getByTestId('use-dataset').isVisible()).toBe(true)
    await s.screenshot('import-report.png')
    await page.keyboard.press('Escape')
    // The finished import is folded into one line of the jobs panel.
    await expect.poll(() => page.getByTestId('toggle-finished').textContent()).toMatch(/1 finished · Show/)
  })

  it('compares models only on the same held-out rows, each at its own threshold, with the approve-everyone baseline', async () => {
    const { page } = s
    const [a, b, c] = models
    await page.goto(`${s.bridge.url}#/models/${a}?compare=${b}`)
    await expect.poll(() => page.getByTestId('compare-rows').textContent()).toMatch(/same 600 held-out rows/)
    expect(await page.getByTestId('compare-metrics').textContent()).toContain('Approve everyone')
    expect(await page.getByTestId('threshold-explain').textContent()).toMatch(
      new RegExp(
        `Each model is shown at the threshold it scores with: #${a} at [\\d.]+ %, #${b} at [\\d.]+ %`
      )
    )
    await page.getByTestId('threshold-mode').getByText('Equal flag rates').click()
    await expect
      .poll(() => page.getByTestId('threshold-explain').textContent())
      .toMatch(/flag the same share of applicants/)
    await tidy(page)
    await s.screenshot('model-compare-same.png')
    await page.goto(`${s.bridge.url}#/models/${a}?compare=${c}`)
    await expect
      .poll(() => page.getByTestId('compare-rows').textContent())
      .toMatch(/tested on different rows \(different seeds\)/)
    expect(await page.locator('[data-testid="compare-metrics"] .best').count()).toBe(0)
    await tidy(page)
    await s.screenshot('model-compare.png')
  })

  it('makes a model active only when a second named person confirms with a note', async () => {
    const { page, bridge } = s
    const [a, b] = models
    await page.goto(`${bridge.url}#/models/${b}`)
    await page.getByTestId('make-active').click()
    const dialog = page.getByTestId('activation-dialog')
    await dialog.getByTestId('activation-name').fill('Ravi Kumar')
    await dialog.getByTestId('activation-note').fill('Higher KS on the same held-out rows')
    await dialog.getByTestId('activation-ask').click()
    await expect
      .poll(() => page.locator('.el-tag', { hasText: 'waiting for a second person' }).count())
      .toBeGreaterThan(0)
    expect(bridge.service.models.activeId()).toBe(a)
    await page.getByTestId('make-active').click()
    await expect
      .poll(() => dialog.getByTestId('activation-pending').textContent())
      .toContain('Asked by Ravi Kumar')
    await dialog.getByTestId('activation-name').fill('ravi kumar')
    await dialog.getByTestId('activation-note').fill('ok')
    await expect.poll(() => dialog.getByTestId('activation-same').isVisible()).toBe(true)
    expect(await dialog.getByTestId('activation-confirm').isDisabled()).toBe(true)
    await dialog.getByTestId('activation-name').fill('Meena Iyer')
    await dialog.getByTestId('activation-note').fill('Checked the validation pack')
    await tidy(page)
    await s.screenshot('model-activation.png')
    await dialog.getByTestId('activation-confirm').click()
    await expect.poll(() => page.getByTestId('active-model').textContent()).toContain(`#${b}`)
    expect(bridge.service.governance.activations(b)[0]).toMatchObject({
      status: 'confirmed',
      requestedBy: 'Ravi Kumar',
      decidedBy: 'Meena Iyer'
    })
  })

  it('edits the model’s purpose, policy and dictionary as the analyst, and the officer sees them', async () => {
    const { page, bridge } = s
    const b = models[1]
    await page.getByRole('tab', { name: 'Use, policy and dictionary' }).click()
    const panel = page.getByTestId('governance-panel')
    await expect.poll(() => panel.isVisible()).toBe(true)
    await panel.getByTestId('governance-by').fill('Ravi Kumar')
    await panel.getByTestId('governance-purpose').fill('Retail loans — default risk')
    await panel.getByRole('button', { name: 'Save' }).first().click()
    await expect.poll(() => bridge.service.modelGovernance(b).purpose).toBe('Retail loans — default risk')
    await tidy(page)
    await s.screenshot('model-governance.png')
    await setMode(page, 'Branch officer')
    await expect
      .poll(() => page.getByTestId('active-model').textContent())
      .toMatch(/^Retail loans — default risk · trained /)
    await setMode(page, 'Risk analyst')
  })

  it('shows the analyst’s screens in Hindi too', async () => {
    const { page } = s
    await setLanguage(page, 'हिंदी')
    await page.goto(`${s.bridge.url}#/models/${models[0]}?compare=${models[1]}`)
    await expect.poll(() => page.getByTestId('compare-rows').textContent()).toMatch(/उन्हीं 600 अलग रखी पंक्तियों/)
    await tidy(page)
    await s.screenshot('model-compare-hi.png')
    await page.goto(`${s.bridge.url}#/data`)
    // The table's headings and the source in Hindi; a dataset's name is the analyst's own text.
    await expect.poll(() => page.getByTestId('datasets-table').textContent()).toContain('चूक दर')
    expect(await page.getByTestId('datasets-table').textContent()).toContain('आयातित: branch-book.csv')
    await tidy(page)
    await s.screenshot('data-screen-hi.png')
    await setLanguage(page, 'English')
  })

  it('made no request that left this computer, and the page logged no error (no message missing from the catalogue)', () => {
    expect(requestsLeavingLoopback(s.requests)).toEqual([])
    expect(s.errors).toEqual([])
  })
})
