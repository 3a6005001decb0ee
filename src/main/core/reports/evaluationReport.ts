import type { ModelSummary } from '../../../shared/dto'
import type { BinaryEvaluation, CalibrationBin, ModelEvaluation } from '../../../shared/evaluation'
import type { ProtectedPath } from '../base/outputFile'
import {
  COLOR,
  CONTENT_WIDTH,
  PAGE,
  drawFooters,
  fixed,
  formatDateTime,
  label,
  num,
  paragraph,
  pct,
  style,
  table,
  writePdfFile,
  type Doc,
  type TableColumn
} from './pdfKit'

import {
  CHART_TITLE,
  chartFrame,
  drawLines,
  niceTicks,
  percentTick,
  share,
  unitTicks,
  type Axis,
  type Box
} from './pdfCharts'
import { Flow, keyValueGrid, panelRow, signatureBlock } from './pdfFlow'
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

// ---------------------------------------------------------------------------------------
// Charts: vector drawings with pdfkit paths
// ---------------------------------------------------------------------------------------

function rocChart(doc: Doc, box: Box, m: BinaryEvaluation): void {
  const axis = (name: string): Axis => ({ label: name, min: 0, max: 1, ticks: unitTicks, format: share })
  const plot = chartFrame(
    doc,
    box,
    `ROC curve (AUC ${fixed(m.auc)})`,
    axis('False positive rate (repayers flagged)'),
    axis('True positive rate (defaulters caught)'),
    [
      { label: 'model', color: COLOR.accent, kind: 'line' },
      { label: 'random ranking', color: COLOR.chance, kind: 'dash' }
    ]
  )
  drawLines(doc, plot, [
    { xs: [0, 1], ys: [0, 1], color: COLOR.chance, label: 'chance', dash: true, width: 0.9 },
    { xs: m.roc.fpr, ys: m.roc.tpr, color: COLOR.accent, label: 'model' }
  ])
}

function precisionRecallChart(doc: Doc, box: Box, m: BinaryEvaluation): void {
  const axis = (name: string): Axis => ({ label: name, min: 0, max: 1, ticks: unitTicks, format: share })
  const plot = chartFrame(
    doc,
    box,
    `Precision-recall curve (AP ${fixed(m.averagePrecision)})`,
    axis('Recall (defaulters caught)'),
    axis('Precision (flagged who defaulted)'),
    [
      { label: 'model', color: COLOR.accent, kind: 'line' },
      { label: `default rate ${pct(m.positiveRate)}`, color: COLOR.chance, kind: 'dash' }
    ]
  )
  drawLines(doc, plot, [
    {
      xs: [0, 1],
      ys: [m.positiveRate, m.positiveRate],
      color: COLOR.chance,
      label: 'base',
      dash: true,
      width: 0.9
    },
    {
      xs: m.precisionRecall.recall,
      ys: m.precisionRecall.precision,
      color: COLOR.accent,
      label: 'model',
      steps: 'post'
    }
  ])
}

function ksChart(doc: Doc, box: Box, m: BinaryEvaluation): void {
  const { thresholds, cdfPositive, cdfNegative } = m.ks.curve
  // The CDFs start at 0 below every score and reach 1 above them all.
  const xs = [0, ...thresholds, 1]
  const plot = chartFrame(
    doc,
    box,
    `KS plot (KS ${fixed(m.ks.ks)} at ${pct(m.ks.threshold)})`,
    { label: 'Probability threshold', min: 0, max: 1, ticks: unitTicks, format: percentTick },
    { label: 'Share scoring below threshold', min: 0, max: 1, ticks: unitTicks, format: share },
    [
      { label: 'defaulters', color: COLOR.defaulter, kind: 'line' },
      { label: 'repayers', color: COLOR.repayer, kind: 'line' },
      { label: 'largest gap', color: COLOR.muted, kind: 'dash' }
    ]
  )
  drawLines(doc, plot, [
    { xs, ys: [0, ...cdfPositive, 1], color: COLOR.defaulter, label: 'defaulters', steps: 'pre' },
    { xs, ys: [0, ...cdfNegative, 1], color: COLOR.repayer, label: 'repayers', steps: 'pre' }
  ])
  // The gap at the KS threshold, where the two CDFs are furthest apart. Both curves jump
  // at the threshold itself, so the gap is drawn just left of it, where they hold the
  // values "share strictly below the threshold".
  const at = thresholds.findIndex((t) => t >= m.ks.threshold)
  if (at >= 0) {
    const x = plot.px(thresholds[at]) - 2.5
    const y0 = plot.py(cdfPositive[at])
    const y1 = plot.py(cdfNegative[at])
    doc
      .save()
      .moveTo(x, y0)
      .lineTo(x, y1)
      .lineWidth(1.2)
      .dash(2, { space: 1.5 })
      .strokeColor(COLOR.ink)
      .stroke()
    doc.restore()
    const text = `KS ${fixed(m.ks.ks, 2)}`
    style(doc, { size: 7 })
    const tx = x + 4
    const ty = (y0 + y1) / 2 - 4
    doc
      .save()
      .rect(tx - 1, ty - 1, doc.widthOfString(text) + 2, 9)
      .fill('#ffffff')
      .restore()
    label(doc, text, tx, ty, { size: 7 })
  }
}

