import type { ModelSummary } from '../../../shared/dto'
import type { BinaryEvaluation, ModelEvaluation } from '../../../shared/evaluation'
import type { ProtectedPath } from '../base/outputFile'
import {
  COLOR,
  CONTENT_WIDTH,
  PAGE,
  fixed,
  formatDateTime,
  num,
  paragraph,
  pct,
  table,
  type Doc,
  type TableColumn
} from './pdfKit'

import {
  calibrationChart,
  confusionMatrixChart,
  histogramChart,
  importanceChart,
  ksChart,
  precisionRecallChart,
  rocChart
} from './evaluationCharts'
import { writeReport } from './committeeReport'
import type { Flow } from './pdfFlow'
import { scorecardSection, type ScorecardReportInput } from './scorecardSection'
import { trainParamMeta, trainParamShape, type TrainParamKey } from '../../../shared/params/trainParams'

// Re-exported for the report's tests, which compare its text with what pdfText makes of it.
export { pdfText } from './pdfKit'

/**
 * The evaluation of a model as a PDF a risk committee can file: what was trained on what,
 * how it was evaluated, the headline figures, the confusion matrix and every chart of the
 * Models screen, drawn as vectors with the shared toolkit (pdfKit.ts).
 */

export interface EvaluationReportInput {
  model: ModelSummary
  evaluation: ModelEvaluation
  generatedAt: string
  /** A scorecard model's points table: its own pages (scorecardSection.ts). */
  scorecard?: ScorecardReportInput
}

/** The value of a training parameter as text ('-' when the model does not record it). */
function param(params: Record<string, unknown>, key: string): string {
  const v = params[key]
  if (v === undefined || v === null) return '-'
  if (typeof v === 'number') return num(v, 4)
  if (typeof v === 'boolean') return v ? 'yes' : 'no'
  if (typeof v === 'string') return v
  return JSON.stringify(v)
}

function engineName(engine: string): string {
  if (engine === 'forest') return "the workbench's random forest"
  if (engine === 'ml-random-forest') return 'ml-random-forest (reference engine)'
  if (engine === 'scorecard') return 'points scorecard (WoE logistic regression)'
  if (engine === 'gbm') return "the workbench's gradient-boosted trees"
  if (engine === 'blend') return "the mean log-odds of the workbench's boosted trees and a points scorecard"
  return engine
}

/** The settings only the model's engine reads, labelled as the Train form labels them. */
function engineSettings(engine: string, p: Record<string, unknown>): [string, string][] {
  return (Object.keys(trainParamShape) as TrainParamKey[])
    .filter((key) => trainParamMeta(key).engines?.includes(engine))
    .map((key) => {
      const meta = trainParamMeta(key)
      return [meta.label, meta.percent && typeof p[key] === 'number' ? pct(p[key], 0) : param(p, key)]
    })
}

