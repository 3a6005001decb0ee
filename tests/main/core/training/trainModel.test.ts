import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findColumn, type Table } from '../../../../src/main/core/data/Table'
import { LEAKED, poisonRows, SENTINEL } from '../../../helpers/poisonTable'
import { InputError } from '../../../../src/main/core/base/errors'
import { applyCalibrationArray } from '../../../../src/main/core/ml/calibration'
import {
  engineerFeatures,
  planEngineering,
  resolveRoles
} from '../../../../src/main/core/ml/featureEngineering'
import { predictEnsemble } from '../../../../src/main/core/model/TreeEnsemble'
import { serializeEnsemble } from '../../../../src/main/core/model/ensembleFormat'
import { evaluateBinary } from '../../../../src/main/core/ml/metrics'
import type { ModelArtifact } from '../../../../src/main/core/model/ModelArtifact'
import {
  DEFAULT_TRAIN_PARAMS,
  prepareFeatures,
  trainModel,
  type LearnerParams
} from '../../../../src/main/core/training/trainModel'
import { trainForest } from '../../../../src/main/core/ml/forest/trainForest'
import { bestF1Threshold } from '../../../../src/main/core/training/evaluateModel'
import { Workbench } from '../../../../src/main/core/service/Workbench'

const PARAMS: LearnerParams = { ...DEFAULT_TRAIN_PARAMS, trees: 20, maxDepth: 8, threads: 1, seed: 5 }
const GBM_PARAMS: LearnerParams = {
  ...DEFAULT_TRAIN_PARAMS,
  engine: 'gbm',
  rounds: 80,
  seed: 5,
  threads: 1,
  smote: true
}
/** The artifact without what legitimately differs between two identical trainings. */
function stable(a: ModelArtifact): unknown {
  return { ...a, trainedAt: '', params: { ...a.params, threads: 0 } }
}

function gatherRows(columns: Float64Array[], rows: Int32Array): Float64Array[] {
  return columns.map((c) => Float64Array.from(rows, (r) => c[r]))
}

function mean(values: ArrayLike<number>): number {
  let s = 0
  for (let i = 0; i < values.length; i++) s += values[i]
  return s / values.length
}

/** A table built by hand, as an import of a bank file with its own column names would give. */
function importedLikeTable(numRows: number): Table {
  const score = new Float64Array(numRows)
  const amount = new Float64Array(numRows)
  const balance = new Float64Array(numRows)
  const age = new Float64Array(numRows)
  const codes = new Int32Array(numRows)
  const target = new Uint8Array(numRows)
  for (let i = 0; i < numRows; i++) {
    score[i] = 450 + ((i * 37) % 400)
    amount[i] = 10_000 + ((i * 7919) % 90_000)
    balance[i] = i % 10 === 0 ? 0 : 5_000 + ((i * 104_729) % 200_000)
    age[i] = 21 + (i % 50)
    codes[i] = i % 3
    target[i] = score[i] < 560 && i % 2 === 0 ? 1 : i % 17 === 0 ? 1 : 0
  }
  return {
    numRows,
    columns: [
      { name: 'score', kind: 'numeric', values: score },
      { name: 'amount', kind: 'numeric', values: amount },
      { name: 'balance', kind: 'numeric', values: balance },
      { name: 'age_years', kind: 'numeric', values: age },
      { name: 'branch', kind: 'categorical', codes, levels: ['Pune', 'Nagpur', 'Nashik'] }
    ],
    target,
    targetName: 'bad_loan',
    positiveClass: '1',
    lines: Int32Array.from({ length: numRows }, (_, i) => i + 2)
  }
}

