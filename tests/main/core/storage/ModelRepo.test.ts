import { describe, expect, it } from 'vitest'
import { predictEnsemble } from '../../../../src/main/core/model/TreeEnsemble'
import { serializeEnsemble } from '../../../../src/main/core/model/ensembleFormat'
import {
  DEFAULT_TRAIN_PARAMS,
  prepareFeatures,
  trainModel
} from '../../../../src/main/core/training/trainModel'
import { scoreOne } from '../../../../src/main/core/scoring/scoreOne'
import { modelGovernance } from '../../../../src/main/core/policy/modelDefaults'
import { Workbench } from '../../../../src/main/core/service/Workbench'
import { SMALL_FOREST, useTrainedTemplate } from '../../../fixtures/trainedDatabase'
import { useTempDir } from '../../../helpers/tempDir'

const APPLICANTS: Record<string, unknown>[] = [
  {
    Credit_Score: 650,
    Loan_Amount: 50000,
    Account_Balance: 200000,
    Interest_Rate: 5.5,
    Loan_to_Balance_Ratio: 0.25,
    High_Credit_Risk: 0
  },
  {
    Credit_Score: 480,
    Loan_Amount: 900000,
    Account_Balance: 1000,
    Region: 'East',
    Employment_Status: 'Unemployed'
  },
  {}
]

