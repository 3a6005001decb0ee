import { afterEach, describe, expect, it, vi } from 'vitest'
import { allEngines, engineFor } from '../../../../src/main/core/ml/engines'
import { Workbench } from '../../../../src/main/core/service/Workbench'
import {
  leadWithinOneError,
  pickChampion,
  searchChampion
} from '../../../../src/main/core/training/autoSearch'
import { blendParams, blendScores } from '../../../../src/main/core/training/blendCandidate'
import { rowBalancer } from '../../../../src/main/core/training/balanceRows'
import { crossFittedScores } from '../../../../src/main/core/training/honestScores'
import { prepareFeatures } from '../../../../src/main/core/training/prepareFeatures'
import { TrainParamsSchema } from '../../../../src/shared/params/trainParams'

describe('pickChampion', () => {
  const folds = (...aucs: number[]): number[] => aucs
  const scorecard = {
    engine: 'scorecard',
    cvAuc: 0.8,
    complexity: 1,
    foldAucs: folds(0.8, 0.78, 0.82, 0.76, 0.84)
  }

  it('takes the best mean AUC, not a simpler candidate within one standard error of it, when there is no blend', () => {
    // Best 0.80 ± 0.032 over 5 folds (standard error 0.014): the old rule took the 0.795 scorecard.
    const forest = {
      engine: 'forest',
      cvAuc: 0.8,
      complexity: 3,
      foldAucs: folds(0.8, 0.78, 0.82, 0.76, 0.84)
    }
    const simpler = { ...scorecard, cvAuc: 0.795 }
    expect(pickChampion([forest, simpler])).toBe(0)
    expect(pickChampion([simpler, forest])).toBe(1)
    // An exact tie goes to the simpler.
    expect(pickChampion([forest, { ...forest, complexity: 1 }, { ...forest, complexity: 2 }])).toBe(1)
  })

  it('takes the blend when the best leads it by at most one standard error of their per-fold difference', () => {
    // Differences 0.01, −0.01, 0.02, −0.01, 0.01: mean 0.004, sd √(720e-6 / 4) = 0.0134, se 0.0060.
    const blend = {
      engine: 'blend',
      cvAuc: 0.796,
      complexity: 4,
      foldAucs: folds(0.79, 0.79, 0.8, 0.77, 0.83)
    }
    expect(pickChampion([scorecard, blend])).toBe(1)
    // Differences 0.01, 0, 0.02, −0.01, 0.01: mean 0.006, sd √(520e-6 / 4) = 0.0114, se 0.0051 < 0.006.
    const behind = { ...blend, cvAuc: 0.794, foldAucs: folds(0.79, 0.78, 0.8, 0.77, 0.83) }
    expect(pickChampion([scorecard, behind])).toBe(0)
    // 0.006 behind on every fold: a small lead, but no noise in it.
    const steadily = { ...blend, cvAuc: 0.794, foldAucs: scorecard.foldAucs.map((a) => a - 0.006) }
    expect(pickChampion([scorecard, steadily])).toBe(0)
    // The blend best of all is the champion.
    expect(pickChampion([{ ...blend, cvAuc: 0.81 }, scorecard])).toBe(0)
  })

  it('measures the lead against the standard error of the per-fold difference', () => {
    // Differences 0.03, −0.01, 0.01: mean 0.01, sd 0.02, se 0.0115 — within.
    expect(leadWithinOneError([0.83, 0.79, 0.81], [0.8, 0.8, 0.8])).toBe(true)
    // Differences 0.02, 0, 0.01: mean 0.01, sd 0.01, se 0.0058 — beyond.
    expect(leadWithinOneError([0.82, 0.8, 0.81], [0.8, 0.8, 0.8])).toBe(false)
    // Behind on average: always within.
    expect(leadWithinOneError([0.7, 0.7, 0.7], [0.8, 0.8, 0.8])).toBe(true)
  })
})

