import { describe, expect, it, vi } from 'vitest'
import type { FitRows } from '../../../../../src/main/core/ml/engines'
import { engineFor } from '../../../../../src/main/core/ml/engines'
import type { GbmOptions, GbmValidation } from '../../../../../src/main/core/ml/gbm/trainGbm'
import { DEFAULT_TRAIN_PARAMS } from '../../../../../src/shared/params/trainParams'
import type { FeatureSpec } from '../../../../../src/main/core/model/ModelArtifact'

/** Every call of trainGbm: the rows it fitted on and the rows it stopped early on. */
const calls = vi.hoisted(
  () => [] as { columns: Float64Array[]; y: Uint8Array; validation: GbmValidation | null }[]
)
vi.mock('../../../../../src/main/core/ml/gbm/trainGbm', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../../../src/main/core/ml/gbm/trainGbm')>()
  return {
    ...real,
    trainGbm: (
      columns: Float64Array[],
      y: Uint8Array,
      options: GbmOptions,
      validation: GbmValidation | null
    ) => {
      calls.push({ columns, y, validation })
      return real.trainGbm(columns, y, options, validation)
    }
  }
})

const FEATURES: FeatureSpec[] = [
  { name: 'id', kind: 'numeric', source: 'input', median: 0, mean: 0, std: 1 },
  { name: 'x', kind: 'numeric', source: 'input', median: 0, mean: 0, std: 1 }
]

/**
 * 1,000 real rows whose feature 0 is the row's id; 30 % defaults, defaults have larger x.
 * fitRows records each subset and, like SMOTE, appends synthetic rows made from that
 * subset's defaults only (id = −1 − the seed row's id, so each names its seed).
 */
function input(rounds = 40) {
  const n = 1000
  const id = Float64Array.from({ length: n }, (_, r) => r)
  const y = Uint8Array.from({ length: n }, (_, r) => (r % 10 < 3 ? 1 : 0))
  const x = Float64Array.from(y, (v, r) => v + ((r * 7919) % 100) / 50)
  const subsets: (Int32Array | undefined)[] = []
  const fitRows = (subset?: Int32Array): FitRows => {
    subsets.push(subset)
    const rows = subset ?? Int32Array.from(id)
    const seeds = Array.from(rows).filter((r) => y[r] === 1)
    const all = [...Array.from(rows), ...seeds.map((r) => -1 - r)]
    return {
      columns: [Float64Array.from(all), Float64Array.from(all, (r) => (r >= 0 ? x[r] : x[-1 - r] + 0.01))],
      y: Uint8Array.from(all, (r) => (r >= 0 ? y[r] : 1)),
      numReal: rows.length
    }
  }
  const params = { ...DEFAULT_TRAIN_PARAMS, engine: 'gbm' as const, rounds, earlyStopping: 5, threads: 1 }
  return { columns: [id, x], y, features: FEATURES, params, fitRows, subsets }
}

describe('the gbm engine', () => {
  it('stops early on a stratified share of the real rows and never fits on them, nor on rows made from them', async () => {
    calls.length = 0
    const inp = input()
    const result = await engineFor('gbm').train(inp)
    expect(calls).toHaveLength(1)
    const { columns, validation } = calls[0]
    const held = Array.from((validation as GbmValidation).columns[0])
    // 15 % of 1,000 rows, 30 % of them defaults (stratified: 45 of 150).
    expect(held).toHaveLength(150)
    expect(held.filter((r) => r % 10 < 3)).toHaveLength(45)
    // The engine asked for exactly the other rows, and fitted on what fitRows gave for them.
    expect(inp.subsets).toHaveLength(1)
    const asked = new Set(inp.subsets[0])
    expect(asked.size).toBe(850)
    for (const r of held) expect(asked.has(r)).toBe(false)
    const fitted = Array.from(columns[0])
    for (const v of fitted) {
      const source = v >= 0 ? v : -1 - v
      expect(held).not.toContain(source)
    }
    expect(fitted.filter((v) => v < 0).length).toBeGreaterThan(0)
    // The prior correction: logit(255/850) − logit(510/1105) for the SMOTE-like extra rows.
    const logit = (p: number): number => Math.log(p / (1 - p))
    expect((validation as GbmValidation).marginOffset).toBeCloseTo(logit(255 / 850) - logit(510 / 1105), 12)
    expect(result.outOfBag).toBeNull()
    expect(result.notes.join(' ')).toMatch(/kept \d+ of \d+ rounds run .* 150 held-out training rows/)
  })

  it('fits every row when early stopping is off, and says why when a share is too small to stop on', async () => {
    calls.length = 0
    const off = input(5)
    await engineFor('gbm').train({ ...off, params: { ...off.params, earlyStopping: 0 } })
    expect(off.subsets).toEqual([undefined])
    expect(calls[0].validation).toBeNull()
    const tiny = input(5)
    const y = tiny.y.map((_, r) => (r < 6 ? 1 : 0))
    const result = await engineFor('gbm').train({
      ...tiny,
      y,
      params: { ...tiny.params, validationShare: 0.05 }
    })
    expect(result.notes.join(' ')).toMatch(/Early stopping was skipped/)
  })

  it('names and estimates its models from the boosting settings, and keeps early stopping in fold models', () => {
    const engine = engineFor('gbm')
    const p = { ...DEFAULT_TRAIN_PARAMS, engine: 'gbm' as const }
    expect(engine.describe(p)).toBe('Boosted trees 500×depth 3')
    expect(engine.describe({ ...p, gbmDepth: 5, leaves: 16 })).toBe('Boosted trees 500×depth 5, 16 leaves')
    expect(engine.foldParams?.(p, 5)).toEqual(p)
    expect(engine.keepsMissing).toBe(true)
    const small = engine.estimateSeconds(10_000, p).seconds
    expect(engine.estimateSeconds(100_000, p).seconds).toBeGreaterThan(small)
  })
})
