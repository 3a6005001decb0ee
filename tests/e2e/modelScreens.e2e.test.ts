import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import type { Locator, Page } from 'playwright-core'
import type { WindowApi } from '../../src/shared/api'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { translator } from '../../src/shared/i18n'
import { callApi } from './helpers/callApi'
import {
  chooseOption,
  expectChartDrawn,
  fillNumber,
  openAppSession,
  requestsLeavingLoopback,
  tidy,
  type AppSession
} from './helpers/appSession'

// A risk analyst's and a branch officer's walk through the modelling screens, on a fresh
// database: generate → train (watching the progress) → evaluate and move the threshold →
// compare two models → score one applicant → score a batch file with a bad line → History.
// The steps build on each other, so they share one session.

/** The catalogue's English: the words the screens are expected to say. */
const en = translator('en')

/** Calls one contract method from the page, as the renderer does, and times the answer. */
async function timedCall(page: Page): Promise<{ ms: number; ok: boolean }> {
  return page.evaluate(async () => {
    const started = performance.now()
    const result = await (window as unknown as { api: WindowApi }).api['datasets/list']({})
    return { ms: performance.now() - started, ok: result.ok }
  })
}

/**
 * Records, from inside the page, every state the training progress bar shows (so a short
 * job cannot slip between two polls of the test): the percentages and the phase texts.
 */
async function watchTrainingProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen = { percents: [] as number[], phases: [] as string[] }
    ;(window as unknown as { __trainProgress: typeof seen }).__trainProgress = seen
    const record = (): void => {
      const card = document.querySelector('[data-testid="train-progress"]')
      const bar = card?.querySelector('.el-progress')
      if (!card || !bar) return
      seen.percents.push(Number(bar.getAttribute('aria-valuenow')))
      const phase = card.querySelector('.progress-head strong')?.textContent?.trim()
      if (phase && !seen.phases.includes(phase)) seen.phases.push(phase)
    }
    new MutationObserver(record).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true
    })
  })
}

function trainingProgressSeen(page: Page): Promise<{ percents: number[]; phases: string[] }> {
  return page.evaluate(
    () => (window as unknown as { __trainProgress: { percents: number[]; phases: string[] } }).__trainProgress
  )
}

/** The text of the first confusion-matrix sentence ("At 38.2 %: 25 of 65 defaulters caught …"). */
async function thresholdWords(page: Page): Promise<string> {
  return ((await page.getByTestId('threshold-words').first().textContent()) ?? '').trim()
}

/** An Element Plus select by the id of its input (the placeholder covers the input itself). */
function selectOf(page: Page, inputId: string): Locator {
  return page.locator('.el-select', { has: page.locator(inputId) })
}