describe('the blend candidate', () => {
  it("scores a row with the mean of its parts' log-odds", () => {
    // logit(0.5) = 0, logit(0.8) = ln 4: the mean is ln 2. logit(0.2) = −ln 4, logit(0.2) again: −ln 4.
    const s = blendScores(Float64Array.of(0.5, 0.2), Float64Array.of(0.8, 0.2))
    expect(s[0]).toBeCloseTo(Math.log(2), 12)
    expect(s[1]).toBeCloseTo(-Math.log(4), 12)
  })

  it("takes boosting's settings from the boosting candidate and the bins and points scale from the scorecard's", () => {
    const gbm = TrainParamsSchema.parse({
      engine: 'gbm',
      gbmDepth: 2,
      leaves: 4,
      rounds: 300,
      maxBins: 8,
      seed: 9
    })
    const scorecard = TrainParamsSchema.parse({
      engine: 'scorecard',
      maxBins: 5,
      minBinShare: 0.08,
      pdo: 40,
      seed: 9
    })
    const blend = blendParams(gbm, scorecard)
    expect(blend).toMatchObject({ engine: 'blend', smote: false, gbmDepth: 2, leaves: 4, rounds: 300 })
    expect(blend).toMatchObject({ maxBins: 5, minBinShare: 0.08, pdo: 40, seed: 9 })
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
    expect([...searched].sort()).toEqual(['blend', 'forest', 'gbm', 'scorecard'])
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

describe('the blend on the leaderboard', () => {
  it("is scored on the folds exactly as the blend engine's own cross-validation scores it", async () => {
    const service = Workbench.open(':memory:')
    const dataset = await service.generateDataset({ rows: 800, seed: 11 })
    const table = service.datasets.loadTable(dataset.id)
    const params = TrainParamsSchema.parse({
      engine: 'auto',
      trees: 8,
      threads: 1,
      budgetSeconds: 3600,
      seed: 4
    })
    // One candidate per engine keeps the search short; the blend is then of the two first ones.
    const { leaderboard } = await searchChampion(table, params, {
      candidates: (engine, p) => engine.candidates!(p).slice(0, 1)
    })
    const blend = leaderboard.find((e) => e.engine === 'blend')!
    expect(blend.params).toMatchObject({ engine: 'blend', gbmDepth: 3, maxBins: 8 })

    // The blend engine fitted on each fold itself (both parts), on the columns the pipeline gives it.
    const prepared = prepareFeatures(table, params, true, true)
    const train = prepared.split.train
    const columns = prepared.matrix.map((c) => Float64Array.from(train, (r) => c[r]))
    const y = Uint8Array.from(train, (r) => table.target[r])
    const own = await crossFittedScores(engineFor('blend'), {
      columns,
      y,
      features: prepared.features,
      params: blend.params,
      fitRows: rowBalancer(columns, y, prepared.features, blend.params)
    })
    const fold = own.foldModels!.fold
    const aucs = Array.from({ length: own.folds }, (_, f) => {
      const rows = Array.from(fold.keys()).filter((r) => fold[r] === f)
      return mannWhitney(
        rows.map((r) => y[r]),
        rows.map((r) => own.scores[r])
      )
    })
    expect(blend.foldAucs).toHaveLength(aucs.length)
    blend.foldAucs.forEach((a, f) => expect(a).toBeCloseTo(aucs[f], 9))
    service.close()
  })
})

/** P(a random default scores above a random repaid loan), ties one half: the AUC by its definition. */
function mannWhitney(y: number[], p: number[]): number {
  let wins = 0
  let pairs = 0
  for (let i = 0; i < y.length; i++)
    for (let j = 0; j < y.length; j++)
      if (y[i] === 1 && y[j] === 0) {
        pairs++
        wins += p[i] > p[j] ? 1 : p[i] === p[j] ? 0.5 : 0
      }
  return wins / pairs
}
