import type {
  RocCurve,
  PrecisionRecallCurve,
  KsResult,
  ConfusionMatrix,
  ClassReportRow,
  ClassificationReport,
  CalibrationBin,
  CalibrationStrategy,
  ProbabilityHistogram,
  BinaryEvaluation
} from '../../../shared/evaluation'
import { scoresByClass } from '../base/arrays'

/**
 * Honest evaluation of a binary classifier: `y[i]` is 1 when row i defaulted and `p[i]` the
 * (calibrated) predicted P(default). Numbers match scikit-learn's definitions so that a
 * report from this app can be checked against a notebook.
 *
 * Every curve is derived from one pass over the rows in descending score order (the
 * `ScoreCounts` below), built from two native typed-array sorts — one per class — which
 * together cost one O(n log n) sort of all rows and avoid a comparator-driven index sort.
 * Results are plain number arrays so that they can cross to the renderer as JSON; no
 * value placed in them is NaN or infinite.
 */

/** Upper bound on the points a chart curve keeps; summary numbers always use the full curve. */
export const DEFAULT_MAX_CURVE_POINTS = 200

/**
 * sklearn's `_binary_clf_curve`: one entry per distinct score in descending order, with
 * the number of positives and negatives scoring at or above it. Counts are exact in a
 * Float64Array up to 2^53 rows.
 */
interface ScoreCounts {
  thresholds: Float64Array
  tps: Float64Array
  fps: Float64Array
  numPositive: number
  numNegative: number
}

/** ROC curve with one point per distinct score (ties as sklearn), AUC from the full curve, chart points downsampled to `maxPoints`. */
export const rocCurve = fromScores(rocFromCounts)

/** Precision–recall curve as sklearn's `precision_recall_curve` plus `average_precision_score`. */
export const precisionRecallCurve = fromScores(precisionRecallFromCounts)

/** Kolmogorov–Smirnov statistic: the largest separation between the score CDFs of defaulters and non-defaulters. */
export const ksStatistic = fromScores(ksFromCounts)

/** Confusion matrix when predicting default for `p >= threshold`. */
export function confusionMatrix(y: Uint8Array, p: Float64Array, threshold: number): ConfusionMatrix {
  checkLabelsAndScores(y, p)
  let tn = 0
  let fp = 0
  let fn = 0
  let tp = 0
  for (let i = 0; i < y.length; i++) {
    const predicted = p[i] >= threshold
    if (y[i] === 1) {
      if (predicted) tp++
      else fn++
    } else if (predicted) fp++
    else tn++
  }
  return { tn, fp, fn, tp }
}

/** Per-class precision, recall, F1 and support, accuracy, macro and weighted averages, as sklearn's classification_report (0/0 → 0). */
export function classificationReport(cm: ConfusionMatrix): ClassificationReport {
  const { tn, fp, fn, tp } = cm
  // Class 0 is "positive" in its own row: its true positives are our true negatives.
  const class0 = reportRow(tn, fn, fp)
  const class1 = reportRow(tp, fp, fn)
  const total = tn + fp + fn + tp
  const macroAvg: ClassReportRow = {
    precision: (class0.precision + class1.precision) / 2,
    recall: (class0.recall + class1.recall) / 2,
    f1: (class0.f1 + class1.f1) / 2,
    support: total
  }
  const w0 = total === 0 ? 0 : class0.support / total
  const w1 = total === 0 ? 0 : class1.support / total
  const weightedAvg: ClassReportRow = {
    precision: w0 * class0.precision + w1 * class1.precision,
    recall: w0 * class0.recall + w1 * class1.recall,
    f1: w0 * class0.f1 + w1 * class1.f1,
    support: total
  }
  return { class0, class1, accuracy: safeDivide(tp + tn, total), macroAvg, weightedAvg }
}

