import type { FiredReferral, Policy, Verdict } from '../../../shared/policy'
import type { RawInputs } from '../ml/preprocess'

export type { FiredReferral }

/**
 * The referral rules of a policy that row r meets, given its probability of default and
 * how many of the model's fields it did not provide. Rules on a field the row did not
 * provide do not fire (an unknown score is the notProvided rule's business).
 */
export function firedReferrals(
  policy: Policy,
  raw: RawInputs,
  r: number,
  probability: number,
  notProvided: number
): FiredReferral[] {
  const fired: FiredReferral[] = []
  for (const rule of policy.referrals) {
    switch (rule.kind) {
      case 'below':
      case 'above': {
        const v = raw.numeric.get(rule.field)?.[r]
        if (v === undefined || v !== v) break
        if (rule.kind === 'below' ? v < rule.value : v > rule.value) fired.push({ rule, value: v })
        break
      }
      case 'probabilityBetween':
        if (probability >= rule.from && probability < rule.to) fired.push({ rule, value: probability })
        break
      case 'notProvided':
        if (notProvided >= rule.atLeast) fired.push({ rule, value: notProvided })
        break
    }
  }
  return fired
}

/** The one verdict: refer when a referral rule fired, else decline at or above the threshold, else approve. */
export function verdictOf(probability: number, threshold: number, referred: boolean): Verdict {
  if (referred) return 'refer'
  return probability >= threshold ? 'decline' : 'approve'
}
