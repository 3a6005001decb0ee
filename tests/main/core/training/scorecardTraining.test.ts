import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Table } from '../../../../src/main/core/data/Table'
import { serializeEnsemble } from '../../../../src/main/core/model/ensembleFormat'
import type { ModelArtifact } from '../../../../src/main/core/model/ModelArtifact'
import type { LearnerParams } from '../../../../src/main/core/training/trainModel'
import { predictEnsemble } from '../../../../src/main/core/model/TreeEnsemble'
import {
  DEFAULT_TRAIN_PARAMS,
  prepareFeatures,
  trainModel
} from '../../../../src/main/core/training/trainModel'
import { Workbench } from '../../../../src/main/core/service/Workbench'
import { withEngineered } from '../../../../src/main/core/ml/featureEngineering'
import { buildFeatureMatrix, type RawInputs } from '../../../../src/main/core/ml/preprocess'
import { poisonRows } from '../../../helpers/poisonTable'
import { parseArtifact } from '../../../../src/main/core/scoring/loadModel'
import { prepareBatchModel } from '../../../../src/main/core/scoring/scoreCsvFile'
import { useTempDir } from '../../../helpers/tempDir'

const PARAMS: LearnerParams = {
  ...DEFAULT_TRAIN_PARAMS,
  engine: 'scorecard',
  smote: false,
  calibration: 'none',
  seed: 5
}

function stable(a: ModelArtifact): unknown {
  return { ...a, trainedAt: '' }
}

