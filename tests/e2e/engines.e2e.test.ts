import { existsSync, statSync } from 'node:fs'
import * as ort from 'onnxruntime-node'
import type { Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { callApi } from './helpers/callApi'
import { fillNumber, openAppSession, VIEWPORT, type AppSession } from './helpers/appSession'

// A risk analyst choosing among the engines on a fresh database: the Train screen offers
// every engine of the shared list and auto, each with its own settings; a scorecard trained
// there shows the points table main computes, and exports to a file ONNX Runtime loads;
// auto with a small budget shows the leaderboard main stored, with a link to every kept model.
// The steps build on each other, so they share one session.

/** Closes notices and moves focus and the pointer away, as a person looks at a screen. */
async function tidy(page: Page): Promise<void> {
  for (const close of await page.locator('.el-message__closeBtn').all())
    await close.click().catch(() => undefined)
  const clear = page.getByTestId('jobs-panel').getByRole('button', { name: 'Clear finished' })
  if ((await clear.count()) && (await clear.isEnabled())) await clear.click()
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  await page.mouse.move(VIEWPORT.width - 2, VIEWPORT.height - 2)
}

/** The text of every cell of a table's body, row by row (merged cells appear on their first row only). */
function tableCells(page: Page, testId: string): Promise<string[][]> {
  return page
    .getByTestId(testId)
    .evaluate((table) =>
      Array.from(table.querySelectorAll('.el-table__body-wrapper tr.el-table__row')).map((tr) =>
        Array.from(tr.querySelectorAll('td')).map((td) => (td.textContent ?? '').replace(/\s+/g, ' ').trim())
      )
    )
}

/** Trains with the form as it is and waits for the new model's page. */
async function startAndOpen(page: Page, timeout: number): Promise<number> {
  await expect.poll(() => page.getByTestId('train-estimate').textContent()).toMatch(/Estimated time/)
  await page.getByTestId('start-training').click()
  await expect.poll(() => page.url(), { timeout }).toMatch(/#\/models\/\d+$/)
  const id = Number(page.url().split('/').pop())
  await expect.poll(() => page.getByTestId('model-title').textContent()).toContain(`#${id}`)
  return id
}

describe('engines on the Train and Models screens in Chromium', () => {
  let s: AppSession
  let scorecardId = 0

  beforeAll(async () => {
    s = await openAppSession()
    // Small, so that auto's search and keeping every candidate take seconds.
    await s.bridge.service.generateDataset({ rows: 1500, seed: 21 })
    await s.page.reload()
  })

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail')
      await s.screenshot(`failed-engines-${context.task.name.replace(/\W+/g, '-')}.png`)
  })

  afterAll(async () => {
    await s?.close()
  })

  it('offers every engine with a hint, says why SMOTE is off, and shows the chosen engine’s settings', async () => {
    const { page } = s
    await page.getByRole('link', { name: 'Train', exact: true }).click()
    await expect.poll(() => page.getByTestId('train-dataset').textContent()).toContain('1,500 loans')
    const choices = page.getByTestId('engine-choices')
    for (const name of ['Our forest', 'ml-random-forest', 'Points scorecard', 'Auto (champion/challenger)'])
      expect(await choices.textContent()).toContain(name)
    expect(await page.getByTestId('engine-scorecard').textContent()).toContain(
      'a points table a bank can file'
    )
    expect(await page.getByTestId('smote-note').textContent()).toContain('Off by default')
    expect(await page.locator('#train-smote').getAttribute('aria-checked')).toBe('false')
    await expect.poll(() => page.locator('#train-trees').isVisible()).toBe(true)
    const forestEstimate = await page.getByTestId('train-estimate').textContent()

    await page.getByTestId('engine-scorecard').click()
    await expect.poll(() => page.locator('#train-pdo').isVisible()).toBe(true)
    expect(await page.locator('#train-trees').count()).toBe(0)
    for (const id of ['base-points', 'base-odds', 'min-bin-share', 'max-bins', 'min-iv', 'bin-trend', 'l2'])
      expect(await page.locator(`#train-${id}`).count(), id).toBe(1)
    expect(await page.locator('#train-pdo').inputValue()).toBe('20')
    expect(await page.locator('#train-base-points').inputValue()).toBe('600')
    expect(await page.locator('#train-min-bin-share').inputValue()).toBe('5.0')
    // The estimate follows the engine: a scorecard fits in a fraction of a forest's time.
    await expect.poll(() => page.getByTestId('train-estimate').textContent()).not.toBe(forestEstimate)
    await tidy(page)
    await s.screenshot('train-scorecard.png')

    await page.getByTestId('engine-auto').click()
    await expect.poll(() => page.locator('#train-budget-s').isVisible()).toBe(true)
    expect(await page.locator('#train-pdo').count()).toBe(0)
    expect(await page.locator('#train-name').isDisabled()).toBe(true)
    // The estimate is the search budget (180 s by default) and keeping every candidate: a long job, said so.
    await expect.poll(() => page.getByTestId('train-estimate').textContent()).toMatch(/about 3 min/)
    expect(await page.getByTestId('estimate-warning').isVisible()).toBe(true)
    await tidy(page)
    await s.screenshot('train-auto.png')
  })

  it('trains a scorecard from the Train screen and shows the points table main computes', async () => {
    const { page, bridge } = s
    await page.getByTestId('engine-scorecard').click()
    await expect.poll(() => page.locator('#train-pdo').isVisible()).toBe(true)
    scorecardId = await startAndOpen(page, 60_000)
    expect(bridge.service.models.summary(scorecardId).engine).toBe('scorecard')

    await page.getByRole('tab', { name: 'Points table' }).click()
    await expect.poll(() => page.getByTestId('points-table').isVisible()).toBe(true)
    expect(await page.getByTestId('points-scale').textContent()).toBe(
      '600 points at 50:1, 20 points to double the odds'
    )
    const { scorecard } = await callApi(bridge, 'models/scorecard', { id: scorecardId })
    const expected = scorecard.characteristics.flatMap((c) =>
      c.bins.map((b, k) => ({
        first: k === 0,
        feature: c.feature,
        iv: c.iv.toFixed(3),
        shown: [
          b.missing ? 'Missing' : b.label,
          b.count.toLocaleString('en-IN'),
          b.woe.toFixed(3),
          String(b.points)
        ]
      }))
    )
    const cells = await tableCells(page, 'points-table')
    expect(cells).toHaveLength(expected.length)
    cells.forEach((row, i) => {
      const want = expected[i]
      // [characteristic (its trend under it),] bin, rows, default rate, WoE, points[, IV]
      const bins = want.first ? row.slice(1, 6) : row
      expect([bins[0], bins[1], bins[3], bins[4]], `row ${i}`).toEqual(want.shown)
      if (want.first) {
        expect(row[0].startsWith(want.feature), `row ${i}: ${row[0]}`).toBe(true)
        expect(row[6], `row ${i}`).toBe(want.iv)
      }
    })
    await tidy(page)
    await s.screenshot('model-points.png')
  })

  it('exports the scorecard as ONNX, says where, and ONNX Runtime loads the file', async () => {
    const { page, bridge } = s
    const file = s.temp('scorecard.onnx')
    bridge.dialogs.queueSave(file)
    await page.getByTestId('export-onnx').click()
    await expect.poll(() => existsSync(file), { timeout: 30_000 }).toBe(true)
    const note = page.getByTestId('onnx-export')
    await expect.poll(() => note.textContent()).toContain(`ONNX model written to ${file}`)
    expect(await note.textContent()).toMatch(/KB · ONNX opset \d+, ai\.onnx\.ml \d+ · \d+ inputs/)
    const session = await ort.InferenceSession.create(file)
    expect(session.outputNames).toContain('Default_Probability')
    await session.release()
    expect(statSync(file).size).toBeGreaterThan(1000)
    await tidy(page)
    await s.screenshot('model-onnx.png')
  })

  it('trains auto with a small budget and shows the leaderboard main stored, with links to every kept model', async () => {
    const { page, bridge } = s
    await page.getByRole('link', { name: 'Train', exact: true }).click()
    await page.getByTestId('engine-auto').click()
    await fillNumber(page.locator('#train-budget-s'), 10)
    const championId = await startAndOpen(page, 150_000)
    const summary = bridge.service.models.summary(championId)
    expect(summary.runId).not.toBeNull()

    await page.getByRole('tab', { name: 'Leaderboard' }).click()
    await expect.poll(() => page.getByTestId('leaderboard-table').isVisible()).toBe(true)
    const run = await callApi(bridge, 'models/run', { id: summary.runId! })
    expect(run.championId).toBe(championId)
    const cells = await tableCells(page, 'leaderboard-table')
    // Rank, candidate, engine, CV AUC ± sd, within 1 SE, folds, seconds, role, kept as.
    expect(cells.map((r) => [r[0], r[1], r[3], r[5], r[7]])).toEqual(
      run.leaderboard.map((e, i) => [
        String(i + 1),
        e.label,
        `${e.cvAuc.toFixed(3)} ± ${e.cvAucSd.toFixed(3)}`,
        String(e.folds),
        e.champion ? 'champion' : 'challenger'
      ])
    )
    const links = await page
      .getByTestId('leaderboard-table')
      .locator('a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')))
    expect(links.sort()).toEqual(
      run.leaderboard
        .filter((e) => e.modelId !== championId)
        .map((e) => `#/models/${e.modelId}`)
        .sort()
    )
    expect(await page.getByTestId('one-se-rule').textContent()).toContain('one standard error')
    await tidy(page)
    await s.screenshot('model-leaderboard.png')

    // A challenger's page shows the same leaderboard, itself marked.
    const challenger = run.leaderboard.find((e) => !e.champion)!
    await page.getByTestId('leaderboard-table').locator(`a[href="#/models/${challenger.modelId}"]`).click()
    await expect.poll(() => page.getByTestId('model-title').textContent()).toContain(`#${challenger.modelId}`)
    await page.getByRole('tab', { name: 'Leaderboard' }).click()
    await expect.poll(() => page.getByTestId('leaderboard-table').textContent()).toContain('this model')
  })

  it('speaks Hindi on the Train screen and the points table', async () => {
    const { page } = s
    await page.evaluate(() => window.localStorage.setItem('workbench.lang', 'hi'))
    await page.goto(`${s.bridge.url}#/train`)
    await page.reload()
    await expect.poll(() => page.getByTestId('engine-choices').textContent()).toContain('पॉइंट स्कोरकार्ड')
    await page.getByTestId('engine-scorecard').click()
    await expect.poll(() => page.getByTestId('engine-settings').textContent()).toContain('आधार स्कोर')
    await expect.poll(() => page.getByTestId('train-estimate').textContent()).toContain('एक सेकंड से कम')
    await tidy(page)
    await s.screenshot('train-scorecard-hi.png')
    await page.goto(`${s.bridge.url}#/models/${scorecardId}`)
    await page.getByRole('tab', { name: 'पॉइंट तालिका' }).click()
    await expect
      .poll(() => page.getByTestId('points-scale').textContent())
      .toBe('50:1 पर 600 पॉइंट, ऑड्स दोगुने करने के लिए 20 पॉइंट')
    await tidy(page)
    await s.screenshot('model-points-hi.png')
    expect(s.errors, s.errors.join('\n')).toEqual([])
  })
})