describe('trainModel', () => {
  let dir: string
  let table: Table
  let small: Table

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ptm-train-'))
    const service = Workbench.open(join(dir, 'w.db'))
    const big = await service.generateDataset({ rows: 3000, seed: 21 })
    const tiny = await service.generateDataset({ rows: 300, seed: 22 })
    table = service.datasets.loadTable(big.id)
    small = service.datasets.loadTable(tiny.id)
    service.close()
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('never lets a test row reach SMOTE, the forest or any fitted statistic', async () => {
    const { split } = prepareFeatures(table, PARAMS)
    const poisoned = poisonRows(table, split.test)
    // The split depends only on the target and the seed, so the poisoned rows are the test rows.
    expect(prepareFeatures(poisoned, PARAMS).split).toEqual(split)

    const clean = await trainModel(table, 1, PARAMS)
    const dirty = await trainModel(poisoned, 1, PARAMS)
    // Nothing of the test rows is used in training: the same forest, byte for byte, and the same artifact.
    expect(serializeEnsemble(dirty.ensemble).equals(serializeEnsemble(clean.ensemble))).toBe(true)
    expect(stable(dirty.artifact)).toEqual(stable(clean.artifact))
    expect(dirty.evaluation.rows.synthetic).toBe(clean.evaluation.rows.synthetic)

    // And, said directly: no fitted statistic contains the sentinels.
    const a = dirty.artifact
    for (const f of a.inputs) {
      if (f.kind === 'numeric') {
        for (const x of [f.min, f.max, f.p01, f.p99, f.median])
          expect(Math.abs(x ?? 0), f.name).toBeLessThan(1e10)
      } else {
        expect(f.categories, f.name).not.toContain(LEAKED)
        expect(f.mostFrequent).not.toBe(LEAKED)
      }
    }
    for (const f of a.features) {
      if (f.kind === 'numeric')
        expect(Math.max(Math.abs(f.median), Math.abs(f.mean), f.std), f.name).toBeLessThan(1e10)
      else expect(f.levels, f.name).not.toContain(LEAKED)
    }
    for (const d of a.drift) {
      if (d.kind === 'numeric') expect(Math.max(0, ...d.edges.map(Math.abs)), d.name).toBeLessThan(1e10)
      else expect(d.levels, d.name).not.toContain(LEAKED)
    }
    expect(a.calibration).toEqual(clean.artifact.calibration)
    expect(a.threshold).toBe(clean.artifact.threshold)
    // The poisoned rows are exactly the rows the model was evaluated on.
    expect(dirty.evaluation.rows.test).toBe(split.test.length)
  })

  it('never lets a test row reach the boosted trees: their fit, a cross-fitting fold or an early-stopping share', async () => {
    // SMOTE on and held-out rows: the model is fitted once with early stopping, then five
    // times more for the honest scores the calibration is fitted on, each with its own share.
    const { split } = prepareFeatures(table, GBM_PARAMS)
    const poisoned = poisonRows(table, split.test)
    const clean = await trainModel(table, 1, GBM_PARAMS)
    const dirty = await trainModel(poisoned, 1, GBM_PARAMS)
    expect(clean.evaluation.calibrationFit?.scores).toBe('cross-fitted')
    expect(clean.evaluation.notes.join(' ')).toMatch(/Boosting kept \d+ of \d+ rounds run/)
    expect(serializeEnsemble(dirty.ensemble).equals(serializeEnsemble(clean.ensemble))).toBe(true)
    expect(stable(dirty.artifact)).toEqual(stable(clean.artifact))
    expect(dirty.evaluation.rows.synthetic).toBe(clean.evaluation.rows.synthetic)
    // Missing values reach the boosted trees as NaN, and the artifact says so for scoring.
    expect(clean.artifact.keepsMissing).toBe(true)
  })

  it('never lets a test row reach the blend: its boosted half, its scorecard half or the calibration', async () => {
    // The 300-row table: the blend fits both halves, then five times more for the honest scores.
    const params: LearnerParams = { ...GBM_PARAMS, engine: 'blend', smote: false, rounds: 30 }
    const { split } = prepareFeatures(small, params)
    const poisoned = poisonRows(small, split.test)
    const clean = await trainModel(small, 1, params)
    const dirty = await trainModel(poisoned, 1, params)
    expect(serializeEnsemble(dirty.ensemble).equals(serializeEnsemble(clean.ensemble))).toBe(true)
    expect(stable(dirty.artifact)).toEqual(stable(clean.artifact))
    expect(dirty.evaluation.rows.test).toBe(split.test.length)
  })

  it('gives the same boosted model for the same seed, fitted inline or on worker threads with folds side by side, and another for another seed', async () => {
    const params = { ...GBM_PARAMS, smote: false }
    const one = await trainModel(table, 1, params)
    const two = await trainModel(table, 1, { ...params, threads: 2 })
    expect(serializeEnsemble(two.ensemble).equals(serializeEnsemble(one.ensemble))).toBe(true)
    expect(stable(two.artifact)).toEqual(stable(one.artifact))
    expect(two.evaluation.metrics).toEqual(one.evaluation.metrics)
    const other = await trainModel(table, 1, { ...params, seed: params.seed + 1 })
    expect(serializeEnsemble(other.ensemble).equals(serializeEnsemble(one.ensemble))).toBe(false)
  })

  it('does notice a changed training row (the leak check above is not blind)', () => {
    const { split } = prepareFeatures(table, PARAMS)
    const oddRow = split.train.find((r) => r % 2 === 1)!
    const poisoned = poisonRows(table, Int32Array.of(oddRow))
    const prepared = prepareFeatures(poisoned, PARAMS)
    const credit = prepared.inputs.find((f) => f.name === 'Credit_Score')
    expect(credit).toMatchObject({ kind: 'numeric', max: SENTINEL })
    const region = prepared.features.find((f) => f.name === 'Region')
    expect(region?.kind === 'categorical' && region.levels.includes(LEAKED)).toBe(true)
  })

  it('gives the same forest and artifact for the same seed with 1 or 2 threads, and another forest for another seed', async () => {
    const one = await trainModel(table, 1, { ...PARAMS, threads: 1 })
    const two = await trainModel(table, 1, { ...PARAMS, threads: 2 })
    expect(serializeEnsemble(two.ensemble).equals(serializeEnsemble(one.ensemble))).toBe(true)
    expect(stable(two.artifact)).toEqual(stable(one.artifact))
    expect(two.evaluation.metrics.auc).toBe(one.evaluation.metrics.auc)

    const other = await trainModel(table, 1, { ...PARAMS, seed: PARAMS.seed + 1 })
    expect(serializeEnsemble(other.ensemble).equals(serializeEnsemble(one.ensemble))).toBe(false)
  })

  it('evaluates on cross-fitted scores with --test-size 0 and SMOTE, and still reports every metric', async () => {
    const trained = await trainModel(table, 1, { ...PARAMS, testSize: 0, smote: true })
    const e = trained.evaluation
    expect(e.evaluatedOn).toBe('cross-fitted')
    expect(e.calibrationFit).toMatchObject({ scores: 'cross-fitted', folds: 5, rows: 3000 })
    expect(e.rows).toMatchObject({ total: 3000, train: 3000, test: 0 })
    // Every training row is scored by exactly one fold model.
    expect(e.metrics.numRows).toBe(3000)
    expect(e.metrics.auc).toBeGreaterThan(0.6)
    expect(e.metrics.accuracy).toBeGreaterThan(0.5)
    expect(Number.isFinite(e.metrics.brier)).toBe(true)
    expect(e.notes.join(' ')).toMatch(/cross-fitted/)
    expect(e.permutationImportance).toHaveLength(trained.artifact.features.length)
  })

  it('evaluates on out-of-bag scores with --test-size 0 and no SMOTE: the forest fitted once, no fold models', async () => {
    const params = { ...PARAMS, testSize: 0, smote: false }
    const trained = await trainModel(table, 1, params)
    const e = trained.evaluation
    expect(e.evaluatedOn).toBe('oob')
    expect(e.calibrationFit).toMatchObject({ scores: 'out-of-bag', folds: 0 })
    expect(e.notes.join(' ')).toMatch(/out-of-bag/)
    // The oracle: the same forest trained on its own, its out-of-bag probabilities
    // calibrated by the stored map and measured by evaluateBinary.
    const { matrix } = prepareFeatures(table, params)
    const { oobProbability } = await trainForest(matrix, table.target, {
      trees: params.trees,
      maxDepth: params.maxDepth,
      minSamplesLeaf: params.minSamplesLeaf,
      maxFeatures: params.maxFeatures,
      seed: params.seed,
      threads: 1
    })
    const scored = Int32Array.from(oobProbability.keys()).filter((i) => Number.isFinite(oobProbability[i]))
    const p = applyCalibrationArray(
      trained.artifact.calibration,
      Float64Array.from(scored, (i) => oobProbability[i])
    )
    const expected = evaluateBinary(
      Uint8Array.from(scored, (i) => table.target[i]),
      p,
      trained.artifact.threshold
    )
    expect(e.metrics.numRows).toBe(scored.length)
    expect(e.metrics.auc).toBe(expected.auc)
    expect(e.metrics.brier).toBe(expected.brier)
    expect(e.permutationImportance).toHaveLength(trained.artifact.features.length)
    expect(e.permutationImportance.some((f) => f.mean > 0)).toBe(true)
  })

  it('calibrates SMOTE-trained scores back to the real default rate, which the raw forest over-states', async () => {
    const params: LearnerParams = { ...PARAMS, smote: true }
    const trained = await trainModel(table, 1, params)
    const { split, matrix } = prepareFeatures(table, params)
    const testColumns = gatherRows(matrix, split.test)
    const rawScores = predictEnsemble(trained.ensemble, testColumns, split.test.length)
    const realRate = mean(Uint8Array.from(split.test, (r) => table.target[r]))
    const calibrated = applyCalibrationArray(trained.artifact.calibration, rawScores)
    expect(trained.evaluation.rows.synthetic).toBeGreaterThan(0)
    // SMOTE balanced the training rows, so the raw leaf frequencies over-state the risk...
    expect(mean(rawScores)).toBeGreaterThan(realRate + 0.1)
    // ...and the calibration brings them back to the default rate of rows it never saw.
    expect(Math.abs(mean(calibrated) - realRate)).toBeLessThan(0.03)
    expect(trained.evaluation.metrics.positiveRate).toBeCloseTo(realRate, 12)
  })

  it('trains the ml-random-forest reference engine, and ours is not worse on the same rows', async () => {
    // The reference engine's few coarse trees need balanced rows to rank at all.
    const params: LearnerParams = { ...PARAMS, trees: 5, maxDepth: 5, smote: true }
    const reference = await trainModel(small, 1, { ...params, engine: 'ml-random-forest' })
    const ours = await trainModel(small, 1, { ...params, engine: 'forest' })
    expect(reference.ensemble.trees).toHaveLength(5)
    expect(reference.evaluation.evaluatedOn).toBe('test')
    expect(reference.evaluation.metrics.auc).toBeGreaterThan(0.5)
    expect(ours.evaluation.metrics.auc).toBeGreaterThanOrEqual(reference.evaluation.metrics.auc - 0.05)
  })
})

