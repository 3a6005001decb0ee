import type { OverrideReason, ReferralRule, Verdict } from './policy'

/**
 * Plain data that crosses process boundaries (IPC, HTTP, worker messages, JSON output).
 * No classes, no typed arrays: everything here survives structured clone and JSON.
 */

/** How a column is used: a model feature (numeric or categorical), an identifier (never a feature), or the target. */
export type ColumnKind = 'numeric' | 'categorical' | 'identifier' | 'target'

export interface ColumnSpec {
  name: string
  kind: ColumnKind
}

/** One line of an import report: a row that was not imported, and why. */
export interface RejectedLine {
  line: number
  column?: string
  value?: string
  reason: string
}

export interface ImportReport {
  rowsRead: number
  rowsImported: number
  rowsRejected: number
  /** The first rejected lines in full (at most 1,000); the count above is exact. */
  rejected: RejectedLine[]
  warnings: string[]
  encoding?: string
  delimiter?: string
}

export interface DatasetSummary {
  id: number
  name: string
  source: 'generated' | 'imported'
  sourceFile: string | null
  sourceSha256: string | null
  rows: number
  columns: number
  targetColumn: string
  positiveClass: string
  positiveCount: number
  defaultRate: number
  rejectedRows: number
  createdAt: string
}

export interface DatasetDetail extends DatasetSummary {
  columnSpecs: ColumnSpec[]
  importReport: ImportReport
  params: Record<string, unknown>
}

export interface CsvFormatInfo {
  encoding: string
  bom: boolean
  delimiter: string
  header: string[]
  lineEnding: string
  sizeBytes: number
}

export interface CsvPreview {
  fileName: string
  format: CsvFormatInfo
  header: string[]
  /** The first rows as text, for a preview table. */
  sample: string[][]
  /** Kinds inferred from the first rows (the import re-infers on the whole file). */
  columns: ColumnSpec[]
  /** A column that looks like the loan outcome, if any. */
  suggestedTarget: string | null
  /** Distinct values of each column with at most 10 of them in the sample, for the positive-class choice. */
  sampleValues: Record<string, string[]>
}

/** Five-number summary plus mean, over the non-missing values. */
export interface BoxStats {
  count: number
  min: number
  q1: number
  median: number
  q3: number
  max: number
  mean: number
  /** Tukey's whiskers: the most extreme values within 1.5 IQR of the quartiles. */
  lowerWhisker: number
  upperWhisker: number
}

export interface NumericProfile {
  name: string
  kind: 'numeric'
  count: number
  missing: number
  distinct: number
  mean: number
  std: number
  min: number
  q1: number
  median: number
  q3: number
  max: number
  /** Equal-width bins over [min, max]; counts split by class (0 = repaid, 1 = default). */
  histogram: { edges: number[]; counts: number[]; countsByClass: [number[], number[]] }
  boxByClass: [BoxStats | null, BoxStats | null]
  /** Default rate among rows where this value is missing (null when none are). */
  missingDefaultRate: number | null
}

export interface CategoryStat {
  value: string
  count: number
  defaults: number
  defaultRate: number
}

export interface CategoricalProfile {
  name: string
  kind: 'categorical' | 'identifier'
  count: number
  missing: number
  distinct: number
  /** The most frequent categories (at most 30), with their default rates; the rest summed as "(other)". */
  top: CategoryStat[]
  missingDefaultRate: number | null
}

export type ColumnProfile = NumericProfile | CategoricalProfile

export interface DatasetProfile {
  numRows: number
  target: string
  positiveClass: string
  defaultRate: number
  positives: number
  columns: ColumnProfile[]
  /** Pearson correlation of the numeric columns (pairwise complete rows), plus the target as a 0/1 column. */
  correlation: { names: string[]; matrix: number[][] }
}

/** An error as the renderer receives it: plain data, shown to the user in words. */
export interface ErrorInfo {
  code: string
  message: string
  details?: Record<string, unknown>
}

/** Headline figures of a model, measured on rows it never saw. */
export interface ModelMetrics {
  auc: number
  accuracy: number
  ks: number
  gini: number
  brier: number
  averagePrecision: number
  f1: number
  threshold: number
}

export interface ModelSummary {
  id: number
  name: string
  datasetId: number | null
  datasetName: string
  engine: string
  params: Record<string, unknown>
  seed: number
  metrics: ModelMetrics
  /** The decision threshold scoring uses now: the last one a committee applied, else training's (metrics.threshold). */
  threshold: number
  /** The `auto` run that made it, when it is one of its candidates. */
  runId: number | null
  createdAt: string
  active: boolean
  /** What the model is for, in words (null until the risk team writes it). */
  purpose: string | null
  /** Who asked for it to be made active, while that waits for a second person (else null). */
  activationPendingBy: string | null
}

/** One candidate of an `auto` training run, as the leaderboard shows it. */
export interface LeaderboardEntry {
  engine: string
  /** The candidate in words ("Forest 200×15"). */
  label: string
  /** Its settings, as `ptm train` would take them. */
  params: Record<string, unknown>
  /** Mean and standard deviation over the folds of cross-validated AUC on the training rows. */
  cvAuc: number
  cvAucSd: number
  folds: number
  /** AUC of each fold, the same folds for every candidate (runs recorded before it was kept lack it). */
  foldAucs?: number[]
  /** Seconds its cross-validation took. */
  seconds: number
  /** Lower is simpler (an exact tie of mean AUC goes to the simpler). */
  complexity: number
  /** The model kept for this candidate (every candidate is kept as a version). */
  modelId: number | null
  champion: boolean
}