describe('the scorecard engine in the training pipeline', () => {
  let service: Workbench
  let table: Table
  let datasetId: number
  const temp = useTempDir()

  beforeAll(async () => {
    service = Workbench.open(':memory:')
    const dataset = await service.generateDataset({ rows: 3000, seed: 21 })
    datasetId = dataset.id
    table = service.datasets.loadTable(dataset.id)
  })

  it('never lets a test row reach the bins, the regression or any fitted statistic', async () => {
    const { split } = prepareFeatures(table, PARAMS, true, true)
    const poisoned = poisonRows(table, split.test)
    const clean = await trainModel(table, 1, PARAMS)
    const dirty = await trainModel(poisoned, 1, PARAMS)
    expect(serializeEnsemble(dirty.ensemble).equals(serializeEnsemble(clean.ensemble))).toBe(true)
    expect(stable(dirty.artifact)).toEqual(stable(clean.artifact))
    // The leak check is not blind: one poisoned training row changes the table.
    const one = await trainModel(poisonRows(table, split.train.subarray(0, 1)), 1, PARAMS)
    expect(one.artifact.scorecard).not.toEqual(clean.artifact.scorecard)
  })

  it('keeps missing values as NaN for the scorecard, records it, and the forest still imputes', async () => {
    const scorecard = await trainModel(table, 1, PARAMS)
    expect(scorecard.artifact.keepsMissing).toBe(true)
    const credit = scorecard.artifact.scorecard!.characteristics.find((c) => c.feature === 'Credit_Score')!
    expect(credit.bins[credit.bins.length - 1]).toMatchObject({ label: 'Missing', missing: true })
    const { matrix } = prepareFeatures(table, PARAMS, true, true)
    const f = scorecard.artifact.features.findIndex((s) => s.name === 'Credit_Score')
    expect(matrix[f].some(Number.isNaN)).toBe(true)
    const forest = await trainModel(table, 1, {
      ...PARAMS,
      engine: 'forest',
      trees: 5,
      maxDepth: 4,
      threads: 1
    })
    expect('keepsMissing' in forest.artifact).toBe(false)
    expect('scorecard' in forest.artifact).toBe(false)
    expect(prepareFeatures(table, PARAMS).matrix.every((c) => !c.some(Number.isNaN))).toBe(true)
  })

  it('trains on the real rows only: SMOTE is turned off, recorded and said', async () => {
    const trained = await trainModel(table, 1, { ...PARAMS, smote: true })
    expect(trained.artifact.params.smote).toBe(false)
    expect(trained.evaluation.rows.synthetic).toBe(0)
    expect(trained.evaluation.notes.some((n) => /SMOTE is off/.test(n))).toBe(true)
  })

  it('scores a category it never saw as the most frequent one, as every engine does', async () => {
    const { model } = await service.trainModel(datasetId, PARAMS)
    const employment = service
      .scoringModel(model.id)
      .artifact.inputs.find((i) => i.name === 'Employment_Status')!
    const mostFrequent = employment.kind === 'categorical' ? employment.mostFrequent : null
    const base = { Age: 40, Credit_Score: 700, Debt_to_Income: 0.4 }
    const unseen = service.scoreApplicant({ ...base, Employment_Status: 'Astronaut' }, 'cli', model.id)
    const known = service.scoreApplicant({ ...base, Employment_Status: mostFrequent }, 'cli', model.id)
    expect(unseen.Default_Probability).toBe(known.Default_Probability)
    expect(unseen.Warnings.some((w) => /"Astronaut" was never seen in training/.test(w.message))).toBe(true)
  })

  it('loads an artifact from before the scorecard (no scorecard keys, no keepsMissing)', async () => {
    const forest = await trainModel(table, 1, {
      ...PARAMS,
      engine: 'forest',
      trees: 3,
      maxDepth: 3,
      threads: 1
    })
    const params: Record<string, unknown> = { ...forest.artifact.params }
    for (const key of ['pdo', 'basePoints', 'baseOdds', 'minBinShare', 'maxBins', 'minIv', 'binTrend', 'l2'])
      delete params[key]
    const old = parseArtifact(1, JSON.stringify({ ...forest.artifact, params }))
    expect(old.keepsMissing).toBeUndefined()
    expect(old.scorecard).toBeUndefined()
    expect(old.params.pdo).toBe(20)
  })

  it('is the same model for the same seed', async () => {
    const a = await trainModel(table, 1, PARAMS)
    const b = await trainModel(table, 1, PARAMS)
    expect(serializeEnsemble(a.ensemble).equals(serializeEnsemble(b.ensemble))).toBe(true)
    expect(stable(a.artifact)).toEqual(stable(b.artifact))
  })

  it('scores one applicant, and a file, as the trees say, with missing values in their bins', async () => {
    const { model } = await service.trainModel(datasetId, PARAMS, { activate: true })
    expect(model.name).toMatch(/^Scorecard, \d+ characteristics on /)
    const loaded = service.scoringModel(model.id)
    const applicant: Record<string, number | string | null> = {
      Age: 30,
      Credit_Score: null,
      Debt_to_Income: 0.9,
      Employment_Status: 'Unemployed'
    }
    const one = service.scoreApplicant(applicant, 'cli', model.id)
    // The probability is the trees' on the applicant's features, Credit_Score left NaN (calibration none).
    const raw: RawInputs = {
      numRows: 1,
      numeric: new Map(
        loaded.artifact.inputs
          .filter((i) => i.kind === 'numeric')
          .map((i) => [i.name, Float64Array.of(Number(applicant[i.name] ?? NaN))])
      ),
      categorical: new Map(
        loaded.artifact.inputs
          .filter((i) => i.kind === 'categorical')
          .map((i) => [
            i.name,
            [applicant[i.name] === undefined ? null : (applicant[i.name] as string | null)]
          ])
      )
    }
    const x = buildFeatureMatrix(
      loaded.artifact.features,
      withEngineered(raw, loaded.artifact.engineering),
      true
    ).columns
    expect(x[loaded.artifact.features.findIndex((f) => f.name === 'Credit_Score')][0]).toBeNaN()
    const p = predictEnsemble(loaded.ensemble, x, 1)[0]
    expect(one.Default_Probability).toBeCloseTo(p, 6)
    expect(
      one.Warnings.some((w) =>
        /Credit_Score is missing: the model scores it as a missing value/.test(w.message)
      )
    ).toBe(true)
    // Reasons are points lost against the best bin: all raise the risk, and sum to p − (best applicant's p).
    const sum = one.Contributions.reduce((s, c) => s + c.contribution, 0)
    expect(one.Contributions.every((c) => c.direction === 'raises')).toBe(true)
    expect(sum).toBeCloseTo(one.Default_Probability - one.Base_Rate, 5)

    // The same applicant and two more in a file (every input column, empty where missing),
    // batch-walked from the stored bytes.
    const applicants: Record<string, number | string | null>[] = [
      applicant,
      { Age: 45, Credit_Score: 780, Debt_to_Income: 0.2, Employment_Status: 'Salaried' },
      { Age: 61, Credit_Score: 640, Debt_to_Income: null, Employment_Status: null }
    ]
    const names = loaded.artifact.inputs.map((i) => i.name)
    const input = temp.write(
      'in.csv',
      [names.join(','), ...applicants.map((a) => names.map((n) => a[n] ?? '').join(','))].join('\n') + '\n'
    )
    const output = temp.path('out.csv')
    await service.scoreFile(input, output, { model: prepareBatchModel(service.models.loadStored(model.id)) })
    const rows = readFileSync(output, 'utf8').trim().split('\n').slice(1)
    rows.forEach((row, i) => {
      const single = service.scoreApplicant(applicants[i], 'cli', model.id)
      const cells = row.split(',')
      expect(Number(cells[names.length])).toBeCloseTo(single.Default_Probability, 6)
      // The file's first reason is the single score's largest.
      expect(cells[names.length + 3]).toBe(single.Contributions[0]?.text ?? '')
    })
  })
})
