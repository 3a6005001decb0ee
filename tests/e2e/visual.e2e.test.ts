import type { Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { expectChartDrawn, openAppSession, tidy, type AppSession } from './helpers/appSession'
import { compareWithReference, settledScreenshot, TOLERANCE } from './helpers/referenceScreens'

// Key analyst screens compared with committed reference screenshots (tests/e2e/reference/), within
// a tolerance: a wrong number, a missing chart or a broken layout changes far more pixels than
// font rendering does. The data and the model come from fixed seeds. When a screen changes on
// purpose, refresh the references deliberately and review them before committing:
//   npm run test:e2e:update-references

/** Regions that differ from run to run: the database's temporary path, when a model was trained and how long it took. */
function volatile(page: Page) {
  return [page.getByTestId('db-path'), page.locator('.model-head .sub')]
}

async function expectLikeReference(page: Page, name: string): Promise<void> {
  await tidy(page, { clearFinishedJobs: true })
  await expect.poll(() => page.locator('body').textContent()).not.toContain('Elapsed')
  const result = compareWithReference(name, await settledScreenshot(page, volatile(page)))
  expect(
    result.share,
    `${name}: ${result.differentPixels} pixels differ from the reference (tolerance ${TOLERANCE.maxDifferentShare * 100} %); see ${result.written.join(', ')}`
  ).toBeLessThanOrEqual(TOLERANCE.maxDifferentShare)
}

describe('analyst screens look as their reference screenshots', () => {
  let s: AppSession
  let modelId = 0

  beforeAll(async () => {
    s = await openAppSession()
    const dataset = await s.bridge.service.generateDataset({ rows: 2000, seed: 7 })
    const { model } = await s.bridge.service.trainModel(dataset.id, { trees: 30, maxDepth: 10, threads: 1 })
    modelId = model.id
    s.bridge.service.governance.activateAutomatically(modelId)
    await s.page.reload()
  })

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail')
      await s.screenshot(`failed-visual-${context.task.name.replace(/\W+/g, '-')}.png`)
  })

  afterAll(async () => {
    await s?.close()
  })

  it('Explore: the summary of every column', async () => {
    const { page, bridge } = s
    await page.goto(`${bridge.url}#/explore`)
    await expect.poll(() => page.getByTestId('explore-tabs').isVisible(), { timeout: 60_000 }).toBe(true)
    await expectLikeReference(page, 'explore-summary')
  })

  it('Explore: the correlation heatmap', async () => {
    const { page } = s
    await page.getByRole('tab', { name: 'Correlations' }).click()
    await expectChartDrawn(page.locator('[data-testid="explore-tabs"] .el-tab-pane:visible').first())
    await expectLikeReference(page, 'explore-correlations')
  })

  it('Models: the evaluation at the model’s threshold', async () => {
    const { page, bridge } = s
    await page.goto(`${bridge.url}#/models/${modelId}`)
    await expect
      .poll(() => page.getByTestId('threshold-words').first().isVisible(), { timeout: 30_000 })
      .toBe(true)
    await expectChartDrawn(page.getByTestId('confusion-matrix').first())
    await expectLikeReference(page, 'model-evaluation')
  })
})
