/**
 * The credit committee's strategy and validation pack as plain data: computed in main
 * (core/validation/), shown by the CLI (`ptm strategy`, `ptm validate`), the app and the PDF.
 * Every number is finite; a figure that cannot be computed (no outcomes, an empty group) is
 * null, never NaN, so that it survives JSON.
 */

/** A two-sided confidence interval. */
export interface Interval {
  lower: number
  upper: number
}

// ---------------------------------------------------------------------------------------
// Strategy: what a cut-off approves, loses and earns
// ---------------------------------------------------------------------------------------

/** One cut-off of the strategy curve: applicants with a calibrated PD strictly below `cutoff` are approved. */
export interface StrategyPoint {
  cutoff: number
  approved: number
  approvalRate: number
  /** Observed defaults among the approved ÷ approved; null without outcomes or with nobody approved. */
  badRate: number | null
  /** Mean calibrated PD of the approved; null with nobody approved. */
  expectedBadRate: number | null
  /** Σ EAD of the approved, in ₹. */
  exposure: number
  /** Σ PD × LGD × EAD over the approved, in ₹. */
  expectedLoss: number
  /** Σ (1 − PD) × EAD × margin over the approved, in ₹ (one period, see StrategyConventions). */
  expectedIncome: number
  /** expectedIncome − expectedLoss, in ₹. */
  expectedProfit: number
}

/** What the committee asks the cut-off to achieve. */
export type StrategyTarget =
  | { kind: 'bad-rate'; maxBadRate: number; basis: 'expected' | 'observed' }
  | { kind: 'approval'; maxApprovalRate: number }
  | { kind: 'max-profit' }

/** The cut-off that meets a target, or null with the reason when no cut-off does. */
export interface Recommendation {
  target: StrategyTarget
  cutoff: number | null
  point: StrategyPoint | null
  reason: string
}

/** How LGD is set per row. */
export interface LgdPolicy {
  /** LGD of a loan with collateral. */
  secured: number
  /** LGD of a loan without collateral. */
  unsecured: number
  /** LGD of every row when the data has no collateral column, and of rows whose collateral is missing. */
  flat: number
}

/** The assumptions behind the ₹ figures, stated with every result. */
export interface StrategyConventions {
  decision: string
  period: string
  ead: string
  lgd: string
  margin: number
  lgdPolicy: LgdPolicy
  lgdSource: 'collateral' | 'flat'
  /** Rows whose collateral was missing and got the flat LGD. */
  lgdMissing: number
}

export interface StrategyResult {
  rows: number
  /** Observed defaults, or null when the data has no outcomes. */
  defaults: number | null
  curve: StrategyPoint[]
  modelThreshold: number
  /** The curve point at the model's current decision threshold. */
  atModelThreshold: StrategyPoint
  recommended: Recommendation | null
  conventions: StrategyConventions
}

/** Rows approved under one cut-off and declined under the other. */
export interface SwapGroup {
  count: number
  defaults: number | null
  badRate: number | null
  expectedBadRate: number | null
  exposure: number
  expectedLoss: number
}

/** The swap set between two cut-offs: who is approved only under `to` (in) or only under `from` (out). */
export interface SwapSet {
  from: number
  to: number
  swapIn: SwapGroup
  swapOut: SwapGroup
}

/** One applicant who moves between two cut-offs. */
export interface SwapRow {
  /** Line of the file (or of the dataset) the applicant is on. */
  line: number
  /** The applicant's identifier, when the data has an identifier column. */
  id: string | null
  pd: number
  /** 1 defaulted, 0 repaid, null when the data has no outcomes. */
  outcome: number | null
  exposure: number
}

/** A swap set with the applicants it concerns, riskiest first (a limited number of each). */
export interface SwapSetView extends SwapSet {
  swapInRows: SwapRow[]
  swapOutRows: SwapRow[]
}

/** A model's strategy on a population, as `ptm strategy` and the Strategy screen show it. */
export interface StrategyReport {
  model: { id: number; name: string; threshold: number }
  data: { label: string; rows: number; skipped: { line: number; reason: string }[] }
  result: StrategyResult
}

// ---------------------------------------------------------------------------------------
// Validation pack
// ---------------------------------------------------------------------------------------

/** AUC, Gini and KS with stratified percentile-bootstrap confidence intervals. */
export interface DiscriminationResult {
  rows: number
  defaults: number
  auc: number
  aucCi: Interval
  gini: number
  giniCi: Interval
  ks: number
  ksCi: Interval
  confidence: number
  replicates: number
  seed: number
}

/** Calibration of one risk grade: does its mean PD match its observed default rate? */
export interface GradeCalibration {
  grade: string
  label: string
  /** The grade's PD band [lower, upper). */
  lower: number
  upper: number
  count: number
  defaults: number
  meanPd: number | null
  observedRate: number | null
  /** Exact two-sided binomial test of defaults ~ Binomial(count, meanPd); null for an empty grade. */
  binomialP: number | null
  /** Jeffreys interval of the observed default rate; null for an empty grade. */
  jeffreys: Interval | null
  /** Whether more ('above') or fewer ('below') loans defaulted than the PDs expect. */
  direction: 'above' | 'below' | 'equal' | null
}

