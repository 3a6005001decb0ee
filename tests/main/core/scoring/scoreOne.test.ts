import { describe, expect, it } from 'vitest'
import type { FieldIssueInfo } from '../../../../src/shared/dto'
import { WorkbenchError } from '../../../../src/main/core/base/errors'
import type { Table } from '../../../../src/main/core/data/Table'
import { DEFAULT_TRAIN_PARAMS, trainModel } from '../../../../src/main/core/training/trainModel'
import { scoreOne } from '../../../../src/main/core/scoring/scoreOne'
import { Workbench } from '../../../../src/main/core/service/Workbench'
import type { LoadedModel } from '../../../../src/main/core/scoring/loadModel'
import { SMALL_FOREST, useTrainedTemplate } from '../../../fixtures/trainedDatabase'
import { useTempDir } from '../../../helpers/tempDir'
import { modelGovernance } from '../../../../src/main/core/policy/modelDefaults'
import { FULL_APPLICANT } from '../../../fixtures/applicants'

/** A policy that requires nothing and blocks nothing: what scoring does without the checks. */
const NO_CHECKS = { required: [], limits: [], referrals: [] }

/** The spec's /predict request, word for word. */
const SPEC_REQUEST = {
  Credit_Score: 650,
  Loan_Amount: 50000,
  Account_Balance: 200000,
  Interest_Rate: 5.5,
  Loan_to_Balance_Ratio: 0.25,
  High_Credit_Risk: 0
}

function sumOf(values: number[]): number {
  return values.reduce((a, b) => a + b, 0)
}

