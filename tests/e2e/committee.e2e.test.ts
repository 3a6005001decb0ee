import { existsSync, readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { StrategyPoint, StrategyReport } from '../../src/shared/validation'
import { callApi } from './helpers/callApi'
import { expectChartDrawn, openAppSession, VIEWPORT, type AppSession } from './helpers/appSession'

// A risk committee's walk through Strategy and Validation on a fresh database: the figures the
// screens show are compared with what the service returns for the same request (called through
// the bridge's API, as the page calls it); formats are read back here, not taken from the
// renderer. The steps build on each other (the applied threshold changes the model), so they
// share one session.

/** The request the Strategy screen sends with its defaults: LGD 45 %, margin 3 %, most profit. */
const STRATEGY_DEFAULTS = { lgd: 0.45, margin: 0.03, target: { kind: 'max-profit' as const } }

async function text(page: Page, testId: string): Promise<string> {
  return ((await page.getByTestId(testId).first().textContent()) ?? '').replace(/\s+/g, ' ').trim()
}

/**
 * A figure as the screen writes it ("57.2 %", "4.08 %", "₹31.78 lakh", "−₹5.41 lakh",
 * "₹1.55 crore", "0.807") equals `value` to the digits shown: within half a unit of its last
 * decimal, in the unit written (percent, lakh = 1e5 ₹, crore = 1e7 ₹).
 */
function expectShown(shown: string, value: number, what: string): void {
  const m = /^(−|-)?₹?\s*([\d,]+(?:\.\d+)?)\s*(%|lakh|crore|thousand)?$/.exec(shown.trim())
  expect(m, `${what}: "${shown}" is not a figure`).not.toBeNull()
  const [, minus, digits, unit] = m!
  const scale = { '%': 0.01, lakh: 1e5, crore: 1e7, thousand: 1e3 }[unit ?? ''] ?? 1
  const decimals = digits.includes('.') ? digits.split('.')[1].length : 0
  const number = Number(digits.replace(/,/g, '')) * (minus ? -1 : 1)
  expect(Math.abs(number - value / scale), `${what}: "${shown}" vs ${value}`).toBeLessThanOrEqual(
    0.5 * 10 ** -decimals + 1e-9
  )
}

/** The cut-off the screen has chosen, read from its number box (percent, one decimal). */
async function chosenCutoff(page: Page): Promise<number> {
  return Number(await page.getByTestId('strategy-cutoff-input').locator('input').inputValue()) / 100
}

/** The curve point the screen's cut-off stands on (the box shows it to 0.1 %). */
function pointAt(report: StrategyReport, shownCutoff: number): StrategyPoint {
  const near = report.result.curve.filter((p) => Math.abs(p.cutoff - shownCutoff) <= 0.0005 + 1e-12)
  expect(near.length, `one curve point at ${shownCutoff}`).toBe(1)
  return near[0]
}

/** Every tile equals the service's figure at that point. */
async function expectTiles(page: Page, p: StrategyPoint): Promise<void> {
  expectShown(await text(page, 'tile-approval'), p.approvalRate, 'approval rate')
  expectShown(await text(page, 'tile-badRate'), p.badRate ?? NaN, 'observed bad rate')
  expectShown(await text(page, 'tile-expectedBadRate'), p.expectedBadRate ?? NaN, 'expected bad rate')
  expectShown(await text(page, 'tile-loss'), p.expectedLoss, 'expected loss')
  expectShown(await text(page, 'tile-profit'), p.expectedProfit, 'expected profit')
}

/**
 * The tiles equal the service's figures at the cut-off the box shows, once the screen has
 * settled: a drag's last move and the release may still be on their way when the test reads,
 * so the pair is read again until both agree (or the strict check reports the difference).
 */
async function expectTilesFollow(page: Page, report: StrategyReport): Promise<void> {
  const agree = async (): Promise<boolean> => {
    try {
      await expectTiles(page, pointAt(report, await chosenCutoff(page)))
      return true
    } catch {
      return false
    }
  }
  await expect
    .poll(agree, { timeout: 5_000 })
    .toBe(true)
    .catch(() => undefined)
  await expectTiles(page, pointAt(report, await chosenCutoff(page)))
}

/** Closes notices and moves the pointer off the page, as a person would before looking. */
async function tidy(page: Page): Promise<void> {
  for (const close of await page.locator('.el-message__closeBtn').all())
    await close.click().catch(() => undefined)
  await expect.poll(() => page.locator('.el-message').count()).toBe(0)
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  await page.mouse.move(VIEWPORT.width - 2, VIEWPORT.height - 2)
}

describe('the credit committee’s Strategy and Validation screens', () => {
  let s: AppSession
  let modelId = 0
  let newerCsv = ''

  beforeAll(async () => {
    s = await openAppSession()
    const { service } = s.bridge
    const dataset = await service.generateDataset({ rows: 3000, seed: 7 })
    const { model } = await service.trainModel(dataset.id, { trees: 30, maxDepth: 10, threads: 1 })
    modelId = model.id
    service.governance.activateAutomatically(modelId)
    // A newer book with more defaults, as a CSV the user chooses for the stability tests.
    const newer = await service.generateDataset({ rows: 1500, seed: 11, defaultRate: 0.16 })
    newerCsv = s.temp('newer-loans.csv')
    await service.exportDataset(newer.id, newerCsv)
    // The analyst keeps working on the first dataset (the newer one is only a file to validate on).
    await s.page.evaluate(
      (id) => window.localStorage.setItem('workbench.activeDatasetId', String(id)),
      dataset.id
    )
    await s.page.reload()
  })

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail')
      await s.screenshot(`failed-committee-${context.task.name.replace(/\W+/g, '-')}.png`)
  })

  afterAll(async () => {
    await s?.close()
  })

  it('opens Strategy on the active model at the recommended cut-off, with the service’s figures', async () => {
    const { page, bridge } = s
    await page.getByRole('link', { name: 'Strategy', exact: true }).click()
    await expect.poll(() => page.getByTestId('strategy-tiles').count(), { timeout: 30_000 }).toBe(1)
    await expectChartDrawn(page.getByTestId('strategy-chart'))
    const report = await callApi(bridge, 'committee/strategy', { modelId, ...STRATEGY_DEFAULTS })
    const recommended = report.result.recommended!
    expect(recommended.cutoff).not.toBeNull()
    await expect.poll(() => chosenCutoff(page)).toBeCloseTo(recommended.cutoff!, 3)
    await expectTiles(page, recommended.point!)
    // The tiles' second lines are the same figures at the model's current threshold.
    expect(await text(page, 'strategy-tiles')).toContain(
      `now ${(report.result.atModelThreshold.approvalRate * 100).toFixed(1)} %`
    )
    expect(await text(page, 'strategy-recommendation')).toContain(
      `Recommended: ${(recommended.cutoff! * 100).toFixed(1)} %`
    )
    expect(s.errors).toEqual([])
    await tidy(page)
    await s.screenshot('committee-strategy.png')
  })

  it('moves the cut-off by keyboard, by a click and by dragging the handle, the tiles following the curve', async () => {
    const { page, bridge } = s
    const report = await callApi(bridge, 'committee/strategy', { modelId, ...STRATEGY_DEFAULTS })
    const curve = report.result.curve
    const start = curve.findIndex((p) => p.cutoff === report.result.recommended!.cutoff)

    // Three presses of the arrow key: three points further along the curve.
    await page.locator('[data-testid="strategy-slider"] .el-slider__button-wrapper').focus()
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight')
    await expect.poll(() => chosenCutoff(page)).toBeCloseTo(curve[start + 3].cutoff, 3)
    await expectTiles(page, curve[start + 3])
    // A screen reader hears the cut-off, not the position of the slider.
    expect(
      await page.locator('[data-testid="strategy-slider"] [role="slider"]').getAttribute('aria-valuetext')
    ).toBe(`${(curve[start + 3].cutoff * 100).toFixed(1)} %`)

    // A click on a panel moves the cut-off under the pointer; then the handle under the axis
    // is dragged to the right.
    const chart = page.getByTestId('strategy-chart')
    const box = (await chart.boundingBox())!
    const y = box.y + 350
    const x0 = box.x + box.width * 0.35
    const before = await chosenCutoff(page)
    await page.mouse.click(x0, y)
    await expect.poll(() => chosenCutoff(page)).not.toBeCloseTo(before, 3)
    await expectTilesFollow(page, report)
    const clicked = await chosenCutoff(page)

    const handleY = box.y + 314 + 60 + 34
    await page.mouse.move(x0, handleY)
    await page.mouse.down()
    for (let step = 1; step <= 10; step++) await page.mouse.move(x0 + step * 12, handleY)
    // The cut-off follows the handle while the button is still held: a drag, not a click.
    await expect.poll(() => chosenCutoff(page)).toBeGreaterThan(clicked + 0.01)
    await page.mouse.up()
    await expectTilesFollow(page, report)
  })

  it('lists who changes decision between the current threshold and the chosen cut-off', async () => {
    const { page, bridge } = s
    const report = await callApi(bridge, 'committee/strategy', { modelId, ...STRATEGY_DEFAULTS })
    // Back to the recommended cut-off: stricter than the current threshold, so some are declined.
    await page.getByRole('button', { name: /^Go to the recommended/ }).click()
    await expect.poll(() => chosenCutoff(page)).toBeCloseTo(report.result.recommended!.cutoff!, 3)
    const to = pointAt(report, await chosenCutoff(page)).cutoff
    const swap = await callApi(bridge, 'committee/swapSet', {
      modelId,
      ...STRATEGY_DEFAULTS,
      target: undefined,
      from: report.result.modelThreshold,
      to,
      limit: 500
    })
    const total = swap.swapIn.count + swap.swapOut.count
    expect(total).toBeGreaterThan(0)
    const listed = swap.swapInRows.length + swap.swapOutRows.length
    const count = (n: number): string => n.toLocaleString('en-IN')
    await expect
      .poll(() => text(page, 'swap-count'), { timeout: 10_000 })
      .toBe(
        listed < total
          ? `The ${count(listed)} riskiest of ${count(total)} are listed.`
          : `${count(total)} applicant${total === 1 ? '' : 's'}.`
      )
    // Riskiest first: the first row holds the highest PD of either side.
    const top = [...swap.swapInRows, ...swap.swapOutRows].sort((a, b) => b.pd - a.pd)[0]
    const firstRow = page.getByTestId('swap-table').locator('.el-table__body tr').first()
    const cells = (await firstRow.locator('td').allTextContents()).map((c) => c.trim())
    expect(cells[1]).toBe(top.line.toLocaleString('en-IN'))
    expectShown(cells[3], top.pd, 'PD of the riskiest')
    expect(await page.getByTestId('swap-table').locator('.el-table__body tr').count()).toBe(
      Math.min(10, total)
    )
    await page.getByTestId('swap-set').scrollIntoViewIfNeeded()
    await tidy(page)
    await s.screenshot('committee-swap-set.png')
  })

  it('applies the chosen cut-off only with a reason, and shows it in the history and the model list', async () => {
    const { page, bridge } = s
    const cutoff = await chosenCutoff(page)
    const report = await callApi(bridge, 'committee/strategy', { modelId, ...STRATEGY_DEFAULTS })
    const exact = pointAt(report, cutoff).cutoff
    await page.getByTestId('apply-cutoff').click()
    const dialog = page.getByTestId('apply-dialog')
    await expect.poll(() => dialog.isVisible()).toBe(true)
    expect(await page.getByTestId('apply-confirm').isDisabled()).toBe(true)
    const reason = 'Committee of 12 March: the most profitable cut-off at a 3 % margin'
    await page.getByTestId('apply-reason').fill(reason)
    await tidy(page)
    await s.screenshot('committee-apply-dialog.png')
    await page.getByTestId('apply-confirm').click()
    await expect.poll(() => dialog.isVisible()).toBe(false)

    const history = page.getByTestId('threshold-history')
    await expect.poll(() => history.locator('.el-table__body tr').count()).toBe(1)
    const row = (await history.locator('.el-table__body tr').first().locator('td').allTextContents()).map(
      (c) => c.trim()
    )
    expectShown(row[1], report.result.modelThreshold, 'previous threshold')
    expectShown(row[2], exact, 'new threshold')
    expect(row[3]).toBe(reason)
    const listed = (await callApi(bridge, 'models/list', {})).find((m) => m.id === modelId)!
    expect(listed.threshold).toBeCloseTo(exact, 12)
    // The screen now measures against the new threshold: nobody changes decision.
    await expect.poll(() => page.getByTestId('swap-none').count(), { timeout: 10_000 }).toBe(1)
    await page.getByTestId('threshold-card').scrollIntoViewIfNeeded()
    await tidy(page)
    await s.screenshot('committee-threshold-history.png')
  })

  it('says in one line what is wrong when the exposure column holds no amounts, and recovers', async () => {
    const { page } = s
    await page.getByTestId('strategy-ead').click()
    await page
      .locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: /^Region$/ })
      .click()
    await expect.poll(() => page.getByTestId('strategy-error').count(), { timeout: 10_000 }).toBe(1)
    const error = await text(page, 'strategy-error')
    expect(error).toMatch(
      /^Could not compute the strategy: Line \d+, column Region: the exposure "[^"]+" is not an amount/
    )
    expect(await page.getByTestId('strategy-tiles').count()).toBe(0)
    await tidy(page)
    await page.evaluate(() => window.scrollTo(0, 0))
    await s.screenshot('committee-strategy-error.png')
    await page.getByTestId('strategy-ead').hover()
    await page.getByTestId('strategy-ead').locator('.el-select__clear').click()
    await expect.poll(() => page.getByTestId('strategy-tiles').count(), { timeout: 10_000 }).toBe(1)
    expect(await page.getByTestId('strategy-error').count()).toBe(0)
  })

  it('computes the strategy on a chosen file of loans with outcomes', async () => {
    const { page, bridge } = s
    bridge.dialogs.queueOpen(newerCsv)
    await page.getByTestId('strategy-pick-file').click()
    await expect.poll(() => text(page, 'strategy-file')).toBe('newer-loans.csv')
    await expect.poll(() => text(page, 'strategy-data'), { timeout: 30_000 }).toContain('newer-loans.csv')
    // The file's handle stays in the page: the expected strategy is asked of the service by path.
    const report = await bridge.service.strategy(modelId, { ...STRATEGY_DEFAULTS, data: newerCsv })
    const recommended = report.result.recommended!
    await expect.poll(() => chosenCutoff(page)).toBeCloseTo(recommended.cutoff!, 3)
    await expectTiles(page, recommended.point!)
    expect(await text(page, 'strategy-data')).toBe(
      `Model #${modelId} on ${report.data.label}: ${report.result.defaults!.toLocaleString('en-IN')} defaulted.`
    )
    await page.getByRole('button', { name: 'Use the held-out rows' }).click()
    await expect.poll(() => text(page, 'strategy-data'), { timeout: 30_000 }).toContain('held-out rows')
  })

  it('validates the model on its held-out rows: AUC, a grade’s calibration and segments as the service computes them', async () => {
    const { page, bridge } = s
    await page.getByRole('link', { name: 'Validation', exact: true }).click()
    const segments = page.getByTestId('validation-segments')
    await segments.click()
    for (const column of ['Region', 'Employment_Status'])
      await page
        .locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: column })
        .first()
        .click()
    await page.keyboard.press('Escape')
    await page.getByTestId('run-validation').click()
    await expect.poll(() => page.getByTestId('verdicts').count(), { timeout: 60_000 }).toBe(1)

    const pack = await callApi(bridge, 'committee/validate', {
      modelId,
      segments: ['Region', 'Employment_Status']
    })
    expect(await text(page, 'validation-auc')).toBe(pack.discrimination!.auc.toFixed(3))
    expect(await text(page, 'validation-gini')).toBe(pack.discrimination!.gini.toFixed(3))
    expect(await text(page, 'validation-ks')).toBe(pack.discrimination!.ks.toFixed(3))
    const aucTile = page.locator('.fact-tile', { has: page.getByTestId('validation-auc') })
    expect(await aucTile.textContent()).toContain(
      `95 % CI ${pack.discrimination!.aucCi.lower.toFixed(3)}–${pack.discrimination!.aucCi.upper.toFixed(3)}`
    )
    await tidy(page)
    await s.screenshot('committee-validation.png')

    await page.getByRole('tab', { name: 'Calibration' }).click()
    const grade = pack.calibration!.grades.find((g) => g.grade === 'C')!
    const row = page
      .getByTestId('calibration-table')
      .locator('.el-table__body tr', { hasText: 'moderate risk' })
    const cells = (await row.locator('td').allTextContents()).map((c) => c.trim())
    expect(cells[2]).toBe(grade.count.toLocaleString('en-IN'))
    expect(cells[3]).toBe(grade.defaults.toLocaleString('en-IN'))
    expectShown(cells[4], grade.meanPd!, 'mean PD')
    expectShown(cells[5], grade.observedRate!, 'observed rate')
    const [lower, upper] = cells[6].split('–')
    expectShown(lower, grade.jeffreys!.lower, 'Jeffreys lower')
    expectShown(upper, grade.jeffreys!.upper, 'Jeffreys upper')
    expect(cells[7]).toBe(grade.binomialP! < 0.001 ? '< 0.001' : grade.binomialP!.toFixed(3))
    await expectChartDrawn(page.getByTestId('calibration-chart'))
    expect(await text(page, 'hosmer-lemeshow')).toContain(
      `p ${pack.calibration!.hosmerLemeshow.p!.toFixed(3)}`
    )
    await tidy(page)
    await s.screenshot('committee-validation-calibration.png')
    await page.getByTestId('calibration-chart').scrollIntoViewIfNeeded()
    await s.screenshot('committee-validation-calibration-chart.png')

    await page.getByRole('tab', { name: 'Segments' }).click()
    const segmentRows = page.getByTestId('segments-table').locator('.el-table__body tr')
    await expect.poll(() => segmentRows.count()).toBe(Math.min(12, pack.segments!.segments.length))
    const first = pack.segments!.segments[0]
    const firstCells = (await segmentRows.first().locator('td').allTextContents()).map((c) => c.trim())
    expect(firstCells[0]).toBe(`${first.column} = ${first.value}`)
    expectShown(firstCells[2], first.approvalRate, 'segment approval rate')
    await tidy(page)
    await s.screenshot('committee-validation-segments.png')
  })

  it('saves the validation pack as a PDF through main’s save dialog', async () => {
    const { page, bridge } = s
    const pdf = s.temp('validation-pack.pdf')
    bridge.dialogs.queueSave(pdf)
    await page.getByTestId('save-validation-pdf').click()
    await expect.poll(() => existsSync(pdf), { timeout: 60_000 }).toBe(true)
    await expect.poll(() => readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-')
    expect(bridge.dialogs.saveRequests.at(-1)).toBe(`model-${modelId}-validation.pdf`)
  })

  it('compares a newer file of loans with the held-out rows for stability', async () => {
    const { page, bridge } = s
    bridge.dialogs.queueOpen(newerCsv)
    await page.getByTestId('validation-pick-file').click()
    await expect.poll(() => text(page, 'validation-file')).toBe('newer-loans.csv')
    // The shown pack was computed on other loans: the screen says so until it is run again.
    await expect.poll(() => page.locator('.stale').count()).toBe(1)
    await page.getByTestId('run-validation').click()
    await expect.poll(() => page.locator('.stale').count(), { timeout: 60_000 }).toBe(0)
    await page.getByRole('tab', { name: 'Stability' }).click()
    await expect.poll(() => page.getByTestId('stability').count()).toBe(1)
    // The file's handle stays in the page: the expected pack is asked of the service by path.
    const pack = await bridge.service.validate(modelId, {
      data: newerCsv,
      segments: ['Region', 'Employment_Status']
    })
    expect(await text(page, 'validation-psi')).toBe(pack.stability!.psi.toFixed(3))
    await expectChartDrawn(page.getByTestId('psi-chart'))
    const csiRows = page.getByTestId('csi-table').locator('.el-table__body tr')
    const top = pack.stability!.csi[0]
    const topCells = (await csiRows.first().locator('td').allTextContents()).map((c) => c.trim())
    expect(topCells.slice(0, 2)).toEqual([top.column, top.csi.toFixed(3)])
    await tidy(page)
    await s.screenshot('committee-validation-stability.png')
    await page.getByTestId('migration').scrollIntoViewIfNeeded()
    await s.screenshot('committee-validation-stability-chart.png')
    expect(s.errors).toEqual([])
  })

  it('reads in Hindi: the verdicts, the tiles and the chart in Devanagari, every message found', async () => {
    const { page } = s
    await page.getByTestId('language-switch').getByText('हिंदी', { exact: true }).click()
    await page.getByRole('tab', { name: 'निष्कर्ष' }).click()
    await expect.poll(() => text(page, 'verdicts')).toContain('भेद क्षमता: AUC और Gini')
    await tidy(page)
    await s.screenshot('committee-validation-hi.png')
    await page.getByRole('link', { name: 'रणनीति', exact: true }).click()
    await expect.poll(() => text(page, 'strategy-tiles'), { timeout: 30_000 }).toContain('लाख')
    await expectChartDrawn(page.getByTestId('strategy-chart'))
    await tidy(page)
    await s.screenshot('committee-strategy-hi.png')
    expect(s.errors).toEqual([])
    await page.getByTestId('language-switch').getByText('English', { exact: true }).click()
  })

  it('keeps the committee screens from the branch officer’s view', async () => {
    const { page, bridge } = s
    await page.getByTestId('mode-switch').getByText('Branch officer').click()
    await expect.poll(() => page.getByRole('link', { name: 'Strategy', exact: true }).count()).toBe(0)
    expect(await page.getByRole('link', { name: 'Validation', exact: true }).count()).toBe(0)
    await page.goto(`${bridge.url}#/strategy`)
    await expect.poll(() => page.url()).toMatch(/#\/score$/)
    await page.getByTestId('mode-switch').getByText('Risk analyst').click()
    await expect.poll(() => page.getByRole('link', { name: 'Strategy', exact: true }).count()).toBe(1)
  })
})
