import { afterEach, describe, expect, it, vi } from 'vitest'
import { allEngines } from '../../../../src/main/core/ml/engines'
import { Workbench } from '../../../../src/main/core/service/Workbench'
import { pickChampion, searchChampion } from '../../../../src/main/core/training/autoSearch'
import { prepareFeatures } from '../../../../src/main/core/training/prepareFeatures'
import { TrainParamsSchema } from '../../../../src/shared/params/trainParams'

describe('pickChampion (the one-standard-error rule)', () => {
  it('keeps the best unless a simpler candidate is within one standard error of it', () => {
    // Best 0.80 ± 0.02 over 4 folds: standard error 0.01. 0.795 is within it, 0.785 is not.
    const best = { cvAuc: 0.8, cvAucSd: 0.02, folds: 4, complexity: 3 }
    expect(pickChampion([best, { cvAuc: 0.795, cvAucSd: 0.02, folds: 4, complexity: 2 }])).toBe(1)
    expect(pickChampion([best, { cvAuc: 0.785, cvAucSd: 0.02, folds: 4, complexity: 1 }])).toBe(0)
    // Within the error but more complex: the best stays.
    expect(pickChampion([best, { cvAuc: 0.799, cvAucSd: 0.02, folds: 4, complexity: 5 }])).toBe(0)
    // Of two simpler ones within the error, the simplest.
    expect(
      pickChampion([
        best,
        { cvAuc: 0.797, cvAucSd: 0.02, folds: 4, complexity: 2 },
        { cvAuc: 0.792, cvAucSd: 0.02, folds: 4, complexity: 1 }
      ])
    ).toBe(2)
  })
})

describe('searchChampion', () => {
  it('cross-validates on the training rows only: scrambling every test row changes nothing', async () => {
    const service = Workbench.open(':memory:')
    const dataset = await service.generateDataset({ rows: 1500, seed: 5 })
    const table = service.datasets.loadTable(dataset.id)
    const params = TrainParamsSchema.parse({
      engine: 'auto',
      trees: 8,
      threads: 1,
      // A budget no run reaches: the search is then the same whatever the machine's load.
      budgetSeconds: 3600,
      seed: 3
    })
    const before = await searchChampion(table, params)
    // Every test row's features replaced (not its outcome: the stratified split is drawn from
    // the outcomes, so flipping them would move rows between the parts).
    const test = prepareFeatures(table, params).split.test
    for (const c of table.columns) {
      for (const r of test) {
        if (c.kind === 'numeric') c.values[r] = -c.values[r] * 7 + 3
        else if (c.codes[r] >= 0) c.codes[r] = (c.codes[r] + 1) % c.levels.length
      }
    }
    const after = await searchChampion(table, params)
    const strip = (r: typeof before): unknown =>
      r.leaderboard.map((e) => [e.label, e.cvAuc, e.cvAucSd, e.champion])
    expect(strip(after)).toEqual(strip(before))
    expect(before.leaderboard.length).toBeGreaterThanOrEqual(1)
    expect(before.leaderboard.filter((e) => e.champion)).toHaveLength(1)
    for (let i = 1; i < before.leaderboard.length; i++)
      expect(before.leaderboard[i].cvAuc).toBeLessThanOrEqual(before.leaderboard[i - 1].cvAuc)
    service.close()
  })
})

describe('searchChampion across the engines', () => {
  afterEach(() => vi.restoreAllMocks())

  it('cross-validates gbm and the scorecard beside the forest, each on its own columns: NaN kept where missing only for the engines that read missing values', async () => {
    const service = Workbench.open(':memory:')
    const dataset = await service.generateDataset({ rows: 800, seed: 7 })
    const table = service.datasets.loadTable(dataset.id)
    const params = TrainParamsSchema.parse({
      engine: 'auto',
      trees: 8,
      threads: 1,
      budgetSeconds: 3600,
      seed: 3
    })
    // Whether any column an engine was given to fit on held a NaN, per engine.
    const sawNaN = new Map<string, boolean>()
    for (const engine of allEngines().filter((e) => e.candidates)) {
      const train = engine.train.bind(engine)
      vi.spyOn(engine, 'train').mockImplementation((input) => {
        const nan = input.columns.some((c) => c.some(Number.isNaN))
        sawNaN.set(engine.id, (sawNaN.get(engine.id) ?? false) || nan)
        return train(input)
      })
    }
    const { leaderboard } = await searchChampion(table, params)
    const searched = new Set(leaderboard.map((e) => e.engine))
    expect([...searched].sort()).toEqual(['forest', 'gbm', 'scorecard'])
    // The generated book has gaps (employment, savings): they reach the engines that keep them.
    expect(Object.fromEntries(sawNaN)).toEqual({ forest: false, scorecard: true, gbm: true })
    service.close()
  })
})

describe('training with --engine auto', () => {
  it('keeps every candidate as a model of the run, the champion active, and returns the leaderboard', async () => {
    const service = Workbench.open(':memory:')
    const dataset = await service.generateDataset({ rows: 1500, seed: 6 })
    const outcome = await service.trainModel(dataset.id, {
      engine: 'auto',
      trees: 8,
      threads: 1,
      budgetSeconds: 10
    })
    const board = outcome.leaderboard!
    expect(board.length).toBeGreaterThanOrEqual(1)
    const champion = board.find((e) => e.champion)!
    expect(outcome.model.id).toBe(champion.modelId)
    expect(outcome.model.active).toBe(true)
    const models = service.listModels()
    expect(models.map((m) => m.id).sort()).toEqual(board.map((e) => e.modelId).sort())
    const runId = models[0].runId!
    expect(models.every((m) => m.runId === runId)).toBe(true)
    expect(service.models.run(runId)).toMatchObject({ championId: champion.modelId, leaderboard: board })
    // Each kept model is the candidate's settings trained on the whole training split.
    for (const e of board) expect(service.models.summary(e.modelId!).params).toMatchObject(e.params)
    service.close()
  })
})
