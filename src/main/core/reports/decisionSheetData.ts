import type { FieldIssueInfo, HistoryEntry } from '../../../shared/dto'
import { ReferralRuleSchema, type Verdict } from '../../../shared/policy'
import type { FiredReferral } from '../policy/referrals'

/**
 * What the decision sheet reads of an audit record: structured values only (the sheet says
 * them again in its own language), read defensively, since the record is JSON written by
 * this or an earlier version: a missing part falls back to the record's own columns.
 */
export interface SheetOutputs {
  decision: Verdict
  probability: number
  grade: string
  threshold: number | null
  /** Default rate of the book the model learnt from. */
  bookRate: number | null
  modelVersion: number
  referrals: FiredReferral[]
  reasons: { feature: string; value: number | string | null; contribution: number }[]
  notProvided: { fields: string[]; contribution: number }
  warnings: FieldIssueInfo[]
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
const numberOr = <T>(v: unknown, fallback: T): number | T =>
  typeof v === 'number' && Number.isFinite(v) ? v : fallback
const listOf = (v: unknown): unknown[] => (Array.isArray(v) ? v : [])

/** The sheet's view of an audit record. */
export function readSheetOutputs(entry: Extract<HistoryEntry, { kind: 'single' }>): SheetOutputs {
  const out = entry.outputs
  const probability = numberOr(out.Default_Probability, entry.probability)
  const threshold = numberOr(out.Threshold, null)
  const stated = out.Decision ?? entry.decision
  const decision: Verdict =
    stated === 'approve' || stated === 'decline' || stated === 'refer'
      ? stated
      : numberOr(out.Default_Prediction, entry.prediction) === 1
        ? 'decline'
        : 'approve'
  const reasons = listOf(out.Reasons)
    .filter(isRecord)
    .filter((r) => typeof r.feature === 'string' && typeof r.contribution === 'number')
    .map((r) => ({
      feature: r.feature as string,
      value: typeof r.value === 'number' || typeof r.value === 'string' ? r.value : null,
      contribution: r.contribution as number
    }))
    .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution))
  const referrals: FiredReferral[] = []
  for (const r of listOf(out.Referrals)) {
    if (!isRecord(r)) continue
    const rule = ReferralRuleSchema.safeParse(r.rule)
    if (rule.success && typeof r.value === 'number') referrals.push({ rule: rule.data, value: r.value })
  }
  const np = isRecord(out.Not_Provided) ? out.Not_Provided : {}
  return {
    decision,
    probability,
    grade: typeof out.Risk_Grade === 'string' ? out.Risk_Grade : entry.grade,
    threshold,
    bookRate: numberOr(out.Book_Default_Rate, null),
    modelVersion: numberOr(out.Model_Version, entry.modelId),
    referrals,
    reasons,
    notProvided: {
      fields: listOf(np.fields).filter((f): f is string => typeof f === 'string'),
      contribution: numberOr(np.contribution, 0)
    },
    warnings: listOf(out.Warnings).filter(
      (w): w is FieldIssueInfo => isRecord(w) && typeof w.message === 'string' && typeof w.field === 'string'
    )
  }
}
