import { describe, expect, it } from 'vitest'
import type { ScorecardTable } from '../../../../src/main/core/model/ScorecardTable'
import { Workbench } from '../../../../src/main/core/service/Workbench'
import { useTrainedTemplate } from '../../../fixtures/trainedDatabase'
import { onlyJson, oneLine, ptm } from '../../../helpers/runPtm'
import { useTempDir } from '../../../helpers/tempDir'

describe('ptm scorecard', () => {
  // The template's active model is a forest; each test adds a scorecard to its own copy.
  const trained = useTrainedTemplate({ rows: 2000 })
  const tmp = useTempDir()

  async function withScorecard(): Promise<{ db: string; modelId: number }> {
    const db = trained.copyTo(tmp.path('w.db'))
    const service = Workbench.open(db)
    try {
      const { model } = await service.trainModel(trained.ids().datasetId, {
        engine: 'scorecard',
        calibration: 'none',
        seed: 3
      })
      return { db, modelId: model.id }
    } finally {
      service.close()
    }
  }

  it('prints the points table: each characteristic, its bins, WoE, points, rows, default rate and IV', async () => {
    const { db, modelId } = await withScorecard()
    const run = await ptm(db, 'scorecard', '--model', String(modelId))
    expect(run).toMatchObject({ code: 0, stderr: '' })
    const text = run.stdout
    expect(text).toContain(`Model ${modelId} "Scorecard, `)
    expect(text).toContain('600 points = odds of repaying 50:1; every 20 points double the odds.')
    expect(text).toMatch(/characteristic\s+bin\s+rows\s+default rate\s+WoE\s+points\s+IV/)
    expect(text).toMatch(/\nCredit_Score\s+<= \d+/)
    expect(text).toMatch(/\n\s+Missing\s+\d+/)
    expect(text).toContain(
      'Calibration none: the probabilities scoring gives are exactly those the points state.'
    )
    expect(text).toContain('Left out:')
  })

  it('--json gives the whole table, whose points add up to the scale', async () => {
    const { db, modelId } = await withScorecard()
    const json = onlyJson(await ptm(db, 'scorecard', '--model', String(modelId), '--json'))
    expect(json).toMatchObject({ modelId, calibration: 'none' })
    const table = json.scorecard as ScorecardTable
    expect(table).toMatchObject({ pdo: 20, basePoints: 600, baseOdds: 50 })
    expect(table.factor).toBeCloseTo(20 / Math.LN2, 12)
    expect(table.offset).toBeCloseTo(600 - (20 / Math.LN2) * Math.log(50), 9)
    // With every WoE at 0 the exact points sum to offset + factor × intercept.
    const neutral = table.characteristics.reduce(
      (s, c) => s + c.bins[0].pointsExact + table.factor * c.bins[0].margin,
      0
    )
    expect(neutral).toBeCloseTo(table.offset + table.factor * table.intercept, 9)
  })

  it('uses the scale given at training (--pdo, --base-points, --base-odds)', async () => {
    const db = trained.copyTo(tmp.path('w.db'))
    const train = await ptm(
      db,
      'train',
      '--engine',
      'scorecard',
      '--pdo',
      '40',
      '--base-points',
      '500',
      '--base-odds',
      '20',
      '--activate',
      '--json'
    )
    expect(train.code).toBe(0)
    const json = onlyJson(await ptm(db, 'scorecard', '--json'))
    expect(json.scorecard).toMatchObject({ pdo: 40, basePoints: 500, baseOdds: 20 })
  })

  it('refuses a model that is not a scorecard, saying what it is and what to do', async () => {
    const db = trained.copyTo(tmp.path('w.db'))
    const run = await ptm(db, 'scorecard', '--model', String(trained.ids().modelId))
    expect(run.code).toBe(1)
    expect(oneLine(run.stderr)).toMatch(
      /Model \d+ ".*" was trained with the Random forest \(ours\) engine and has no points table\. Train a scorecard with "ptm train --engine scorecard"/
    )
  })
})
