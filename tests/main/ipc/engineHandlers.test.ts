import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { useTrainedTemplate } from '../../fixtures/trainedDatabase'
import { useHandlerHarness } from '../../helpers/handlerHarness'
import { onlyJson, ptm } from '../../helpers/runPtm'
import { useTempDir } from '../../helpers/tempDir'

// The Models screen's engine calls over a real database: a scorecard's points table is the
// table `ptm scorecard --json` prints, with the scale the analyst asked for; an `auto` run's
// leaderboard is the one `ptm train --engine auto --json` returned.
describe('engine calls of the Models screen', () => {
  const tmp = useTempDir()
  // 2,000 generated loans, 20 % held out: 1,600 training rows (stratified, so within one).
  const template = useTrainedTemplate({ rows: 2000, seed: 5 })
  const harness = useHandlerHarness(template, tmp)
  const setUp = () => harness('e.db')

  it('gives a scorecard’s points table as ptm scorecard --json prints it, on the scale it was trained with', async () => {
    const { db, service, call, ids } = setUp()
    const { model } = await service.trainModel(ids.datasetId, {
      engine: 'scorecard',
      pdo: 40,
      basePoints: 500,
      baseOdds: 20,
      seed: 3
    })
    const view = await call('models/scorecard', { id: model.id })
    const cli = onlyJson(await ptm(db, 'scorecard', '--model', String(model.id), '--json'))
    expect(view).toEqual({ ...cli, name: model.name })
    const table = view.scorecard
    // factor = PDO ÷ ln 2 = 40 ÷ 0.693147… = 57.7078…; offset = 500 − factor × ln 20 = 327.1229…
    expect(table.factor).toBeCloseTo(57.70780164, 6)
    expect(table.offset).toBeCloseTo(327.1229, 4)
    for (const c of table.characteristics) {
      // Every training row falls in exactly one bin of every characteristic.
      const rows = c.bins.reduce((s, b) => s + b.count, 0)
      expect(Math.abs(rows - 1600), c.feature).toBeLessThanOrEqual(1)
      for (const b of c.bins) expect(b.points, `${c.feature} ${b.label}`).toBe(Math.round(b.pointsExact))
    }
  })

  it('refuses the points table of a forest, naming its engine', async () => {
    const { envelope, ids } = setUp()
    const answer = await envelope('models/scorecard', { id: ids.modelId })
    expect(answer.ok).toBe(false)
    if (answer.ok) return
    expect(answer.error.code).not.toBe('INTERNAL')
    expect(answer.error.message).toMatch(/Model \d+ .* engine and has no points table/)
  })

  it('exports a scorecard to ONNX where the save dialog says', async () => {
    const { service, call, saves, ids } = setUp()
    const { model } = await service.trainModel(ids.datasetId, { engine: 'scorecard', seed: 3 })
    const report = await call('models/exportOnnx', { id: model.id })
    expect(saves).toEqual([`model-${model.id}.onnx`])
    expect(report).not.toBeNull()
    expect(existsSync(report!.file)).toBe(true)
    expect(readFileSync(report!.file).length).toBe(report!.bytes)
    expect(report!.outputs.map((o) => o.name)).toContain('Default_Probability')
  })

  it('gives an auto run’s leaderboard as ptm train --engine auto --json returned it', async () => {
    const { db, call, service } = setUp()
    const train = onlyJson(
      await ptm(
        db,
        'train',
        '--engine',
        'auto',
        '--budget-s',
        '10',
        '--trees',
        '20',
        '--threads',
        '1',
        '--json'
      )
    )
    const champion = service.models.summary(train.modelId as number)
    expect(champion.runId).not.toBeNull()
    const run = await call('models/run', { id: champion.runId! })
    expect(run.championId).toBe(champion.id)
    expect(run.leaderboard.map(({ modelId: _id, ...entry }) => entry)).toEqual(
      (train.leaderboard as Record<string, unknown>[]).map(({ modelId: _id, ...entry }) => entry)
    )
    // Best mean AUC first; one champion; every candidate kept as a model of this run.
    const aucs = run.leaderboard.map((e) => e.cvAuc)
    expect(aucs).toEqual([...aucs].sort((a, b) => b - a))
    expect(run.leaderboard.filter((e) => e.champion).map((e) => e.modelId)).toEqual([champion.id])
    for (const e of run.leaderboard) expect(service.models.summary(e.modelId!).runId).toBe(run.id)
  })
})