describe('feature engineering', () => {
  it('gives a missing Loan_to_Balance_Ratio, never Infinity or NaN from 0/0, for a zero, negative or missing balance', () => {
    const numeric = new Map([
      ['Loan_Amount', Float64Array.from([50_000, 50_000, 50_000, 50_000, NaN, 0])],
      ['Account_Balance', Float64Array.from([200_000, 0, -5, NaN, 100, 0])]
    ])
    const eng = engineerFeatures(
      { loanToBalance: { loan: 'Loan_Amount', balance: 'Account_Balance' } },
      numeric,
      6
    )
    const ratio = eng.numeric.get('Loan_to_Balance_Ratio')!
    expect(ratio[0]).toBe(0.25)
    expect([...ratio.subarray(1)].every(Number.isNaN)).toBe(true)
    expect(eng.undefinedRatioRows).toBe(5)
    expect([...ratio].some((x) => x === Infinity || x === -Infinity)).toBe(false)
  })

  it('imputes the undefined ratios with the training median, so the model matrix holds only finite numbers', () => {
    const t = importedLikeTable(400)
    const prepared = prepareFeatures(t, {
      ...PARAMS,
      map: { Loan_Amount: 'amount', Account_Balance: 'balance' }
    })
    const i = prepared.features.findIndex((f) => f.name === 'Loan_to_Balance_Ratio')
    expect(i).toBeGreaterThanOrEqual(0)
    expect([...prepared.matrix[i]].every(Number.isFinite)).toBe(true)
  })

  it('sets High_Credit_Risk to 1 strictly below the cut, 0 at or above it, missing for a missing score', () => {
    const numeric = new Map([['Credit_Score', Float64Array.from([599, 600, 601, NaN])]])
    const flag = engineerFeatures(
      { highCreditRisk: { score: 'Credit_Score', cut: 600 } },
      numeric,
      4
    ).numeric.get('High_Credit_Risk')!
    expect([...flag.subarray(0, 3)]).toEqual([1, 0, 0])
    expect(flag[3]).toBeNaN()
  })

  it('uses the configured --high-risk-cut when preparing a dataset', () => {
    const t = importedLikeTable(400)
    const prepared = prepareFeatures(t, { ...PARAMS, highRiskCut: 700, map: { Credit_Score: 'score' } })
    expect(prepared.engineering.highCreditRisk).toEqual({ score: 'score', cut: 700 })
    const score = (findColumn(t, 'score') as { values: Float64Array }).values
    const flag = prepared.featured.numeric.get('High_Credit_Risk')!
    for (let r = 0; r < t.numRows; r++) expect(flag[r]).toBe(score[r] < 700 ? 1 : 0)
  })

  it('applies --map to an imported table whose columns have other names', () => {
    const t = importedLikeTable(400)
    expect(prepareFeatures(t, PARAMS).engineering).toEqual({})
    const prepared = prepareFeatures(t, {
      ...PARAMS,
      map: { Credit_Score: 'score', Loan_Amount: 'amount', Account_Balance: 'balance', Age: 'age_years' }
    })
    expect(prepared.engineering).toMatchObject({
      loanToBalance: { loan: 'amount', balance: 'balance' },
      highCreditRisk: { score: 'score', cut: PARAMS.highRiskCut },
      ageGroup: { age: 'age_years' }
    })
    const engineered = prepared.features.filter((f) => f.source === 'engineered').map((f) => f.name)
    expect(engineered.sort()).toEqual(['Age_Group', 'High_Credit_Risk', 'Loan_to_Balance_Ratio'])
    // The raw inputs the model asks for stay the file's own columns.
    expect(prepared.inputs.map((f) => f.name).sort()).toEqual([
      'age_years',
      'amount',
      'balance',
      'branch',
      'score'
    ])
  })

  it('refuses a --map to a column that is not a numeric column of the dataset, naming it', () => {
    const t = importedLikeTable(400)
    expect(() => prepareFeatures(t, { ...PARAMS, map: { Credit_Score: 'cibil' } })).toThrow(InputError)
    expect(() => prepareFeatures(t, { ...PARAMS, map: { Credit_Score: 'cibil' } })).toThrow(
      /--map Credit_Score=cibil/
    )
    expect(() => prepareFeatures(t, { ...PARAMS, map: { Age: 'branch' } })).toThrow(
      /"branch" is not a numeric column/
    )
  })

  it('matches role columns ignoring case and underscores, and does not re-engineer a feature the data already has', () => {
    const { roles } = resolveRoles(['credit score', 'LOAN_AMOUNT', 'account-balance'])
    expect(roles).toEqual({
      Credit_Score: 'credit score',
      Loan_Amount: 'LOAN_AMOUNT',
      Account_Balance: 'account-balance'
    })
    const spec = planEngineering(roles, [
      'credit score',
      'LOAN_AMOUNT',
      'account-balance',
      'High_Credit_Risk'
    ])
    expect(spec.highCreditRisk).toBeUndefined()
    expect(spec.loanToBalance).toBeDefined()
  })
})

