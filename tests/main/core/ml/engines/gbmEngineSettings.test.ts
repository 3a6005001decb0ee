import { beforeEach, describe, expect, it, vi } from 'vitest'
import { engineFor, type EngineTrainInput, type FitRows } from '../../../../../src/main/core/ml/engines'
import type { GbmHooks, GbmOptions, GbmValidation } from '../../../../../src/main/core/ml/gbm/trainGbm'
import type { FeatureSpec } from '../../../../../src/main/core/model/ModelArtifact'
import { predictEnsemble } from '../../../../../src/main/core/model/TreeEnsemble'
import { DEFAULT_TRAIN_PARAMS } from '../../../../../src/shared/params/trainParams'
import { ENGINE_FEATURES, engineInput, fitRowsOf } from './engineData'

/** Every boosting fit: which trainer ran it, with what options and early-stopping rows. */
const calls = vi.hoisted(
  () => [] as { trainer: 'inline' | 'worker'; options: GbmOptions; validation: GbmValidation | null }[]
)
vi.mock('../../../../../src/main/core/ml/gbm/trainGbm', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../../../src/main/core/ml/gbm/trainGbm')>()
  return {
    ...real,
    trainGbm: (
      c: Float64Array[],
      y: Uint8Array,
      options: GbmOptions,
      validation: GbmValidation | null,
      hooks?: GbmHooks
    ) => {
      calls.push({ trainer: 'inline', options, validation })
      return real.trainGbm(c, y, options, validation, hooks)
    }
  }
})
// The worker trainer is held to the same result by trainGbm's own tests; here only which one runs.
vi.mock('../../../../../src/main/core/ml/gbm/trainGbmInWorker', async () => {
  const real = await vi.importActual<typeof import('../../../../../src/main/core/ml/gbm/trainGbm')>(
    '../../../../../src/main/core/ml/gbm/trainGbm'
  )
  return {
    trainGbmInWorker: (
      c: Float64Array[],
      y: Uint8Array,
      options: GbmOptions,
      validation: GbmValidation | null
    ) => {
      calls.push({ trainer: 'worker', options, validation })
      return real.trainGbm(c, y, options, validation)
    }
  }
})

const gbm = engineFor('gbm')
const p = { ...DEFAULT_TRAIN_PARAMS, engine: 'gbm' as const }

/** Training input over n rows whose first `positives` rows default (x = the label plus a little noise). */
function labelled(n: number, positives: number, validationShare: number): EngineTrainInput {
  const y = Uint8Array.from({ length: n }, (_, r) => (r < positives ? 1 : 0))
  const columns = [
    Float64Array.from(y, (v, r) => v + ((r * 37) % 10) / 20),
    Float64Array.from(y, (_, r) => r % 3)
  ]
  const features: FeatureSpec[] = ENGINE_FEATURES.slice(0, 2)
  const params = { ...p, rounds: 4, earlyStopping: 2, validationShare, threads: 1 }
  return { columns, y, features, params, fitRows: fitRowsOf(columns, y, false).fitRows }
}

beforeEach(() => {
  calls.length = 0
})

