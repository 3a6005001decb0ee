/**
 * A reason a branch officer reads for one applicant, and its sentence. Which reasons an
 * applicant gets (by the fields given) is fieldReasons.ts.
 */

/** One feature's part in an applicant's probability. */
export interface Reason {
  feature: string
  /** The applicant's raw value for the feature; null when missing. */
  value: number | string | null
  /** Change of the default probability credited to the feature (probability scale). */
  contribution: number
  direction: 'raises' | 'lowers'
}

/**
 * Plain-words sentence for a reason, e.g. "Credit_Score = 540 raised the default risk by
 * 12.3 points" (percentage points, one decimal). `label`, when given, replaces the
 * feature's column name.
 */
export function describeReason(reason: Reason, label?: string): string {
  const name = label ?? reason.feature
  const subject =
    // Stryker disable next-line ConditionalExpression: Number.isNaN of a string is false, so the typeof test only documents the type.
    reason.value === null || (typeof reason.value === 'number' && Number.isNaN(reason.value))
      ? `${name} (missing)`
      : `${name} = ${formatValue(reason.value)}`
  const verb = reason.direction === 'raises' ? 'raised' : 'lowered'
  const points = Math.abs(reason.contribution) * 100
  const amount = points < 0.05 ? 'less than 0.1 points' : `${points.toFixed(1)} points`
  return `${subject} ${verb} the default risk by ${amount}`
}

/** Numbers to at most two decimals, integers as integers; strings unchanged. */
function formatValue(value: number | string): string {
  // Stryker disable next-line ConditionalExpression,StringLiteral: a string skipping this line is not finite, and String(value) returns it unchanged below.
  if (typeof value === 'string') return value
  // Stryker disable next-line ConditionalExpression: ±Infinity also reads "Infinity" on the ≥ 1e15 line; NaN never comes here (it is "missing").
  if (!Number.isFinite(value)) return String(value)
  // Past 1e15 two decimals mean nothing (and value × 100 may overflow): six significant digits.
  // Stryker disable next-line EqualityOperator: at exactly 1e15 both lines write 1000000000000000.
  if (Math.abs(value) >= 1e15) return String(Number(value.toPrecision(6)))
  const rounded = Math.round(value * 100) / 100
  // Stryker disable next-line ConditionalExpression: String(-0) is already "0"; the check only states the intent.
  return String(rounded === 0 ? 0 : rounded)
}
