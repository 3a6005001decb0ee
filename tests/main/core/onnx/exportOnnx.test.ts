import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CalibrationMethod } from '../../../../src/main/core/ml/calibration'
import type { TrainParams } from '../../../../src/main/core/model/ModelArtifact'
import type { TreeEnsemble } from '../../../../src/main/core/model/TreeEnsemble'
import { engineGraphOf } from '../../../../src/main/core/onnx/engineGraph'
import { exportScoringOnnx } from '../../../../src/main/core/onnx/exportOnnx'
import type { LoadedModel } from '../../../../src/main/core/scoring/loadModel'
import { exportModelFile } from '../../../../src/main/core/service/exportModel'
import { decodeModel } from '../../../../src/main/core/onnx/onnxProto'
import { buildScoringModel } from '../../../../src/main/core/onnx/scoringModel'
import { parseApplicants } from '../../../../src/main/core/scoring/parseApplicants'
import { scoreApplicants } from '../../../../src/main/core/scoring/scoreApplicants'
import { prepareBatchModel } from '../../../../src/main/core/scoring/scoreCsvFile'
import { Workbench } from '../../../../src/main/core/service/Workbench'
import { SMALL_FOREST } from '../../../fixtures/trainedDatabase'
import { agreement, scoreWithOnnxRuntime } from '../../../helpers/onnxRuntime'
import { useTempDir } from '../../../helpers/tempDir'

type Cell = number | string | null
type Applicant = Record<string, Cell>

/** The dataset's rows as applicants (JSON-like cells, null for missing), then the edge cases. */
function applicants(wb: Workbench, datasetId: number): Applicant[] {
  const table = wb.datasets.loadTable(datasetId)
  const rows: Applicant[] = []
  for (let r = 0; r < table.numRows; r++) {
    const row: Applicant = {}
    for (const c of table.columns) {
      if (c.kind === 'numeric') row[c.name] = Number.isNaN(c.values[r]) ? null : c.values[r]
      else row[c.name] = c.codes[r] < 0 ? null : c.levels[c.codes[r]]
    }
    rows.push(row)
  }
  return [...rows, ...edgeCases(rows.slice(0, 12))]
}

/**
 * Each base row changed one way at a time: every input missing, unseen and missing
 * categories, zero, negative, tiny and missing balances, huge amounts, ages and scores on
 * and around the engineered features' cuts, everything missing at once.
 */
function edgeCases(base: Applicant[]): Applicant[] {
  const columns = Object.keys(base[0])
  const changes: Applicant[] = [
    ...columns.map((c) => ({ [c]: null })),
    Object.fromEntries(columns.map((c) => [c, null])),
    { Region: 'Atlantis' },
    { Employment_Status: 'Astronaut', Loan_Purpose: 'Yacht' },
    { Collateral: 'yes' }, // case matters, as in scoring: unseen
    { Account_Balance: 0 },
    { Account_Balance: -25_000 },
    { Account_Balance: 1e-300 }, // loan ÷ balance overflows to Infinity
    { Account_Balance: null, Loan_Amount: null },
    { Loan_Amount: 1e15 },
    { Loan_Amount: 1e300, Annual_Income: 1e300 },
    { Loan_Amount: 0 },
    { Age: 25 },
    { Age: 25.000001 },
    { Age: 60 },
    { Age: 61 },
    { Age: 18 },
    { Age: 130 },
    { Credit_Score: 600 },
    { Credit_Score: 599.9999999 },
    { Credit_Score: -1 },
    { Debt_to_Income: 1e9 },
    { Years_With_Bank: -3 }
  ]
  return base.flatMap((row) => changes.map((change) => ({ ...row, ...change })))
}

/** ONNX Runtime on the exported model beside the product's batch scoring, on the same applicants. */
async function scoreBothWays(
  wb: Workbench,
  modelId: number,
  rows: Applicant[],
  reshape?: (m: LoadedModel) => LoadedModel
) {
  const loaded = wb.models.load(modelId)
  const model = reshape ? reshape(loaded) : loaded
  const exported = exportScoringOnnx(model, { datasetId: null, datasetName: 'test', rowsSha256: null })
  const parsed = parseApplicants(
    model.artifact,
    rows.length,
    (field, r) => rows[r][field.name] ?? null,
    false
  )
  expect(parsed.failed.every((f) => f === 0)).toBe(true)
  // The batch path of `ptm score`: the compiled forest, path reasons in the same walk.
  const product = scoreApplicants(prepareBatchModel(model), parsed, 'path')
  const onnx = await scoreWithOnnxRuntime(exported.bytes, model.artifact.inputs, parsed.raw)
  return { product, onnx, artifact: model.artifact }
}

