import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { _electron as electron, type ElectronApplication, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { channels, type WindowApi } from '../../src/shared/api'

// The flows of tests/e2e, against the real app: the built main process, the sandboxed
// preload and the renderer in Electron's own window, on a temporary database.
const ROOT = resolve(__dirname, '../..')
const SCREENSHOTS = join(ROOT, 'test-results')

describe('the desktop app', () => {
  let app: ElectronApplication
  let page: Page
  let dir: string

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ptm-electron-'))
    mkdirSync(SCREENSHOTS, { recursive: true })
    app = await electron.launch({
      args: [join(ROOT, 'out/main/index.js')],
      env: { ...process.env, PTM_DB: join(dir, 'workbench.db') }
    })
    page = await app.firstWindow()
    await page.setViewportSize({ width: 1366, height: 768 })
  })

  afterAll(async () => {
    await app?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('opens a sandboxed window that exposes exactly the contract as window.api', async () => {
    expect(await page.title()).toBe('Loan Default Workbench')
    const exposed = await page.evaluate(() => ({
      keys: Object.keys((window as unknown as { api: WindowApi }).api).sort(),
      node: typeof (globalThis as { require?: unknown }).require
    }))
    expect(exposed.keys).toEqual([...channels, 'on', 'registerDroppedFile'].sort())
    expect(exposed.node).toBe('undefined')
  })

  it('uses the database given by PTM_DB', async () => {
    await expect.poll(() => page.getByTestId('db-path').textContent()).toBe(join(dir, 'workbench.db'))
  })

  it('generates a dataset with progress and lists it', async () => {
    await page.locator('#gen-rows input, #gen-rows').first().fill('2000')
    await page.getByTestId('generate').click()
    await expect
      .poll(() => page.getByTestId('datasets-table').textContent(), { timeout: 60_000 })
      .toContain('2,000')
    await page.screenshot({ path: join(SCREENSHOTS, 'electron-data.png') })
  })

  it('explores the dataset', async () => {
    await page.getByRole('link', { name: 'Explore' }).click()
    await expect.poll(() => page.getByTestId('summary-table').isVisible(), { timeout: 60_000 }).toBe(true)
    await page.screenshot({ path: join(SCREENSHOTS, 'electron-explore.png') })
  })

  it('refuses to navigate away or open windows', async () => {
    const before = page.url()
    await page.evaluate(() => {
      window.location.href = 'https://example.com/'
      window.open('https://example.com/')
    })
    await page.waitForTimeout(500)
    expect(page.url()).toBe(before)
    expect(app.windows()).toHaveLength(1)
  })
})
