import type { FieldIssueInfo, ReasonInfo, ScoreResult } from '../../../shared/dto'
import { WorkbenchError } from '../base/errors'
import { riskGrade } from '../model/ModelArtifact'
import type { LoadedModel } from './loadModel'
import { ENGINEERED_NAMES, parseApplicants } from './parseApplicants'
import { clip } from '../base/clipText'
import { describeReason, type Reason } from './reasons'
import { scoreApplicants } from './scoreApplicants'

/** An applicant's fields have the wrong type (FIELD_INVALID): lists every bad field in `details.fields`. */
function fieldValidationError(fields: FieldIssueInfo[]): WorkbenchError {
  return new WorkbenchError(
    'FIELD_INVALID',
    `Invalid applicant data: ${fields.map((f) => f.message).join('; ')}`,
    {
      fields
    }
  )
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
  const unknown: string[] = []
  let unknownCount = 0
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
      // However many unknown fields a request has, they make one warning of bounded size.
      unknownCount++
      if (unknown.length < MAX_NAMED_UNKNOWN) unknown.push(clip(key, 60))
    }
  }
  if (unknownCount > 0) warnings.push(unknownFieldsWarning(unknown, unknownCount, [...known]))
  // Own fields only: a model input named like an Object method ("constructor") is not inherited.
  const parsed = parseApplicants(
    artifact,
    1,
    (field) => (Object.hasOwn(input, field.name) ? input[field.name] : undefined),
    true
  )
  const errors = parsed.issues[0].filter((i) => i.severity === 'error')
  if (errors.length) throw fieldValidationError(errors)
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

/** Unknown field names a warning lists by name; the rest are counted. */
const MAX_NAMED_UNKNOWN = 5

/** The one warning for every field the model does not know. */
function unknownFieldsWarning(names: string[], count: number, fields: string[]): FieldIssueInfo {
  const listed = names.join(', ') + (count > names.length ? `, … (${count} in all)` : '')
  const shownFields = fields.slice(0, 20).join(', ') + (fields.length > 20 ? ', …' : '')
  return {
    field: names[0],
    severity: 'warning',
    message:
      count === 1
        ? `${listed} is not a field of this model and was ignored (fields: ${shownFields})`
        : `${listed} are not fields of this model and were ignored (fields: ${shownFields})`
  }
}

/** A reason as answered and audited: a long text value is clipped (a request may send a megabyte). */
function toInfo(r: Reason): ReasonInfo {
  const reason = typeof r.value === 'string' ? { ...r, value: clip(r.value, 60) } : r
  return { ...reason, contribution: round(r.contribution, 6), text: describeReason(reason) }
}

function round(x: number, digits: number): number {
  const f = 10 ** digits
  return Math.round(x * f) / f
}