describe('the gbm engine’s settings', () => {
  it('names itself and leaves the leaf count out of the name when the depth allows no more', () => {
    expect(gbm.label).toBe('Gradient-boosted trees (ours)')
    expect(gbm.describe({ ...p, gbmDepth: 3, leaves: 9 })).toBe('Boosted trees 500×depth 3')
    expect(gbm.describe({ ...p, gbmDepth: 4, leaves: 15, rounds: 80 })).toBe(
      'Boosted trees 80×depth 4, 15 leaves'
    )
  })

  it('estimates 0.5 s + five fits of (0.3 ms + 16 ns a row × leaf × subsample) a round, at 60 % of the rounds with early stopping', () => {
    // Defaults on 10,000 rows: 8 leaves × 0.8 → 3e-4 + 10,000 × 6.4 × 1.6e-8 = 1.324 ms a round.
    const estimate = gbm.estimateSeconds(10_000, p)
    expect(estimate.seconds).toBeCloseTo(0.5 + 5 * 300 * 1.324e-3, 12)
    expect(estimate.note).toBe(
      'Our gradient-boosted trees on one thread, with five cross-fitted fold models for the calibration.'
    )
    expect(gbm.estimateSeconds(10_000, { ...p, earlyStopping: 0 }).seconds).toBeCloseTo(
      0.5 + 5 * 500 * 1.324e-3,
      12
    )
    // Depth 3 allows 8 leaves whatever `leaves` says; depth 5 with 16 leaves: 3e-4 + 10,000 × 12.8 × 1.6e-8.
    expect(gbm.estimateSeconds(10_000, { ...p, leaves: 64 }).seconds).toBeCloseTo(estimate.seconds, 12)
    expect(gbm.estimateSeconds(10_000, { ...p, gbmDepth: 5, leaves: 16 }).seconds).toBeCloseTo(
      0.5 + 5 * 300 * 2.348e-3,
      12
    )
    expect(gbm.estimateSeconds(10_000, { ...p, subsample: 0.4 }).seconds).toBeCloseTo(
      0.5 + 5 * 300 * (3e-4 + 10_000 * 8 * 0.4 * 1.6e-8),
      12
    )
  })

  it('cross-validates depths 3, 2 and 5, the deepest with children of weight 5 or more', () => {
    const base = { ...p, engine: 'forest' as const, rounds: 300, minChildWeight: 2 }
    expect(gbm.candidates?.(base)).toEqual([
      { ...base, engine: 'gbm', gbmDepth: 3, leaves: 8 },
      { ...base, engine: 'gbm', gbmDepth: 2, leaves: 4 },
      { ...base, engine: 'gbm', gbmDepth: 5, leaves: 16, minChildWeight: 5 }
    ])
    expect(gbm.candidates?.({ ...base, minChildWeight: 9 })[2].minChildWeight).toBe(9)
  })

  it('ranks complexity 2 + rounds × usable leaves × 10⁻⁷, and runs as many fits at once as threads', () => {
    expect(gbm.complexity?.(p)).toBeCloseTo(2 + 500 * 8 * 1e-7, 15)
    expect(gbm.complexity?.({ ...p, leaves: 64 })).toBeCloseTo(2 + 500 * 8 * 1e-7, 15)
    expect(gbm.complexity?.({ ...p, gbmDepth: 5, leaves: 16, rounds: 100 })).toBeCloseTo(
      2 + 100 * 16 * 1e-7,
      15
    )
    expect(gbm.concurrentFits?.({ ...p, threads: 3 })).toBe(3)
    expect(gbm.acceptsSmote).toBeUndefined()
  })
})

