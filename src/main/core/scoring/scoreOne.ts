import type { ApplicantRef, FieldIssueInfo, ReasonInfo, ScoreResult } from '../../../shared/dto'
import type { Lang } from '../../../shared/i18n'
import { WorkbenchError } from '../base/errors'
import { clip } from '../base/clipText'
import { riskGrade, type ModelArtifact } from '../model/ModelArtifact'
import { checkApplicants, provided } from '../policy/checkApplicants'
import { DecisionText } from '../../../shared/decisionText'
import { modelGovernance, type Governance } from '../policy/modelDefaults'
import { firedReferrals, verdictOf } from '../policy/referrals'
import { ENGINEERED_NAMES, parseApplicants, type ParsedApplicants } from './parseApplicants'
import type { Reason } from './reasons'
import { scoreApplicants, type ScoredApplicants, type ScoringModel } from './scoreApplicants'

/** What scoring one applicant reads besides the model: policy, dictionary, the language of its texts. */
export interface ScoreContext extends Governance {
  lang?: Lang
  reference?: ApplicantRef | null
}

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

/** One applicant's score and decision without reasons: what `/predict` answers to `"reasons": false`. */
export type ScoreDecision = Omit<
  ScoreResult,
  'Audit_Id' | 'Reasons' | 'Contributions' | 'Not_Provided' | 'Base_Rate'
>

/** A model scoreOne can score with: a loaded model, or a /predict worker's (artifact and ShapForest). */
export type ScoreOneModel = ScoringModel & { id: number }

/**
 * Scores one applicant from raw fields (the model's input schema; engineered features are
 * computed, never asked for), in this order: types (a wrong type is FIELD_INVALID naming
 * the field), the model's policy checks (a required field not provided or an impossible
 * value is POLICY_CHECK_FAILED naming every field: no score, no decision), the score with
 * exact reasons by the fields given, the referral rules and the verdict. Unknown fields,
 * values outside the training range and unseen categories are warnings.
 */
export function scoreOne(
  model: ScoreOneModel,
  input: Record<string, unknown>,
  context: ScoreContext = modelGovernance(model.artifact)
): Omit<ScoreResult, 'Audit_Id'> {
  const { parsed, warnings, text } = checkedApplicant(model, input, context)
  const scored = scoreApplicants(model, parsed, 'exact')
  const contributions = scored.contributions[0].map((r) => toInfo(r, text))
  const raising = contributions.filter((c) => c.contribution > 0).slice(0, 3)
  const lowering = contributions.filter((c) => c.contribution < 0).slice(0, 3)
  const np = scored.notProvided[0]
  const decision = decisionOf(model, parsed, scored, np.fields.length, context, text, warnings)
  // The reasons go between the decision and the model's figures, where they always were.
  const { Book_Default_Rate, Threshold, Model_Version, Applicant_Ref, Warnings, ...verdict } = decision
  return {
    ...verdict,
    Reasons: [...raising, ...lowering],
    Contributions: contributions,
    Not_Provided: { fields: np.fields, contribution: round(np.contribution, 6), text: text.notProvided(np) },
    Base_Rate: round(scored.base[0], 6),
    Book_Default_Rate,
    Threshold,
    Model_Version,
    Applicant_Ref,
    Warnings
  }
}

/**
 * scoreOne without reasons: the same checks, probability, grade, referrals and verdict (the
 * probability by the forest walk, as a batch file's row gets it), none of the TreeSHAP work.
 */
export function scoreDecisionOnly(
  model: ScoreOneModel,
  input: Record<string, unknown>,
  context: ScoreContext = modelGovernance(model.artifact)
): ScoreDecision {
  const { parsed, warnings, text } = checkedApplicant(model, input, context)
  const scored = scoreApplicants(model, parsed, 'none')
  const notProvided = model.artifact.inputs.filter((field) => !provided(parsed.raw, field, 0)).length
  return decisionOf(model, parsed, scored, notProvided, context, text, warnings)
}

