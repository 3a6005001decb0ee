import type Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ModelRepo } from '../../../../src/main/core/storage/ModelRepo'
import { openDatabase } from '../../../../src/main/core/storage/openDatabase'
import type { LeaderboardEntry } from '../../../../src/shared/dto'

// ModelRepo's records around a model (thresholds, runs, the active model, the stored forest's
// size), on model rows written by hand: none of these read the artifact or the forest.

describe('ModelRepo records', () => {
  let db: Database.Database
  let models: ModelRepo
  beforeEach(() => {
    db = openDatabase(':memory:')
    models = new ModelRepo(db)
    db.prepare(
      `INSERT INTO datasets (name, source, row_count, column_count, target_column, positive_class, positive_count)
       VALUES ('d', 'generated', 10, 3, 'Default', '1', 2)`
    ).run()
    const insert = db.prepare(
      `INSERT INTO models (name, dataset_id, dataset_name, engine, artifact_version, params, seed, metrics, evaluation, artifact, forest)
       VALUES (?, ?, 'd', 'forest', 1, '{"trees":20}', 7, ?, '{"auc":0.8}', '{}', X'')`
    )
    insert.run('m1', 1, '{"auc":0.81,"threshold":0.3}')
    insert.run('m2', null, '{"auc":0.7,"threshold":0.45}')
  })
  afterEach(() => db.close())

  const notFound = (message: string): unknown => expect.objectContaining({ code: 'NOT_FOUND', message })

  describe('thresholds', () => {
    it('records each change with the threshold it replaces and the trimmed reason, latest first', () => {
      expect(models.thresholdHistory(1)).toEqual([])
      const first = models.applyThreshold(1, 0.25, '  committee 12 May  ')
      expect(first).toEqual({
        threshold: 0.25,
        previous: 0.3,
        reason: 'committee 12 May',
        appliedAt: expect.any(String)
      })
      expect(models.summary(1).threshold).toBe(0.25)
      models.applyThreshold(1, 0.2, 'again')
      expect(models.thresholdHistory(1).map((c) => [c.threshold, c.previous, c.reason])).toEqual([
        [0.2, 0.25, 'again'],
        [0.25, 0.3, 'committee 12 May']
      ])
      expect(models.summary(2).threshold).toBe(0.45)
      expect(models.thresholdHistory(2)).toEqual([])
    })

    it('refuses a threshold outside (0, 1), a blank reason and an unknown model', () => {
      for (const bad of [0, 1, -0.1, 1.5, NaN])
        expect(() => models.applyThreshold(1, bad, 'r')).toThrow(
          expect.objectContaining({
            code: 'INPUT_ERROR',
            message: `A decision threshold must lie between 0 and 1 (exclusive), got ${bad}.`
          })
        )
      expect(() => models.applyThreshold(1, 0.5, '   ')).toThrow(
        expect.objectContaining({
          code: 'INPUT_ERROR',
          message: 'Say why the threshold changes (--reason TEXT).'
        })
      )
      expect(() => models.applyThreshold(9, 0.5, 'r')).toThrow(
        notFound('There is no model 9. List the models with "ptm models".')
      )
      expect(() => models.thresholdHistory(9)).toThrow(
        notFound('There is no model 9. List the models with "ptm models".')
      )
      expect(models.applyThreshold(1, 0.001, 'low').threshold).toBe(0.001)
      expect(models.applyThreshold(1, 0.999, 'high').threshold).toBe(0.999)
      expect(models.thresholdHistory(1)).toHaveLength(2)
    })
  })

  describe('auto runs', () => {
    const entry = (modelId: number | null, cvAuc: number): LeaderboardEntry =>
      ({
        engine: 'forest',
        label: `candidate ${cvAuc}`,
        params: {},
        cvAuc,
        cvAucSd: 0.01,
        folds: 5,
        modelId
      }) as LeaderboardEntry

    it('records a run’s leaderboard and champion, and marks only the models kept for it', () => {
      const board = [entry(1, 0.8), entry(null, 0.7)]
      const runId = models.saveRun(1, board, 1)
      expect(models.run(runId)).toEqual({
        id: runId,
        leaderboard: board,
        championId: 1,
        createdAt: expect.any(String)
      })
      expect(models.list().map((m) => [m.id, m.runId])).toEqual([
        [1, runId],
        [2, null]
      ])
    })

    it('refuses an unknown run', () => {
      expect(() => models.run(3)).toThrow(notFound('There is no training run 3.'))
    })
  })

  describe('the model row', () => {
    it('lists each model with its metrics, parameters and dataset', () => {
      expect(models.list()[0]).toEqual({
        id: 1,
        name: 'm1',
        datasetId: 1,
        datasetName: 'd',
        engine: 'forest',
        params: { trees: 20 },
        seed: 7,
        metrics: { auc: 0.81, threshold: 0.3 },
        threshold: 0.3,
        runId: null,
        createdAt: expect.any(String),
        active: false,
        purpose: null,
        activationPendingBy: null
      })
    })

    it('reads the dataset id and the evaluation without the list, and refuses an unknown model', () => {
      expect([models.datasetIdOf(1), models.datasetIdOf(2)]).toEqual([1, null])
      expect(models.evaluation(1)).toEqual({ auc: 0.8 })
      const message = 'There is no model 5. List the models with "ptm models".'
      expect(() => models.datasetIdOf(5)).toThrow(notFound(message))
      expect(() => models.evaluation(5)).toThrow(notFound(message))
      expect(() => models.artifact(5)).toThrow(notFound(message))
      expect(() => models.load(5)).toThrow(notFound(message))
    })

    it('gives the stored forest’s size in bytes, 0 for a model without one', () => {
      db.prepare("INSERT INTO model_forests (model_id, forest) VALUES (1, X'0102030405')").run()
      expect([models.forestSize(1), models.forestSize(2), models.forestSize(9)]).toEqual([5, 0, 0])
    })

    it('has no compiled forest for a model without one or with a damaged header', () => {
      expect(models.loadStoredCompiled(1)).toBeUndefined()
      db.prepare(
        "INSERT INTO model_compiled (model_id, layout, header, trees) VALUES (1, 'x', '{', X'00')"
      ).run()
      expect(models.loadStoredCompiled(1)).toBeUndefined()
    })

    it('forgets the active model when it is deleted, and refuses to activate an unknown one', () => {
      expect(models.activeId()).toBeUndefined()
      models.activate(2)
      expect(models.activeId()).toBe(2)
      expect(models.list().map((m) => m.active)).toEqual([false, true])
      models.delete(1)
      expect(models.activeId()).toBe(2)
      models.delete(2)
      expect(models.activeId()).toBeUndefined()
      expect(db.prepare("SELECT count(*) AS n FROM settings WHERE key = 'active_model_id'").get()).toEqual({
        n: 0
      })
      expect(() => models.activate(1)).toThrow(
        notFound('There is no model 1. List the models with "ptm models".')
      )
    })
  })
})
