import { afterEach, describe, expect, it } from 'vitest'
import type { LeaderboardEntry, ModelRun, OnnxExportReport } from '../../../../src/shared/dto'
import type { ScorecardTableView } from '../../../../src/shared/scorecard'
import {
  leaderboardRows,
  oneStandardError,
  oneStandardErrorText
} from '../../../../src/renderer/src/features/models/leaderboard'
import { describeParams } from '../../../../src/renderer/src/features/models/modelText'
import { onnxReportText } from '../../../../src/renderer/src/features/models/onnxText'
import {
  defaultProbabilityAt,
  pointsRows,
  rangeText,
  scaleText,
  scoreRange
} from '../../../../src/renderer/src/features/models/pointsTable'
import { setLang } from '../../../../src/renderer/src/i18n'

afterEach(() => setLang('en'))

function entry(
  engine: string,
  cvAuc: number,
  cvAucSd: number,
  modelId: number,
  champion = false
): LeaderboardEntry {
  return {
    engine,
    label: `${engine} ${modelId}`,
    params: {},
    cvAuc,
    cvAucSd,
    folds: 5,
    seconds: 1.5,
    complexity: 1,
    modelId,
    champion
  }
}

describe('the leaderboard', () => {
  // The best has AUC 0.820 ± 0.020 over 5 folds: one standard error = 0.020 ÷ √5 = 0.00894.
  const run: ModelRun = {
    id: 4,
    createdAt: '2025-01-02T03:04:05Z',
    championId: 12,
    leaderboard: [
      entry('forest', 0.79, 0.03, 13),
      entry('forest', 0.82, 0.02, 11),
      entry('scorecard', 0.812, 0.01, 12, true)
    ]
  }

  it('lists the candidates best mean AUC first, with the champion, its challengers and this model', () => {
    const rows = leaderboardRows(run, 12)
    expect(rows.map((r) => [r.rank, r.modelId, r.roleText, r.current])).toEqual([
      [1, 11, 'challenger', false],
      [2, 12, 'champion', true],
      [3, 13, 'challenger', false]
    ])
    expect(rows.map((r) => r.aucText)).toEqual(['0.820 ± 0.020', '0.812 ± 0.010', '0.790 ± 0.030'])
    expect(rows.map((r) => r.engine)).toEqual(['Our forest', 'Points scorecard', 'Our forest'])
  })

  it('marks the candidates within one standard error of the best (0.008 behind is, 0.030 is not)', () => {
    expect(oneStandardError(run)).toBeCloseTo(0.0089443, 6)
    expect(leaderboardRows(run, 0).map((r) => r.tiedWithBest)).toEqual([true, true, false])
    expect(oneStandardErrorText(run)).toContain('within one standard error (0.009) of the best')
  })
})

