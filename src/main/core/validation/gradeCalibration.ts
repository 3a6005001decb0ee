import type {
  CalibrationResult,
  GradeCalibration,
  HosmerLemeshow,
  HosmerLemeshowGroup
} from '../../../shared/validation'
import { riskGrade, type RiskGrade } from '../model/ModelArtifact'
import { quantileSorted } from '../base/stats'
import { checkRows, ratio } from './checks'
import { chiSquareUpperTail } from './distributions'
import { binomialTestTwoSided, jeffreysInterval } from './proportionTests'

/**
 * Calibration of a model's PDs on rows with known outcomes: per risk grade an exact
 * binomial test and a Jeffreys interval, and the Hosmer–Lemeshow test over PD deciles.
 */

/** Floor of a group's binomial variance, so that a default in a group whose PDs are all 0 gives a huge but finite HL statistic. */
const MIN_VARIANCE = 1e-12

/** Per grade: count, defaults, mean PD, observed rate, binomial p against the mean PD, Jeffreys interval; plus Hosmer–Lemeshow. */
export function calibrationByGrade(
  outcome: Uint8Array,
  pd: Float64Array,
  grades: RiskGrade[],
  options: { confidence?: number; hlGroups?: number } = {}
): CalibrationResult {
  checkRows('calibrationByGrade', pd, outcome)
  const confidence = options.confidence ?? 0.95
  const k = grades.length
  const count = new Array<number>(k).fill(0)
  const defaults = new Array<number>(k).fill(0)
  const sumPd = new Array<number>(k).fill(0)
  let totalDefaults = 0
  let totalPd = 0
  for (let i = 0; i < pd.length; i++) {
    const g = gradeIndex(grades, pd[i])
    count[g]++
    defaults[g] += outcome[i]
    sumPd[g] += pd[i]
    totalDefaults += outcome[i]
    totalPd += pd[i]
  }
  const rows: GradeCalibration[] = grades.map((grade, g) => {
    const n = count[g]
    const meanPd = ratio(sumPd[g], n)
    const observedRate = ratio(defaults[g], n)
    return {
      grade: grade.grade,
      label: grade.label,
      lower: g === 0 ? 0 : grades[g - 1].upTo,
      upper: Math.min(1, grade.upTo),
      count: n,
      defaults: defaults[g],
      meanPd,
      observedRate,
      binomialP: meanPd === null ? null : binomialTestTwoSided(defaults[g], n, meanPd),
      jeffreys: n === 0 ? null : jeffreysInterval(defaults[g], n, confidence),
      direction:
        meanPd === null
          ? null
          : defaults[g] > n * meanPd
            ? 'above'
            : defaults[g] < n * meanPd
              ? 'below'
              : 'equal'
    }
  })
  return {
    rows: pd.length,
    defaults: totalDefaults,
    meanPd: pd.length ? totalPd / pd.length : 0,
    observedRate: pd.length ? totalDefaults / pd.length : 0,
    confidence,
    grades: rows,
    hosmerLemeshow: hosmerLemeshow(outcome, pd, options.hlGroups ?? 10)
  }
}

/**
 * Hosmer–Lemeshow goodness of fit over `groups` quantile groups of the PD, as R's
 * ResourceSelection::hoslem.test: breaks at the PD quantiles (numpy's / R's type 7),
 * repeated breaks merged, intervals closed on the right (the first also on the left).
 * stat = Σ (O − E)² / (E · (1 − E / n)) over the groups; df = groups formed − 2, the
 * textbook choice (Hosmer & Lemeshow) even though the PDs were fitted on other rows, where
 * some would use df = groups: the smaller df makes the test a little stricter.
 */
export function hosmerLemeshow(outcome: Uint8Array, pd: Float64Array, groups = 10): HosmerLemeshow {
  checkRows('hosmerLemeshow', pd, outcome)
  if (!Number.isInteger(groups) || groups < 3) {
    throw new Error(
      `hosmerLemeshow: ${groups} groups; ask for at least 3 (the test has groups − 2 degrees of freedom).`
    )
  }
  if (pd.length === 0) return { stat: 0, df: 0, p: null, groups: [] }
  const sorted = Float64Array.from(pd).sort()
  const breaks = [
    ...new Set(Array.from({ length: groups + 1 }, (_, i) => quantileSorted(sorted, i / groups)))
  ]
  // A single distinct PD makes one group spanning it.
  const uppers = breaks.length === 1 ? breaks : breaks.slice(1)
  const cells: HosmerLemeshowGroup[] = uppers.map((upper, i) => ({
    lower: breaks.length === 1 ? upper : breaks[i],
    upper,
    count: 0,
    observed: 0,
    expected: 0
  }))
  for (let i = 0; i < pd.length; i++) {
    // First interval whose upper break is ≥ the PD (right-closed).
    let lo = 0
    let hi = uppers.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (uppers[mid] >= pd[i]) hi = mid
      else lo = mid + 1
    }
    cells[lo].count++
    cells[lo].observed += outcome[i]
    cells[lo].expected += pd[i]
  }
  let stat = 0
  for (const c of cells) {
    const variance = c.expected * (1 - c.expected / c.count)
    const diff = c.observed - c.expected
    if (diff !== 0) stat += (diff * diff) / Math.max(variance, MIN_VARIANCE)
  }
  const df = cells.length - 2
  return { stat, df, p: df >= 1 ? chiSquareUpperTail(stat, df) : null, groups: cells }
}

/** Index of the grade a PD falls in, by the model's own grading (riskGrade). */
export function gradeIndex(grades: RiskGrade[], p: number): number {
  return grades.indexOf(riskGrade(grades, p))
}
