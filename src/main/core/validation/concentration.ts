import type { ConcentrationResult } from '../../../shared/validation'
import type { RiskGrade } from '../model/ModelArtifact'
import { checkRows } from './checks'
import { gradeIndex } from './gradeCalibration'

/**
 * How the portfolio spreads over the risk grades: share per grade and the Herfindahl–Hirschman
 * index HHI = Σ share². With K grades it runs from 1/K (evenly spread) to 1 (all in one grade);
 * the normalised form (HHI − 1/K) / (1 − 1/K) runs from 0 to 1 whatever K. A grading that puts
 * most loans in one grade does not tell good risks from bad ones.
 */
export function gradeConcentration(
  pd: Float64Array,
  grades: RiskGrade[],
  exposure: Float64Array | null = null
): ConcentrationResult {
  checkRows('gradeConcentration', pd)
  if (exposure && exposure.length !== pd.length) {
    throw new Error(`gradeConcentration: ${pd.length} PDs but ${exposure.length} exposures.`)
  }
  const count = new Array<number>(grades.length).fill(0)
  const amount = new Array<number>(grades.length).fill(0)
  for (let i = 0; i < pd.length; i++) {
    const g = gradeIndex(grades, pd[i])
    count[g]++
    if (exposure) amount[g] += exposure[i]
  }
  const totalExposure = amount.reduce((s, v) => s + v, 0)
  const shares = count.map((c) => (pd.length ? c / pd.length : 0))
  const exposureShares = amount.map((a) => (totalExposure > 0 ? a / totalExposure : 0))
  const hhi = herfindahl(shares)
  return {
    rows: pd.length,
    grades: grades.map((g, i) => ({
      grade: g.grade,
      count: count[i],
      share: shares[i],
      exposure: exposure ? amount[i] : null,
      exposureShare: exposure ? exposureShares[i] : null
    })),
    herfindahl: hhi,
    herfindahlNormalised: normalisedHerfindahl(hhi, grades.length),
    exposureHerfindahl: exposure && totalExposure > 0 ? herfindahl(exposureShares) : null
  }
}

/** Σ share² of shares that sum to 1. */
export function herfindahl(shares: readonly number[]): number {
  return shares.reduce((s, v) => s + v * v, 0)
}

/** (HHI − 1/K) / (1 − 1/K); 0 for a single category, where there is nothing to spread over. */
export function normalisedHerfindahl(hhi: number, k: number): number {
  return k <= 1 ? 0 : (hhi - 1 / k) / (1 - 1 / k)
}