function expectSameScores(both: Awaited<ReturnType<typeof scoreBothWays>>): void {
  const { product, onnx } = both
  const { maxAbsDiff, withinShare } = agreement(product.probability, onnx.probability)
  expect(withinShare).toBeGreaterThanOrEqual(0.999)
  expect(maxAbsDiff).toBeLessThanOrEqual(1e-3)
  expect(onnx.prediction).toEqual(Array.from(product.prediction))
  expect(onnx.grade).toEqual(product.grade)
}

describe('exportScoringOnnx on generated data', () => {
  let wb: Workbench
  let datasetId: number
  let rows: Applicant[]
  const train = async (params: Partial<TrainParams>): Promise<number> =>
    (await wb.trainModel(datasetId, { ...SMALL_FOREST, ...params })).model.id

  beforeAll(async () => {
    wb = Workbench.open(':memory:')
    datasetId = (await wb.generateDataset({ rows: 3000, seed: 11 })).id
    rows = applicants(wb, datasetId)
  })
  afterAll(() => wb.close())

  it.each<CalibrationMethod>(['isotonic', 'platt', 'none'])(
    '%s calibration: ONNX Runtime gives ptm score’s probability, decision and grade on every row, edge cases included',
    async (calibration) => {
      const id = await train({ calibration })
      const both = await scoreBothWays(wb, id, rows)
      expect(both.artifact.calibration.kind).toBe(calibration)
      expectSameScores(both)
      // Missing values, unseen categories and undefined ratios are there: the model is not scoring them away.
      expect(new Set(both.onnx.grade).size).toBeGreaterThan(2)
    }
  )

  it('the gbm engine (missing values learned, category sets as threshold runs) exports the same way and agrees as closely', async () => {
    const id = await train({ engine: 'gbm', rounds: 60, calibration: 'isotonic' })
    const model = wb.models.load(id)
    expect(model.ensemble.combine.aggregate).toBe('sum')
    expect(model.artifact.keepsMissing).toBe(true)
    const both = await scoreBothWays(wb, id, rows)
    expectSameScores(both)
    expect(new Set(both.onnx.grade).size).toBeGreaterThan(2)
  })

  it('the ml-random-forest reference engine exports the same way and agrees as closely', async () => {
    const small = (await wb.generateDataset({ rows: 600, seed: 4 })).id
    const { model } = await wb.trainModel(small, {
      engine: 'ml-random-forest',
      trees: 5,
      maxDepth: 6,
      threads: 1
    })
    expectSameScores(await scoreBothWays(wb, model.id, applicants(wb, small)))
  })

  describe('the exported file', () => {
    const tmp = useTempDir()

    it('carries the model id, version, threshold, grade bands and the SHA-256 of the training rows', async () => {
      const id = await train({ calibration: 'isotonic' })
      const report = await exportModelFile(wb, id, tmp.path('model.onnx'))
      const bytes = readFileSync(report.file)
      expect(report.bytes).toBe(bytes.length)
      const proto = decodeModel(bytes)
      const meta = Object.fromEntries(proto.metadata_props.map((p) => [p.key, p.value]))
      const artifact = wb.models.load(id).artifact
      expect(proto.model_version).toBe(id)
      expect(meta.model_id).toBe(String(id))
      expect(Number(meta.threshold)).toBe(artifact.threshold)
      expect(JSON.parse(meta.risk_grades)).toEqual(artifact.riskGrades)
      expect(JSON.parse(meta.inputs)).toEqual(report.inputs)
      // The documented hash, recomputed straight from SQLite: column list, then each row as JSON.
      const hash = createHash('sha256')
      const columns = wb.db
        .prepare('SELECT name, kind FROM dataset_columns WHERE dataset_id = ? ORDER BY position')
        .all(datasetId) as { name: string; kind: string }[]
      hash.update(`${JSON.stringify(columns)}\n`)
      // The store keeps a dataset as its columns: numbers as little-endian doubles (NaN for
      // missing), text as 4-byte codes into its levels (-1 for missing).
      const stored = wb.db
        .prepare(
          'SELECT data, levels FROM dataset_column_data WHERE dataset_id = ? AND position >= 0 ORDER BY position'
        )
        .all(datasetId) as { data: Buffer; levels: string | null }[]
      const cellsOf = stored.map(({ data, levels }) => {
        if (levels === null)
          return (r: number): number | null => {
            const x = data.readDoubleLE(r * 8)
            return Number.isNaN(x) ? null : x
          }
        const names = JSON.parse(levels) as string[]
        return (r: number): string | null => {
          const code = data.readInt32LE(r * 4)
          return code < 0 ? null : names[code]
        }
      })
      const rows = stored[0].data.length / (stored[0].levels === null ? 8 : 4)
      for (let r = 0; r < rows; r++) hash.update(`${JSON.stringify(cellsOf.map((cell) => cell(r)))}\n`)
      expect(meta.training_data_sha256).toBe(hash.digest('hex'))
      expect(report.trainingDataSha256).toBe(meta.training_data_sha256)
      expect(JSON.parse(meta.training_data)).toMatchObject({
        datasetId,
        source: 'generated',
        split: { testSize: 0.2 }
      })
    })

    it('says so, and carries no hash, when the training dataset has been deleted', async () => {
      const other = (await wb.generateDataset({ rows: 800, seed: 9 })).id
      const { model } = await wb.trainModel(other, SMALL_FOREST)
      wb.deleteDataset(other)
      const report = await exportModelFile(wb, model.id, tmp.path('orphan.onnx'))
      expect(report.trainingDataSha256).toBeNull()
      expect(report.notes.join(' ')).toMatch(/has been deleted/)
    })

    it('is refused with a one-line reason when the folder does not exist, leaving nothing behind', async () => {
      const id = wb.resolveModelId(undefined)
      await expect(exportModelFile(wb, id, tmp.path('missing/model.onnx'))).rejects.toThrow(
        /: the folder .* does not exist\. Create it or choose another folder/
      )
    })
  })

  it('a summed, biased, logistic ensemble (as boosting and scorecards make) exports exactly too', async () => {
    const id = await train({ calibration: 'none' })
    // The forest's trees reread as log-odds margins: leaves 4v − 2, summed, bias −3, sigmoid.
    const boosted = (m: LoadedModel): LoadedModel => {
      const ensemble: TreeEnsemble = {
        ...m.ensemble,
        trees: m.ensemble.trees.map((t) => ({ ...t, value: t.value.map((v) => 4 * v - 2) })),
        combine: { aggregate: 'sum', bias: -3, link: 'logistic' }
      }
      return { ...m, ensemble, shap: undefined }
    }
    const both = await scoreBothWays(wb, id, rows, boosted)
    expectSameScores(both)
    expect(Math.min(...both.product.probability)).toBeLessThan(0.2)
    expect(Math.max(...both.product.probability)).toBeGreaterThan(0.8)
  })

  it('a scorecard exports exactly: missing values reach its missing bins, +∞ splits and category codes hold', async () => {
    const id = await train({ engine: 'scorecard', calibration: 'none' })
    const both = await scoreBothWays(wb, id, rows)
    expect(both.artifact.keepsMissing).toBe(true)
    expectSameScores(both)
    expect(agreement(both.product.probability, both.onnx.probability).maxAbsDiff).toBeLessThan(1e-9)
  })

  it('refuses a model with an input column named like one of its outputs', async () => {
    const model = wb.models.load(await train({}))
    const inputs = model.artifact.inputs.map((i, k) => (k === 0 ? { ...i, name: 'Risk_Grade' } : i))
    const engine = engineGraphOf(model.ensemble)
    expect(() =>
      buildScoringModel({ ...model.artifact, inputs }, engine, {
        modelId: model.id,
        metadata: {},
        docString: ''
      })
    ).toThrow(/input column "Risk_Grade" has the name of an output/)
  })
})