/** Brier score: mean squared difference between predicted probability and outcome. */
export function brierScore(y: Uint8Array, p: Float64Array): number {
  checkLabelsAndProbabilities(y, p)
  let sum = 0
  for (let i = 0; i < y.length; i++) {
    const d = p[i] - y[i]
    sum += d * d
  }
  return y.length === 0 ? 0 : sum / y.length
}

/** Mean negative log-likelihood, probabilities clipped to [1e-15, 1 − 1e-15] so a confident miss costs ~34.5, not infinity. */
export function logLoss(y: Uint8Array, p: Float64Array): number {
  checkLabelsAndProbabilities(y, p)
  const eps = 1e-15
  let sum = 0
  for (let i = 0; i < y.length; i++) {
    // Clip the probability given to the observed outcome, so both classes clip at exactly 1e-15.
    const q = y[i] === 1 ? p[i] : 1 - p[i]
    sum -= Math.log(Math.min(1 - eps, Math.max(eps, q)))
  }
  return y.length === 0 ? 0 : sum / y.length
}

/** Reliability diagram as sklearn's calibration_curve: mean prediction and observed default rate per non-empty bin. */
export function calibrationCurve(
  y: Uint8Array,
  p: Float64Array,
  bins = 10,
  strategy: CalibrationStrategy = 'uniform'
): CalibrationBin[] {
  checkLabelsAndProbabilities(y, p)
  const counts = strategy === 'quantile' ? countByThreshold(y, p) : null
  return calibrationFromEdges(y, p, calibrationEdges(bins, strategy, counts))
}

/** Counts of rows per probability bin, separately for each true class. */
export function probabilityHistogram(y: Uint8Array, p: Float64Array, bins = 20): ProbabilityHistogram {
  checkLabelsAndProbabilities(y, p)
  requirePositiveInteger(bins, 'bins')
  const negative = new Array<number>(bins).fill(0)
  const positive = new Array<number>(bins).fill(0)
  for (let i = 0; i < y.length; i++) {
    // p = 1 belongs to the last bin, which is closed on the right.
    const b = Math.min(bins - 1, Math.floor(p[i] * bins))
    if (y[i] === 1) positive[b]++
    else negative[b]++
  }
  const edges = Array.from({ length: bins + 1 }, (_, i) => i / bins)
  return { edges, negative, positive }
}

/** Every metric above for one test set in a single JSON-serialisable object (one sort in total). */
export function evaluateBinary(y: Uint8Array, p: Float64Array, threshold: number): BinaryEvaluation {
  checkLabelsAndProbabilities(y, p)
  const counts = countBothClasses(y, p)
  const roc = rocFromCounts(counts, DEFAULT_MAX_CURVE_POINTS)
  const precisionRecall = precisionRecallFromCounts(counts, DEFAULT_MAX_CURVE_POINTS)
  const confusion = confusionMatrix(y, p, threshold)
  const report = classificationReport(confusion)
  const numRows = y.length
  return {
    numRows,
    numPositive: counts.numPositive,
    positiveRate: counts.numPositive / numRows,
    threshold,
    auc: roc.auc,
    gini: 2 * roc.auc - 1,
    averagePrecision: precisionRecall.averagePrecision,
    ks: ksFromCounts(counts, DEFAULT_MAX_CURVE_POINTS),
    roc,
    precisionRecall,
    confusion,
    report,
    accuracy: report.accuracy,
    brier: brierScore(y, p),
    logLoss: logLoss(y, p),
    calibration: {
      uniform: calibrationFromEdges(y, p, calibrationEdges(10, 'uniform', null)),
      quantile: calibrationFromEdges(y, p, calibrationEdges(10, 'quantile', counts))
    },
    histogram: probabilityHistogram(y, p, 20)
  }
}

// ---------------------------------------------------------------------------------------
// Internals

/** ROC AUC of scores against 0/1 labels (both classes needed), as sklearn's roc_auc_score. */
export function aucScore(y: Uint8Array, p: Float64Array): number {
  return aucFromCounts(countBothClasses(y, p))
}