describe('the gbm engine’s training', () => {
  const settings = {
    engine: 'gbm' as const,
    rounds: 12,
    learningRate: 0.2,
    gbmDepth: 2,
    leaves: 3,
    subsample: 0.7,
    colsample: 0.9,
    l2: 2,
    minChildWeight: 3,
    earlyStopping: 0,
    seed: 5
  }

  it('hands every boosting setting to the trainer on this thread, and gives probabilities', async () => {
    const categorical: FeatureSpec = {
      name: 'grade',
      kind: 'categorical',
      source: 'input',
      levels: ['a', 'b'],
      fill: 0
    }
    const input = engineInput(300, 9, settings)
    const features = [ENGINE_FEATURES[0], categorical, ENGINE_FEATURES[2]]
    const result = await gbm.train({ ...input, features })
    expect(calls).toHaveLength(1)
    expect(calls[0].trainer).toBe('inline')
    expect(calls[0].validation).toBeNull()
    expect(calls[0].options).toEqual({
      rounds: 12,
      learningRate: 0.2,
      maxDepth: 2,
      maxLeaves: 3,
      subsample: 0.7,
      colsample: 0.9,
      l2: 2,
      minChildWeight: 3,
      earlyStoppingRounds: 0,
      seed: 5,
      categorical: Uint8Array.of(0, 1, 0)
    })
    expect(result.ensemble.trees).toHaveLength(12)
    expect(result.ensemble.combine.link).toBe('logistic')
    expect(result.notes).toEqual([])
    for (const s of predictEnsemble(result.ensemble, input.columns, 300)) {
      expect(s).toBeGreaterThan(0)
      expect(s).toBeLessThan(1)
    }
  })

  it('trains on a worker of its own when it has more than one thread', async () => {
    await gbm.train(engineInput(200, 9, { ...settings, rounds: 2, threads: 2 }))
    expect(calls.map((c) => c.trainer)).toEqual(['worker'])
  })

  it('says when it boosted on SMOTE rows, and needs no prior correction without them', async () => {
    const smote = await gbm.train(engineInput(200, 9, { ...settings, rounds: 2 }, true))
    expect(smote.notes).toEqual([
      'Boosting was fitted on SMOTE rows: on the real credit files measured (bench/gbmRealData.ts) this lowered held-out AUC by 0.01–0.06 against the same engine without SMOTE; train it with --no-smote.'
    ])
    calls.length = 0
    const real = await gbm.train(engineInput(400, 9, { ...settings, rounds: 3, earlyStopping: 7 }))
    expect(calls[0].options.earlyStoppingRounds).toBe(7)
    expect(calls[0].validation?.marginOffset).toBe(0)
    // 15 % of the 400 rows are held out: the note names them and the rounds.
    expect(real.notes).toHaveLength(1)
    expect(real.notes[0]).toMatch(
      /^Boosting kept [1-3] of [1-3] rounds run \(of at most 3\): the best log-loss on 60 held-out training rows, which were not fitted on\.$/
    )
  })

  it('stops early on five rows of each class, and not on four', async () => {
    // 100 defaults × 5 % = 5 held-out defaults; 80 × 5 % = 4.
    await gbm.train(labelled(1000, 100, 0.05))
    expect(calls[0].validation?.y).toHaveLength(50)
    expect(calls[0].options.earlyStoppingRounds).toBe(2)
    calls.length = 0
    const few = await gbm.train(labelled(1000, 80, 0.05))
    expect(calls[0].validation).toBeNull()
    expect(calls[0].options.earlyStoppingRounds).toBe(0)
    expect(few.notes).toEqual([
      'Early stopping was skipped: a 5 % share of the training rows would hold fewer than 5 rows of a class; all 4 rounds were fitted on every training row.'
    ])
  })

  it('reports progress round by round, and stops when cancelled', async () => {
    const progress: [number, number][] = []
    await gbm.train({
      ...engineInput(200, 9, { ...settings, rounds: 3 }),
      onProgress: (d, t) => progress.push([d, t])
    })
    expect(progress.at(-1)).toEqual([3, 3])
    const controller = new AbortController()
    controller.abort()
    await expect(
      gbm.train({ ...engineInput(200, 9, settings), signal: controller.signal })
    ).rejects.toMatchObject({ name: 'AbortError' })
  })

  it('does not stop early on four repayers, however many defaults', async () => {
    // 992 defaults and 8 repayers, half held out: 496 defaults but 4 repayers to stop on.
    await gbm.train(labelled(1000, 992, 0.5))
    expect(calls[0].validation).toBeNull()
  })

  it('corrects the early-stopping margins for synthetic repayers too', async () => {
    // 300 rows, 70 % defaults: SMOTE makes repayers. Here every repayer among the fit rows
    // gets one synthetic copy, so the fit rows' default rate falls below the real one.
    const input = labelled(300, 210, 0.15)
    const { fitRows } = fitRowsOf(input.columns, input.y, false)
    const withRepayers = (subset?: Int32Array): FitRows => {
      const real = fitRows(subset)
      const repay = Array.from(real.y.keys()).filter((k) => real.y[k] === 0)
      return {
        columns: real.columns.map((c) => Float64Array.from([...c, ...repay.map((k) => c[k])])),
        y: Uint8Array.from([...real.y, ...repay.map(() => 0)]),
        numReal: real.numReal
      }
    }
    await gbm.train({ ...input, fitRows: withRepayers })
    // 15 % held out: 31 of the defaults (210 × 0.15 is just under 31.5 in doubles) and 14 of
    // the 90 repayers; fitted on 255 real rows (179 defaults, 76 repayers) and 76 synthetic ones.
    const logit = (p: number): number => Math.log(p / (1 - p))
    expect(calls[0].validation?.marginOffset).toBeCloseTo(logit(179 / 255) - logit(179 / 331), 12)
  })

  it('does not stop early when the rows left to fit on would be of one class', async () => {
    // 5 defaults × 90 % rounds to all 5 held out: none left to fit on.
    const noDefaults = await gbm.train(labelled(1000, 5, 0.9))
    expect(calls[0].validation).toBeNull()
    expect(noDefaults.notes[0]).toMatch(/^Early stopping was skipped: a 90 % share/)
    calls.length = 0
    // 995 defaults and 5 repayers: every repayer held out, only defaults left to fit on.
    const onlyDefaults = await gbm.train(labelled(1000, 995, 0.9))
    expect(calls[0].validation).toBeNull()
    expect(onlyDefaults.notes[0]).toMatch(/^Early stopping was skipped/)
  })
})
