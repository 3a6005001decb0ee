import { describe, expect, it } from 'vitest'
import { allEngines, engineFor, isEngineId, type FitRows } from '../../../../../src/main/core/ml/engines'
import { meanOfMargins } from '../../../../../src/main/core/ml/engines/blendEngine'
import {
  ensembleMargins,
  type EnsembleCombine,
  type TreeEnsemble
} from '../../../../../src/main/core/model/TreeEnsemble'
import { leafTree } from '../../../../fixtures/smallTrees'
import { DEFAULT_TRAIN_PARAMS, ENGINES, type TrainParams } from '../../../../../src/shared/params/trainParams'
import { scorecardData } from '../scorecard/scorecardData'

const blend = engineFor('blend')
const p = { ...DEFAULT_TRAIN_PARAMS, engine: 'blend' as const }

describe('the engine registry', () => {
  it('finds every engine by its id, lists them in the schema’s order, and tells engines from auto', () => {
    for (const id of ENGINES) expect(engineFor(id).id).toBe(id)
    expect(allEngines().map((e) => e.id)).toEqual(['forest', 'ml-random-forest', 'scorecard', 'gbm', 'blend'])
    expect(isEngineId('auto')).toBe(false)
    expect(isEngineId('gbm')).toBe(true)
  })
})

describe('the blend engine’s settings', () => {
  it('names both of its models', () => {
    expect(blend.label).toBe('Blend: boosted trees + points scorecard')
    expect(blend.describe(p)).toBe('Blend: boosted trees 500×depth 3 + scorecard, up to 8 bins')
    expect(blend.describe({ ...p, gbmDepth: 3, leaves: 9 })).toBe(
      'Blend: boosted trees 500×depth 3 + scorecard, up to 8 bins'
    )
    expect(blend.describe({ ...p, rounds: 90, gbmDepth: 5, leaves: 16, maxBins: 6 })).toBe(
      'Blend: boosted trees 90×depth 5, 16 leaves + scorecard, up to 6 bins'
    )
    expect(blend.keepsMissing).toBe(true)
    expect(blend.acceptsSmote).toBe(false)
    expect(blend.candidates).toBeUndefined()
  })

  it('estimates the boosting time plus the scorecard time, worked by hand', () => {
    // 10,000 rows, defaults. Boosting: 0.5 + 5 × 300 rounds × (3e-4 + 10,000 × 8 × 0.8 × 1.6e-8)
    // = 2.486 s; scorecard: 6 × (0.05 + 10,000 × 3e-5) = 2.1 s.
    const estimate = blend.estimateSeconds(10_000, p)
    expect(estimate.seconds).toBeCloseTo(2.486 + 2.1, 12)
    expect(estimate.note).toBe('Boosted trees and a scorecard, each fitted as on its own, then averaged.')
  })

  it('keeps its settings in fold models, runs as many fits as threads, and is more complex than either part', () => {
    expect(blend.foldParams?.(p, 5)).toEqual(p)
    expect(blend.concurrentFits?.({ ...p, threads: 3 })).toBe(3)
    // Boosting 2 + 500 × 8 × 1e-7, scorecard 1 + 8 × 1e-3.
    expect(blend.complexity?.(p)).toBeCloseTo(2.0004 + 1.008, 15)
  })
})

describe('the blend engine’s training', () => {
  it('gives each row the mean of the boosted trees’ and the scorecard’s log-odds, and both models’ notes', async () => {
    const data = scorecardData(800, 5)
    const n = data.y.length
    const fitRows = (): FitRows => ({ columns: data.columns, y: data.y, numReal: n })
    const params: TrainParams = { ...p, rounds: 15, earlyStopping: 0, threads: 1, seed: 3 }
    const input = { columns: data.columns, y: data.y, features: data.features, params, fitRows }
    const result = await blend.train(input)
    const boosted = await engineFor('gbm').train(input)
    const scorecard = await engineFor('scorecard').train(input)
    expect(result.ensemble.trees).toHaveLength(
      boosted.ensemble.trees.length + scorecard.ensemble.trees.length
    )
    const both = ensembleMargins(result.ensemble, data.columns, n)
    const gbmMargins = ensembleMargins(boosted.ensemble, data.columns, n)
    const cardMargins = ensembleMargins(scorecard.ensemble, data.columns, n)
    for (let r = 0; r < n; r++) expect(both[r]).toBeCloseTo((gbmMargins[r] + cardMargins[r]) / 2, 10)
    expect(result.notes).toEqual([...boosted.notes, ...scorecard.notes])
    expect(result.outOfBag).toBeNull()
    expect(result.artifact).toBeUndefined()
  })
})

describe('meanOfMargins’s refusals', () => {
  const ensemble = (combine: EnsembleCombine): TreeEnsemble => ({
    numFeatures: 1,
    trees: [leafTree(0.5)],
    featureImportance: Float64Array.of(0),
    combine
  })
  const boosted = ensemble({ aggregate: 'sum', bias: 0, link: 'logistic' })

  it('refuses summed scores without the logistic link, and averaged ones with it', () => {
    expect(() => meanOfMargins([boosted, ensemble({ aggregate: 'sum', bias: 0, link: 'identity' })])).toThrow(
      'only ensembles that sum log-odds margins can be blended'
    )
    expect(() =>
      meanOfMargins([ensemble({ aggregate: 'mean', bias: 0, link: 'logistic' }), boosted])
    ).toThrow('only ensembles that sum log-odds margins can be blended')
    expect(meanOfMargins([boosted, boosted]).trees.map((t) => t.value[0])).toEqual([0.25, 0.25])
  })
})