/** A curve of labelled scores computed from their counts per distinct score, with `maxPoints` kept for charts. */
function fromScores<T>(
  fromCounts: (counts: ScoreCounts, maxPoints: number) => T
): (y: Uint8Array, p: Float64Array, maxPoints?: number) => T {
  return (y, p, maxPoints = DEFAULT_MAX_CURVE_POINTS) => fromCounts(countBothClasses(y, p), maxPoints)
}

/** countByThreshold for rows that must hold both classes (every curve and AUC needs them). */
function countBothClasses(y: Uint8Array, p: Float64Array): ScoreCounts {
  const counts = countByThreshold(y, p)
  requireBothClasses(counts)
  return counts
}

function countByThreshold(y: Uint8Array, p: Float64Array): ScoreCounts {
  checkLabelsAndScores(y, p)
  // NaN was rejected above, so each class's ascending order is total.
  const { pos, neg } = scoresByClass(y, p)
  const numPositive = pos.length
  const numNegative = neg.length

  const thresholds = new Float64Array(y.length)
  const tps = new Float64Array(y.length)
  const fps = new Float64Array(y.length)
  let i = numPositive - 1
  let j = numNegative - 1
  let tp = 0
  let fp = 0
  let m = 0
  // Merge the two sorted classes from the top; each distinct score closes one entry.
  while (i >= 0 || j >= 0) {
    const t = i < 0 ? neg[j] : j < 0 ? pos[i] : Math.max(pos[i], neg[j])
    while (i >= 0 && pos[i] === t) {
      tp++
      i--
    }
    while (j >= 0 && neg[j] === t) {
      fp++
      j--
    }
    thresholds[m] = t
    tps[m] = tp
    fps[m] = fp
    m++
  }
  return {
    thresholds: thresholds.subarray(0, m),
    tps: tps.subarray(0, m),
    fps: fps.subarray(0, m),
    numPositive,
    numNegative
  }
}

/** Trapezoid area under the full ROC curve, equal to Mann–Whitney U / (P·N) with ties counted half. */
function aucFromCounts(c: ScoreCounts): number {
  // Sum of (Δfp)·(tp + tp_prev)/2 in counts: integers and halves, exact below 2^53.
  let area = 0
  let prevTp = 0
  let prevFp = 0
  for (let i = 0; i < c.thresholds.length; i++) {
    area += (c.fps[i] - prevFp) * (c.tps[i] + prevTp)
    prevTp = c.tps[i]
    prevFp = c.fps[i]
  }
  return area / 2 / (c.numPositive * c.numNegative)
}

function rocFromCounts(c: ScoreCounts, maxPoints: number): RocCurve {
  const m = c.thresholds.length
  const fpr = new Float64Array(m + 1)
  const tpr = new Float64Array(m + 1)
  const thresholds = new Float64Array(m + 1)
  thresholds[0] = c.thresholds[0] + 1
  for (let i = 0; i < m; i++) {
    fpr[i + 1] = c.fps[i] / c.numNegative
    tpr[i + 1] = c.tps[i] / c.numPositive
    thresholds[i + 1] = c.thresholds[i]
  }
  const keep = downsampleIndices(fpr, tpr, maxPoints)
  return {
    fpr: pick(fpr, keep),
    tpr: pick(tpr, keep),
    thresholds: pick(thresholds, keep),
    auc: aucFromCounts(c)
  }
}

