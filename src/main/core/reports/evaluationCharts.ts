import type { BinaryEvaluation, CalibrationBin } from '../../../shared/evaluation'
import {
  CHART_TITLE,
  chartFrame,
  drawLines,
  markerLine,
  niceTicks,
  percentTick,
  share,
  tickedAxis,
  unitTicks,
  type Axis,
  type Box
} from './pdfCharts'
import { COLOR, fixed, label, num, pct, style, type Doc } from './pdfKit'

/**
 * The evaluation report's charts — ROC, precision-recall, KS, calibration, the probability
 * histogram, feature importance and the confusion matrix — drawn as vectors with the shared
 * chart toolkit.
 */

export function rocChart(doc: Doc, box: Box, m: BinaryEvaluation): void {
  const axis = (name: string): Axis => tickedAxis(name, unitTicks, share)
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

export function precisionRecallChart(doc: Doc, box: Box, m: BinaryEvaluation): void {
  const axis = (name: string): Axis => tickedAxis(name, unitTicks, share)
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

export function ksChart(doc: Doc, box: Box, m: BinaryEvaluation): void {
  const { thresholds, cdfPositive, cdfNegative } = m.ks.curve
  // The CDFs start at 0 below every score and reach 1 above them all.
  const xs = [0, ...thresholds, 1]
  const plot = chartFrame(
    doc,
    box,
    `KS plot (KS ${fixed(m.ks.ks)} at ${pct(m.ks.threshold)})`,
    tickedAxis('Probability threshold', unitTicks, percentTick),
    tickedAxis('Share scoring below threshold', unitTicks, share),
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

export function calibrationChart(doc: Doc, box: Box, bins: CalibrationBin[]): void {
  const used = bins.filter((b) => b.count > 0)
  const plot = chartFrame(
    doc,
    box,
    'Calibration (10 equal-width bins)',
    tickedAxis('Mean predicted probability', unitTicks, percentTick),
    tickedAxis('Observed default rate', unitTicks, percentTick),
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

export function histogramChart(doc: Doc, box: Box, m: BinaryEvaluation): void {
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
    tickedAxis('Predicted probability of default', niceTicks(0, 1, 10), percentTick),
    tickedAxis('Share of the class', yTicks, percentTick),
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
  markerLine(doc, plot, m.threshold, COLOR.ink)
}

export interface Bar {
  feature: string
  value: number
  spread?: number
}

/** Horizontal bars, largest first; negative values extend left of the zero line. */
export function importanceChart(doc: Doc, box: Box, title: string, axisLabel: string, bars: Bar[]): void {
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

/** Where a figure drawn at a point ends: its right edge and its bottom. */
export interface Extent {
  right: number
  bottom: number
}

/**
 * The 2×2 confusion matrix, "Actual" down its left at `left` and "Predicted" over its top at
 * `top`: each cell's count and its share of the actual class, shaded by that share, green
 * where the model was right and red where it was wrong. Returns where it ends, so that the
 * text beside and under it can be set.
 */
export function confusionMatrixChart(doc: Doc, left: number, top: number, m: BinaryEvaluation): Extent {
  const { tn, fp, fn, tp } = m.confusion
  const x0 = left + 78
  const y0 = top + 26
  const cw = 84
  const ch = 44
  label(doc, 'Predicted', x0 + cw, top, { size: 8, weight: 'bold' }, { align: 'center' })
  label(doc, 'repaid (0)', x0 + cw / 2, top + 13, { size: 8 }, { align: 'center' })
  label(doc, 'default (1)', x0 + cw * 1.5, top + 13, { size: 8 }, { align: 'center' })
  label(doc, 'Actual', left, y0 - 12, { size: 8, weight: 'bold' })
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
  return { right: x0 + 2 * cw, bottom: y0 + 2 * ch }
}