describe('the points table', () => {
  const table: ScorecardTableView = {
    pdo: 20,
    basePoints: 600,
    baseOdds: 50,
    factor: 20 / Math.LN2,
    offset: 600 - (20 / Math.LN2) * Math.log(50),
    dropped: [],
    characteristics: [
      {
        feature: 'Credit_Score',
        kind: 'numeric',
        trend: 'descending',
        iv: 0.41,
        coefficient: 0.9,
        notes: [],
        bins: [
          { label: '<= 600', count: 100, defaults: 30, woe: -1.2, points: 250, pointsExact: 250.2 },
          { label: '> 600', count: 300, defaults: 10, woe: 0.9, points: 300, pointsExact: 299.8 },
          { label: 'Missing', missing: true, count: 0, defaults: 0, woe: 0, points: 280, pointsExact: 280 }
        ]
      },
      {
        feature: 'Region',
        kind: 'categorical',
        trend: 'by rate',
        iv: 0.05,
        coefficient: 1.1,
        notes: [],
        bins: [
          { label: 'North, South', count: 250, defaults: 20, woe: 0.3, points: 290, pointsExact: 290.4 },
          { label: 'East', count: 150, defaults: 20, woe: -0.2, points: 275, pointsExact: 274.6 }
        ]
      }
    ]
  }

  it('gives one row per bin, the characteristic merged down its bins, with default rates and the best bin', () => {
    const rows = pointsRows(table)
    expect(rows.map((r) => [r.feature, r.span, r.bin, r.points, r.best])).toEqual([
      ['Credit_Score', 3, '<= 600', 250, false],
      ['Credit_Score', 0, '> 600', 300, true],
      ['Credit_Score', 0, 'Missing', 280, false],
      ['Region', 2, 'North, South', 290, true],
      ['Region', 0, 'East', 275, false]
    ])
    expect(rows.map((r) => r.defaultRate)).toEqual([0.3, 10 / 300, null, 0.08, 20 / 150])
    expect(rows.map((r) => r.trend)).toEqual([
      ...Array<string>(3).fill('default rate falls across the bins'),
      ...Array<string>(2).fill('categories grouped by default rate')
    ])
  })

  it('states the scale as a bank files it, and the range of scores with their default probability', () => {
    expect(scaleText(table)).toBe('600 points at 50:1, 20 points to double the odds')
    expect(scoreRange(table)).toEqual({ min: 525, max: 590 })
    // At the base score the odds of repaying are 50:1, so P(default) = 1 ÷ 51.
    expect(defaultProbabilityAt(table, 600)).toBeCloseTo(1 / 51, 12)
    // 20 points lower the odds halve to 25:1.
    expect(defaultProbabilityAt(table, 580)).toBeCloseTo(1 / 26, 12)
    // 525: odds e^((525 − 487.12) ÷ 28.854) = 3.716:1, P = 1 ÷ 4.716; 590: 35.36:1, P = 1 ÷ 36.36.
    expect(rangeText(table)).toBe(
      'An applicant’s score is the sum of the points of their bins: from 525 to 590, which the points read as a default probability of 21.2 % to 2.8 %.'
    )
  })

  it('says the bins and the scale in Hindi', () => {
    setLang('hi')
    expect(pointsRows(table)[2].bin).toBe('खाली')
    expect(scaleText(table)).toBe('50:1 पर 600 पॉइंट, ऑड्स दोगुने करने के लिए 20 पॉइंट')
  })
})

describe('model words for every engine', () => {
  it('tells a scorecard by its scale and bins, not by trees it never grew', () => {
    const stored = {
      engine: 'scorecard',
      trees: 200,
      maxDepth: 15,
      maxFeatures: 'sqrt',
      pdo: 20,
      basePoints: 600,
      baseOdds: 50,
      maxBins: 8,
      smote: false,
      testSize: 0.2,
      calibration: 'isotonic',
      seed: 42
    }
    expect(describeParams(stored)).toBe(
      'Points scorecard · 600 at 50:1, PDO 20 · up to 8 bins · no SMOTE · test 20 % · isotonic · seed 42'
    )
  })
})

describe('the ONNX export', () => {
  it('says what was written: size, operator sets, inputs and outputs', () => {
    const report: OnnxExportReport = {
      file: '/tmp/model-3.onnx',
      bytes: 12_697,
      modelId: 3,
      format: 'onnx',
      opset: { ai_onnx: 17, ai_onnx_ml: 3, ir_version: 8 },
      inputs: [
        { name: 'Age', type: 'double' },
        { name: 'Region', type: 'string' }
      ],
      outputs: [
        { name: 'Default_Probability', type: 'double' },
        { name: 'Default_Prediction', type: 'int64' }
      ],
      trainingDataSha256: null,
      notes: []
    }
    expect(onnxReportText(report)).toBe(
      '12.4 KB · ONNX opset 17, ai.onnx.ml 3 · 2 inputs · outputs: Default_Probability, Default_Prediction'
    )
  })
})