function precisionRecallFromCounts(c: ScoreCounts, maxPoints: number): PrecisionRecallCurve {
  const m = c.thresholds.length
  // Points in sklearn's order: ascending thresholds, then the closing point (recall 0, precision 1).
  const precision = new Float64Array(m + 1)
  const recall = new Float64Array(m + 1)
  const thresholds = new Float64Array(m)
  let averagePrecision = 0
  let prevRecall = 0
  for (let i = 0; i < m; i++) {
    // Every distinct threshold has at least one row at or above it, so tp + fp > 0.
    const prec = c.tps[i] / (c.tps[i] + c.fps[i])
    const rec = c.tps[i] / c.numPositive
    averagePrecision += (rec - prevRecall) * prec
    prevRecall = rec
    const k = m - 1 - i
    precision[k] = prec
    recall[k] = rec
    thresholds[k] = c.thresholds[i]
  }
  precision[m] = 1
  recall[m] = 0
  const keep = downsampleIndices(recall, precision, maxPoints)
  return {
    precision: pick(precision, keep),
    recall: pick(recall, keep),
    // The closing point has no threshold; it is always kept, so lengths stay off by one.
    thresholds: pick(
      thresholds,
      keep.filter((k) => k < m)
    ),
    averagePrecision
  }
}

function ksFromCounts(c: ScoreCounts, maxPoints: number): KsResult {
  const m = c.thresholds.length
  const thresholds = new Float64Array(m)
  const cdfPositive = new Float64Array(m)
  const cdfNegative = new Float64Array(m)
  let ks = 0
  let best = c.thresholds[0]
  for (let i = 0; i < m; i++) {
    const tpr = c.tps[i] / c.numPositive
    const fpr = c.fps[i] / c.numNegative
    const gap = Math.abs(tpr - fpr)
    // Strict '>' keeps the highest threshold among equal gaps (the fewest rows flagged).
    if (gap > ks) {
      ks = gap
      best = c.thresholds[i]
    }
    const k = m - 1 - i
    thresholds[k] = c.thresholds[i]
    cdfPositive[k] = 1 - tpr
    cdfNegative[k] = 1 - fpr
  }
  const keep = downsampleIndices(cdfNegative, cdfPositive, maxPoints)
  return {
    ks,
    threshold: best,
    curve: {
      thresholds: pick(thresholds, keep),
      cdfPositive: pick(cdfPositive, keep),
      cdfNegative: pick(cdfNegative, keep)
    }
  }
}

/**
 * Bin edges as sklearn: uniform = numpy.linspace(0, 1, bins + 1); quantile = numpy.percentile
 * (linear interpolation) of the scores at the same fractions. Quantile edges may repeat;
 * the bins between equal edges stay empty and are skipped.
 */
function calibrationEdges(bins: number, strategy: CalibrationStrategy, counts: ScoreCounts | null): number[] {
  requirePositiveInteger(bins, 'bins')
  const step = 1 / bins
  const fractions = Array.from({ length: bins + 1 }, (_, i) => (i === bins ? 1 : i * step))
  if (strategy === 'uniform') return fractions
  if (counts === null) throw new Error('calibrationEdges: quantile bins need the score counts.')
  const n = counts.numPositive + counts.numNegative
  if (n === 0) return fractions
  return fractions.map((q) => {
    const h = (n - 1) * q
    const lo = Math.floor(h)
    const a = kthSmallest(counts, lo)
    const b = kthSmallest(counts, Math.min(n - 1, lo + 1))
    return a + (h - lo) * (b - a)
  })
}

/** The k-th smallest score (0-based), by binary search over the descending distinct scores. */
function kthSmallest(c: ScoreCounts, k: number): number {
  const n = c.numPositive + c.numNegative
  // Entry i covers the ascending ranks [n − count_i, n − count_{i−1}); find the one holding k.
  const target = n - k // rows scoring >= the answer, at least
  let lo = 0
  let hi = c.thresholds.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (c.tps[mid] + c.fps[mid] >= target) hi = mid
    else lo = mid + 1
  }
  return c.thresholds[lo]
}

