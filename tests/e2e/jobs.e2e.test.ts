import type { WindowApi } from '../../src/shared/api'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { fillNumber, openAppSession, requestsLeavingLoopback, type AppSession } from './helpers/appSession'

// A long job on a fresh database: the window stays responsive while it runs, and
// cancelling it from the jobs panel leaves the database as it was.

describe('Background jobs in Chromium', () => {
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

  it('shows a long job with its phase, progress, elapsed time and time left', async () => {
    const { page } = s
    await expect.poll(() => page.getByTestId('no-datasets').isVisible()).toBe(true)
    // The largest the form allows: long enough to watch and cancel on any machine (~15 s per million here).
    await fillNumber(page.locator('#gen-rows'), 2_000_000)
    await expect.poll(() => page.getByTestId('rows-in-words').textContent()).toContain('20 lakh')
    await page.getByTestId('generate').click()
    const running = page.getByTestId('jobs-panel').locator('.job[data-status="running"]')
    await expect.poll(() => running.count()).toBe(1)
    // Progress has moved and main can estimate the time left.
    await expect
      .poll(() => running.locator('.el-progress').getAttribute('aria-valuenow'), { timeout: 30_000 })
      .not.toBe('0')
    await expect.poll(() => running.textContent(), { timeout: 30_000 }).toMatch(/Left ~\d/)
    const text = (await running.textContent()) ?? ''
    expect(text).toContain('Generate 20,00,000 loans')
    expect(text).toContain('Generating loans')
    expect(text).toMatch(/Elapsed \d+ s/)
    await s.screenshot('jobs-running.png')
  })

  it('answers a quick call promptly and keeps the window usable while the job runs', async () => {
    const { page } = s
    expect(s.bridge.jobs.list().some((j) => j.status === 'running')).toBe(true)
    const timing = await page.evaluate(async () => {
      const started = performance.now()
      const result = await (window as unknown as { api: WindowApi }).api['datasets/list']({})
      return { ms: performance.now() - started, ok: result.ok }
    })
    expect(timing.ok).toBe(true)
    // A responsiveness check, not a benchmark: the answer must not wait for the job.
    expect(timing.ms).toBeLessThan(3000)
    await page.getByRole('link', { name: 'Explore', exact: true }).click()
    await expect
      .poll(() => page.getByTestId('empty-state').textContent(), { timeout: 3000 })
      .toContain('Nothing to explore yet')
    await page.getByRole('link', { name: 'Data', exact: true }).click()
    await expect.poll(() => page.getByTestId('no-datasets').isVisible(), { timeout: 3000 }).toBe(true)
    expect(s.bridge.jobs.list().some((j) => j.status === 'running')).toBe(true)
  })

  it('cancels the job from the jobs panel and saves nothing', async () => {
    const { page, bridge } = s
    const panel = page.getByTestId('jobs-panel')
    await panel
      .locator('.job')
      .first()
      .getByRole('button', { name: /^Cancel Generate/ })
      .click()
    // Once over, the job is folded into the panel's head; unfolded, it says how it ended.
    await expect
      .poll(() => panel.getByTestId('toggle-finished').textContent(), { timeout: 20_000 })
      .toMatch(/1 finished · Show/)
    expect(await panel.locator('.job').count()).toBe(0)
    await panel.getByTestId('toggle-finished').click()
    const job = panel.locator('.job').first()
    expect(await job.getAttribute('data-status')).toBe('cancelled')
    expect(await job.textContent()).toContain('Cancelled; nothing was saved.')
    await s.screenshot('jobs-cancel.png')
    expect(bridge.jobs.list().map((j) => j.status)).toEqual(['cancelled'])
    expect(bridge.service.listDatasets()).toEqual([])
    const listed = await page.evaluate(() =>
      (window as unknown as { api: WindowApi }).api['datasets/list']({})
    )
    expect(listed).toEqual({ ok: true, value: [] })
    expect(await page.getByTestId('no-datasets').isVisible()).toBe(true)
  })

  it('made no request that left this computer, and the page logged no error', () => {
    expect(requestsLeavingLoopback(s.requests)).toEqual([])
    expect(s.errors).toEqual([])
  })
})
