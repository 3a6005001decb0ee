import type Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AUTOMATIC_ACTIVATION, GovernanceRepo } from '../../../../src/main/core/storage/GovernanceRepo'
import { ModelRepo } from '../../../../src/main/core/storage/ModelRepo'
import { openDatabase } from '../../../../src/main/core/storage/openDatabase'
import type { Dictionary } from '../../../../src/shared/dictionary/schema'
import type { Policy } from '../../../../src/shared/policy'

const POLICY: Policy = {
  required: ['Credit_Score'],
  limits: [{ field: 'Loan_Amount', min: 1000, max: 5_000_000 }],
  referrals: [{ kind: 'below', field: 'Credit_Score', value: 550 }]
}
const DICTIONARY: Dictionary = [
  {
    field: 'Past_Delinquencies',
    label: { en: 'Past missed payments', hi: '' },
    description: { en: 'Instalments missed before', hi: '' },
    unit: 'count'
  }
]

describe('GovernanceRepo', () => {
  let db: Database.Database
  let models: ModelRepo
  let governance: GovernanceRepo
  beforeEach(() => {
    db = openDatabase(':memory:')
    models = new ModelRepo(db)
    governance = new GovernanceRepo(db, models)
    // Two model rows and one dataset row: governance reads only their ids (the artifacts are never parsed here).
    const model = db.prepare(
      `INSERT INTO models (name, dataset_name, engine, artifact_version, params, seed, metrics, evaluation, artifact, forest)
       VALUES (?, 'd', 'forest', 1, '{}', 1, '{"threshold":0.5}', '{}', '{}', X'')`
    )
    model.run('m1')
    model.run('m2')
    db.prepare(
      `INSERT INTO datasets (name, source, row_count, column_count, target_column, positive_class, positive_count)
       VALUES ('d', 'generated', 10, 3, 'Default', '1', 2)`
    ).run()
  })
  afterEach(() => db.close())

  const refusal = (code: string, message: string): unknown => expect.objectContaining({ code, message })

  describe('model settings', () => {
    it('are all null for a model nobody has edited', () => {
      expect(governance.settings(1)).toEqual({
        purpose: null,
        policy: null,
        dictionary: null,
        updatedBy: null,
        updatedAt: null
      })
    })

    it('store each setting with its trimmed author, keep the others, and log every edit latest first', () => {
      governance.update(1, 'purpose', '  Retail loans, east region  ', ' Asha ')
      governance.update(1, 'policy', POLICY, 'Ravi')
      governance.update(1, 'dictionary', DICTIONARY, 'Ravi')
      expect(governance.settings(1)).toEqual({
        purpose: 'Retail loans, east region',
        policy: POLICY,
        dictionary: DICTIONARY,
        updatedBy: 'Ravi',
        updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/)
      })
      expect(governance.settingsLog(1)).toEqual([
        {
          what: 'dictionary',
          value: JSON.stringify(DICTIONARY),
          changedBy: 'Ravi',
          changedAt: expect.any(String)
        },
        { what: 'policy', value: JSON.stringify(POLICY), changedBy: 'Ravi', changedAt: expect.any(String) },
        {
          what: 'purpose',
          value: 'Retail loans, east region',
          changedBy: 'Asha',
          changedAt: expect.any(String)
        }
      ])
      expect(governance.settings(2).purpose).toBeNull()
      expect(governance.settingsLog(2)).toEqual([])
    })

    it('go back to the default on null or blank text, and that is logged too', () => {
      governance.update(1, 'purpose', 'x', 'A')
      governance.update(1, 'purpose', '   ', 'B')
      expect(governance.settings(1)).toMatchObject({ purpose: null, updatedBy: 'B' })
      governance.update(1, 'policy', POLICY, 'A')
      governance.update(1, 'policy', null, 'C')
      expect(governance.settings(1)).toMatchObject({ policy: null, updatedBy: 'C' })
      expect(governance.settingsLog(1).map((e) => [e.what, e.value, e.changedBy])).toEqual([
        ['policy', null, 'C'],
        ['policy', JSON.stringify(POLICY), 'A'],
        ['purpose', null, 'B'],
        ['purpose', 'x', 'A']
      ])
    })

    it('refuse an edit without an author or of an unknown model, and log nothing', () => {
      expect(() => governance.update(1, 'purpose', 'x', '  ')).toThrow(
        refusal('INPUT_ERROR', 'Say who makes the change: give your name (--by NAME).')
      )
      expect(() => governance.update(9, 'purpose', 'x', 'A')).toThrow(
        refusal('NOT_FOUND', 'There is no model 9. List the models with "ptm models".')
      )
      expect(governance.settingsLog(1)).toEqual([])
      expect(governance.settingsLog(9)).toEqual([])
    })

    it('refuse a damaged stored policy or dictionary instead of using it', () => {
      db.prepare(
        "INSERT INTO model_settings (model_id, policy, dictionary) VALUES (1, '{\"required\":1}', '[')"
      ).run()
      expect(() => governance.settings(1)).toThrow(
        refusal(
          'MODEL_CORRUPT',
          'the policy of model 1 is stored damaged. Set it again, or restore the database from a backup.'
        )
      )
      db.prepare('UPDATE model_settings SET policy = NULL WHERE model_id = 1').run()
      expect(() => governance.settings(1)).toThrow(
        refusal(
          'MODEL_CORRUPT',
          'the dictionary of model 1 is stored damaged. Set it again, or restore the database from a backup.'
        )
      )
    })
  })

  describe('dataset dictionary', () => {
    it('is null until set, then replaced whole by each edit', () => {
      expect(governance.datasetDictionary(1)).toBeNull()
      governance.setDatasetDictionary(1, DICTIONARY, ' Asha ')
      expect(governance.datasetDictionary(1)).toEqual(DICTIONARY)
      expect(db.prepare('SELECT updated_by FROM dataset_dictionaries WHERE dataset_id = 1').get()).toEqual({
        updated_by: 'Asha'
      })
      governance.setDatasetDictionary(1, [], 'Ravi')
      expect(governance.datasetDictionary(1)).toEqual([])
      expect(db.prepare('SELECT updated_by FROM dataset_dictionaries WHERE dataset_id = 1').get()).toEqual({
        updated_by: 'Ravi'
      })
    })

    it('refuses an edit without an author, and a damaged stored dictionary', () => {
      expect(() => governance.setDatasetDictionary(1, DICTIONARY, ' ')).toThrow(
        refusal('INPUT_ERROR', 'Say who makes the change: give your name (--by NAME).')
      )
      expect(governance.datasetDictionary(1)).toBeNull()
      db.prepare(
        "INSERT INTO dataset_dictionaries (dataset_id, dictionary, updated_by) VALUES (1, '[{}]', 'x')"
      ).run()
      expect(() => governance.datasetDictionary(1)).toThrow(
        refusal(
          'MODEL_CORRUPT',
          'the dictionary of dataset 1 is stored damaged. Set it again, or restore the database from a backup.'
        )
      )
    })
  })

  describe('maker–checker activation', () => {
    it('makes a model active automatically, recorded with who and why', () => {
      governance.activateAutomatically(2)
      expect(models.activeId()).toBe(2)
      expect(governance.activations()).toEqual([
        {
          id: 1,
          modelId: 2,
          status: 'automatic',
          requestedBy: AUTOMATIC_ACTIVATION,
          requestNote: 'made active automatically',
          requestedAt: expect.any(String),
          decidedBy: null,
          decisionNote: null,
          decidedAt: null
        }
      ])
      governance.activateAutomatically(1, 'first model of an import')
      expect(governance.activations(1)[0]).toMatchObject({ requestedBy: 'first model of an import' })
    })

    it('records a request with trimmed name and note, pending until a second person confirms it', () => {
      const asked = governance.requestActivation(1, ' Asha ', '  better AUC  ')
      expect(asked).toEqual({
        id: 1,
        modelId: 1,
        status: 'pending',
        requestedBy: 'Asha',
        requestNote: 'better AUC',
        requestedAt: expect.any(String),
        decidedBy: null,
        decisionNote: null,
        decidedAt: null
      })
      expect(governance.pending(1)).toEqual(asked)
      expect(governance.pending(2)).toBeUndefined()
      expect(models.activeId()).toBeUndefined()

      const confirmed = governance.decideActivation(1, ' Ravi ', ' checked the report ', true)
      expect(confirmed).toMatchObject({
        id: 1,
        status: 'confirmed',
        requestedBy: 'Asha',
        decidedBy: 'Ravi',
        decisionNote: 'checked the report',
        decidedAt: expect.stringMatching(/^\d{4}-/)
      })
      expect(models.activeId()).toBe(1)
      expect(governance.pending(1)).toBeUndefined()
    })

    it('leaves the active model as it was when the request is rejected', () => {
      governance.activateAutomatically(2)
      governance.requestActivation(1, 'Asha', '')
      expect(governance.decideActivation(1, 'Ravi', 'not validated', false)).toMatchObject({
        status: 'rejected',
        decidedBy: 'Ravi',
        decisionNote: 'not validated'
      })
      expect(models.activeId()).toBe(2)
      expect(governance.pending(1)).toBeUndefined()
    })

    it('lists activations of one model or of all, latest first', () => {
      governance.activateAutomatically(2)
      governance.requestActivation(1, 'Asha', 'a')
      governance.decideActivation(1, 'Ravi', 'no', false)
      governance.requestActivation(1, 'Asha', 'b')
      expect(governance.activations().map((a) => [a.id, a.modelId, a.status])).toEqual([
        [3, 1, 'pending'],
        [2, 1, 'rejected'],
        [1, 2, 'automatic']
      ])
      expect(governance.activations(1).map((a) => a.id)).toEqual([3, 2])
      expect(governance.activations(2).map((a) => a.id)).toEqual([1])
      expect(governance.pending(1)).toMatchObject({ id: 3, requestNote: 'b' })
    })

    it('refuses a request without a name, for an unknown, active or already pending model', () => {
      expect(() => governance.requestActivation(1, ' ', 'n')).toThrow(
        refusal('INPUT_ERROR', 'Say who asks: give your name (--by NAME).')
      )
      expect(() => governance.requestActivation(9, 'A', 'n')).toThrow(
        refusal('NOT_FOUND', expect.any(String))
      )
      governance.activateAutomatically(2)
      expect(() => governance.requestActivation(2, 'A', 'n')).toThrow(
        refusal('INPUT_ERROR', 'Model 2 is already the active model.')
      )
      governance.requestActivation(1, 'Asha', 'n')
      expect(() => governance.requestActivation(1, 'Ravi', 'n')).toThrow(
        refusal(
          'INPUT_ERROR',
          'Model 1 already waits for a second person to confirm (asked by Asha). Confirm it with "ptm activate 1 --confirm --by NAME --note TEXT".'
        )
      )
      expect(governance.activations(1)).toHaveLength(1)
    })

    it('refuses a decision without a name or note, with nothing pending, or by the person who asked', () => {
      expect(() => governance.decideActivation(1, ' ', 'n', true)).toThrow(
        refusal('INPUT_ERROR', 'Say who confirms: give your name (--by NAME).')
      )
      expect(() => governance.decideActivation(1, 'Ravi', '  ', true)).toThrow(
        refusal('INPUT_ERROR', 'Add a note saying why (--note TEXT): it is kept with the decision.')
      )
      expect(() => governance.decideActivation(1, 'Ravi', 'n', true)).toThrow(
        refusal(
          'INPUT_ERROR',
          'Nobody has asked for model 1 to be made active. The first person asks with "ptm activate 1 --by NAME".'
        )
      )
      governance.requestActivation(1, 'Asha Rao', 'n')
      expect(() => governance.decideActivation(1, ' asha RAO ', 'ok', true)).toThrow(
        refusal(
          'INPUT_ERROR',
          'asha RAO asked for model 1 to be made active, so a second person must confirm it.'
        )
      )
      expect(governance.pending(1)).toMatchObject({ status: 'pending' })
      expect(models.activeId()).toBeUndefined()
    })
  })

  describe('branch info', () => {
    it('is null until set; trims, cuts at 200 characters, and clears on empty text', () => {
      expect(governance.branchInfo()).toEqual({ bank: null, branch: null })
      governance.setBranchInfo({ bank: '  State Bank  ', branch: 'x'.repeat(205) })
      expect(governance.branchInfo()).toEqual({ bank: 'State Bank', branch: 'x'.repeat(200) })
      governance.setBranchInfo({ branch: 'Pune East' })
      expect(governance.branchInfo()).toEqual({ bank: 'State Bank', branch: 'Pune East' })
      governance.setBranchInfo({ bank: '  ' })
      expect(governance.branchInfo()).toEqual({ bank: null, branch: 'Pune East' })
      expect(db.prepare("SELECT count(*) AS n FROM settings WHERE key = 'bank_name'").get()).toEqual({ n: 0 })
    })
  })
})
