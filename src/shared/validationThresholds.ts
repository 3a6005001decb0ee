import type { GradeCalibration, Light } from './validation'

/**
 * Every threshold the validation pack judges by, in one place: the verdicts, the segment
 * flags, the PDF's cover and the Validation screen's marks all read them from here. Sources:
 * PSI/CSI bands are the industry rule of thumb (ml/drift uses the same); AUC/Gini and KS
 * bands are common scorecard-validation practice for retail PD models; the four-fifths ratio
 * is the US EEOC's adverse-impact rule, used in fair-lending reviews; the rest are house
 * choices. A bank that validates to other bands changes them here and nowhere else.
 */
export interface ValidationThresholds {
  readonly auc: { readonly green: number; readonly amber: number }
  readonly ks: { readonly green: number; readonly amber: number }
  readonly gradeBinomialP: { readonly amber: number; readonly red: number }
  readonly hosmerLemeshowP: { readonly amber: number; readonly red: number }
  readonly psi: { readonly amber: number; readonly red: number }
  readonly csi: { readonly amber: number; readonly red: number }
  readonly concentration: { readonly amber: number; readonly red: number }
  readonly fourFifths: number
  readonly segmentMinRepaid: number
  readonly segmentAucGap: number
  readonly segmentMinClass: number
  readonly segmentReplicates: number
}

/** The bands the pack uses unless a caller passes its own. */
export const VALIDATION_THRESHOLDS: ValidationThresholds = {
  /** AUC at least `green` is green, at least `amber` amber, below red (Gini 0.4 / 0.2). */
  auc: { green: 0.7, amber: 0.6 },
  /** KS at least `green` is green, at least `amber` amber, below red. */
  ks: { green: 0.3, amber: 0.2 },
  /**
   * Per-grade exact binomial test, Bonferroni-adjusted over the grades tested: a grade with
   * p < amber / grades is amber, p < red / grades is red when its defaults exceed the PDs
   * (risk under-stated); PDs that over-state risk are at most amber (conservative).
   */
  gradeBinomialP: { amber: 0.05, red: 0.01 },
  /** Hosmer–Lemeshow p at least `amber` is green, at least `red` amber, below red. */
  hosmerLemeshowP: { amber: 0.05, red: 0.01 },
  /** PSI of the score below `amber` is green, up to `red` amber, above red. */
  psi: { amber: 0.1, red: 0.25 },
  /** The largest CSI of any input, the same bands. */
  csi: { amber: 0.1, red: 0.25 },
  /** Normalised Herfindahl of the grade shares below `amber` is green, up to `red` amber, above red. */
  concentration: { amber: 0.15, red: 0.3 },
  /** A segment's approval ratio at equal risk below this is flagged (the four-fifths rule). */
  fourFifths: 0.8,
  /** A segment needs at least this many repaid rows to enter the equal-risk comparison (and this many rows for the raw ratio). */
  segmentMinRepaid: 30,
  /** A segment AUC this far below the overall AUC is material … */
  segmentAucGap: 0.05,
  /** … when the segment has at least this many rows of each class, */
  segmentMinClass: 10,
  /** … and its bootstrap interval (this many replicates) lies below the overall AUC. */
  segmentReplicates: 500
}

/** green at or above `green`, amber at or above `amber`, red below. */
export function higherIsBetter(value: number, bands: { green: number; amber: number }): Light {
  return value >= bands.green ? 'green' : value >= bands.amber ? 'amber' : 'red'
}

/** green below `amber`, amber up to `red`, red above. */
export function lowerIsBetter(value: number, bands: { amber: number; red: number }): Light {
  return value < bands.amber ? 'green' : value <= bands.red ? 'amber' : 'red'
}

/** The per-grade p-values below which a grade is amber or red, Bonferroni over `gradesTested` grades. */
export function gradeCutoffs(
  gradesTested: number,
  t: ValidationThresholds = VALIDATION_THRESHOLDS
): { amber: number; red: number } {
  const k = Math.max(1, gradesTested)
  return { amber: t.gradeBinomialP.amber / k, red: t.gradeBinomialP.red / k }
}

/**
 * One grade's calibration light: red when significantly more loans defaulted than its PDs
 * expect (risk under-stated), amber when significant either way, else green. A grade with
 * no test (no rows) counts as p = 1.
 */
export function gradeLight(
  grade: Pick<GradeCalibration, 'binomialP' | 'direction'>,
  gradesTested: number,
  t: ValidationThresholds = VALIDATION_THRESHOLDS
): Light {
  const cut = gradeCutoffs(gradesTested, t)
  const p = grade.binomialP ?? 1
  if (p < cut.red && grade.direction === 'above') return 'red'
  return p < cut.amber ? 'amber' : 'green'
}
