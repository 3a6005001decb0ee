import { describe, expect, it } from 'vitest'
import type { FieldIssueInfo } from '../../../../src/shared/dto'
import { WorkbenchError } from '../../../../src/main/core/base/errors'
import { scoreOne } from '../../../../src/main/core/scoring/scoreOne'
import { Workbench } from '../../../../src/main/core/service/Workbench'
import type { LoadedModel } from '../../../../src/main/core/scoring/loadModel'
import { modelGovernance } from '../../../../src/main/core/policy/modelDefaults'
import { useTrainedTemplate } from '../../../fixtures/trainedDatabase'
import { FULL_APPLICANT } from '../../../fixtures/applicants'

// The words and fields of scoreOne's warnings and refusals, written out in full: an officer
// and the audit read them, so a changed word or a lost field is a bug.

/** The error scoreOne throws for `input`. */
function refusal(model: LoadedModel, input: Record<string, unknown>): WorkbenchError {
  try {
    scoreOne(model, input)
  } catch (error) {
    if (error instanceof WorkbenchError) return error
    throw error
  }
  throw new Error('scoreOne scored an applicant it should have refused')
}

describe('scoreOne messages', () => {
  const template = useTrainedTemplate({ rows: 3000, seed: 17 })
  let model: LoadedModel | undefined
  const loadModel = (): LoadedModel => {
    if (!model) {
      const service = Workbench.open(template.template())
      model = service.models.load(template.ids().modelId)
      service.close()
    }
    return model
  }
  const fieldList = (): string =>
    loadModel()
      .artifact.inputs.map((f) => f.name)
      .join(', ')

  it('says an engineered field and the target sent as input were ignored', () => {
    const result = scoreOne(loadModel(), { ...FULL_APPLICANT, Age_Group: '30-40', Default: 1 })
    expect(result.Warnings).toEqual([
      {
        field: 'Age_Group',
        severity: 'warning',
        message: 'Age_Group is computed by the model from the raw fields; the value sent was ignored'
      },
      {
        field: 'Default',
        severity: 'warning',
        message: 'Default is the outcome the model predicts; the value sent was ignored'
      }
    ])
  })

  it('names one unknown field in the singular, with the model’s fields', () => {
    const result = scoreOne(loadModel(), { ...FULL_APPLICANT, Favourite_Colour: 'blue' })
    expect(result.Warnings).toEqual([
      {
        field: 'Favourite_Colour',
        severity: 'warning',
        message: `Favourite_Colour is not a field of this model and was ignored (fields: ${fieldList()})`
      }
    ])
  })

  it('names five unknown fields and counts the rest, in the plural', () => {
    const extra = Object.fromEntries(['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7'].map((k) => [k, 1]))
    const result = scoreOne(loadModel(), { ...FULL_APPLICANT, ...extra })
    expect(result.Warnings).toEqual([
      {
        field: 'u1',
        severity: 'warning',
        message: `u1, u2, u3, u4, u5, … (7 in all) are not fields of this model and were ignored (fields: ${fieldList()})`
      }
    ])
    const five = Object.fromEntries(['u1', 'u2', 'u3', 'u4', 'u5'].map((k) => [k, 1]))
    expect(scoreOne(loadModel(), { ...FULL_APPLICANT, ...five }).Warnings[0].message).toBe(
      `u1, u2, u3, u4, u5 are not fields of this model and were ignored (fields: ${fieldList()})`
    )
  })

  it('joins the wrong-type messages with semicolons in the FIELD_INVALID error', () => {
    const error = refusal(loadModel(), { ...FULL_APPLICANT, Credit_Score: 'high', Loan_Amount: 'lots' })
    expect(error.code).toBe('FIELD_INVALID')
    expect(error.message).toBe(
      'Invalid applicant data: Credit_Score: "high" is not a number; Loan_Amount: "lots" is not a number'
    )
  })

  it('gives each blocked field its rule, value and bound, and joins their sentences in the message', () => {
    const error = refusal(loadModel(), { ...FULL_APPLICANT, Loan_Amount: -50000, Interest_Rate: 140 })
    expect(error.code).toBe('POLICY_CHECK_FAILED')
    const fields = error.details?.fields as FieldIssueInfo[]
    expect(fields).toEqual([
      {
        field: 'Loan_Amount',
        severity: 'error',
        message: 'Loan amount −₹50,000 is not possible: it must be at least ₹0.',
        rule: 'min',
        values: { value: -50000, bound: 0 }
      },
      {
        field: 'Interest_Rate',
        severity: 'error',
        message: 'Interest rate 140 % is not possible: it must be at most 100 %.',
        rule: 'max',
        values: { value: 140, bound: 100 }
      }
    ])
    expect(error.message).toContain(
      'Loan amount −₹50,000 is not possible: it must be at least ₹0. Interest rate 140 % is not possible: it must be at most 100 %.'
    )
  })

  it('warns of a value outside the training range with its bounds, but not of the bounds themselves', () => {
    const term = loadModel().artifact.inputs.find((f) => f.name === 'Loan_Term_Months')
    if (term?.kind !== 'numeric' || term.min === null || term.max === null) throw new Error('no term range')
    for (const edge of [term.min, term.max])
      expect(scoreOne(loadModel(), { ...FULL_APPLICANT, Loan_Term_Months: edge }).Warnings).toEqual([])
    const [warning] = scoreOne(loadModel(), { ...FULL_APPLICANT, Loan_Term_Months: term.max + 1 }).Warnings
    expect(warning).toMatchObject({
      field: 'Loan_Term_Months',
      severity: 'warning',
      rule: 'range',
      values: { value: term.max + 1, min: term.min, max: term.max }
    })
    expect(warning.message).toContain(String(term.max + 1))
    expect(warning.message).toContain(`${term.min}`)
    // The /predict answer's keys in their documented order.
    expect(Object.keys(warning)).toEqual(['field', 'severity', 'rule', 'values', 'message'])
  })

  it('warns of an unseen category with the value (clipped) and the category used instead', () => {
    const region = loadModel().artifact.inputs.find((f) => f.name === 'Region')
    if (region?.kind !== 'categorical') throw new Error('no Region')
    const long = 'Z'.repeat(100)
    const result = scoreOne(loadModel(), { ...FULL_APPLICANT, Region: long })
    expect(result.Warnings).toHaveLength(1)
    expect(result.Warnings[0]).toMatchObject({
      field: 'Region',
      severity: 'warning',
      rule: 'category',
      values: { value: `${'Z'.repeat(59)}…`, fill: region.mostFrequent }
    })
    expect(result.Warnings[0].message).toContain(`${'Z'.repeat(59)}…`)
    expect(result.Warnings[0].message).toContain(String(region.mostFrequent))
    // The reason for the region quotes the clipped value too, never the whole of it.
    const reason = result.Contributions.find((c) => c.feature === 'Region')
    if (reason !== undefined) expect(reason.value).toBe(`${'Z'.repeat(59)}…`)
    expect(JSON.stringify(result)).not.toContain('Z'.repeat(61))
  })

  it('decides by the threshold when no referral fires, and gives the referrals’ texts as the why', () => {
    const model = loadModel()
    const complete = scoreOne(model, FULL_APPLICANT)
    expect(complete.Referrals).toEqual([])
    expect(complete.Decision).toBe(complete.Default_Probability >= complete.Threshold ? 'decline' : 'approve')
    const partial = scoreOne(model, {
      Credit_Score: 650,
      Loan_Amount: 50000,
      Account_Balance: 200000,
      Interest_Rate: 9
    })
    expect(partial.Decision).toBe('refer')
    expect(partial.Referrals.length).toBeGreaterThan(0)
    for (const r of partial.Referrals) expect(partial.Decision_Why).toContain(r.text)
  })

  it('carries the applicant reference through to the answer', () => {
    const model = loadModel()
    const reference = { name: 'A. Kumar', applicationNo: 'APP-7' }
    const result = scoreOne(model, FULL_APPLICANT, { ...modelGovernance(model.artifact), reference })
    expect(result.Applicant_Ref).toEqual(reference)
    expect(scoreOne(model, FULL_APPLICANT).Applicant_Ref).toBeNull()
  })
})
