import type { GradeCalibration, StrategyResult } from '../../../shared/validation'
import { lakhCrore } from '../validation/format'
import {
  chartFrame,
  drawLines,
  markerLine,
  niceTicks,
  percentTick,
  tickedAxis,
  unitTicks,
  type Axis,
  type Box,
  type Plot
} from './pdfCharts'
import { COLOR, label, pct, style, type Doc } from './pdfKit'

/**
 * The charts of the validation pack: calibration by grade, the grade distribution and the
 * cut-off strategy curves, drawn with the shared chart frame (pdfCharts.ts).
 */

/** Mean PD against the observed default rate with its Jeffreys interval, grade by grade. */
export function gradeCalibrationChart(doc: Doc, box: Box, grades: GradeCalibration[]): void {
  const used = grades.filter((g) => g.count > 0)
  const top = Math.max(0.05, ...used.map((g) => Math.max(g.jeffreys?.upper ?? 0, g.meanPd ?? 0)))
  const yTicks = niceTicks(0, top, 5)
  const plot = chartFrame(
    doc,
    box,
    'Default rate by risk grade: predicted and observed',
    gradeAxis(grades),
    tickedAxis('Default rate', yTicks, percentTick),
    [
      { label: 'mean PD (predicted)', color: COLOR.accent, kind: 'box' },
      { label: 'observed, with 95 % Jeffreys interval', color: COLOR.defaulter, kind: 'line' }
    ]
  )
  grades.forEach((g, i) => {
    if (g.count === 0 || g.meanPd === null || g.observedRate === null || g.jeffreys === null) return
    const x = plot.px(i)
    doc
      .save()
      .moveTo(x + 5, plot.py(g.jeffreys.lower))
      .lineTo(x + 5, plot.py(g.jeffreys.upper))
      .lineWidth(1.2)
      .strokeColor(COLOR.defaulter)
      .stroke()
      .restore()
    doc
      .save()
      .circle(x + 5, plot.py(g.observedRate), 2.6)
      .fill(COLOR.defaulter)
      .restore()
    doc
      .save()
      .rect(x - 8.5, plot.py(g.meanPd) - 2.5, 5, 5)
      .fill(COLOR.accent)
      .restore()
  })
}

/** Share of rows per grade, the reference beside the current population when there is one. */
export function gradeShareChart(
  doc: Doc,
  box: Box,
  grades: string[],
  current: { label: string; shares: number[] },
  reference: { label: string; shares: number[] } | null
): void {
  const top = Math.max(0.05, ...current.shares, ...(reference?.shares ?? []))
  const yTicks = niceTicks(0, top, 5)
  const legend = [
    ...(reference ? [{ label: reference.label, color: COLOR.chance, kind: 'box' as const }] : []),
    { label: current.label, color: COLOR.accent, kind: 'box' as const }
  ]
  const plot = chartFrame(
    doc,
    box,
    'Share of loans per risk grade',
    gradeAxis(grades.map((grade) => ({ grade }))),
    tickedAxis('Share of loans', yTicks, percentTick),
    legend
  )
  const width = (plot.area.w / grades.length) * 0.32
  grades.forEach((_, i) => {
    const bar = (value: number, offset: number, color: string): void => {
      const h = plot.area.y + plot.area.h - plot.py(value)
      if (h > 0)
        doc
          .save()
          .rect(plot.px(i) + offset, plot.py(value), width, h)
          .fill(color)
          .restore()
    }
    if (reference) bar(reference.shares[i], -width, COLOR.chance)
    bar(current.shares[i], reference ? 0 : -width / 2, COLOR.accent)
  })
}

/** The x axis of the strategy charts: the share of applicants approved. */
const APPROVAL_AXIS: Axis = tickedAxis('Approval rate', unitTicks, percentTick)

