import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ScorecardTable } from '../../../../src/main/core/model/ScorecardTable'
import { Workbench } from '../../../../src/main/core/service/Workbench'
import { flat, pdfPages } from './pdfPages'

describe('the scorecard pages of the evaluation report', () => {
  let dir = ''
  let service: Workbench
  let scorecardId = 0
  let forestId = 0
  let table: ScorecardTable

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ptm-scorecard-report-'))
    service = Workbench.open(join(dir, 'report.db'))
    const dataset = await service.generateDataset({ rows: 2000, seed: 1 })
    scorecardId = (await service.trainModel(dataset.id, { engine: 'scorecard', calibration: 'none' })).model
      .id
    forestId = (await service.trainModel(dataset.id, { trees: 5, maxDepth: 4, threads: 1 })).model.id
    table = service.scorecardOf(scorecardId).scorecard
  })
  afterAll(() => {
    service.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('prints the scale, every characteristic with its IV and every bin with its rows, WoE and points', async () => {
    const file = join(dir, 'scorecard.pdf')
    await service.writeEvaluationReport(scorecardId, file)
    const pages = pdfPages(file)
    const lines = pages.flat()
    const text = flat(lines)
    expect(text).toContain('Points scorecard')
    expect(text).toContain('600 points are odds of repaying of 50 to 1, and every 20 points double the odds')
    expect(text).toContain(
      'The model has no calibration: the probabilities it scores are exactly those the points state.'
    )
    // The summary lists the scorecard's settings, not a forest's.
    expect(text).toContain('Points to double the odds')
    expect(lines).not.toContain('Trees')
    let title = lines.indexOf('Points scorecard')
    expect(title).toBeGreaterThan(0)
    for (const c of table.characteristics) {
      title = lines.indexOf(c.feature, title + 1)
      expect(title, c.feature).toBeGreaterThanOrEqual(0)
      expect(text).toContain(`IV ${c.iv.toFixed(3)}`)
      // Each bin's row, in order after the title, reads label, rows, share, default rate, WoE, points.
      let at = title
      for (const b of c.bins) {
        at = lines.indexOf(b.label, at + 1)
        expect(at, `${c.feature} ${b.label}`).toBeGreaterThan(title)
        expect(lines.slice(at + 1, at + 6)).toEqual([
          b.count.toLocaleString('en-IN'),
          expect.stringMatching(/ %$/),
          b.count > 0 ? `${((100 * b.defaults) / b.count).toFixed(1)} %` : '-',
          b.woe.toFixed(3),
          String(b.points)
        ])
      }
    }
    for (const d of table.dropped) expect(text).toContain(`${d.feature} (IV ${d.iv.toFixed(3)})`)
    expect(text).toContain('Reasons for a score (adverse action)')
  })

  it('leaves a forest’s report without scorecard pages', async () => {
    const file = join(dir, 'forest.pdf')
    await service.writeEvaluationReport(forestId, file)
    const lines = pdfPages(file).flat()
    expect(lines).not.toContain('Points scorecard')
    expect(lines).toContain('Trees')
  })
})