describe('scoreOne', () => {
  const tmp = useTempDir()
  const template = useTrainedTemplate({ rows: 3000, seed: 17 })

  let model: LoadedModel | undefined
  /** The template's model, loaded once (scoring does not change it). */
  const loadModel = (): LoadedModel => {
    if (!model) {
      const service = Workbench.open(template.template())
      model = service.models.load(template.ids().modelId)
      service.close()
    }
    return model
  }

  it("answers the spec's request with a 0/1 prediction and a probability in [0, 1]", () => {
    const result = scoreOne(loadModel(), SPEC_REQUEST)
    expect([0, 1]).toContain(result.Default_Prediction)
    expect(result.Default_Probability).toBeGreaterThanOrEqual(0)
    expect(result.Default_Probability).toBeLessThanOrEqual(1)
    expect(result.Default_Prediction).toBe(result.Default_Probability >= result.Threshold ? 1 : 0)
    expect(['A', 'B', 'C', 'D', 'E']).toContain(result.Risk_Grade)
    expect(result.Model_Version).toBe(template.ids().modelId)
    // The engineered fields it sends are recomputed, not trusted, and said so.
    const warned = result.Warnings.map((w) => w.field)
    // Its 5.5 % rate is below every rate the model learnt from (6.5–18 %).
    expect(warned.sort()).toEqual(['High_Credit_Risk', 'Interest_Rate', 'Loan_to_Balance_Ratio'])
    expect(result.Warnings.every((w) => w.severity === 'warning')).toBe(true)
    // The twelve fields it leaves out are one line, not twelve warnings, and send it to a person.
    expect(result.Not_Provided.fields).toHaveLength(12)
    expect(result.Not_Provided.text).toMatch(
      /^12 fields not provided \(Age, Annual income, .*\): filled with typical values/
    )
    expect(result.Decision).toBe('refer')
    expect(result.Referrals.map((r) => r.rule.kind)).toContain('notProvided')
  })

  it('gives contributions that, with the not-provided share, sum to the probability minus the base rate', () => {
    for (const applicant of [
      SPEC_REQUEST,
      FULL_APPLICANT,
      { ...FULL_APPLICANT, Credit_Score: 420, Past_Delinquencies: 4 },
      { ...FULL_APPLICANT, Past_Delinquencies: null, Annual_Income: null, Employment_Status: null }
    ]) {
      const result = scoreOne(loadModel(), applicant)
      const total = sumOf(result.Contributions.map((c) => c.contribution)) + result.Not_Provided.contribution
      expect(Math.abs(total - (result.Default_Probability - result.Base_Rate))).toBeLessThan(1e-4)
      // Missing is never a reason: no contribution names a field that was not provided.
      const given = new Set(
        Object.entries(applicant)
          .filter(([, v]) => v !== null)
          .map(([k]) => k)
      )
      expect(result.Contributions.every((c) => given.has(c.feature))).toBe(true)
      // Reasons are the largest raising contributions, then the largest lowering ones.
      const raising = result.Reasons.filter((r) => r.direction === 'raises')
      expect(raising.length).toBeLessThanOrEqual(3)
      expect(raising.every((r) => r.contribution > 0)).toBe(true)
    }
  })

  it('scores an unseen category with a warning naming the field, as the most frequent category', () => {
    const result = scoreOne(loadModel(), { ...FULL_APPLICANT, Region: 'Atlantis' })
    const warning = result.Warnings.find((w) => w.field === 'Region')
    expect(warning?.message).toMatch(/Region "Atlantis" was never seen when the model learnt/)
    const region = loadModel().artifact.inputs.find((f) => f.name === 'Region')
    const asMostFrequent = scoreOne(loadModel(), {
      ...FULL_APPLICANT,
      Region: region?.kind === 'categorical' ? region.mostFrequent : null
    })
    expect(result.Default_Probability).toBe(asMostFrequent.Default_Probability)
  })

  it('refuses an applicant with no fields under the default policy, naming each required field', () => {
    let error: unknown
    try {
      scoreOne(loadModel(), {})
    } catch (e) {
      error = e
    }
    expect((error as WorkbenchError).code).toBe('POLICY_CHECK_FAILED')
    const fields = (error as WorkbenchError).details!.fields as FieldIssueInfo[]
    expect(fields.map((f) => f.field)).toEqual([
      'Credit_Score',
      'Loan_Amount',
      'Account_Balance',
      'Interest_Rate'
    ])
    expect(fields.every((f) => f.rule === 'required')).toBe(true)
  })

  it('without policy checks, scores an empty applicant with no reasons: the whole move is the not-provided share', () => {
    const model = loadModel()
    const result = scoreOne(model, {}, { ...modelGovernance(model.artifact), policy: NO_CHECKS })
    expect(result.Contributions).toEqual([])
    expect(result.Reasons).toEqual([])
    expect(result.Not_Provided.fields).toHaveLength(model.artifact.inputs.length)
    expect(result.Not_Provided.contribution).toBeCloseTo(result.Default_Probability - result.Base_Rate, 5)
    expect(result.Warnings).toEqual([])
  })

  it('blocks impossible values with the field, the value and the limit, and scores nothing', () => {
    let error: unknown
    try {
      scoreOne(loadModel(), {
        ...FULL_APPLICANT,
        Loan_Amount: -50000,
        Credit_Score: 5000,
        Interest_Rate: 140
      })
    } catch (e) {
      error = e
    }
    expect((error as WorkbenchError).code).toBe('POLICY_CHECK_FAILED')
    const fields = (error as WorkbenchError).details!.fields as FieldIssueInfo[]
    expect(fields.map((f) => [f.field, f.rule])).toEqual([
      ['Credit_Score', 'max'],
      ['Loan_Amount', 'min'],
      ['Interest_Rate', 'max']
    ])
    expect(fields[1].message).toBe('Loan amount −₹50,000 is not possible: it must be at least ₹0.')
    expect(fields[2].message).toBe('Interest rate 140 % is not possible: it must be at most 100 %.')
  })

  it('refuses wrong types with a FIELD_INVALID error that lists every bad field', () => {
    const bad = {
      ...FULL_APPLICANT,
      Credit_Score: 'six fifty',
      Loan_Amount: true,
      Region: { name: 'South' },
      Area_Type: [1]
    }
    let error: unknown
    try {
      scoreOne(loadModel(), bad)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(WorkbenchError)
    expect((error as WorkbenchError).code).toBe('FIELD_INVALID')
    const fields = (error as WorkbenchError).details!.fields as FieldIssueInfo[]
    expect(fields.map((f) => f.field).sort()).toEqual(['Area_Type', 'Credit_Score', 'Loan_Amount', 'Region'])
    expect(fields.every((f) => f.severity === 'error')).toBe(true)
    expect((error as Error).message).toMatch(/Credit_Score: "six fifty" is not a number/)
  })

  it('accepts numbers written as text, as a CSV or a form would send them', () => {
    const asText = scoreOne(loadModel(), {
      ...FULL_APPLICANT,
      Credit_Score: '720',
      Annual_Income: '9,00,000'
    })
    expect(asText.Default_Probability).toBe(scoreOne(loadModel(), FULL_APPLICANT).Default_Probability)
  })

  it('warns about a possible value far outside the training range, and still scores', () => {
    const result = scoreOne(loadModel(), { ...FULL_APPLICANT, Loan_Term_Months: 500, Annual_Income: 5e9 })
    const fields = result.Warnings.filter((w) =>
      /outside anything the model learnt from/.test(w.message)
    ).map((w) => w.field)
    expect(fields.sort()).toEqual(['Annual_Income', 'Loan_Term_Months'])
    expect(result.Warnings.every((w) => w.rule === 'range')).toBe(true)
    expect(Number.isFinite(result.Default_Probability)).toBe(true)
  })

  it('warns about an unknown field and the target sent as input, and ignores them', () => {
    const result = scoreOne(loadModel(), { ...FULL_APPLICANT, Favourite_Colour: 'blue', Default: 1 })
    expect(result.Warnings.map((w) => w.field).sort()).toEqual(['Default', 'Favourite_Colour'])
    expect(result.Default_Probability).toBe(scoreOne(loadModel(), FULL_APPLICANT).Default_Probability)
  })

  it('scores with a model whose training rows had a column entirely missing (the column is dropped)', async () => {
    const service = Workbench.open(template.copyTo(tmp.path('w.db')))
    const { datasetId } = template.ids()
    const table: Table = service.datasets.loadTable(datasetId)
    for (const c of table.columns) {
      if (c.name === 'Years_With_Bank' && c.kind === 'numeric') c.values.fill(NaN)
      if (c.name === 'Loan_Purpose' && c.kind !== 'numeric') c.codes.fill(-1)
    }
    const trained = await trainModel(table, datasetId, { ...DEFAULT_TRAIN_PARAMS, ...SMALL_FOREST })
    expect(trained.artifact.features.map((f) => f.name)).not.toContain('Years_With_Bank')
    expect(trained.artifact.features.map((f) => f.name)).not.toContain('Loan_Purpose')
    expect(trained.evaluation.notes.join(' ')).toMatch(/"Years_With_Bank" has no values in the training rows/)
    // Stored and loaded (validated) like any model, then scored with and without the dropped fields.
    const id = service.models.save(
      'dropped',
      'generated',
      trained.artifact,
      trained.ensemble,
      trained.evaluation
    )
    const dropped = service.models.load(id)
    service.close()
    const withFields = scoreOne(dropped, FULL_APPLICANT)
    const without = scoreOne(dropped, { ...FULL_APPLICANT, Years_With_Bank: null, Loan_Purpose: null })
    expect(withFields.Default_Probability).toBe(without.Default_Probability)
    expect(withFields.Default_Probability).toBeGreaterThanOrEqual(0)
    const unchecked = { ...modelGovernance(dropped.artifact), policy: NO_CHECKS }
    expect(scoreOne(dropped, {}, unchecked).Default_Probability).toBeLessThanOrEqual(1)
  })
})
