import { z } from 'zod'

/**
 * A points scorecard as the artifact keeps it (artifact.scorecard), the table a bank files
 * and prints: every characteristic's bins with their counts, default rate, weight of
 * evidence and points, and the scaling that turns points into odds. The trees of the
 * model and the reasons of a score are built from this table, so what is printed is what
 * scores.
 *
 * Conventions: WoE = ln(repayer share ÷ defaulter share) (positive = safer than average);
 * the regression predicts the log-odds of repaying, ln(odds) = intercept + Σ coefficient ×
 * WoE, so a sound characteristic has a positive coefficient. A bin's `margin` is its term of
 * the default log-odds, −coefficient × WoE, the leaf value of the characteristic's tree.
 * score = offset + factor × ln(odds of repaying), factor = pdo ÷ ln 2, offset = basePoints −
 * factor × ln(baseOdds); each bin's exact points are its share of that (the intercept spread
 * evenly over the characteristics, as OptBinning and Siddiqi do), and `points` is them
 * rounded as printed. The probability always comes from the exact points.
 */

const finite = z.number().refine(Number.isFinite, 'must be a finite number')

export const ScorecardBinSchema = z.object({
  /** As printed: "<= 650", "(650, 720]", "> 720", "Salaried, Retired" or "Missing". */
  label: z.string(),
  /** A numeric bin's interval (from, to] in the characteristic's own units; null = unbounded. */
  from: z.number().nullable().optional(),
  to: z.number().nullable().optional(),
  /** A categorical bin's training categories. */
  categories: z.array(z.string()).optional(),
  /** The bin of missing values (always the last bin). */
  missing: z.boolean().optional(),
  /** Training rows in the bin (the rows the engine fitted on), and of them defaults. */
  count: z.number().nonnegative(),
  defaults: z.number().nonnegative(),
  woe: finite,
  /** −coefficient × WoE: the bin's term of the default log-odds (its tree leaf). */
  margin: finite,
  /** Points as printed (the exact points rounded half away from zero). */
  points: z.number().int(),
  pointsExact: finite
})
export type ScorecardBin = z.infer<typeof ScorecardBinSchema>

export const SCORECARD_TRENDS = ['ascending', 'descending', 'peak', 'valley', 'by rate'] as const

export const CharacteristicSchema = z.object({
  /** The model feature it reads. */
  feature: z.string(),
  kind: z.enum(['numeric', 'categorical']),
  /** How the default rate runs across the bins ('by rate': categories ordered by their default rate). */
  trend: z.enum(SCORECARD_TRENDS),
  iv: finite,
  /** Coefficient of its WoE in the log-odds of repaying (> 0: works with its binning). */
  coefficient: finite,
  /** Variance inflation factor of its WoE among the kept characteristics (null with only one). */
  vif: z.number().nullable(),
  /** Numeric only: the trees' thresholds on the model feature, bin k is x <= splits[k] (one fewer than the non-missing bins). */
  splits: z.array(finite).optional(),
  /** Non-missing bins (numeric: ascending values; categorical: ascending default rate), then the missing bin. */
  bins: z.array(ScorecardBinSchema).min(2),
  /** Said about the characteristic in the table (e.g. a missing bin too small to estimate). */
  notes: z.array(z.string())
})
export type Characteristic = z.infer<typeof CharacteristicSchema>

export const ScorecardTableSchema = z.object({
  /** Points that double the odds of repaying. */
  pdo: finite,
  /** The score at which the odds of repaying are baseOdds : 1. */
  basePoints: finite,
  baseOdds: finite,
  factor: finite,
  offset: finite,
  /** Log-odds of repaying with every WoE at 0. */
  intercept: finite,
  characteristics: z.array(CharacteristicSchema).min(1),
  /** Characteristics left out, and why (low IV, correlated with a stronger one, wrong sign). */
  dropped: z.array(z.object({ feature: z.string(), iv: z.number(), reason: z.string() }))
})
export type ScorecardTable = z.infer<typeof ScorecardTableSchema>

/** Rounds half away from zero, as printed points are. */
export function roundPoints(x: number): number {
  return Math.sign(x) * Math.round(Math.abs(x))
}

/** The probability of default a score states: 1 ÷ (1 + e^((score − offset) ÷ factor)). */
export function scoreToDefaultProbability(
  table: Pick<ScorecardTable, 'offset' | 'factor'>,
  score: number
): number {
  return 1 / (1 + Math.exp((score - table.offset) / table.factor))
}
