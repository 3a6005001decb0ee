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

export type JobKind = 'generate' | 'import' | 'profile' | 'train' | 'score'
export type JobStatus = 'running' | 'done' | 'failed' | 'cancelled'

/** A background job as the jobs panel shows it. */
export interface JobInfo {
  id: string
  kind: JobKind
  label: string
  status: JobStatus
  phase: string
  done: number
  total: number
  startedAt: string
  elapsedSeconds: number
  /** Estimated seconds left, null until there is enough progress to tell. */
  etaSeconds: number | null
  /** What the job produced (e.g. { datasetId }) once done. */
  result?: Record<string, unknown>
  error?: ErrorInfo
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
  createdAt: string
  active: boolean
}
