import type { FieldIssueInfo, ReasonInfo, ScoreResult } from '../../../shared/dto'
import { InputError } from '../base/errors'
import { riskGrade } from '../model/ModelArtifact'
import type { LoadedModel } from './loadModel'
import { ENGINEERED_NAMES, parseApplicants } from './parseApplicants'
import { describeReason, type Reason } from './reasons'
import { scoreApplicants } from './scoreApplicants'

/** Raised when an applicant's fields have the wrong type: lists every bad field (HTTP 422). */
export class FieldValidationError extends InputError {
  constructor(readonly fields: FieldIssueInfo[]) {
    super(`Invalid applicant data: ${fields.map((f) => f.message).join('; ')}`, { fields })
    this.name = 'FieldValidationError'
  }
}

/**
 * Scores one applicant from raw fields (the model's input schema; engineered features
 * are computed, never asked for), with exact TreeSHAP reasons. Unknown fields,
 * missing fields, unseen categories and out-of-range values are warnings; a wrong type
 * is an error naming the field.
 */
export function scoreOne(model: LoadedModel, input: Record<string, unknown>): Omit<ScoreResult, 'Audit_Id'> {
  const { artifact } = model
  const known = new Set(artifact.inputs.map((f) => f.name))
  const warnings: FieldIssueInfo[] = []
  for (const key of Object.keys(input)) {
    if (known.has(key)) continue
    if (ENGINEERED_NAMES.includes(key)) {
      warnings.push({
        field: key,
        severity: 'warning',
        message: `${key} is computed by the model from the raw fields; the value sent was ignored`
      })
    } else if (key === artifact.target.name) {
      warnings.push({
        field: key,
        severity: 'warning',
        message: `${key} is the outcome the model predicts; the value sent was ignored`
      })
    } else {
      warnings.push({
        field: key,
        severity: 'warning',
        message: `${key} is not a field of this model and was ignored (fields: ${[...known].join(', ')})`
      })
    }
  }
  const parsed = parseApplicants(artifact, 1, (field) => input[field.name], true)
  const errors = parsed.issues[0].filter((i) => i.severity === 'error')
  if (errors.length) throw new FieldValidationError(errors)
  warnings.push(...parsed.issues[0])
  const scored = scoreApplicants(model, parsed, 'exact')
  const p = scored.probability[0]
  const grade = riskGrade(artifact.riskGrades, p)
  const contributions = scored.contributions[0].map(toInfo)
  const raising = contributions.filter((c) => c.contribution > 0).slice(0, 3)
  const lowering = contributions.filter((c) => c.contribution < 0).slice(0, 3)
  return {
    Default_Prediction: scored.prediction[0] === 1 ? 1 : 0,
    Default_Probability: round(p, 6),
    Risk_Grade: grade.grade,
    Risk_Label: grade.label,
    Reasons: [...raising, ...lowering],
    Contributions: contributions,
    Base_Rate: round(scored.base[0], 6),
    Threshold: artifact.threshold,
    Model_Version: model.id,
    Warnings: warnings
  }
}

function toInfo(r: Reason): ReasonInfo {
  return { ...r, contribution: round(r.contribution, 6), text: describeReason(r) }
}

function round(x: number, digits: number): number {
  const f = 10 ** digits
  return Math.round(x * f) / f
}
