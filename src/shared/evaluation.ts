/**
 * The evaluation of a model as plain data: computed in main (core/ml/metrics.ts,
 * core/ml/trainModel.ts), stored with the model, shown by the CLI and the renderer.
 */

export interface RocCurve {
  /** Non-decreasing false positive rates, starting at 0 and ending at 1. */
  fpr: number[]
  tpr: number[]
  /** Descending; `thresholds[0]` lies above every score (max score + 1, kept finite for JSON). */
  thresholds: number[]
  /** Area under the full curve, before any downsampling. */
  auc: number
}

export interface PrecisionRecallCurve {
  /** sklearn order: recall non-increasing, ending with the point (recall 0, precision 1). */
  precision: number[]
  recall: number[]
  /** Ascending distinct scores; `precision[i]`, `recall[i]` belong to `thresholds[i]` (one fewer than points). */
  thresholds: number[]
  averagePrecision: number
}

export interface KsResult {
  /** max over thresholds of |TPR − FPR|, i.e. the largest gap between the class CDFs of the score. */
  ks: number
  /** The cut-off (predict default when p >= threshold) where the gap is largest. */
  threshold: number
  curve: {
    /** Ascending distinct scores. */
    thresholds: number[]
    /** Share of defaulters scoring strictly below `thresholds[i]`. */
    cdfPositive: number[]
    /** Share of non-defaulters scoring strictly below `thresholds[i]`. */
    cdfNegative: number[]
  }
}

export interface ConfusionMatrix {
  tn: number
  fp: number
  fn: number
  tp: number
}

export interface ClassReportRow {
  precision: number
  recall: number
  f1: number
  support: number
}

/** sklearn's `classification_report(..., output_dict=True)` for labels 0 and 1. */
export interface ClassificationReport {
  class0: ClassReportRow
  class1: ClassReportRow
  accuracy: number
  macroAvg: ClassReportRow
  weightedAvg: ClassReportRow
}

export interface CalibrationBin {
  lower: number
  upper: number
  meanPredicted: number
  fractionPositive: number
  count: number
}

export type CalibrationStrategy = 'uniform' | 'quantile'

export interface ProbabilityHistogram {
  /** `bins + 1` edges over [0, 1]; the last bin is closed on the right. */
  edges: number[]
  negative: number[]
  positive: number[]
}

export interface BinaryEvaluation {
  numRows: number
  numPositive: number
  positiveRate: number
  threshold: number
  auc: number
  gini: number
  averagePrecision: number
  ks: KsResult
  roc: RocCurve
  precisionRecall: PrecisionRecallCurve
  confusion: ConfusionMatrix
  report: ClassificationReport
  accuracy: number
  brier: number
  logLoss: number
  calibration: { uniform: CalibrationBin[]; quantile: CalibrationBin[] }
  histogram: ProbabilityHistogram
}

/** A model's evaluation on rows it never saw, with what it was trained on. */
export interface ModelEvaluation {
  /**
   * 'test': held-out rows never used in any fit. With --test-size 0, the training rows'
   * honest scores: 'cross-fitted' (each row scored by a model fitted on the other folds,
   * SMOTE inside those folds only), or 'oob' (out-of-bag; stored by earlier versions).
   */
  evaluatedOn: 'test' | 'oob' | 'cross-fitted'
  /** How the calibration and the threshold were fitted (absent in models stored before it was recorded). */
  calibrationFit?: CalibrationFitInfo
  metrics: BinaryEvaluation
  impurityImportance: { feature: string; importance: number }[]
  permutationImportance: { feature: string; mean: number; std: number }[]
  /**
   * Evaluated rows counted per calibrated-probability bin of width 0.001 (1,001 bins),
   * by class: enough to redraw the confusion matrix at any threshold.
   */
  scoreCounts: { negative: number[]; positive: number[] }
  rows: { total: number; train: number; test: number; synthetic: number }
  seconds: { preparing: number; smote: number; training: number; evaluating: number }
  notes: string[]
}

/** How a model's calibration map and decision threshold were fitted. */
export interface CalibrationFitInfo {
  /** The map fitted: isotonic, Platt's sigmoid, or none (scores used as they are). */
  method: 'isotonic' | 'platt' | 'none'
  /** Whose scores it was fitted on: training rows scored out-of-bag, or by cross-fitted fold models. */
  scores: 'out-of-bag' | 'cross-fitted'
  /** Folds of cross-fitting (0 for out-of-bag). */
  folds: number
  /** Training rows with a score the fit used, and the defaults among them. */
  rows: number
  positives: number
}

/** The confusion matrix and classification report at one threshold. */
export interface ThresholdEvaluation {
  threshold: number
  confusion: ConfusionMatrix
  report: ClassificationReport
}
