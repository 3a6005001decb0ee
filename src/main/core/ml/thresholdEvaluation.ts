import type { ModelEvaluation, ThresholdEvaluation } from '../../../shared/evaluation'
import { classificationReport } from './metrics'

/**
 * The confusion matrix and classification report at any threshold, from the stored
 * per-bin counts of the evaluated rows (so moving the threshold needs no rescoring).
 * The threshold is rounded down to the 0.001 grid of the counts.
 */
export function evaluateAtThreshold(
  counts: ModelEvaluation['scoreCounts'],
  threshold: number
): ThresholdEvaluation {
  const cut = Math.min(1000, Math.max(0, Math.floor(threshold * 1000 + 1e-9)))
  let tp = 0
  let fp = 0
  let fn = 0
  let tn = 0
  for (let b = 0; b < counts.positive.length; b++) {
    if (b >= cut) {
      tp += counts.positive[b]
      fp += counts.negative[b]
    } else {
      fn += counts.positive[b]
      tn += counts.negative[b]
    }
  }
  const confusion = { tn, fp, fn, tp }
  return { threshold: cut / 1000, confusion, report: classificationReport(confusion) }
}