function summaryPage(doc: Doc, flow: Flow, input: EvaluationReportInput): void {
  const { model, evaluation } = input
  const m = evaluation.metrics
  const p = model.params

  flow.title(
    'Loan default model — evaluation report',
    `Model #${model.id}: ${model.name}`,
    `For the credit risk committee. Prepared ${formatDateTime(input.generatedAt)} by the Loan Default Workbench.`
  )

  flow.heading('Model and training', 80)
  const smote =
    p.smote === true ? `on, k = ${param(p, 'smoteK')} (training rows only)` : p.smote === false ? 'off' : '-'
  const testSize = typeof p.testSize === 'number' ? pct(p.testSize, 0) : '-'
  flow.keyValues([
    ['Model', `#${model.id} ${model.name}`],
    ['Trained', formatDateTime(model.createdAt)],
    ['Used for scoring', model.active ? 'yes (the active model)' : 'no'],
    ['Dataset', `${model.datasetName}${model.datasetId !== null ? ` (#${model.datasetId})` : ''}`],
    ['Engine', engineName(model.engine)],
    ...engineSettings(model.engine, p),
    ['SMOTE', smote],
    ['Calibration', param(p, 'calibration')],
    ['Test share', testSize],
    ['Seed', String(model.seed)],
    ['Decision threshold', pct(m.threshold)]
  ])

  flow.heading('What it was evaluated on', 60)
  const { rows } = evaluation
  const synthetic =
    rows.synthetic > 0
      ? `, plus ${num(rows.synthetic, 0)} synthetic rows that SMOTE made from the training rows only`
      : ''
  if (evaluation.evaluatedOn === 'test') {
    flow.paragraph(
      `${num(m.numRows, 0)} held-out test rows: ${pct(rows.test / Math.max(1, rows.total))} of the dataset's ${num(rows.total, 0)} rows, set aside by a stratified, seeded split before anything was fitted and never used in any fit. ${num(m.numPositive, 0)} of them defaulted (default rate ${pct(m.positiveRate)}). The model was trained on the other ${num(rows.train, 0)} rows${synthetic}.`
    )
  } else {
    const how =
      evaluation.evaluatedOn === 'cross-fitted'
        ? `each row was scored by a model fitted on the other ${Math.max(1, (evaluation.calibrationFit?.folds ?? 5) - 1)} of ${evaluation.calibrationFit?.folds ?? 5} folds (SMOTE, when on, inside those folds only)`
        : 'each row was scored only by the trees that did not see it'
    flow.paragraph(
      `${num(m.numRows, 0)} training rows scored out of sample (the model was trained with no test share): ${how}. ${num(m.numPositive, 0)} of them defaulted (default rate ${pct(m.positiveRate)}). The calibration was fitted on these same scores, so the calibration figures are optimistic. Training used ${num(rows.train, 0)} rows${synthetic}.`
    )
  }
  const approveAll = 1 - m.positiveRate
  flow.paragraph(
    `Honest evaluation. Imputation, encoding, scaling, SMOTE and the probability calibration were fitted on training rows only; no synthetic row is ever evaluated. The original specification applied SMOTE before splitting, so its test set held interpolated copies of training rows and its 97 % / 99 % accuracy measured memory, not prediction: it cannot be compared with the figures in this report. Accuracy is also a poor yardstick at a ${pct(m.positiveRate)} default rate: approving every applicant would be ${pct(approveAll)} accurate on these rows while catching no defaulter. Ranking (AUC, Gini, KS) and the confusion matrix below say more.`,
    { size: 9, color: COLOR.ink }
  )

  const baseBrier = m.positiveRate * (1 - m.positiveRate)
  const q = Math.min(Math.max(m.positiveRate, 1e-12), 1 - 1e-12)
  const baseLogLoss = -(q * Math.log(q) + (1 - q) * Math.log(1 - q))
  const metricRows: string[][] = [
    [
      'ROC AUC',
      fixed(m.auc),
      'Chance that a random defaulter scores above a random repayer: 0.5 is a coin toss, 1 is perfect ranking.'
    ],
    ['Gini', fixed(m.gini), '2 × AUC − 1, the banking convention for the same ranking power.'],
    [
      'KS statistic',
      `${fixed(m.ks.ks)} at ${pct(m.ks.threshold)}`,
      'Largest gap between the score distributions of defaulters and repayers, and the probability where it occurs.'
    ],
    [
      'Average precision',
      fixed(m.averagePrecision),
      `Area under the precision-recall curve; a model ranking at random scores the default rate, ${fixed(m.positiveRate)}.`
    ],
    [
      'Brier score',
      fixed(m.brier, 4),
      `Mean squared error of the probabilities; lower is better. Predicting the default rate for everyone scores ${fixed(baseBrier, 4)}.`
    ],
    [
      'Log loss',
      fixed(m.logLoss, 4),
      `Penalises confident wrong probabilities; lower is better. Predicting the default rate scores ${fixed(baseLogLoss, 4)}.`
    ],
    [
      'Accuracy at threshold',
      pct(m.accuracy),
      `Share of rows classified correctly when applicants at or above ${pct(m.threshold)} are flagged; approving everyone scores ${pct(approveAll)}.`
    ],
    [
      'F1 for defaults',
      fixed(m.report.class1.f1),
      'Balance of precision and recall on the default class at the threshold (the threshold maximises it on training rows).'
    ]
  ]
  const columns: TableColumn[] = [
    { header: 'Metric', width: 104 },
    { header: 'Value', width: 76, align: 'right' },
    { header: 'How to read it', width: CONTENT_WIDTH - 180 }
  ]
  const h = table(doc, PAGE.left, 0, columns, metricRows, { draw: false })
  flow.heading(
    `Headline figures on the ${evaluation.evaluatedOn === 'test' ? 'held-out' : 'out-of-sample training'} rows`,
    h
  )
  flow.y += table(doc, PAGE.left, flow.y, columns, metricRows, { boldFirstColumn: true }) + 6
}

function confusionSection(doc: Doc, flow: Flow, m: BinaryEvaluation): void {
  const { tn, fp, fn, tp } = m.confusion
  const report = m.report
  flow.heading(`Confusion matrix and classification report at the ${pct(m.threshold)} threshold`, 150)
  const top = flow.y
  const matrix = confusionMatrixChart(doc, PAGE.left, top, m)

  const flagged = tp + fp
  const words = [
    `Of ${num(fn + tp, 0)} applicants who defaulted, the model flagged ${num(tp, 0)} (recall ${pct(report.class1.recall)}) and missed ${num(fn, 0)}.`,
    `Of ${num(tn + fp, 0)} who repaid, ${num(fp, 0)} were flagged wrongly (${pct(tn + fp > 0 ? fp / (tn + fp) : NaN)} of good applicants referred).`,
    `Of ${num(flagged, 0)} flagged applicants, ${num(tp, 0)} defaulted (precision ${pct(report.class1.precision)}).`,
    `Overall accuracy ${pct(m.accuracy)}. A lower threshold catches more defaulters at the cost of more false alarms; the Models screen shows every threshold.`
  ]
  const tx = matrix.right + 22
  const tw = PAGE.left + CONTENT_WIDTH - tx
  let ty = top + 4
  for (const w of words) ty += paragraph(doc, w, tx, ty, tw, { size: 8.5 }) + 5
  flow.y = Math.max(matrix.bottom, ty) + 12

  const row = (
    name: string,
    r: { precision: number; recall: number; f1: number; support: number }
  ): string[] => [name, fixed(r.precision), fixed(r.recall), fixed(r.f1), num(r.support, 0)]
  const columns: TableColumn[] = [
    { header: 'Class', width: CONTENT_WIDTH - 320 },
    { header: 'Precision', width: 80, align: 'right' },
    { header: 'Recall', width: 80, align: 'right' },
    { header: 'F1', width: 80, align: 'right' },
    { header: 'Rows', width: 80, align: 'right' }
  ]
  const rows = [
    row('Repaid (0)', report.class0),
    row('Default (1)', report.class1),
    ['Accuracy', '', '', fixed(report.accuracy), num(report.macroAvg.support, 0)],
    row('Macro average', report.macroAvg),
    row('Weighted average', report.weightedAvg)
  ]
  flow.table(columns, rows, 8.5)
}

/** At most this many features per importance chart: beyond it, labels become unreadable. */
const MAX_BARS = 25

/** What each chart shows and how to read it, printed under it. */
const CHART_CAPTION = {
  roc: 'Each point is one threshold: the share of defaulters caught against the share of repayers wrongly flagged. The more the curve bows to the top left, the better the model ranks applicants.',
  precisionRecall:
    'Of the applicants flagged at each threshold, the share who defaulted (precision) against the share of all defaulters caught (recall). The dashed line is what random flagging achieves.',
  ks: 'Share of defaulters and of repayers scoring below each threshold. The dashed line marks the largest gap (the KS statistic): the wider, the better the two groups are separated.',
  calibration:
    'For applicants grouped by predicted probability, the share who actually defaulted. Points on the diagonal mean a stated 20 % risk is a real 20 % risk; bins with few rows are noisy.',
  histogram:
    'How the predicted probabilities of defaulters (red) and repayers (blue) are spread, each as a share of its own class so the two can be compared despite the imbalance. Applicants right of the dashed line are flagged as likely to default.',
  impurity:
    'How much the splits on each feature purify the trees, over the whole forest (the bars sum to 1). Computed on training rows; it favours features with many distinct values.',
  permutation:
    'How much the AUC on the evaluated rows falls when the feature is shuffled (mean of 3 shuffles; the line spans ± one standard deviation). Near zero or negative: the model does not rely on it.'
}

function chartSections(doc: Doc, flow: Flow, evaluation: ModelEvaluation): void {
  const m = evaluation.metrics
  flow.heading('Ranking: ROC and precision-recall', 230)
  flow.panels(215, [
    { draw: (box) => rocChart(doc, box, m), caption: CHART_CAPTION.roc },
    { draw: (box) => precisionRecallChart(doc, box, m), caption: CHART_CAPTION.precisionRecall }
  ])
  flow.heading('Separation and calibration', 230)
  flow.panels(215, [
    { draw: (box) => ksChart(doc, box, m), caption: CHART_CAPTION.ks },
    { draw: (box) => calibrationChart(doc, box, m.calibration.uniform), caption: CHART_CAPTION.calibration }
  ])
  flow.panels(190, [{ draw: (box) => histogramChart(doc, box, m), caption: CHART_CAPTION.histogram }])

  const impurity = evaluation.impurityImportance.slice(0, MAX_BARS)
  const permutation = evaluation.permutationImportance.slice(0, MAX_BARS)
  const count = Math.max(impurity.length, permutation.length)
  const chartHeight = 50 + 12 * count
  flow.heading('What drives the model: feature importance', chartHeight + 40)
  const more = (shown: number, all: number): string =>
    all > shown ? ` Only the ${shown} largest of ${all} features are shown.` : ''
  flow.panels(chartHeight, [
    {
      draw: (box) =>
        importanceChart(
          doc,
          box,
          'Impurity importance',
          'Share of impurity decrease',
          impurity.map((f) => ({ feature: f.feature, value: f.importance }))
        ),
      caption: CHART_CAPTION.impurity + more(impurity.length, evaluation.impurityImportance.length)
    },
    {
      draw: (box) =>
        importanceChart(
          doc,
          box,
          'Permutation importance',
          'Drop in AUC when shuffled',
          permutation.map((f) => ({ feature: f.feature, value: f.mean, spread: f.std }))
        ),
      caption: CHART_CAPTION.permutation + more(permutation.length, evaluation.permutationImportance.length)
    }
  ])
}

/** How the calibration and the threshold were fitted, in words (models stored before it was recorded: out-of-bag). */
export function calibrationNote(evaluation: ModelEvaluation): string {
  const fit = evaluation.calibrationFit
  const method =
    fit?.method === 'platt'
      ? 'Platt scaling'
      : fit?.method === 'none'
        ? 'no calibration map'
        : 'centred isotonic regression'
  const scores =
    fit?.scores === 'cross-fitted'
      ? `${num(fit.rows, 0)} training rows scored by ${fit.folds} cross-fitted models, each fitted on the other folds (SMOTE, when on, inside those folds only), so no row was scored by a model that saw it or a synthetic row made from it`
      : `${fit ? num(fit.rows, 0) : 'the'} training rows scored out-of-bag (by the trees whose bootstrap left them out)`
  return `Probabilities are calibrated to the real default rate with ${method}, and the decision threshold maximises F1, both fitted on ${scores}; never on the rows evaluated here.`
}

function notesSection(flow: Flow, evaluation: ModelEvaluation): void {
  const s = evaluation.seconds
  const notes = [
    ...evaluation.notes,
    calibrationNote(evaluation),
    'Risk grades come from fixed probability bands: A below 5 %, B 5–10 %, C 10–20 %, D 20–40 %, E 40 % and above.',
    `Time taken: preparing ${s.preparing.toFixed(1)} s, SMOTE ${s.smote.toFixed(1)} s, training ${s.training.toFixed(1)} s, evaluating ${s.evaluating.toFixed(1)} s.`,
    'These figures describe the rows the model was evaluated on. Before relying on the model for a different region, product or period, check it on recent loans of that kind.'
  ]
  flow.heading('Notes', 40)
  flow.bullets(notes, { size: 8.5 }, 4)
  flow.y += 10
  flow.signatures()
}

/**
 * Writes a model's evaluation as a multi-page A4 PDF for a risk committee: parameters,
 * what it was evaluated on, headline metrics, confusion matrix, classification report,
 * ROC, precision-recall, KS, calibration, probability histogram and feature importance.
 * All or nothing: a failure leaves no file at `path`.
 */
export async function writeEvaluationReport(
  input: EvaluationReportInput,
  path: string,
  protect: readonly ProtectedPath[] = []
): Promise<void> {
  const { model, evaluation } = input
  const evaluatedOn = evaluation.evaluatedOn === 'test' ? 'held-out test rows' : 'out-of-sample training rows'
  await writeReport(
    path,
    {
      title: `Evaluation of model #${model.id}: ${model.name}`,
      subject: 'Loan default model evaluation report',
      createdAt: input.generatedAt,
      footer: `Evaluation report · model #${model.id} ${model.name}`,
      footnote: `evaluated on ${evaluatedOn}`
    },
    (doc, flow) => {
      summaryPage(doc, flow, input)
      confusionSection(doc, flow, evaluation.metrics)
      chartSections(doc, flow, evaluation)
      if (input.scorecard) scorecardSection(doc, flow, input.scorecard)
      notesSection(flow, evaluation)
    },
    protect
  )
}
