import { normaliseFieldName, SPEC_REQUIRED_FIELDS, type Dictionary } from '../../../shared/dictionary'
import type { Policy, PolicyLimit, ReferralRule } from '../../../shared/policy'
import type { InputField } from '../model/ModelArtifact'

/** A cut of the credit score below which a case goes to a person by default (sub-prime bureau scores). */
export const DEFAULT_REFERRAL_SCORE = 550
/** Fields not provided from which a case goes to a person by default. */
export const DEFAULT_REFERRAL_NOT_PROVIDED = 3

/**
 * The policy a model starts with until the analyst edits it: the specification's /predict
 * fields required (so its example request keeps scoring), impossible values blocked by the
 * dictionary's unit of each field (no negative rupees or counts, rates 0–100 %, ages 18–100,
 * bureau scores 300–900, terms of 1–600 months), and cases referred when the credit score is
 * below 550 or three or more fields were not provided.
 */
export function defaultPolicy(inputs: InputField[], dictionary: Dictionary): Policy {
  const names = new Set(inputs.map((f) => f.name))
  const byNormalised = new Map(inputs.map((f) => [normaliseFieldName(f.name), f.name]))
  const required = SPEC_REQUIRED_FIELDS.map((f) => byNormalised.get(normaliseFieldName(f))).filter(
    (f): f is string => f !== undefined && names.has(f)
  )
  const limits: PolicyLimit[] = []
  for (const field of inputs) {
    if (field.kind !== 'numeric') continue
    const unit = dictionary.find((e) => e.field === field.name)?.unit
    const limit = limitFor(field.name, unit)
    if (limit) limits.push({ field: field.name, ...limit })
  }
  const referrals: ReferralRule[] = []
  const score = byNormalised.get('creditscore')
  if (score) referrals.push({ kind: 'below', field: score, value: DEFAULT_REFERRAL_SCORE })
  referrals.push({ kind: 'notProvided', atLeast: DEFAULT_REFERRAL_NOT_PROVIDED })
  return { required, limits, referrals }
}

function limitFor(name: string, unit: string | undefined): { min: number | null; max: number | null } | null {
  const normalised = normaliseFieldName(name)
  switch (unit) {
    case 'inr':
    case 'share':
    case 'count':
    case 'ratio':
      return { min: 0, max: null }
    case 'percent':
      return { min: 0, max: 100 }
    case 'months':
      return { min: 1, max: 600 }
    case 'years':
      return normalised === 'age' ? { min: 18, max: 100 } : { min: 0, max: 100 }
    case 'score':
      return normalised === 'creditscore' ? { min: 300, max: 900 } : null
    default:
      return null
  }
}
