import type { ModelMetrics } from '../../../../shared/dto'
import type { BinaryEvaluation } from '../../../../shared/evaluation'
import { formatCount, formatPercent } from '../../ui/format'

/**
 * Every figure the model screens show about a model, said once: its name, label, how it is
 * written, which way is better, and what it means. The model page's tiles, the side-by-side
 * comparison, the Models list, the header and the charts' legends all read it from here.
 */

/** The quality measures of a model on rows it never saw. */
export type MetricName = 'auc' | 'gini' | 'ks' | 'averagePrecision' | 'brier' | 'logLoss' | 'accuracy' | 'f1'
/** Figures that describe the evaluation rather than grade the model. */
export type ContextName = 'threshold' | 'evaluatedRows'

/** One figure of the catalogue. */
export interface Figure<N extends string = MetricName | ContextName> {
  name: N
  label: string
  /** The label where room is short (a narrow table column); the label by default. */
  shortLabel?: string
  /** What it means, in a sentence (a tooltip, the Models list's legend). */
  help: string
  /** 'higher' or 'lower' is better; null for a figure that is neither (a threshold). */
  better: 'higher' | 'lower' | null
  format: (value: number) => string
  /** The figure from a full evaluation. */
  of: (m: BinaryEvaluation) => number
}

const threeDecimals = (v: number): string => v.toFixed(3)

/** The quality measures, in the order the screens show them. */
export const METRICS: readonly Figure<MetricName>[] = [
  {
    name: 'auc',
    label: 'AUC',
    help: 'Chance that a defaulter scores above a repayer: 0.5 is guessing, 1 is perfect.',
    better: 'higher',
    format: threeDecimals,
    of: (m) => m.auc
  },
  {
    name: 'gini',
    label: 'Gini',
    help: '2 × AUC − 1, as banks often quote it.',
    better: 'higher',
    format: threeDecimals,
    of: (m) => m.gini
  },
  {
    name: 'ks',
    label: 'KS',
    help: 'Largest gap between the score distributions of defaulters and repayers.',
    better: 'higher',
    format: threeDecimals,
    of: (m) => m.ks.ks
  },
  {
    name: 'averagePrecision',
    label: 'Average precision',
    help: 'Area under the precision-recall curve; compare with the default rate.',
    better: 'higher',
    format: threeDecimals,
    of: (m) => m.averagePrecision
  },
  {
    name: 'brier',
    label: 'Brier score',
    shortLabel: 'Brier',
    help: 'Mean squared error of the probabilities: lower is better.',
    better: 'lower',
    format: (v) => v.toFixed(4),
    of: (m) => m.brier
  },
  {
    name: 'logLoss',
    label: 'Log loss',
    help: 'Penalises confident wrong probabilities: lower is better.',
    better: 'lower',
    format: threeDecimals,
    of: (m) => m.logLoss
  },
  {
    name: 'accuracy',
    label: 'Accuracy',
    help: "Share of loans predicted right at the model's own threshold.",
    better: 'higher',
    format: (v) => formatPercent(v),
    of: (m) => m.accuracy
  },
  {
    name: 'f1',
    label: 'F1 (defaulted)',
    help: "Balance of precision and recall on defaulters at the model's own threshold.",
    better: 'higher',
    format: threeDecimals,
    of: (m) => m.report.class1.f1
  }
]

/** The decision threshold the model was trained with. */
export const THRESHOLD: Figure<ContextName> = {
  name: 'threshold',
  label: 'Threshold',
  help: 'The probability from which the model predicts default (chosen in training).',
  better: null,
  format: (v) => formatPercent(v),
  of: (m) => m.threshold
}

/** How many loans the figures are measured on. */
export const EVALUATED_ROWS: Figure<ContextName> = {
  name: 'evaluatedRows',
  label: 'Evaluated rows',
  help: 'Loans the figures are measured on.',
  better: null,
  format: (v) => formatCount(v),
  of: (m) => m.numRows
}

/** The tiles of one model's page: every measure, then its threshold. */
export const MODEL_FACTS: readonly Figure[] = [...METRICS, THRESHOLD]
/** The columns of two models side by side: every measure, then the rows each was measured on. */
export const COMPARISON_FIGURES: readonly Figure[] = [...METRICS, EVALUATED_ROWS]

/** The catalogue entry of a quality measure. */
export function metric(name: MetricName): Figure<MetricName> {
  const found = METRICS.find((m) => m.name === name)
  if (!found) throw new Error(`No metric named ${name}`)
  return found
}

/** A measure's value as the screens write it ("0.816", "0.0755", "91.0 %"). */
export function formatMetric(name: MetricName, value: number): string {
  return metric(name).format(value)
}

/**
 * Which of two values is the better one, 0 or 1: null when the figure has no better side
 * or when both read the same as written (a difference the screen cannot show is no difference).
 */
export function betterOf(figure: Figure, a: number, b: number): 0 | 1 | null {
  if (figure.better === null || figure.format(a) === figure.format(b)) return null
  return a > b === (figure.better === 'higher') ? 0 : 1
}

/** The measures a model's summary carries (the Models list, without loading the evaluation). */
export type SummaryMetricName = Exclude<MetricName, 'logLoss'> & keyof ModelMetrics

/** "AUC: Chance that …" for each named measure: the legend under a table of them. */
export function metricLegend(names: readonly MetricName[]): string {
  return names.map((n) => `${metric(n).shortLabel ?? metric(n).label}: ${metric(n).help}`).join(' ')
}
