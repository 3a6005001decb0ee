/**
 * Turns per-feature contributions (SHAP values or path attributions, on the probability
 * scale) into the few reasons a branch officer reads for one applicant.
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
 * The `count` largest contributions by magnitude (ties by feature index), skipping
 * features with a contribution of exactly zero. phi, featureNames and values are
 * parallel: entry i of each describes feature (or raw column) i.
 */
export function topReasons(
  phi: Float64Array,
  featureNames: string[],
  values: (number | string | null)[],
  count = 3
): Reason[] {
  checkParallel(phi, featureNames, values)
  return rankedReasons(phi, featureNames, values, () => true).slice(0, Math.max(0, count))
}

/** The `count` largest contributions that raised the default risk (contribution > 0). */
export function topRiskReasons(
  phi: Float64Array,
  featureNames: string[],
  values: (number | string | null)[],
  count = 3
): Reason[] {
  checkParallel(phi, featureNames, values)
  return rankedReasons(phi, featureNames, values, (c) => c > 0).slice(0, Math.max(0, count))
}

/**
 * Plain-words sentence for a reason, e.g. "Credit_Score = 540 raised the default risk by
 * 12.3 points" (percentage points, one decimal). `label`, when given, replaces the
 * feature's column name.
 */
export function describeReason(reason: Reason, label?: string): string {
  const name = label ?? reason.feature
  const subject =
    reason.value === null || (typeof reason.value === 'number' && Number.isNaN(reason.value))
      ? `${name} (missing)`
      : `${name} = ${formatValue(reason.value)}`
  const verb = reason.direction === 'raises' ? 'raised' : 'lowered'
  const points = Math.abs(reason.contribution) * 100
  const amount = points < 0.05 ? 'less than 0.1 points' : `${points.toFixed(1)} points`
  return `${subject} ${verb} the default risk by ${amount}`
}

/**
 * Sums phi over groups of feature indices (e.g. the model features derived from one raw
 * input column). SHAP values are additive, so when the groups cover every feature once
 * the grouped values keep the same total. An index may appear in at most one group.
 */
export function groupContributions(phi: Float64Array, groups: number[][]): Float64Array {
  const seen = new Uint8Array(phi.length)
  const grouped = new Float64Array(groups.length)
  for (let g = 0; g < groups.length; g++) {
    let sum = 0
    for (const i of groups[g]) {
      if (!Number.isInteger(i) || i < 0 || i >= phi.length) {
        throw new RangeError(
          `groupContributions: group ${g} lists feature ${i}, but there are ${phi.length} features`
        )
      }
      if (seen[i] === 1) {
        throw new RangeError(
          `groupContributions: feature ${i} is listed in more than one group (again in group ${g})`
        )
      }
      seen[i] = 1
      sum += phi[i]
    }
    grouped[g] = sum
  }
  return grouped
}

function checkParallel(phi: Float64Array, featureNames: string[], values: (number | string | null)[]): void {
  if (featureNames.length !== phi.length || values.length !== phi.length) {
    throw new RangeError(
      `reasons: ${phi.length} contributions but ${featureNames.length} feature names and ${values.length} values; ` +
        'pass one name and one value per contribution'
    )
  }
}

/** Reasons whose contribution passes `keep`, by |contribution| descending, ties by index. */
function rankedReasons(
  phi: Float64Array,
  featureNames: string[],
  values: (number | string | null)[],
  keep: (contribution: number) => boolean
): Reason[] {
  const order: number[] = []
  for (let i = 0; i < phi.length; i++) {
    const c = phi[i]
    // NaN would make the order undefined and says nothing to the officer.
    if (c !== 0 && c === c && keep(c)) order.push(i)
  }
  order.sort((a, b) => Math.abs(phi[b]) - Math.abs(phi[a]) || a - b)
  return order.map((i) => ({
    feature: featureNames[i],
    value: values[i],
    contribution: phi[i],
    direction: phi[i] > 0 ? 'raises' : 'lowers'
  }))
}

/** Numbers to at most two decimals, integers as integers; strings unchanged. */
function formatValue(value: number | string): string {
  if (typeof value === 'string') return value
  if (!Number.isFinite(value)) return String(value)
  // Past 1e15 two decimals mean nothing (and value × 100 may overflow): six significant digits.
  if (Math.abs(value) >= 1e15) return String(Number(value.toPrecision(6)))
  const rounded = Math.round(value * 100) / 100
  return String(rounded === 0 ? 0 : rounded)
}