describe('ModelRepo', () => {
  const tmp = useTempDir()
  const template = useTrainedTemplate({ rows: 2000, seed: 3 })

  /** A fresh copy of the trained database, opened. */
  const open = (): Workbench => Workbench.open(template.copyTo(tmp.path('w.db')))

  it('loads a saved model that scores exactly as the trained one did', async () => {
    const service = open()
    const { datasetId } = template.ids()
    const table = service.datasets.loadTable(datasetId)
    const params = { ...DEFAULT_TRAIN_PARAMS, ...SMALL_FOREST, seed: 9 }
    const trained = await trainModel(table, datasetId, params)
    const id = service.models.save(
      'round trip',
      'generated',
      trained.artifact,
      trained.ensemble,
      trained.evaluation
    )
    const loaded = service.models.load(id)

    expect(loaded).toMatchObject({ id, name: 'round trip' })
    expect(loaded.artifact).toEqual(trained.artifact)
    expect(serializeEnsemble(loaded.ensemble).equals(serializeEnsemble(trained.ensemble))).toBe(true)
    const { matrix } = prepareFeatures(table, params)
    expect(predictEnsemble(loaded.ensemble, matrix, table.numRows)).toEqual(
      predictEnsemble(trained.ensemble, matrix, table.numRows)
    )
    const inMemory = { id, name: 'round trip', artifact: trained.artifact, ensemble: trained.ensemble }
    // Both scored without policy checks: the comparison is of the models, and {} must score.
    const unchecked = {
      ...modelGovernance(trained.artifact),
      policy: { required: [], limits: [], referrals: [] }
    }
    for (const applicant of APPLICANTS)
      expect(scoreOne(loaded, applicant, unchecked)).toEqual(scoreOne(inMemory, applicant, unchecked))
    expect(service.models.summary(id).metrics.auc).toBe(trained.evaluation.metrics.auc)
    service.close()
  })

  const corruptArtifacts: [string, (artifact: Record<string, unknown>) => unknown, RegExp][] = [
    ['bad JSON', () => '{"format": "ptm-model", "vers', /not valid JSON/],
    ['another format', (a) => ({ ...a, format: 'sklearn-pickle' }), /format/],
    ['an unknown version', (a) => ({ ...a, version: 2 }), /version/],
    [
      'fewer features than the forest',
      (a) => ({ ...a, features: (a.features as unknown[]).slice(1) }),
      /forest expects \d+ features but its artifact lists \d+/
    ],
    ['a threshold outside (0, 1)', (a) => ({ ...a, threshold: 1.5 }), /threshold/]
  ]

  it.each(corruptArtifacts)(
    'refuses an artifact with %s, naming the model and saying to retrain',
    (_, tamper, why) => {
      const service = open()
      const { modelId } = template.ids()
      const row = service.db.prepare('SELECT artifact FROM models WHERE id = ?').get(modelId) as {
        artifact: string
      }
      const changed = tamper(JSON.parse(row.artifact) as Record<string, unknown>)
      const text = typeof changed === 'string' ? changed : JSON.stringify(changed)
      service.db.prepare('UPDATE models SET artifact = ? WHERE id = ?').run(text, modelId)

      expect(() => service.models.load(modelId)).toThrow(expect.objectContaining({ code: 'MODEL_CORRUPT' }))
      expect(() => service.models.load(modelId)).toThrow(new RegExp(`^Model ${modelId}: `))
      expect(() => service.models.load(modelId)).toThrow(/Retrain the model/)
      expect(() => service.models.load(modelId)).toThrow(why)
      // The service every adapter uses refuses it the same way, before scoring anything.
      expect(() => service.scoreApplicant(APPLICANTS[0], 'app')).toThrow(
        expect.objectContaining({ code: 'MODEL_CORRUPT' })
      )
      expect(service.history({ kind: 'single' })).toEqual([])
      service.close()
    }
  )

  const corruptForests: [string, string, RegExp][] = [
    ['truncated', 'substr(forest, 1, length(forest) - 100)', /truncated|unexpected bytes/],
    ['with a bad magic number', "X'00112233' || substr(forest, 5)", /PTMF/],
    ['empty', "X''", /shorter than the header/]
  ]

  it.each(corruptForests)(
    'refuses a forest blob that is %s, naming the model and saying to retrain',
    async (_, sql, why) => {
      const service = open()
      const { modelId } = template.ids()
      service.db.prepare(`UPDATE model_forests SET forest = ${sql} WHERE model_id = ?`).run(modelId)
      expect(() => service.models.load(modelId)).toThrow(expect.objectContaining({ code: 'MODEL_CORRUPT' }))
      expect(() => service.models.load(modelId)).toThrow(
        new RegExp(`^Model ${modelId}: its forest is corrupt`)
      )
      expect(() => service.models.load(modelId)).toThrow(/Retrain the model/)
      expect(() => service.models.load(modelId)).toThrow(why)
      // The batch path restores the trees compiled at training (their own CRC-checked copy);
      // without them it reads the same bytes tree by tree and refuses them the same way, in
      // this thread and on the thread that compiles large models.
      service.db.prepare('DELETE FROM model_compiled WHERE model_id = ?').run(modelId)
      for (const thread of [false, true]) {
        const batch = (): Promise<unknown> => service.batchModel(modelId, { thread })
        await expect(batch()).rejects.toThrow(expect.objectContaining({ code: 'MODEL_CORRUPT' }))
        await expect(batch()).rejects.toThrow(new RegExp(`^Model ${modelId}: its forest is corrupt`))
        await expect(batch()).rejects.toThrow(why)
      }
      service.close()
    }
  )

  it('compiles a batch model from the stored bytes, here or on its own thread, that scores exactly as the loaded forest', async () => {
    const service = open()
    const { modelId, datasetId } = template.ids()
    // Without the compiled form stored at training (each compile stores it again).
    const uncompiled = (): unknown => service.db.prepare('DELETE FROM model_compiled').run()
    uncompiled()
    // Nothing loaded yet: read from the stored bytes.
    const fromBytes = await service.batchModel(modelId, { thread: false })
    uncompiled()
    const fromThread = await service.batchModel(modelId, { thread: true })
    const loaded = service.scoringModel(modelId)
    uncompiled()
    const fromForest = await service.batchModel(modelId) // now compiled from the loaded forest
    const table = service.datasets.loadTable(datasetId)
    const columns = prepareFeatures(table, DEFAULT_TRAIN_PARAMS).matrix
    const n = columns[0].length
    const expected = Array.from(predictEnsemble(loaded.ensemble, columns, n))
    expect(Array.from(fromBytes.compiled.predict(columns, n, false).raw)).toEqual(expected)
    expect(Array.from(fromThread.compiled.predict(columns, n, false).raw)).toEqual(expected)
    expect(fromThread.artifact).toEqual(loaded.artifact)
    expect(Array.from(fromForest.compiled.predict(columns, n, false).raw)).toEqual(expected)
    expect(fromBytes.compiled.expectedMargin).toBe(fromForest.compiled.expectedMargin)
    service.close()
  })

  it('restores the forest compiled at training, scoring as the loaded forest; compiles a damaged or foreign one again and stores it', async () => {
    const service = open()
    const { modelId, datasetId } = template.ids()
    const table = service.datasets.loadTable(datasetId)
    const columns = prepareFeatures(table, DEFAULT_TRAIN_PARAMS).matrix
    const n = columns[0].length
    const expected = Array.from(predictEnsemble(service.models.load(modelId).ensemble, columns, n))
    const stored = service.models.loadStoredCompiled(modelId)
    expect(stored?.compiled.bytes.length).toBeGreaterThan(0)
    const restored = await service.batchModel(modelId)
    expect(Array.from(restored.compiled.predict(columns, n, false).raw)).toEqual(expected)

    // One byte flipped: the CRC refuses it, the forest is compiled again and stored whole.
    const trees = Buffer.from(stored!.compiled.bytes)
    trees[trees.length >> 1] ^= 0xff
    service.db.prepare('UPDATE model_compiled SET trees = ? WHERE model_id = ?').run(trees, modelId)
    const recompiled = await service.batchModel(modelId)
    expect(Array.from(recompiled.compiled.predict(columns, n, false).raw)).toEqual(expected)
    expect(Buffer.from(service.models.loadStoredCompiled(modelId)!.compiled.bytes).equals(trees)).toBe(false)

    // Made for another layout or kernel: compiled again, same scores.
    service.db.prepare("UPDATE model_compiled SET layout = '0:foreign' WHERE model_id = ?").run(modelId)
    const other = await service.batchModel(modelId)
    expect(Array.from(other.compiled.predict(columns, n, false).raw)).toEqual(expected)
    expect(service.models.loadStoredCompiled(modelId)!.compiled.layout).not.toBe('0:foreign')

    // Deleting the model deletes its compiled forest.
    service.models.delete(modelId)
    expect(service.db.prepare('SELECT count(*) AS n FROM model_compiled').get()).toEqual({ n: 0 })
    service.close()
  })

  it('refuses a stored forest whose feature count is not the artifact’s, for batch scoring too', async () => {
    const service = open()
    const { modelId } = template.ids()
    const { ensemble: forest } = service.models.load(modelId)
    const short = {
      ...forest,
      numFeatures: forest.numFeatures - 1,
      featureImportance: forest.featureImportance.subarray(1)
    }
    // The header is checked against the artifact before any tree is read.
    service.db
      .prepare('UPDATE model_forests SET forest = ? WHERE model_id = ?')
      .run(serializeEnsemble(short), modelId)
    service.db.prepare('DELETE FROM model_compiled WHERE model_id = ?').run(modelId)
    await expect(service.batchModel(modelId)).rejects.toThrow(
      /its forest expects \d+ features but its artifact lists/
    )
    service.close()
  })

  it('makes exactly one model active, keeps it across reopening, and refuses to activate a missing model', () => {
    const file = template.copyTo(tmp.path('w.db'))
    let service = Workbench.open(file)
    const first = template.ids().modelId
    // Training the first model made it active.
    expect(service.models.activeId()).toBe(first)
    const second = service.models.save(
      'second',
      'generated',
      service.models.load(first).artifact,
      service.models.load(first).ensemble,
      service.models.evaluation(first)
    )
    expect(service.models.activeId()).toBe(first)
    service.models.activate(second)
    expect(service.models.list().map((m) => [m.id, m.active])).toEqual([
      [first, false],
      [second, true]
    ])
    expect(() => service.models.activate(999)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }))
    expect(service.models.activeId()).toBe(second)
    service.close()

    service = Workbench.open(file)
    expect(service.models.activeId()).toBe(second)
    service.close()
  })

  it('deletes a model; deleting the active one leaves no model active, so scoring says to train or activate', () => {
    const service = open()
    const first = template.ids().modelId
    const loaded = service.models.load(first)
    const second = service.models.save(
      'second',
      'generated',
      loaded.artifact,
      loaded.ensemble,
      service.models.evaluation(first)
    )

    service.deleteModel(second)
    expect(service.models.list().map((m) => m.id)).toEqual([first])
    expect(service.models.activeId()).toBe(first)
    expect(() => service.models.load(second)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }))

    expect(service.scoreApplicant(APPLICANTS[0], 'app').Model_Version).toBe(first)
    service.deleteModel(first)
    expect(service.models.list()).toEqual([])
    expect(service.models.activeId()).toBeUndefined()
    expect(
      service.db.prepare("SELECT count(*) AS n FROM settings WHERE key = 'active_model_id'").get()
    ).toEqual({ n: 0 })
    // The cached model went with it.
    expect(() => service.scoringModel()).toThrow(/No model is active/)
    expect(() => service.deleteModel(first)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }))
    service.close()
  })

  it('keeps a model when the dataset it came from is deleted', () => {
    const service = open()
    const { datasetId, modelId } = template.ids()
    service.deleteDataset(datasetId)
    expect(service.models.summary(modelId).datasetId).toBeNull()
    expect(service.models.load(modelId).artifact.datasetId).toBe(datasetId)
    service.close()
  })
})