describe('Train, Models, Score and History screens in Chromium', () => {
  let s: AppSession
  let firstModelId = 0
  let secondModelId = 0

  beforeAll(async () => {
    s = await openAppSession()
  })

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail')
      await s.screenshot(`failed-${context.task.name.replace(/\W+/g, '-')}.png`)
  })

  afterAll(async () => {
    await s?.close()
  })

  it('generates a 3,000-row dataset to train on', async () => {
    const { page } = s
    await expect.poll(() => page.getByTestId('no-datasets').isVisible()).toBe(true)
    await fillNumber(page.locator('#gen-rows'), 3000)
    await fillNumber(page.locator('#gen-seed'), 7)
    await page.getByTestId('generate').click()
    await expect
      .poll(() => page.getByTestId('datasets-table').textContent(), { timeout: 60_000 })
      .toContain('3,000')
    expect(await page.getByTestId('active-model').textContent()).toContain('none yet')
  })

  it('trains a model from the Train screen, showing trees done on a progress bar, and opens it', async () => {
    const { page, bridge } = s
    await page.getByRole('link', { name: 'Train', exact: true }).click()
    await expect.poll(() => page.getByTestId('train-dataset').textContent()).toContain('3,000 loans')
    await fillNumber(page.locator('#train-trees'), 30)
    // The estimate follows the form and says how long it will take before anything starts.
    await expect
      .poll(() => page.getByTestId('train-estimate').textContent())
      .toMatch(/Estimated time: (about|under)/)
    await watchTrainingProgress(page)
    await page.getByTestId('start-training').click()

    // On completion the screen goes to the new model's page.
    await expect.poll(() => page.url(), { timeout: 90_000 }).toMatch(/#\/models\/\d+$/)
    firstModelId = Number(page.url().split('/').pop())
    expect(bridge.service.listModels().map((m) => m.id)).toEqual([firstModelId])
    const seen = await trainingProgressSeen(page)
    expect(seen.phases.some((p) => /Growing trees: \d+ of 30/.test(p))).toBe(true)
    expect(Math.max(...seen.percents)).toBeGreaterThan(0)
    // The first model becomes the active one, shown in the header.
    await expect.poll(() => page.getByTestId('active-model').textContent()).toContain(`#${firstModelId}`)
  })

  it('shows the evaluation, and the confusion matrix follows the threshold slider', async () => {
    const { page } = s
    await expect.poll(() => page.getByTestId('model-title').textContent()).toContain(`#${firstModelId}`)
    expect(await page.getByTestId('evaluated-on').textContent()).toContain(
      'Evaluated on 600 held-out rows never seen in training'
    )
    expect(await page.getByTestId('model-metrics').textContent()).toContain('AUC')
    await expectChartDrawn(page.getByTestId('confusion-matrix').first())
    await expect.poll(() => thresholdWords(page)).toMatch(/^At \d/)
    const before = await thresholdWords(page)
    const reportBefore = await page.getByTestId('classification-report').textContent()

    // Click the slider's track at 10 %: far below the model's threshold, more loans flagged.
    const runway = page.locator('[data-testid="threshold-slider"] .el-slider__runway')
    const box = await runway.boundingBox()
    if (!box) throw new Error('The threshold slider is not on screen')
    await page.mouse.click(box.x + box.width * 0.1, box.y + box.height / 2)
    await expect.poll(() => thresholdWords(page)).not.toBe(before)
    expect(await thresholdWords(page)).toMatch(/^At 10\.0 %/)
    expect(await page.getByTestId('classification-report').textContent()).not.toBe(reportBefore)
    // The keyboard moves it too (half a point per arrow press).
    await page.locator('[data-testid="threshold-slider"] .el-slider__button-wrapper').focus()
    await page.keyboard.press('ArrowRight')
    await expect.poll(() => thresholdWords(page)).toMatch(/^At 10\.5 %/)
    await tidy(page, { clearFinishedJobs: true })
    await s.screenshot('model-evaluation.png')

    for (const [tab, charts, shot] of [
      ['ROC and precision-recall', ['roc-chart', 'pr-chart'], 'model-curves.png'],
      ['KS and calibration', ['ks-chart', 'calibration-chart'], 'model-ks-calibration.png'],
      ['Probabilities by outcome', ['probability-histogram'], 'model-probabilities.png'],
      ['Feature importance', ['impurity-importance', 'permutation-importance'], 'model-importance.png']
    ] as const) {
      await page.getByRole('tab', { name: tab }).click()
      for (const chart of charts) await expectChartDrawn(page.getByTestId(chart))
      await tidy(page, { clearFinishedJobs: true })
      await s.screenshot(shot)
    }
  })

  it('exports the evaluation as a PDF report through main’s save dialog', async () => {
    const { page, bridge } = s
    const pdf = s.temp('evaluation.pdf')
    bridge.dialogs.queueSave(pdf)
    await page.getByTestId('export-report').click()
    await expect.poll(() => existsSync(pdf), { timeout: 30_000 }).toBe(true)
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-')
  })

  it('stays responsive while a longer training runs, then compares the two models', async () => {
    const { page, bridge } = s
    await page.getByRole('link', { name: 'Train', exact: true }).click()
    await fillNumber(page.locator('#train-trees'), 300)
    await page.locator('.el-switch', { has: page.locator('#train-smote') }).click()
    await chooseOption(page, selectOf(page, '#train-calibration'), 'Platt')
    await expect.poll(() => page.getByTestId('train-estimate').textContent()).toMatch(/Estimated time/)
    await page.getByTestId('start-training').click()
    const progress = page.getByTestId('train-progress')
    await expect.poll(() => progress.locator('.el-progress').isVisible(), { timeout: 20_000 }).toBe(true)
    await expect
      .poll(() => progress.locator('.progress-head strong').textContent(), { timeout: 30_000 })
      .toMatch(/Growing trees: [1-9]\d* of 300/)

    expect(bridge.jobs.list().some((j) => j.kind === 'train' && j.status === 'running')).toBe(true)
    const timing = await timedCall(page)
    expect(timing.ok).toBe(true)
    // A responsiveness check, not a benchmark: the answer must not wait for the training.
    expect(timing.ms).toBeLessThan(3000)
    expect(bridge.jobs.list().some((j) => j.kind === 'train' && j.status === 'running')).toBe(true)
    await tidy(page, { clearFinishedJobs: true })
    await s.screenshot('train.png')

    await expect.poll(() => page.url(), { timeout: 120_000 }).not.toMatch(/#\/train$/)
    secondModelId = Number(page.url().split('/').pop())
    expect(secondModelId).not.toBe(firstModelId)
    // Not asked to: the first model stays the one that scores.
    expect(bridge.service.listModels().find((m) => m.active)?.id).toBe(firstModelId)

    await chooseOption(page, selectOf(page, '#compare-with'), `#${firstModelId} `)
    await expect.poll(() => page.getByTestId('compare-metrics').textContent()).toContain(`#${firstModelId}`)
    expect(await page.getByTestId('threshold-words').count()).toBe(2)
    await page.getByRole('tab', { name: 'ROC and precision-recall' }).click()
    await expectChartDrawn(page.getByTestId('roc-chart'))
    await expectChartDrawn(page.getByTestId('pr-chart'))
    await tidy(page, { clearFinishedJobs: true })
    await s.screenshot('model-compare.png')

    await page.getByRole('link', { name: 'Models', exact: true }).click()
    const table = page.getByTestId('models-table')
    await expect.poll(() => table.locator('.el-table__row').count()).toBe(2)
    expect(
      await table.locator('.el-table__row', { has: page.getByTestId('active-tag') }).textContent()
    ).toContain(`${firstModelId}`)
    await tidy(page, { clearFinishedJobs: true })
    await s.screenshot('models-list.png')
  })

  it('scores one applicant from the form, checking fields as they are typed', async () => {
    const { page } = s
    await page.getByRole('link', { name: 'Score', exact: true }).click()
    const form = page.getByTestId('applicant-form')
    await expect.poll(() => form.locator('[data-field="Credit_Score"]').isVisible()).toBe(true)
    await page.getByRole('button', { name: 'Fill typical values' }).click()

    // Text in a number field is an error that holds scoring back; out of range only warns.
    const creditScore = form.locator('#field-Credit_Score')
    await creditScore.fill('five forty')
    await expect
      .poll(() => form.locator('[data-field="Credit_Score"]').getByTestId('field-error').textContent())
      .toContain('must be a number')
    expect(await page.getByTestId('score-one').isDisabled()).toBe(true)
    await creditScore.fill('540')
    await expect.poll(() => form.getByTestId('field-error').count()).toBe(0)
    await form.locator('#field-Annual_Income').fill('99,00,00,000')
    await expect
      .poll(() => form.locator('[data-field="Annual_Income"]').getByTestId('field-warning').textContent())
      .toMatch(/^Outside what the model learnt from \(₹[\d,]+ – ₹[\d,]+\): the result is less certain\.$/)
    await form.locator('#field-Annual_Income').fill('4,50,000')
    await form.locator('#field-Past_Delinquencies').fill('3')
    expect(await page.getByTestId('score-one').isDisabled()).toBe(false)

    await page.getByTestId('score-one').click()
    const result = page.getByTestId('score-result')
    await expect.poll(() => result.isVisible(), { timeout: 20_000 }).toBe(true)
    await expectChartDrawn(page.getByTestId('probability-gauge'))
    await expectChartDrawn(page.getByTestId('waterfall'))
    expect(await page.getByTestId('risk-grade').locator('.grade-label').textContent()).toMatch(
      /^Risk of default \d+\.\d % · risk grade [A-E] \((very low|low|moderate|high|very high) risk\)$/
    )
    // The verdict word for word, in the catalogue's one vocabulary. A credit score of 540 is
    // below the default policy's referral cut of 550, so a person decides, whatever the risk.
    const [scored] = s.bridge.service.history({ kind: 'single' })
    if (scored?.kind !== 'single') throw new Error('the score was not recorded')
    expect(scored.decision).toBe('refer')
    expect((await page.getByTestId('decision').textContent())?.trim()).toBe(en('decision.verdict.refer'))
    expect(await page.getByTestId('referrals').textContent()).toContain(
      'Credit score 540 is below the referral cut of 550'
    )
    const reasons = (await page.getByTestId('reasons').textContent()) ?? ''
    expect(reasons).toMatch(/— (raised|lowered) the risk by \d/)
    await tidy(page, { clearFinishedJobs: true })
    await s.screenshot('score-one.png')

    const pdf = s.temp('decision.pdf')
    s.bridge.dialogs.queueSave(pdf)
    await page.getByTestId('decision-sheet').click()
    await expect.poll(() => existsSync(pdf), { timeout: 30_000 }).toBe(true)
  })

  it('scores a batch file with one malformed line, staying responsive, and reports the line in error', async () => {
    const { page, bridge } = s
    // The dataset as exported, twenty times over (long enough to watch), with one ragged line.
    const exported = s.temp('loans.csv')
    await bridge.service.exportDataset(bridge.service.listDatasets()[0].id, exported)
    const [header, ...rows] = readFileSync(exported, 'utf8').trim().split('\n')
    const body: string[] = []
    for (let k = 0; k < 20; k++) body.push(...rows)
    body.splice(5, 0, 'CUST9999999,41,North,Urban')
    const input = s.temp('applicants.csv')
    writeFileSync(input, [header, ...body].join('\n') + '\n')
    // Rows that lack a field the model's policy requires are refused, each on its own line of
    // the errors file: counted here from the file itself.
    const { policy } = await callApi(bridge, 'models/governance', { id: firstModelId })
    expect(policy.required.length).toBeGreaterThan(0)
    const names = header.split(',')
    const refused = body.filter((line) => {
      const cells = line.split(',')
      return cells.length === names.length && policy.required.some((f) => cells[names.indexOf(f)] === '')
    }).length
    expect(refused).toBeGreaterThan(0)
    const output = s.temp('applicants-scored.csv')

    await page.getByRole('tab', { name: 'Batch file' }).click()
    // A file dropped on the window is checked first: scoring cannot start while model inputs are missing.
    await page.evaluate(() => {
      const transfer = new DataTransfer()
      transfer.items.add(new File(['Age,Region\n30,North\n'], 'partial.csv', { type: 'text/csv' }))
      const target = document.querySelector('.content') ?? document.body
      for (const type of ['dragenter', 'dragover', 'drop']) {
        target.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }))
      }
    })
    await expect
      .poll(() => page.getByTestId('missing-columns').textContent(), { timeout: 20_000 })
      .toContain('Cannot start: the file lacks')
    expect(await page.getByTestId('missing-columns').textContent()).toContain('Credit_Score')
    expect(await page.getByTestId('start-batch').isDisabled()).toBe(true)
    expect(page.url()).toMatch(/#\/score$/)

    bridge.dialogs.queueOpen(input)
    await page.getByTestId('pick-batch-file').click()
    const check = page.getByTestId('file-check')
    // Waits for the new check: the dropped file's, still showing at first, also says "model inputs found".
    await expect.poll(() => page.getByTestId('start-batch').isDisabled(), { timeout: 20_000 }).toBe(false)
    expect(await check.textContent()).toContain('model inputs found')
    expect(await check.textContent()).not.toContain('missing')

    bridge.dialogs.queueSave(output)
    await page.getByTestId('start-batch').click()
    await expect.poll(() => page.getByTestId('batch-progress').isVisible(), { timeout: 20_000 }).toBe(true)
    expect(bridge.jobs.list().some((j) => j.kind === 'score' && j.status === 'running')).toBe(true)
    const timing = await timedCall(page)
    expect(timing.ok).toBe(true)
    expect(timing.ms).toBeLessThan(3000)

    const summary = page.getByTestId('batch-summary')
    await expect.poll(() => summary.isVisible(), { timeout: 120_000 }).toBe(true)
    expect(await page.getByTestId('rows-in').textContent()).toBe('60,001')
    expect(await page.getByTestId('rows-scored').textContent()).toBe(
      (60_000 - refused).toLocaleString('en-IN')
    )
    expect(await page.getByTestId('rows-error').textContent()).toBe((1 + refused).toLocaleString('en-IN'))
    await expectChartDrawn(page.getByTestId('grade-chart'))
    expect(await page.getByTestId('psi-table').textContent()).toContain('Stable')
    expect(existsSync(output)).toBe(true)

    await page.getByTestId('open-errors').click()
    await expect.poll(() => bridge.dialogs.shownInFolder.length).toBe(1)
    const errorsFile = bridge.dialogs.shownInFolder[0]
    const errorLines = readFileSync(errorsFile, 'utf8').trim().split('\n')
    expect(errorLines).toHaveLength(2 + refused)
    expect(errorLines.filter((l) => l.includes('has 4 fields'))).toHaveLength(1)
    expect(errorLines.filter((l) => l.includes("is required by the bank's policy"))).toHaveLength(refused)
    await page.getByTestId('open-output').click()
    await expect.poll(() => bridge.dialogs.shownInFolder.at(-1)).toBe(output)
    await tidy(page, { clearFinishedJobs: true })
    await page.getByTestId('batch-summary').scrollIntoViewIfNeeded()
    await s.screenshot('score-batch.png')
  })

  it('finds the single score and the batch in History, with their details', async () => {
    const { page } = s
    await page.getByRole('link', { name: 'History', exact: true }).click()
    const table = page.getByTestId('history-table')
    await expect.poll(() => table.locator('.el-table__row').count()).toBe(2)
    const rows = table.locator('.el-table__row')
    // Newest first: the batch was scored after the applicant.
    expect(await rows.nth(0).textContent()).toContain('applicants.csv')
    expect(await rows.nth(1).textContent()).toContain('grade')
    await tidy(page, { clearFinishedJobs: true })
    await s.screenshot('history.png')

    await rows
      .nth(1)
      .getByRole('button', { name: /^Details/ })
      .click()
    const detail = page.getByTestId('history-detail')
    await expect.poll(() => detail.isVisible()).toBe(true)
    // The inputs by their display names, as typed: the credit score of 540 among them.
    expect(await page.getByTestId('detail-inputs').textContent()).toMatch(/Credit score\s*540/)
    expect(await page.getByTestId('detail-reasons').textContent()).toMatch(
      /— (raised|lowered) the risk by \d/
    )
    await s.screenshot('history-single.png')
    await page.keyboard.press('Escape')
    await expect.poll(() => detail.isVisible()).toBe(false)

    // Filtered by kind: the batch alone, and its summary in the details.
    await chooseOption(page, selectOf(page, '#history-kind'), 'Batch files')
    await expect.poll(() => table.locator('.el-table__row').count()).toBe(1)
    await rows.nth(0).click()
    await expect.poll(() => detail.textContent()).toContain('60,001')
    await expectChartDrawn(detail.getByTestId('grade-chart'))
    await s.screenshot('history-batch.png')
  })

  it('made no request that left this computer, and the page logged no error', () => {
    expect(requestsLeavingLoopback(s.requests)).toEqual([])
    expect(s.errors).toEqual([])
  })
})
