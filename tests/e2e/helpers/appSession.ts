import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core'
import { expect } from 'vitest'
import { startBridge, type Bridge } from '../bridge/startBridge'

export const SCREENSHOT_DIR = resolve(__dirname, '../../../test-results')
export const VIEWPORT = { width: 1366, height: 768 }

/** One user's session: a fresh database, the bridge over it, and Chromium on the built renderer. */
export interface AppSession {
  bridge: Bridge
  browser: Browser
  context: BrowserContext
  page: Page
  /** Every URL the page requested (the offline check reads it). */
  requests: string[]
  /** Console errors and page errors (a CSP violation or an uncaught exception lands here). */
  errors: string[]
  /** A path in this session's temp folder. */
  temp(name: string): string
  screenshot(name: string): Promise<void>
  close(): Promise<void>
}

export async function openAppSession(): Promise<AppSession> {
  const dir = mkdtempSync(join(tmpdir(), 'ptm-e2e-'))
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const bridge = await startBridge({ dbPath: join(dir, 'workbench.db') })
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic'
    ]
  })
  // A fresh context is a fresh profile: no storage, cache or cookies from another run.
  const context = await browser.newContext({
    viewport: VIEWPORT,
    locale: 'en-IN',
    timezoneId: 'Asia/Kolkata'
  })
  const page = await context.newPage()
  const requests: string[] = []
  const errors: string[] = []
  page.on('request', (request) => requests.push(request.url()))
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto(bridge.url)
  await waitUntil(() => bridge.eventClients() > 0, 10_000, 'the page never opened the event stream')

  return {
    bridge,
    browser,
    context,
    page,
    requests,
    errors,
    temp: (name) => join(dir, name),
    async screenshot(name) {
      // Transitions (dialogs fading in, tags appearing) are finished first, as a person would see them.
      await page.screenshot({ path: join(SCREENSHOT_DIR, name), animations: 'disabled' })
    },
    async close() {
      await context.close().catch(() => undefined)
      await browser.close().catch(() => undefined)
      await bridge.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

/** Polls `condition` (usable outside a test, where expect.poll is not). */
export async function waitUntil(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out: ${what}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

/** Requests that left this machine's loopback (data: and blob: URLs never leave the page). */
export function requestsLeavingLoopback(requests: string[]): string[] {
  return requests.filter((url) => {
    const { protocol, hostname } = new URL(url)
    if (protocol === 'data:' || protocol === 'blob:') return false
    return hostname !== '127.0.0.1'
  })
}

/** Picks an option of an Element Plus select, the way a user does: open it, click the option. */
export async function chooseOption(page: Page, select: Locator, optionText: string | RegExp): Promise<void> {
  await select.click()
  const option = page
    .locator('.el-select-dropdown:visible .el-select-dropdown__item')
    .filter({ hasText: optionText })
    .first()
  await option.click()
}

/** The label an Element Plus select shows as chosen (its inner input holds only the filter text). */
export function selectedLabel(page: Page, inputSelector: string): Promise<string | null> {
  return page
    .locator('.el-select', { has: page.locator(inputSelector) })
    .locator('.el-select__selected-item:not(.el-select__input-wrapper)')
    .first()
    .textContent()
}

/** Types a value into an Element Plus number input and commits it (on blur, as a user tabbing away). */
export async function fillNumber(input: Locator, value: number): Promise<void> {
  await input.fill(String(value))
  await input.press('Tab')
}

/** Waits until the canvas of a chart has been drawn with non-blank pixels. */
export async function expectChartDrawn(chart: Locator): Promise<void> {
  await expect
    .poll(
      () =>
        chart.evaluate((el) => {
          const canvas = el.querySelector('canvas')
          if (!canvas || canvas.width === 0 || canvas.height === 0) return 0
          const ctx = canvas.getContext('2d')
          if (!ctx) return 0
          const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height)
          let coloured = 0
          for (let i = 0; i < data.length; i += 4 * 7) {
            if (data[i + 3] > 0 && (data[i] < 240 || data[i + 1] < 240 || data[i + 2] < 240)) coloured++
          }
          return coloured
        }),
      { timeout: 15_000 }
    )
    .toBeGreaterThan(200)
}

/**
 * Leaves the screen as a person would look at it before a screenshot: notices closed, no focus
 * ring, the pointer aside and its tooltips faded; with `clearFinishedJobs`, the jobs panel's
 * finished jobs cleared. A notice may be fading out as it is clicked: such a click is given up
 * after two seconds, not Playwright's thirty.
 */
export async function tidy(page: Page, { clearFinishedJobs = false } = {}): Promise<void> {
  for (const close of await page.locator('.el-message__closeBtn').all())
    await close.click({ timeout: 2000 }).catch(() => undefined)
  if (clearFinishedJobs) {
    const clear = page.getByTestId('jobs-panel').getByRole('button', { name: 'Clear finished' })
    if ((await clear.count()) && (await clear.isEnabled())) await clear.click()
  }
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  await page.mouse.move(VIEWPORT.width - 2, VIEWPORT.height - 2)
  await expect.poll(() => page.locator('.el-popper.is-dark:visible').count()).toBe(0)
}