/** An `auto` training run: every candidate, best first, with the model kept for each. */
export interface ModelRun {
  id: number
  leaderboard: LeaderboardEntry[]
  championId: number | null
  createdAt: string
}

/** What exporting a model to ONNX wrote: the file, its size, the operator sets and the graph's inputs and outputs. */
export interface OnnxExportReport {
  file: string
  bytes: number
  modelId: number
  format: 'onnx'
  opset: { ai_onnx: number; ai_onnx_ml: number; ir_version: number }
  inputs: { name: string; type: string }[]
  outputs: { name: string; type: string }[]
  trainingDataSha256: string | null
  notes: string[]
}

/** One change of a model's decision threshold after training (ptm strategy --apply). */
export interface ThresholdChange {
  threshold: number
  previous: number
  reason: string
  appliedAt: string
}

/** One feature's push on an applicant's probability (probability points, + raises risk). */
export interface ReasonInfo {
  feature: string
  value: number | string | null
  contribution: number
  direction: 'raises' | 'lowers'
  /** The reason in plain words, e.g. "Credit_Score = 540 raised the default risk by 12.3 points". */
  text: string
}

/** A field-level problem with an applicant's data. */
export interface FieldIssueInfo {
  field: string
  severity: 'error' | 'warning'
  message: string
  /** Which check: a policy rule ('required', 'min', 'max') or a warning ('range', 'category'). */
  rule?: string
  /** The values the message quotes, so it can be said again in another language (value, min, max, fill). */
  values?: Record<string, number | string | null>
}

/** Who an application is about, as the officer gives it: carried into the audit, History and the sheet. */
export interface ApplicantRef {
  name?: string
  customerId?: string
  applicationNo?: string
  /** A free reference (`ptm score --ref TEXT`, or /predict's Applicant_Ref as a string). */
  text?: string
}

/** A referral rule a score met, and why in words. */
export interface ReferralInfo {
  rule: ReferralRule
  value: number
  text: string
}

/** The officer's own decision on a scored applicant, against or with the model, with a reason code. */
export interface OverrideInfo {
  id: number
  auditId: number
  decision: 'approve' | 'decline'
  reason: OverrideReason
  note: string
  officer: string
  createdAt: string
}

/** The result of scoring one applicant (the /predict response keeps the spec's field names). */
export interface ScoreResult {
  Default_Prediction: 0 | 1
  Default_Probability: number
  Risk_Grade: string
  Risk_Label: string
  /** The verdict in the one vocabulary: refer when a referral rule fired, else by the threshold. */
  Decision: Verdict
  /** The verdict in words ("Approve", "Decline", "Refer to a senior officer"). */
  Decision_Text: string
  /** Why, in one sentence. */
  Decision_Why: string
  /** The referral rules met (the verdict is 'refer' when there is any). */
  Referrals: ReferralInfo[]
  /** The fields given that raised the risk most (at most 3), then the ones that lowered it most. */
  Reasons: ReasonInfo[]
  /**
   * Every provided field's contribution; Base_Rate + Σ Contributions + Not_Provided.contribution
   * = Default_Probability. Fields not provided are never a reason: their share is pooled.
   */
  Contributions: ReasonInfo[]
  /** The model's fields the applicant did not provide (filled with typical values) and their pooled share. */
  Not_Provided: { fields: string[]; contribution: number; text: string }
  /** Where the contributions start: the calibrated score of the model's average training row. */
  Base_Rate: number
  /** The default rate of the loan book the model learnt from. */
  Book_Default_Rate: number
  Threshold: number
  Model_Version: number
  Applicant_Ref: ApplicantRef | null
  Warnings: FieldIssueInfo[]
  /** Id of the audit record of this score. */
  Audit_Id: number
}

/** A model's input field, for the scoring form. */
export interface InputFieldInfo {
  name: string
  kind: 'numeric' | 'categorical'
  min?: number | null
  max?: number | null
  median?: number | null
  categories?: string[]
  mostFrequent?: string | null
  missingShare: number
}

/** Drift of one input column of a batch against the training data. */
export interface PsiInfo {
  column: string
  psi: number
  status: 'stable' | 'shift' | 'major shift'
}

/** A scored batch file, as recorded in the audit trail. */
export interface BatchSummary {
  id: number
  createdAt: string
  modelId: number
  modelName: string
  fileName: string
  fileSha256: string
  outPath: string
  errorsPath: string | null
  rowsIn: number
  rowsScored: number
  rowsError: number
  predictedDefaults: number
  seconds: number
  /** Rows per risk grade. */
  grades: Record<string, number>
  /** Probability histogram: 20 equal bins over [0, 1]. */
  histogram: number[]
  psi: PsiInfo[]
}

export type HistoryEntry =
  | {
      kind: 'single'
      id: number
      createdAt: string
      modelId: number
      modelName: string
      channel: 'app' | 'cli' | 'http'
      probability: number
      prediction: number
      grade: string
      /** The verdict given (null for records written before verdicts existed). */
      decision: Verdict | null
      reference: ApplicantRef | null
      /** Officers' decisions on this score, the latest first. */
      overrides: OverrideInfo[]
      inputs: Record<string, unknown>
      outputs: Record<string, unknown>
    }
  | ({ kind: 'batch' } & BatchSummary)

export interface HistoryFilter {
  from?: string
  to?: string
  modelId?: number
  /** By prediction ('default', 'no-default') or by the verdict given ('approve', 'decline', 'refer'). */
  decision?: 'default' | 'no-default' | Verdict
  kind?: 'single' | 'batch'
  /** Text found in the applicant reference (name, customer id, application number). */
  reference?: string
  limit?: number
}