/** The strategy curve: bad rate among the approved (observed and expected) against the approval rate. */
export function strategyRateChart(doc: Doc, box: Box, s: StrategyResult): void {
  const points = s.curve.filter((p) => p.approved > 0)
  const top = Math.max(0.05, ...points.map((p) => Math.max(p.badRate ?? 0, p.expectedBadRate ?? 0)))
  const yTicks = niceTicks(0, top, 5)
  const observed = points.filter((p) => p.badRate !== null)
  const plot = chartFrame(
    doc,
    box,
    'Bad rate among the approved, by approval rate',
    APPROVAL_AXIS,
    tickedAxis('Bad rate of the approved', yTicks, percentTick),
    [
      { label: 'expected (mean PD)', color: COLOR.accent, kind: 'line' },
      ...(observed.length ? [{ label: 'observed', color: COLOR.defaulter, kind: 'line' as const }] : [])
    ]
  )
  drawLines(doc, plot, [
    {
      xs: points.map((p) => p.approvalRate),
      ys: points.map((p) => p.expectedBadRate ?? 0),
      color: COLOR.accent,
      label: 'expected'
    },
    {
      xs: observed.map((p) => p.approvalRate),
      ys: observed.map((p) => p.badRate ?? 0),
      color: COLOR.defaulter,
      label: 'observed',
      width: 1
    }
  ])
  cutoffMarkers(doc, plot, s)
}

/** Expected loss, income and profit in ₹ against the approval rate. */
export function strategyMoneyChart(doc: Doc, box: Box, s: StrategyResult): void {
  const values = s.curve.flatMap((p) => [p.expectedLoss, p.expectedIncome, p.expectedProfit])
  const lo = Math.min(0, ...values)
  const hi = Math.max(1, ...values)
  const yTicks = niceTicks(lo, hi, 5)
  const plot = chartFrame(
    doc,
    box,
    'Expected loss, income and profit (one period)',
    APPROVAL_AXIS,
    tickedAxis('Rupees', yTicks, (v) => (v === 0 ? '0' : lakhCrore(v).replace('₹', ''))),
    [
      { label: 'income', color: COLOR.good, kind: 'line' },
      { label: 'loss', color: COLOR.defaulter, kind: 'line' },
      { label: 'profit', color: COLOR.ink, kind: 'line' }
    ]
  )
  const xs = s.curve.map((p) => p.approvalRate)
  drawLines(doc, plot, [
    { xs: [0, 1], ys: [0, 0], color: COLOR.chance, label: 'zero', width: 0.6 },
    { xs, ys: s.curve.map((p) => p.expectedIncome), color: COLOR.good, label: 'income' },
    { xs, ys: s.curve.map((p) => p.expectedLoss), color: COLOR.defaulter, label: 'loss' },
    { xs, ys: s.curve.map((p) => p.expectedProfit), color: COLOR.ink, label: 'profit', width: 1.8 }
  ])
  cutoffMarkers(doc, plot, s)
}

/** An x axis with one tick per grade, labelled with its letter. */
function gradeAxis(grades: { grade: string }[]): Axis {
  return {
    label: 'Risk grade',
    min: -0.5,
    max: grades.length - 0.5,
    ticks: grades.map((_, i) => i),
    format: (v) => grades[Math.round(v)]?.grade ?? ''
  }
}

/**
 * Dashed verticals at the approval rates of the model threshold and of the recommended
 * cut-off, each labelled on its own line (so two close cut-offs never overlap), on the side
 * of the line with room.
 */
function cutoffMarkers(doc: Doc, plot: Plot, s: StrategyResult): void {
  const marks: [number, string, string][] = [
    [s.atModelThreshold.approvalRate, COLOR.muted, `threshold ${pct(s.modelThreshold)}`]
  ]
  const rec = s.recommended?.point
  if (rec) marks.push([rec.approvalRate, COLOR.good, `recommended ${pct(rec.cutoff)}`])
  marks.forEach(([x, color, text], i) => {
    markerLine(doc, plot, x, color)
    const px = plot.px(x)
    style(doc, { size: 6.5 })
    const w = doc.widthOfString(text)
    const left = px + 3 + w < plot.area.x + plot.area.w ? px + 3 : px - 3 - w
    const top = plot.area.y + 3 + 9 * i
    // A white backing keeps the label legible where it crosses the other line or a curve.
    doc
      .save()
      .rect(left - 1, top - 1, w + 2, 8.5)
      .fill('#ffffff')
      .restore()
    label(doc, text, left, top, { size: 6.5, color })
  })
}