function calibrationFromEdges(y: Uint8Array, p: Float64Array, edges: number[]): CalibrationBin[] {
  const bins = edges.length - 1
  const inner = edges.slice(1, -1)
  const sumPredicted = new Float64Array(bins)
  const sumPositive = new Float64Array(bins)
  const count = new Float64Array(bins)
  for (let i = 0; i < y.length; i++) {
    // numpy.searchsorted(inner, p, 'left') = number of inner edges strictly below p.
    let lo = 0
    let hi = inner.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (inner[mid] < p[i]) lo = mid + 1
      else hi = mid
    }
    sumPredicted[lo] += p[i]
    sumPositive[lo] += y[i]
    count[lo]++
  }
  const out: CalibrationBin[] = []
  for (let b = 0; b < bins; b++) {
    if (count[b] === 0) continue
    out.push({
      lower: edges[b],
      upper: edges[b + 1],
      meanPredicted: sumPredicted[b] / count[b],
      fractionPositive: sumPositive[b] / count[b],
      count: count[b]
    })
  }
  return out
}

/**
 * Indices of at most `maxPoints` points of a polyline, spread evenly along its L1 arc
 * length so that steep parts keep their detail; the first and last points are always kept.
 */
function downsampleIndices(xs: Float64Array, ys: Float64Array, maxPoints: number): number[] {
  const n = xs.length
  if (n <= Math.max(2, maxPoints)) return Array.from({ length: n }, (_, i) => i)
  const limit = Math.max(2, Math.floor(maxPoints))
  const cumulative = new Float64Array(n)
  for (let i = 1; i < n; i++) {
    cumulative[i] = cumulative[i - 1] + Math.abs(xs[i] - xs[i - 1]) + Math.abs(ys[i] - ys[i - 1])
  }
  const total = cumulative[n - 1]
  const keep = [0]
  // limit − 2 interior targets; each kept interior point consumes at least one target.
  let target = 1
  for (let i = 1; i < n - 1 && target <= limit - 2; i++) {
    if (cumulative[i] >= (target * total) / (limit - 1)) {
      keep.push(i)
      while (target <= limit - 2 && cumulative[i] >= (target * total) / (limit - 1)) target++
    }
  }
  keep.push(n - 1)
  return keep
}

function pick(values: Float64Array, indices: number[]): number[] {
  return indices.map((i) => values[i])
}

function reportRow(truePositive: number, falsePositive: number, falseNegative: number): ClassReportRow {
  return {
    precision: safeDivide(truePositive, truePositive + falsePositive),
    recall: safeDivide(truePositive, truePositive + falseNegative),
    // 2·TP / (2·TP + FP + FN) is the harmonic mean of precision and recall, and 0 when both are 0.
    f1: safeDivide(2 * truePositive, 2 * truePositive + falsePositive + falseNegative),
    support: truePositive + falseNegative
  }
}

function safeDivide(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : numerator / denominator
}

function checkLabelsAndScores(y: Uint8Array, p: Float64Array): void {
  if (y.length !== p.length) {
    throw new Error(`Evaluation: ${y.length} labels but ${p.length} predictions; they must be one per row.`)
  }
  for (let i = 0; i < y.length; i++) {
    if (y[i] > 1) throw new Error(`Evaluation: label ${y[i]} at row ${i}; labels must be 0 or 1.`)
    if (Number.isNaN(p[i])) {
      throw new Error(
        `Evaluation: prediction at row ${i} is NaN; score every evaluated row before evaluating.`
      )
    }
  }
}

function checkLabelsAndProbabilities(y: Uint8Array, p: Float64Array): void {
  checkLabelsAndScores(y, p)
  for (let i = 0; i < p.length; i++) {
    if (p[i] < 0 || p[i] > 1) {
      throw new Error(`Evaluation: prediction ${p[i]} at row ${i} is not a probability in [0, 1].`)
    }
  }
}

function requireBothClasses(c: ScoreCounts): void {
  if (c.numPositive === 0 || c.numNegative === 0) {
    throw new Error(
      `Evaluation needs both classes, but the evaluated rows hold ${c.numPositive} defaults and ${c.numNegative} non-defaults; use a larger or stratified test split.`
    )
  }
}

function requirePositiveInteger(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`${name} must be a positive integer, got ${value}.`)
  }
}