function calibrationChart(doc: Doc, box: Box, bins: CalibrationBin[]): void {
  const used = bins.filter((b) => b.count > 0)
  const plot = chartFrame(
    doc,
    box,
    'Calibration (10 equal-width bins)',
    { label: 'Mean predicted probability', min: 0, max: 1, ticks: unitTicks, format: percentTick },
    { label: 'Observed default rate', min: 0, max: 1, ticks: unitTicks, format: percentTick },
    [
      { label: 'model (n = rows in bin)', color: COLOR.accent, kind: 'line' },
      { label: 'perfect calibration', color: COLOR.chance, kind: 'dash' }
    ]
  )
  drawLines(doc, plot, [
    { xs: [0, 1], ys: [0, 1], color: COLOR.chance, label: 'perfect', dash: true, width: 0.9 },
    {
      xs: used.map((b) => b.meanPredicted),
      ys: used.map((b) => b.fractionPositive),
      color: COLOR.accent,
      label: 'model',
      markers: true
    }
  ])
  // Row counts say how much each point can be trusted (a bin of 3 rows is noise). A white
  // backing keeps them legible where the curve passes; a count that would cover another
  // above and below its point is left out rather than drawn illegibly.
  const placed: Box[] = []
  const overlaps = (a: Box): boolean =>
    placed.some((b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h)
  style(doc, { size: 6 })
  for (const b of used) {
    const text = `n=${num(b.count, 0)}`
    const w = doc.widthOfString(text) + 2
    const x = plot.px(b.meanPredicted) + 3
    const y = plot.py(b.fractionPositive)
    const spots = b.fractionPositive > 0.9 ? [y + 3, y - 11] : [y - 11, y + 3]
    const spot = spots.map((top) => ({ x: x - 1, y: top - 1, w, h: 8 })).find((r) => !overlaps(r))
    if (!spot) continue
    placed.push(spot)
    doc.save().rect(spot.x, spot.y, spot.w, spot.h).fill('#ffffff').restore()
    label(doc, text, spot.x + 1, spot.y + 1, { size: 6, color: COLOR.muted })
  }
}

function histogramChart(doc: Doc, box: Box, m: BinaryEvaluation): void {
  const { edges, negative, positive } = m.histogram
  const totalNeg = negative.reduce((s, v) => s + v, 0)
  const totalPos = positive.reduce((s, v) => s + v, 0)
  const negShare = negative.map((v) => (totalNeg > 0 ? v / totalNeg : 0))
  const posShare = positive.map((v) => (totalPos > 0 ? v / totalPos : 0))
  const top = Math.max(0.05, ...negShare, ...posShare)
  const yTicks = niceTicks(0, top, 5)
  const plot = chartFrame(
    doc,
    box,
    'Predicted probability by true class',
    {
      label: 'Predicted probability of default',
      min: 0,
      max: 1,
      ticks: niceTicks(0, 1, 10),
      format: percentTick
    },
    {
      label: 'Share of the class',
      min: 0,
      max: yTicks[yTicks.length - 1],
      ticks: yTicks,
      format: (v) => `${Math.round(v * 100)} %`
    },
    [
      { label: `defaulters (${num(totalPos, 0)} rows)`, color: COLOR.defaulter, kind: 'box' },
      { label: `repayers (${num(totalNeg, 0)} rows)`, color: COLOR.repayer, kind: 'box' },
      { label: `decision threshold ${pct(m.threshold)}`, color: COLOR.ink, kind: 'dash' }
    ]
  )
  doc.save()
  for (let b = 0; b + 1 < edges.length; b++) {
    const x0 = plot.px(edges[b])
    const w = plot.px(edges[b + 1]) - x0
    const bar = (value: number, offset: number, color: string): void => {
      const h = plot.area.y + plot.area.h - plot.py(value)
      if (h > 0) doc.rect(x0 + offset, plot.py(value), w * 0.42, h).fill(color)
    }
    bar(negShare[b], w * 0.08, COLOR.repayer)
    bar(posShare[b], w * 0.5, COLOR.defaulter)
  }
  doc.restore()
  const tx = plot.px(m.threshold)
  doc
    .save()
    .moveTo(tx, plot.area.y)
    .lineTo(tx, plot.area.y + plot.area.h)
    .lineWidth(1)
    .dash(3, { space: 2 })
    .strokeColor(COLOR.ink)
    .stroke()
    .restore()
}

interface Bar {
  feature: string
  value: number
  spread?: number
}

/** Horizontal bars, largest first; negative values extend left of the zero line. */
function importanceChart(doc: Doc, box: Box, title: string, axisLabel: string, bars: Bar[]): void {
  const labelWidth = 98
  const area: Box = { x: box.x + labelWidth, y: box.y + CHART_TITLE + 4, w: box.w - labelWidth - 8, h: 0 }
  area.h = box.h - CHART_TITLE - 4 - 28
  label(doc, title, box.x, box.y, { size: 9.5, weight: 'bold' }, { maxWidth: box.w })
  const lo = Math.min(0, ...bars.map((b) => b.value - (b.spread ?? 0)))
  const hi = Math.max(1e-9, ...bars.map((b) => b.value + (b.spread ?? 0)))
  const ticks = niceTicks(lo, hi, 4)
  const min = Math.min(lo, ticks[0])
  const max = ticks[ticks.length - 1]
  const px = (v: number): number => area.x + ((v - min) / (max - min)) * area.w
  const rowH = area.h / Math.max(1, bars.length)
  const barH = Math.min(8, rowH * 0.7)

  doc.save().lineWidth(0.5).strokeColor(COLOR.grid)
  for (const t of ticks) doc.moveTo(px(t), area.y).lineTo(px(t), area.y + area.h)
  doc.stroke().restore()
  const fontSize = Math.min(7, Math.max(5, rowH * 0.75))
  bars.forEach((b, i) => {
    const cy = area.y + rowH * (i + 0.5)
    label(
      doc,
      b.feature,
      area.x - 4,
      cy - fontSize / 2,
      { size: fontSize },
      { align: 'right', maxWidth: labelWidth - 6, cut: 'middle' }
    )
    const x0 = px(Math.min(0, b.value))
    const w = Math.abs(px(b.value) - px(0))
    doc
      .save()
      .rect(x0, cy - barH / 2, Math.max(w, 0.3), barH)
      .fill(b.value >= 0 ? COLOR.accent : COLOR.chance)
      .restore()
    if (b.spread !== undefined && b.spread > 0) {
      doc
        .save()
        .moveTo(px(b.value - b.spread), cy)
        .lineTo(px(b.value + b.spread), cy)
        .lineWidth(0.7)
        .strokeColor(COLOR.ink)
        .stroke()
        .restore()
    }
  })
  doc
    .save()
    .moveTo(px(0), area.y)
    .lineTo(px(0), area.y + area.h)
    .lineWidth(0.8)
    .strokeColor(COLOR.muted)
    .stroke()
  doc.restore()
  for (const t of ticks)
    label(
      doc,
      String(Number(t.toFixed(6))),
      px(t),
      area.y + area.h + 3,
      { size: 7, color: COLOR.muted },
      {
        align: 'center'
      }
    )
  label(doc, axisLabel, area.x + area.w / 2, area.y + area.h + 14, { size: 7.5 }, { align: 'center' })
}

// ---------------------------------------------------------------------------------------
// The report
// ---------------------------------------------------------------------------------------

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

  label(doc, 'Loan default model — evaluation report', PAGE.left, flow.y, { size: 18, weight: 'bold' })
  flow.y += 24
  label(
    doc,
    `Model #${model.id}: ${model.name}`,
    PAGE.left,
    flow.y,
    { size: 11, color: COLOR.accent },
    { maxWidth: CONTENT_WIDTH }
  )
  flow.y += 15
  label(
    doc,
    `For the credit risk committee. Prepared ${formatDateTime(input.generatedAt)} by the Loan Default Workbench.`,
    PAGE.left,
    flow.y,
    { size: 8.5, color: COLOR.muted },
    { maxWidth: CONTENT_WIDTH }
  )
  flow.y += 16

  flow.heading('Model and training', 80)
  const smote =
    p.smote === true ? `on, k = ${param(p, 'smoteK')} (training rows only)` : p.smote === false ? 'off' : '-'
  const testSize = typeof p.testSize === 'number' ? pct(p.testSize, 0) : '-'
  keyValueGrid(doc, flow, [
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
  const x0 = PAGE.left + 78
  const y0 = top + 26
  const cw = 84
  const ch = 44
  label(doc, 'Predicted', x0 + cw, top, { size: 8, weight: 'bold' }, { align: 'center' })
  label(doc, 'repaid (0)', x0 + cw / 2, top + 13, { size: 8 }, { align: 'center' })
  label(doc, 'default (1)', x0 + cw * 1.5, top + 13, { size: 8 }, { align: 'center' })
  label(doc, 'Actual', PAGE.left, y0 - 12, { size: 8, weight: 'bold' })
  label(doc, 'repaid (0)', x0 - 6, y0 + ch / 2 - 4, { size: 8 }, { align: 'right' })
  label(doc, 'default (1)', x0 - 6, y0 + ch * 1.5 - 4, { size: 8 }, { align: 'right' })
  const cells: [number, number, number, boolean, string][] = [
    [0, 0, tn, true, 'correctly approved'],
    [0, 1, fp, false, 'false alarms'],
    [1, 0, fn, false, 'missed defaulters'],
    [1, 1, tp, true, 'defaulters caught']
  ]
  for (const [r, c, count, correct, words] of cells) {
    const rowTotal = r === 0 ? tn + fp : fn + tp
    const rowShare = rowTotal > 0 ? count / rowTotal : 0
    const x = x0 + c * cw
    const y = y0 + r * ch
    doc
      .save()
      .rect(x, y, cw, ch)
      .fillOpacity(0.12 + 0.6 * rowShare)
      .fill(correct ? COLOR.good : COLOR.bad)
      .restore()
    doc.save().rect(x, y, cw, ch).lineWidth(0.6).strokeColor(COLOR.rule).stroke().restore()
    label(doc, num(count, 0), x + cw / 2, y + 7, { size: 13, weight: 'bold' }, { align: 'center' })
    label(
      doc,
      `${pct(rowShare)} · ${words}`,
      x + cw / 2,
      y + 27,
      { size: 6.5 },
      { align: 'center', maxWidth: cw - 4 }
    )
  }

  const flagged = tp + fp
  const words = [
    `Of ${num(fn + tp, 0)} applicants who defaulted, the model flagged ${num(tp, 0)} (recall ${pct(report.class1.recall)}) and missed ${num(fn, 0)}.`,
    `Of ${num(tn + fp, 0)} who repaid, ${num(fp, 0)} were flagged wrongly (${pct(tn + fp > 0 ? fp / (tn + fp) : NaN)} of good applicants referred).`,
    `Of ${num(flagged, 0)} flagged applicants, ${num(tp, 0)} defaulted (precision ${pct(report.class1.precision)}).`,
    `Overall accuracy ${pct(m.accuracy)}. A lower threshold catches more defaulters at the cost of more false alarms; the Models screen shows every threshold.`
  ]
  const tx = x0 + 2 * cw + 22
  const tw = PAGE.left + CONTENT_WIDTH - tx
  let ty = top + 4
  for (const w of words) ty += paragraph(doc, w, tx, ty, tw, { size: 8.5 }) + 5
  flow.y = Math.max(y0 + 2 * ch, ty) + 12

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
  flow.ensure(table(doc, PAGE.left, 0, columns, rows, { draw: false }))
  flow.y += table(doc, PAGE.left, flow.y, columns, rows, { boldFirstColumn: true }) + 8
}

/** At most this many features per importance chart: beyond it, labels become unreadable. */
const MAX_BARS = 25

function chartSections(doc: Doc, flow: Flow, evaluation: ModelEvaluation): void {
  const m = evaluation.metrics
  flow.heading('Ranking: ROC and precision-recall', 230)
  panelRow(
    doc,
    flow,
    [
      {
        draw: (box) => rocChart(doc, box, m),
        caption:
          'Each point is one threshold: the share of defaulters caught against the share of repayers wrongly flagged. The more the curve bows to the top left, the better the model ranks applicants.'
      },
      {
        draw: (box) => precisionRecallChart(doc, box, m),
        caption:
          'Of the applicants flagged at each threshold, the share who defaulted (precision) against the share of all defaulters caught (recall). The dashed line is what random flagging achieves.'
      }
    ],
    215
  )

  flow.heading('Separation and calibration', 230)
  panelRow(
    doc,
    flow,
    [
      {
        draw: (box) => ksChart(doc, box, m),
        caption:
          'Share of defaulters and of repayers scoring below each threshold. The dashed line marks the largest gap (the KS statistic): the wider, the better the two groups are separated.'
      },
      {
        draw: (box) => calibrationChart(doc, box, m.calibration.uniform),
        caption:
          'For applicants grouped by predicted probability, the share who actually defaulted. Points on the diagonal mean a stated 20 % risk is a real 20 % risk; bins with few rows are noisy.'
      }
    ],
    215
  )

  panelRow(
    doc,
    flow,
    [
      {
        draw: (box) => histogramChart(doc, box, m),
        caption:
          'How the predicted probabilities of defaulters (red) and repayers (blue) are spread, each as a share of its own class so the two can be compared despite the imbalance. Applicants right of the dashed line are flagged as likely to default.'
      }
    ],
    190
  )

  const impurity = evaluation.impurityImportance.slice(0, MAX_BARS)
  const permutation = evaluation.permutationImportance.slice(0, MAX_BARS)
  const count = Math.max(impurity.length, permutation.length)
  const chartHeight = 50 + 12 * count
  flow.heading('What drives the model: feature importance', chartHeight + 40)
  const more = (shown: number, all: number): string =>
    all > shown ? ` Only the ${shown} largest of ${all} features are shown.` : ''
  panelRow(
    doc,
    flow,
    [
      {
        draw: (box) =>
          importanceChart(
            doc,
            box,
            'Impurity importance',
            'Share of impurity decrease',
            impurity.map((f) => ({ feature: f.feature, value: f.importance }))
          ),
        caption:
          'How much the splits on each feature purify the trees, over the whole forest (the bars sum to 1). Computed on training rows; it favours features with many distinct values.' +
          more(impurity.length, evaluation.impurityImportance.length)
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
        caption:
          'How much the AUC on the evaluated rows falls when the feature is shuffled (mean of 3 shuffles; the line spans ± one standard deviation). Near zero or negative: the model does not rely on it.' +
          more(permutation.length, evaluation.permutationImportance.length)
      }
    ],
    chartHeight
  )
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

function notesSection(doc: Doc, flow: Flow, evaluation: ModelEvaluation): void {
  const s = evaluation.seconds
  const notes = [
    ...evaluation.notes,
    calibrationNote(evaluation),
    'Risk grades come from fixed probability bands: A below 5 %, B 5–10 %, C 10–20 %, D 20–40 %, E 40 % and above.',
    `Time taken: preparing ${s.preparing.toFixed(1)} s, SMOTE ${s.smote.toFixed(1)} s, training ${s.training.toFixed(1)} s, evaluating ${s.evaluating.toFixed(1)} s.`,
    'These figures describe the rows the model was evaluated on. Before relying on the model for a different region, product or period, check it on recent loans of that kind.'
  ]
  flow.heading('Notes', 40)
  for (const note of notes) flow.paragraph(`•  ${note}`, { size: 8.5 }, 4)
  flow.y += 10
  signatureBlock(doc, flow)
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
  await writePdfFile(
    path,
    {
      title: `Evaluation of model #${model.id}: ${model.name}`,
      subject: 'Loan default model evaluation report',
      createdAt: input.generatedAt
    },
    (doc) => {
      const flow = new Flow(doc)
      summaryPage(doc, flow, input)
      confusionSection(doc, flow, evaluation.metrics)
      chartSections(doc, flow, evaluation)
      if (input.scorecard) scorecardSection(doc, flow, input.scorecard)
      notesSection(doc, flow, evaluation)
      drawFooters(
        doc,
        `Evaluation report · model #${model.id} ${model.name}`,
        `Generated ${formatDateTime(input.generatedAt)} by the Loan Default Workbench · evaluated on ${evaluation.evaluatedOn === 'test' ? 'held-out test rows' : 'out-of-sample training rows'}`
      )
    },
    protect
  )
}
