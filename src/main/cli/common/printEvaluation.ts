import type { ModelEvaluation } from '../../core/training/trainModel'
import { fmt } from './format'

const n4 = (v: number): string => (Number.isFinite(v) ? v.toFixed(4) : '-')
const n2 = (v: number): string => (Number.isFinite(v) ? v.toFixed(2) : '-')

/**
 * The evaluation as the spec's step 5 printed it (accuracy, confusion matrix,
 * classification report), followed by the figures a risk committee asks for.
 */
export function formatEvaluation(e: ModelEvaluation, positiveLabel = 'Default'): string {
  const m = e.metrics
  const c = m.confusion
  const r = m.report
  const where =
    e.evaluatedOn === 'test'
      ? `${fmt(e.rows.test, 0)} held-out rows the model never saw (trained on ${fmt(e.rows.train, 0)} rows${e.rows.synthetic ? ` + ${fmt(e.rows.synthetic, 0)} SMOTE rows` : ''})`
      : `${fmt(m.numRows, 0)} out-of-bag training rows`
  const row = (
    label: string,
    x: { precision: number; recall: number; f1: number; support: number }
  ): string =>
    `${label.padStart(14)}  ${n2(x.precision).padStart(9)}  ${n2(x.recall).padStart(6)}  ${n2(x.f1).padStart(8)}  ${String(x.support).padStart(7)}`
  const lines = [
    `Evaluated on ${where}; decision threshold ${n4(m.threshold)}`,
    '',
    `Accuracy: ${n4(m.accuracy)}`,
    '',
    'Confusion Matrix:',
    `                 predicted 0  predicted 1`,
    `  actual 0   ${String(c.tn).padStart(12)} ${String(c.fp).padStart(12)}`,
    `  actual 1   ${String(c.fn).padStart(12)} ${String(c.tp).padStart(12)}`,
    '',
    'Classification Report:',
    `${''.padStart(14)}  precision  recall  f1-score  support`,
    row('0', r.class0),
    row(`1 (${positiveLabel})`.slice(0, 14), r.class1),
    '',
    `${'accuracy'.padStart(14)}  ${''.padStart(9)}  ${''.padStart(6)}  ${n2(r.accuracy).padStart(8)}  ${String(r.class0.support + r.class1.support).padStart(7)}`,
    row('macro avg', r.macroAvg),
    row('weighted avg', r.weightedAvg),
    '',
    `ROC AUC ${n4(m.auc)}   Gini ${n4(m.gini)}   KS ${n4(m.ks.ks)}   Average precision ${n4(m.averagePrecision)}`,
    `Brier score ${n4(m.brier)}   Log loss ${n4(m.logLoss)}   Default rate ${(m.positiveRate * 100).toFixed(1)} %`,
    '',
    'Feature importance (impurity | permutation: AUC drop):',
    ...e.impurityImportance.slice(0, 10).map((f) => {
      const p = e.permutationImportance.find((x) => x.feature === f.feature)
      return `  ${f.feature.padEnd(24)} ${n4(f.importance)}  | ${p ? n4(p.mean) : '-'}`
    })
  ]
  if (e.notes.length) lines.push('', ...e.notes.map((n) => `note: ${n}`))
  return lines.join('\n')
}