/** The applicant's fields parsed, typed and through the policy checks (throws FIELD_INVALID or POLICY_CHECK_FAILED). */
function checkedApplicant(
  model: ScoreOneModel,
  input: Record<string, unknown>,
  context: ScoreContext
): { parsed: ParsedApplicants; warnings: FieldIssueInfo[]; text: DecisionText } {
  const { artifact } = model
  const text = new DecisionText(context.dictionary, context.lang ?? 'en')
  const warnings = fieldWarnings(artifact, input)
  // Own fields only: a model input named like an Object method ("constructor") is not inherited.
  const parsed = parseApplicants(
    artifact,
    1,
    (field) => (Object.hasOwn(input, field.name) ? input[field.name] : undefined),
    false
  )
  const errors = parsed.issues[0].filter((i) => i.severity === 'error')
  if (errors.length) throw fieldValidationError(errors)
  const blocked: FieldIssueInfo[] = []
  checkApplicants(context.policy, artifact.inputs, parsed.raw, (_r, issue) =>
    blocked.push({
      field: issue.field,
      severity: 'error',
      message: text.issue(issue),
      rule: issue.rule,
      values: { value: issue.value, bound: issue.bound }
    })
  )
  if (blocked.length) {
    throw new WorkbenchError(
      'POLICY_CHECK_FAILED',
      text.t('decision.policy.blocked', { problems: blocked.map((b) => b.message).join(' ') }),
      { fields: blocked }
    )
  }
  warnings.push(...rangeWarnings(artifact, parsed, text))
  return { parsed, warnings, text }
}

/** Probability, grade, referrals and verdict of the scored applicant (row 0). */
function decisionOf(
  model: ScoreOneModel,
  parsed: ParsedApplicants,
  scored: ScoredApplicants,
  notProvided: number,
  context: ScoreContext,
  text: DecisionText,
  warnings: FieldIssueInfo[]
): ScoreDecision {
  const { artifact } = model
  const p = scored.probability[0]
  const grade = riskGrade(artifact.riskGrades, p)
  const referrals = firedReferrals(context.policy, parsed.raw, 0, p, notProvided).map((f) => ({
    ...f,
    text: text.referral(f)
  }))
  const verdict = verdictOf(p, artifact.threshold, referrals.length > 0)
  return {
    Default_Prediction: scored.prediction[0] === 1 ? 1 : 0,
    Default_Probability: round(p, 6),
    Risk_Grade: grade.grade,
    Risk_Label: grade.label,
    Decision: verdict,
    Decision_Text: text.verdict(verdict),
    Decision_Why: text.verdictWhy(
      verdict,
      p,
      artifact.threshold,
      referrals.map((r) => r.text)
    ),
    Referrals: referrals,
    Book_Default_Rate: artifact.baseRate,
    Threshold: artifact.threshold,
    Model_Version: model.id,
    Applicant_Ref: context.reference ?? null,
    Warnings: warnings
  }
}

/** Unknown field names a warning lists by name; the rest are counted. */
const MAX_NAMED_UNKNOWN = 5

/** Warnings about the fields sent: engineered ones and the target are ignored, unknown ones summed up. */
function fieldWarnings(artifact: ModelArtifact, input: Record<string, unknown>): FieldIssueInfo[] {
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
  return warnings
}

/** Values outside what the model learnt from, and categories it never saw: the result needs care. */
function rangeWarnings(
  artifact: ModelArtifact,
  parsed: ParsedApplicants,
  text: DecisionText
): FieldIssueInfo[] {
  const warnings = artifact.inputs.flatMap((field): Omit<FieldIssueInfo, 'message'>[] => {
    if (field.kind === 'numeric') {
      const x = parsed.raw.numeric.get(field.name)![0]
      if (x !== x || field.min === null || field.max === null || (x >= field.min && x <= field.max)) return []
      const values = { value: x, min: field.min, max: field.max }
      return [{ field: field.name, severity: 'warning', rule: 'range', values }]
    }
    const s = parsed.raw.categorical.get(field.name)![0]
    if (s === null || field.categories.includes(s)) return []
    const values = { value: clip(s, 60), fill: field.mostFrequent }
    return [{ field: field.name, severity: 'warning', rule: 'category', values }]
  })
  // Worded from its values, as every screen and sheet says a stored warning again.
  return warnings.map((w) => ({ ...w, message: text.warning({ ...w, message: '' }) }))
}

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
function toInfo(r: Reason, text: DecisionText): ReasonInfo {
  const reason = typeof r.value === 'string' ? { ...r, value: clip(r.value, 60) } : r
  return { ...reason, contribution: round(r.contribution, 6), text: text.reason(reason) }
}

function round(x: number, digits: number): number {
  const f = 10 ** digits
  return Math.round(x * f) / f
}