/** One Hosmer–Lemeshow group (a decile of PD). */
export interface HosmerLemeshowGroup {
  lower: number
  upper: number
  count: number
  observed: number
  expected: number
}

export interface HosmerLemeshow {
  stat: number
  /** Groups − 2, the textbook df (Hosmer & Lemeshow); for PDs fitted on other rows some use df = groups, a less strict test. */
  df: number
  /** Upper tail of χ²(df); null when fewer than three groups could be formed. */
  p: number | null
  groups: HosmerLemeshowGroup[]
}

export interface CalibrationResult {
  rows: number
  defaults: number
  meanPd: number
  observedRate: number
  confidence: number
  grades: GradeCalibration[]
  hosmerLemeshow: HosmerLemeshow
}

/** One bin of a PSI: reference share, current share and its term (a − e)·ln(a / e). */
export interface PsiBin {
  label: string
  expectedShare: number
  actualShare: number
  contribution: number
}

export interface ScorePsi {
  psi: number
  binning: 'reference deciles' | 'risk grades'
  bins: PsiBin[]
}

export interface CharacteristicStability {
  column: string
  csi: number
  status: 'stable' | 'shift' | 'major shift'
}

/** Accounts present in both files, counted by reference grade (rows) and current grade (columns). */
export interface GradeMigration {
  grades: string[]
  matrix: number[][]
  matched: number
  unmatchedReference: number
  unmatchedCurrent: number
  unchanged: number
  /** Moved to a better (lower-risk) grade. */
  improved: number
  /** Moved to a worse grade. */
  worsened: number
  /** Moved two or more grades either way. */
  movedTwoOrMore: number
}

export interface StabilityResult {
  referenceLabel: string
  currentLabel: string
  referenceRows: number
  currentRows: number
  /** PSI of the calibrated PD over the reference's deciles. */
  psi: number
  score: ScorePsi
  byGrade: ScorePsi
  /** CSI of each model input against its training distribution, largest first. */
  csi: CharacteristicStability[]
  /** Null when the two files share no account id (then only the distribution shift is reported). */
  migration: GradeMigration | null
  migrationNote: string
}

export interface GradeShare {
  grade: string
  count: number
  share: number
  exposure: number | null
  exposureShare: number | null
}

export interface ConcentrationResult {
  rows: number
  grades: GradeShare[]
  /** Σ share² over the grades: 1/K (even) to 1 (all in one grade). */
  herfindahl: number
  /** (HHI − 1/K) / (1 − 1/K): 0 when spread evenly over the K grades, 1 when all in one. */
  herfindahlNormalised: number
  exposureHerfindahl: number | null
}

/** One value of a segment column. */
export interface SegmentRow {
  column: string
  value: string
  rows: number
  approved: number
  approvalRate: number
  defaults: number | null
  /** Observed default rate among the approved (as the strategy's badRate). */
  badRate: number | null
  /** Observed default rate among all the segment's rows. */
  defaultRate: number | null
  meanPd: number
  auc: number | null
  aucCi: Interval | null
  /** Rows that repaid: the equal-risk comparison group. */
  repaid: number | null
  /** Approval rate among the segment's rows that repaid. */
  repaidApprovalRate: number | null
  /** repaidApprovalRate ÷ the best comparable segment's; null when not comparable. */
  impactRatio: number | null
  /** approvalRate ÷ the best segment's approval rate, not adjusted for risk (for information). */
  rawImpactRatio: number | null
  lowApproval: boolean
  lowAuc: boolean
  reasons: string[]
}

export interface SegmentsResult {
  cutoff: number
  overallAuc: number | null
  /** The definitions used, in words a committee reads. */
  definitions: { equalRisk: string; lowAuc: string }
  segments: SegmentRow[]
}

export type Light = 'green' | 'amber' | 'red' | 'not run'

export type VerdictTest =
  | 'auc'
  | 'ks'
  | 'gradeCalibration'
  | 'hosmerLemeshow'
  | 'psi'
  | 'csi'
  | 'concentration'
  | 'segmentApproval'
  | 'segmentAuc'

/** One line of the cover page: the test, its light, the figure, the thresholds and why. */
export interface Verdict {
  test: VerdictTest
  title: string
  light: Light
  value: string
  thresholds: string
  reason: string
}

export interface ValidationPack {
  model: { id: number; name: string; threshold: number }
  data: { label: string; rows: number; defaults: number | null }
  generatedAt: string
  discrimination: DiscriminationResult | null
  calibration: CalibrationResult | null
  stability: StabilityResult | null
  concentration: ConcentrationResult
  segments: SegmentsResult | null
  verdicts: Verdict[]
  notes: string[]
}
