import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import pixelmatch from 'pixelmatch'
import { PNG } from 'pngjs'
import type { Locator, Page } from 'playwright-core'
import { SCREENSHOT_DIR } from './appSession'

/** Committed reference screenshots; refreshed only on purpose (npm run test:e2e:update-references). */
export const REFERENCE_DIR = resolve(__dirname, '../reference')
/** Set by npm run test:e2e:update-references: write the screenshots as the new references. */
export const UPDATING = process.env.UPDATE_REFERENCES === '1'

/** How far a screen may drift from its reference: per pixel (pixelmatch's YIQ threshold) and in all. */
export const TOLERANCE = { pixelThreshold: 0.1, maxDifferentShare: 0.005 }

export interface ScreenComparison {
  differentPixels: number
  share: number
  /** Where the screenshot and the difference image were written when they differ beyond tolerance. */
  written: string[]
}

/**
 * A screenshot once the screen has settled: charts animate on their own clock, so shots are
 * taken until two in a row are identical. Regions that change from run to run (dates,
 * durations, temporary paths) are masked.
 */
export async function settledScreenshot(page: Page, mask: Locator[]): Promise<Buffer> {
  let previous = await page.screenshot({ animations: 'disabled', mask, maskColor: '#888888' })
  for (let tries = 0; tries < 20; tries++) {
    await page.waitForTimeout(250)
    const next = await page.screenshot({ animations: 'disabled', mask, maskColor: '#888888' })
    if (next.equals(previous)) return next
    previous = next
  }
  return previous
}

/**
 * Compares a screenshot with the committed reference of that name (or, when updating, writes
 * it as the reference). On a difference beyond tolerance the actual screen and a difference
 * image are written to test-results/ for review.
 */
export function compareWithReference(name: string, screenshot: Buffer): ScreenComparison {
  const referencePath = join(REFERENCE_DIR, `${name}.png`)
  if (UPDATING) {
    mkdirSync(REFERENCE_DIR, { recursive: true })
    writeFileSync(referencePath, screenshot)
    return { differentPixels: 0, share: 0, written: [referencePath] }
  }
  if (!existsSync(referencePath))
    throw new Error(`${referencePath} is missing: run npm run test:e2e:update-references and commit it.`)
  const reference = PNG.sync.read(readFileSync(referencePath))
  const actual = PNG.sync.read(screenshot)
  if (reference.width !== actual.width || reference.height !== actual.height)
    throw new Error(
      `${name}: the screen is ${actual.width}×${actual.height}, its reference ${reference.width}×${reference.height}.`
    )
  const diff = new PNG({ width: actual.width, height: actual.height })
  const differentPixels = pixelmatch(reference.data, actual.data, diff.data, actual.width, actual.height, {
    threshold: TOLERANCE.pixelThreshold
  })
  const share = differentPixels / (actual.width * actual.height)
  const written: string[] = []
  if (share > TOLERANCE.maxDifferentShare) {
    mkdirSync(SCREENSHOT_DIR, { recursive: true })
    const actualPath = join(SCREENSHOT_DIR, `${name}.actual.png`)
    const diffPath = join(SCREENSHOT_DIR, `${name}.diff.png`)
    writeFileSync(actualPath, screenshot)
    writeFileSync(diffPath, PNG.sync.write(diff))
    written.push(actualPath, diffPath)
  }
  return { differentPixels, share, written }
}
