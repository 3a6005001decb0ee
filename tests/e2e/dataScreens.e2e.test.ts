import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  chooseOption,
  expectChartDrawn,
  fillNumber,
  openAppSession,
  requestsLeavingLoopback,
  selectedLabel,
  type AppSession
} from './helpers/appSession'

// One branch user's walk through the Data and Explore screens, on a fresh database.
// The steps build on each other (generate → import → explore), so they share a session.

/** A small loan CSV with two bad lines: line 5 is ragged (a field short), line 9 has text in Age. */
function loanCsv(): string {
  const regions = ['North', 'South', 'East', 'West']
  const lines = ['Loan_ID,Age,Annual_Income,Region,Defaulted']
  for (let i = 1; i <= 60; i++) {
    const line = lines.length + 1
    if (line === 5) lines.push(`L${1000 + i},41,540000`)
    else if (line === 9) lines.push(`L${1000 + i},forty,610000,South,No`)
    else
      lines.push(
        `L${1000 + i},${22 + ((i * 7) % 40)},${300000 + i * 12500},${regions[i % 4]},${i % 6 === 0 ? 'Yes' : 'No'}`
      )
  }
  return lines.join('\n') + '\n'
}

describe('Data and Explore screens in Chromium', () => {
  let s: AppSession

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

  it('starts with an empty state that says what to do first', async () => {
    await expect.poll(() => s.page.getByTestId('no-datasets').isVisible()).toBe(true)
    // Keyboard first: Tab reaches the skip link, then the navigation.
    await s.page.keyboard.press('Tab')
    expect(await s.page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content')
    await s.page.keyboard.press('Tab')
    expect(await s.page.evaluate(() => document.activeElement?.textContent)).toBe('Data')
    await expect.poll(() => s.page.getByTestId('db-path').textContent()).toBe(s.bridge.service.dbPath)
    expect(await s.page.getByTestId('active-model').textContent()).toContain('none yet')
  })

  it('generates a synthetic dataset with progress and lists it', async () => {
    const { page } = s
    await fillNumber(page.locator('#gen-rows'), 2000)
    await fillNumber(page.locator('#gen-seed'), 7)
    await expect.poll(() => page.getByTestId('rows-in-words').textContent()).toContain('2,000')
    await page.getByTestId('generate').click()
    const table = page.getByTestId('datasets-table')
    await expect.poll(() => table.textContent(), { timeout: 60_000 }).toContain('2,000')
    // The finished job folds into the panel's head; unfolded, it says it is done and what it saved.
    const panel = page.getByTestId('jobs-panel')
    await expect.poll(() => panel.getByTestId('toggle-finished').textContent()).toMatch(/1 finished · Show/)
    await panel.getByTestId('toggle-finished').click()
    const job = panel.locator('.job').first()
    expect(await job.getAttribute('data-status')).toBe('done')
    expect(await job.textContent()).toContain('Done')
    expect(await job.textContent()).toContain('2,000 rows saved.')
    await panel.getByTestId('toggle-finished').click()
    const text = (await table.textContent()) ?? ''
    expect(text).toContain('Synthetic loans')
    expect(text).toContain('Generated')
    expect(s.bridge.service.listDatasets()).toHaveLength(1)
    await s.screenshot('data-screen.png')
  })

  it('imports a CSV, then reports the ragged line and the text in a numeric column', async () => {
    const { page, bridge } = s
    const csv = s.temp('branch_loans.csv')
    writeFileSync(csv, loanCsv())
    bridge.dialogs.queueOpen(csv)
    await page.getByTestId('import-csv').click()
    const dialog = page.locator('.import-dialog')
    await expect.poll(() => dialog.isVisible()).toBe(true)
    // The target is suggested from its name; "Yes" is suggested as the value meaning default.
    await expect.poll(() => selectedLabel(page, '[aria-label="Target column"]')).toBe('Defaulted')
    await expect.poll(() => selectedLabel(page, '[aria-label="Positive class (defaulted)"]')).toBe('Yes')
    expect(await dialog.locator('.preview-table').textContent()).toContain('L1001')
    // Loan_ID is inferred as an identifier; the user can change any column's type.
    await chooseOption(page, dialog.locator('.kind-select[data-column="Region"]'), 'Categorical')
    await s.screenshot('import-preview.png')
    await dialog.getByTestId('start-import').click()

    const report = page.getByTestId('import-report')
    await expect.poll(() => report.isVisible(), { timeout: 60_000 }).toBe(true)
    expect(await page.getByTestId('rows-imported').textContent()).toBe('58')
    expect(await page.getByTestId('rows-rejected').textContent()).toBe('2')
    const rejected = (await page.getByTestId('rejected-table').textContent()) ?? ''
    expect(rejected).toContain('5')
    expect(rejected).toContain('9')
    expect(rejected).toContain('Age')
    expect(rejected).toContain('forty')
    await s.screenshot('import-report.png')
    await page.locator('.report-dialog').getByRole('button', { name: 'Close', exact: true }).click()
    await expect.poll(() => page.getByTestId('datasets-table').textContent()).toContain('branch_loans')
  })

  it('imports a CSV file dropped on the window, and says in words why a bad target cannot be imported', async () => {
    const { page, bridge } = s
    // The outcome column holds three values: the workbench predicts a yes/no outcome.
    await page.evaluate(() => {
      const transfer = new DataTransfer()
      const csv = 'id,x,Default\n1,2,0\n2,3,1\n3,4,2\n'
      transfer.items.add(new File([csv], 'dropped.csv', { type: 'text/csv' }))
      const target = document.querySelector('.content') ?? document.body
      for (const type of ['dragenter', 'dragover', 'drop']) {
        target.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }))
      }
    })
    const dialog = page.locator('.import-dialog')
    await expect.poll(() => dialog.isVisible()).toBe(true)
    expect(await dialog.locator('.el-dialog__title').textContent()).toContain('dropped.csv')
    expect(await dialog.getByTestId('target-hint').textContent()).toContain('3 different values')
    await dialog.getByTestId('start-import').click()
    // The job fails in main; the dialog comes back with main's reason, choices kept.
    await expect
      .poll(() => dialog.getByTestId('import-error').textContent(), { timeout: 30_000 })
      .toContain('3 distinct values')
    await s.screenshot('import-error.png')
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await expect.poll(() => dialog.isVisible()).toBe(false)
    expect(bridge.service.listDatasets()).toHaveLength(2)
  })

  it('explores a numeric column by outcome, a categorical one, the heatmap and the missing values', async () => {
    const { page } = s
    const generatedRow = page
      .getByTestId('datasets-table')
      .locator('.el-table__row')
      .filter({ hasText: 'Synthetic loans' })
    await generatedRow.getByRole('button', { name: /^Explore/ }).click()
    await expect.poll(() => page.getByTestId('summary-table').isVisible(), { timeout: 30_000 }).toBe(true)
    const summary = (await page.getByTestId('summary-table').textContent()) ?? ''
    expect(summary).toContain('Annual_Income')
    expect(summary).toContain('₹')
    await s.screenshot('explore-summary.png')

    await page.getByTestId('summary-table').getByRole('button', { name: 'Show column Annual_Income' }).click()
    await expectChartDrawn(page.getByTestId('histogram'))
    await expectChartDrawn(page.getByTestId('boxplot'))
    await s.screenshot('explore-histogram.png')

    await chooseOption(page, page.locator('#explore-column'), /^Employment_Status$/)
    await expectChartDrawn(page.getByTestId('category-rates'))
    await s.screenshot('explore-category.png')

    await page.getByRole('tab', { name: 'Correlations' }).click()
    await expectChartDrawn(page.getByTestId('heatmap'))
    await s.screenshot('explore-heatmap.png')

    await page.getByRole('tab', { name: 'Missing values' }).click()
    await expectChartDrawn(page.getByTestId('missing-chart'))
    await s.screenshot('explore-missing.png')
  })

  it('says what to do first on the modelling screens while no model exists', async () => {
    const { page } = s
    // Train works on the active dataset at once; the screens that need a model say what to do first.
    await page.getByRole('link', { name: 'Train', exact: true }).click()
    await expect.poll(() => page.getByTestId('train-dataset').textContent()).toContain('Synthetic loans')
    await expect.poll(() => page.getByTestId('train-estimate').textContent()).toContain('Estimated time')
    for (const [screen, text] of [
      ['Models', 'No model yet'],
      ['Score', 'No model to score with yet']
    ] as const) {
      await page.getByRole('link', { name: screen, exact: true }).click()
      const empty = page.getByTestId('empty-state')
      await expect.poll(() => empty.textContent()).toContain(text)
      expect(await empty.textContent()).toContain('What to do first')
    }
    await s.screenshot('score-empty.png')
    await page.getByRole('link', { name: 'History', exact: true }).click()
    await expect
      .poll(() => page.getByTestId('history-empty').textContent())
      .toContain('Nothing has been scored yet')
  })

  it('exports a dataset through main’s save dialog and deletes one after confirming', async () => {
    const { page, bridge } = s
    await page.getByRole('link', { name: 'Data', exact: true }).click()
    const out = s.temp('export.csv')
    bridge.dialogs.queueSave(out)
    const generatedRow = page
      .getByTestId('datasets-table')
      .locator('.el-table__row')
      .filter({ hasText: 'Synthetic loans' })
    await generatedRow.getByRole('button', { name: /^Export/ }).click()
    await expect
      .poll(() => existsSync(out) && readFileSync(out, 'utf8').trim().split('\n').length, { timeout: 30_000 })
      .toBe(2001)

    const importedRow = page
      .getByTestId('datasets-table')
      .locator('.el-table__row')
      .filter({ hasText: 'branch_loans' })
    await importedRow.getByRole('button', { name: /^Delete/ }).click()
    await page.locator('.el-message-box').getByRole('button', { name: 'Delete' }).click()
    await expect.poll(() => page.getByTestId('datasets-table').textContent()).not.toContain('branch_loans')
    expect(bridge.service.listDatasets().map((d) => d.source)).toEqual(['generated'])
  })

  it('says on the list’s card when the datasets cannot be loaded, keeps the rows it had, and loads again on Refresh', async () => {
    const { page } = s
    await page.getByRole('link', { name: 'Data', exact: true }).click()
    const table = page.getByTestId('datasets-table')
    await expect.poll(() => table.textContent()).toContain('Synthetic loans')
    const card = page.locator('.el-card', { has: table })
    const failure = { ok: false, error: { code: 'DATABASE_FILE', message: 'The database is locked.' } }
    await page.route('**/api/datasets/list', (route) =>
      route.fulfill({ contentType: 'application/json', body: JSON.stringify(failure) })
    )
    await card.getByRole('button', { name: 'Refresh' }).click()
    await expect.poll(() => card.locator('.el-alert').textContent()).toContain('The database is locked.')
    expect(await table.textContent()).toContain('Synthetic loans')
    await page.unroute('**/api/datasets/list')
    await card.getByRole('button', { name: 'Refresh' }).click()
    await expect.poll(() => card.locator('.el-alert').count()).toBe(0)
    expect(await table.textContent()).toContain('Synthetic loans')
  })

  it('made no request that left this computer, and the page logged no error', () => {
    expect(s.requests.length).toBeGreaterThan(10)
    expect(requestsLeavingLoopback(s.requests)).toEqual([])
    expect(s.errors).toEqual([])
  })
})