describe('bestF1Threshold', () => {
  it('picks the cut with the best F1 on a hand-checked example', () => {
    // Cuts at 0.9, 0.8, 0.7, 0.6, 0.3, 0.1 give F1 0.5, 0.8, 0.667, 0.857, 0.75, 0.667.
    const y = Uint8Array.from([1, 1, 0, 1, 0, 0])
    const p = Float64Array.from([0.9, 0.8, 0.7, 0.6, 0.3, 0.1])
    expect(bestF1Threshold(y, p)).toBe(0.6)
  })

  it('prefers the higher cut when two cuts tie on F1', () => {
    // Cut 0.9: F1 2/3; cut 0.6: F1 4/6 = 2/3; in between lower.
    expect(bestF1Threshold(Uint8Array.from([1, 0, 0, 1]), Float64Array.from([0.9, 0.8, 0.7, 0.6]))).toBe(0.9)
  })

  it('never cuts between equal scores', () => {
    // Cutting inside the 0.8 pair would give F1 2/3 at 0.8; the real cuts give 0.5 (at 0.8) and 2/3 (at 0.5).
    expect(bestF1Threshold(Uint8Array.from([1, 0, 1, 0]), Float64Array.from([0.8, 0.8, 0.5, 0.5]))).toBe(0.5)
  })

  it('ignores NaN scores, clamps the cut into [0.01, 0.99], and gives 0.5 without positives', () => {
    expect(bestF1Threshold(Uint8Array.from([1, 0, 1]), Float64Array.from([1, 0, NaN]))).toBe(0.99)
    expect(bestF1Threshold(Uint8Array.from([0, 0]), Float64Array.from([0.4, 0.6]))).toBe(0.5)
  })

  it('agrees with the confusion matrix: predicting p >= cut reproduces the best F1', () => {
    const y = Uint8Array.from([1, 1, 0, 1, 0, 0])
    const p = Float64Array.from([0.9, 0.8, 0.7, 0.6, 0.3, 0.1])
    const e = evaluateBinary(y, p, bestF1Threshold(y, p))
    expect(e.report.class1.f1).toBeCloseTo(6 / 7, 10)
  })
})
