import { describe, expect, it } from 'vitest'
import { engineFor, type FitRows } from '../../../../../src/main/core/ml/engines'
import { scorecardOptions } from '../../../../../src/main/core/ml/engines/scorecardEngine'
import { fitScorecard } from '../../../../../src/main/core/ml/scorecard/fitScorecard'
import { scorecardEnsemble } from '../../../../../src/main/core/ml/scorecard/scorecardTrees'
import type { ModelArtifact } from '../../../../../src/main/core/model/ModelArtifact'
import { ensembleMargins, predictEnsemble } from '../../../../../src/main/core/model/TreeEnsemble'
import { DEFAULT_TRAIN_PARAMS, type TrainParams } from '../../../../../src/shared/params/trainParams'
import { scorecardData } from '../scorecard/scorecardData'

const scorecard = engineFor('scorecard')
const p = { ...DEFAULT_TRAIN_PARAMS, engine: 'scorecard' as const }

/** An artifact whose scorecard keeps `n` characteristics (all the description reads). */
const withCharacteristics = (n: number): ModelArtifact =>
  ({ scorecard: { characteristics: Array.from({ length: n }, () => ({})) } }) as unknown as ModelArtifact

describe('the scorecard engine’s settings', () => {
  it('names a model by its scale before training and by its characteristics after', () => {
    expect(scorecard.id).toBe('scorecard')
    expect(scorecard.label).toBe('Points scorecard (WoE logistic regression)')
    expect(scorecard.describe(p)).toBe('Scorecard, up to 8 bins (600 at 50:1, 20 PDO)')
    expect(scorecard.describe({ ...p, maxBins: 5, basePoints: 500, baseOdds: 20, pdo: 40 })).toBe(
      'Scorecard, up to 5 bins (500 at 20:1, 40 PDO)'
    )
    expect(scorecard.describe(p, {} as ModelArtifact)).toBe('Scorecard, up to 8 bins (600 at 50:1, 20 PDO)')
    expect(scorecard.describe(p, withCharacteristics(1))).toBe('Scorecard, 1 characteristic')
    expect(scorecard.describe(p, withCharacteristics(4))).toBe('Scorecard, 4 characteristics')
    expect(scorecard.keepsMissing).toBe(true)
    expect(scorecard.acceptsSmote).toBe(false)
  })

  it('estimates six fits of 0.05 s + 30 µs a row', () => {
    // 8,000 rows: 6 × (0.05 + 0.24) = 1.74 s, whatever the other settings.
    const estimate = scorecard.estimateSeconds(8000, p)
    expect(estimate.seconds).toBeCloseTo(1.74, 12)
    expect(scorecard.estimateSeconds(0, { ...p, trees: 1 }).seconds).toBeCloseTo(0.3, 12)
    expect(estimate.note).toBe(
      'The scorecard fits in seconds; the pipeline fits it six times (five folds score the training rows for calibration).'
    )
  })

  it('cross-validates 8 bins of 5 % and 5 bins of 8 %, always without SMOTE, on the bank’s scale', () => {
    const base: TrainParams = { ...p, engine: 'gbm', smote: true, pdo: 40, maxBins: 12 }
    expect(scorecard.candidates?.(base)).toEqual([
      { ...base, engine: 'scorecard', smote: false, maxBins: 8, minBinShare: 0.05 },
      { ...base, engine: 'scorecard', smote: false, maxBins: 5, minBinShare: 0.08 }
    ])
  })

  it('is the least complex engine: 1 + a thousandth a bin', () => {
    expect(scorecard.complexity?.(p)).toBeCloseTo(1.008, 15)
    expect(scorecard.complexity?.({ ...p, maxBins: 20 })).toBeCloseTo(1.02, 15)
  })

  it('hands the scorecard its own settings, field by field', () => {
    const own = {
      pdo: 30,
      basePoints: 650,
      baseOdds: 25,
      minBinShare: 0.07,
      maxBins: 6,
      minIv: 0.03,
      l2: 2.5,
      binTrend: 'shaped'
    } as const
    const settings: TrainParams = { ...p, ...own }
    // Exactly these fields, none of the forest's or boosting's.
    expect(scorecardOptions(settings)).toEqual(own)
  })
})

describe('the scorecard engine’s training', () => {
  it('fits the scorecard on the rows it is given and returns its table, trees and notes', async () => {
    const data = scorecardData(1200, 8)
    const fitRows = (): FitRows => ({ columns: data.columns, y: data.y, numReal: data.y.length })
    const progress: [number, number][] = []
    const params: TrainParams = { ...p, maxBins: 5 }
    const result = await scorecard.train({
      columns: data.columns,
      y: data.y,
      features: data.features,
      params,
      fitRows,
      onProgress: (d, t) => progress.push([d, t])
    })
    expect(progress).toEqual([
      [0, 1],
      [1, 1]
    ])
    const direct = fitScorecard(data.columns, data.y, data.features, scorecardOptions(params))
    expect(result.artifact?.scorecard).toEqual(direct.table)
    expect(result.notes).toEqual(direct.notes)
    expect(result.ensemble).toEqual(scorecardEnsemble(direct.table, data.features))
    expect(result.outOfBag).toBeNull()
    for (const c of direct.table.characteristics) expect(c.bins.length).toBeLessThanOrEqual(5 + 1)

    // Its reasons: start + Σ phi is each row's margin, and no characteristic "helps".
    const n = data.y.length
    const explain = scorecard.explainer?.({
      features: data.features,
      scorecard: direct.table
    } as ModelArtifact)
    expect(explain).toBeTypeOf('function')
    const margins = ensembleMargins(result.ensemble, data.columns, n)
    const probabilities = predictEnsemble(result.ensemble, data.columns, n)
    const phi = new Float64Array(data.features.length)
    for (let r = 0; r < n; r += 37) {
      const x = data.columns.map((c) => c[r])
      const start = explain?.(x, phi) ?? NaN
      expect(start + phi.reduce((a, b) => a + b, 0)).toBeCloseTo(margins[r], 10)
      for (const v of phi) expect(v).toBeGreaterThanOrEqual(0)
      expect(probabilities[r]).toBeCloseTo(1 / (1 + Math.exp(-margins[r])), 12)
    }
  })
})
