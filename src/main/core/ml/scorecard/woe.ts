/**
 * Weight of evidence and information value, as credit scorecards use them (Siddiqi;
 * OptBinning's binning tables): a bin's WoE is ln(share of all repayers in it ÷ share of
 * all defaulters in it), so a positive WoE marks a safer-than-average bin, and a
 * characteristic's IV = Σ (repayer share − defaulter share) × WoE.
 *
 * Smoothing: each bin gets one pseudo-row at the population's default rate (G/N repayers,
 * B/N defaulters) before its WoE is taken. An empty bin then has WoE exactly 0 (the
 * population's odds: no evidence either way), a bin without defaulters a large but finite
 * WoE, and a well-filled bin is all but unchanged. The IV keeps the raw shares, so an
 * empty bin adds nothing to it.
 */

/** Rows of one bin (or of all rows) by outcome: repaid (good) and defaulted (bad). */
export interface ClassCounts {
  good: number
  bad: number
}

/** Pseudo-rows at the population's rate added to every bin before its WoE is taken. */
export const WOE_PRIOR_ROWS = 1

/** WoE of a bin given the totals over every row of the characteristic (missing included). */
export function weightOfEvidence(bin: ClassCounts, total: ClassCounts): number {
  const n = total.good + total.bad
  const good = bin.good + (WOE_PRIOR_ROWS * total.good) / n
  const bad = bin.bad + (WOE_PRIOR_ROWS * total.bad) / n
  return Math.log(good / total.good / (bad / total.bad))
}

/**
 * Information value of a characteristic binned into `bins` (all of its rows, missing bin
 * included): Σ (repayer share − defaulter share) × WoE, with each bin's WoE as given (its
 * smoothed WoE unless the caller overrides one, e.g. a missing bin scored as average).
 */
export function informationValue(
  bins: ClassCounts[],
  total: ClassCounts,
  woe: ArrayLike<number> = bins.map((b) => weightOfEvidence(b, total))
): number {
  let iv = 0
  bins.forEach((b, k) => (iv += (b.good / total.good - b.bad / total.bad) * woe[k]))
  return iv
}

/** The sums of some bins' counts. */
export function sumCounts(bins: ClassCounts[]): ClassCounts {
  let good = 0
  let bad = 0
  for (const b of bins) {
    good += b.good
    bad += b.bad
  }
  return { good, bad }
}
