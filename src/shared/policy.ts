import { z } from 'zod'

/**
 * A model's policy checks, applied before any score by every channel (the app, `ptm score`,
 * batch files, /predict): fields the bank requires, hard limits that make a value
 * impossible (a negative amount, a rate above 100 %), and referral rules that send a case
 * to a person. Stored per model and edited by the risk analyst (core/policy holds the
 * defaults and the checks).
 */

const field = z.string().min(1).max(500)
const finite = z.number().refine(Number.isFinite, 'must be a finite number')

export const LimitSchema = z
  .object({ field, min: finite.nullable(), max: finite.nullable() })
  .strict()
  .refine((l) => l.min === null || l.max === null || l.min <= l.max, 'min must not exceed max')
export type PolicyLimit = z.infer<typeof LimitSchema>

export const ReferralRuleSchema = z.discriminatedUnion('kind', [
  /** Refer when the field's value is below `value`. */
  z.object({ kind: z.literal('below'), field, value: finite }).strict(),
  /** Refer when the field's value is above `value`. */
  z.object({ kind: z.literal('above'), field, value: finite }).strict(),
  /** Refer when the risk of default lies in [from, to): the grey zone below the cut-off, say. */
  z
    .object({
      kind: z.literal('probabilityBetween'),
      from: z.number().min(0).max(1),
      to: z.number().min(0).max(1)
    })
    .strict(),
  /** Refer when at least `atLeast` of the model's fields were not provided. */
  z.object({ kind: z.literal('notProvided'), atLeast: z.number().int().min(1) }).strict()
])
export type ReferralRule = z.infer<typeof ReferralRuleSchema>

export const PolicySchema = z
  .object({
    required: z.array(field).max(2000),
    limits: z.array(LimitSchema).max(2000),
    referrals: z.array(ReferralRuleSchema).max(200)
  })
  .strict()
export type Policy = z.infer<typeof PolicySchema>

/** The reason codes an officer gives for overriding the model. */
export const OVERRIDE_REASONS = [
  'documents',
  'collateral',
  'income',
  'relationship',
  'adverse',
  'policy',
  'other'
] as const
export type OverrideReason = (typeof OVERRIDE_REASONS)[number]

/** The one verdict vocabulary: what the model and the policy say about an applicant. */
export type Verdict = 'approve' | 'decline' | 'refer'

/** One policy check an applicant fails: nothing is scored until none remain. */
export interface PolicyIssue {
  field: string
  rule: 'required' | 'min' | 'max'
  /** The value given (null when the field was not provided). */
  value: number | string | null
  /** The limit broken, for 'min' and 'max'. */
  bound: number | null
}

/** A referral rule a scored applicant meets, with what it read. */
export interface FiredReferral {
  rule: ReferralRule
  /** The field's value for a field rule, the probability for a probability rule, the count for notProvided. */
  value: number
}
