import { COLOR, label, type Doc } from './pdfKit'

/**
 * Vector charts for the PDF reports (evaluationReport.ts, validationReport.ts): a frame with
 * title, grid, ticks, axis labels and legend, and line series drawn inside it.
 */

/** A rectangle on the page. */
export interface Box {
  x: number
  y: number
  w: number
  h: number
}

/** One axis: label, range, ticks and how a tick reads. */
export interface Axis {
  label: string
  min: number
  max: number
  ticks: number[]
  format: (v: number) => string
}

/** A polyline series, straight or stepped. */
export interface LineSeries {
  xs: ArrayLike<number>
  ys: ArrayLike<number>
  color: string
  label: string
  width?: number
  dash?: boolean
  /**
   * 'post': hold y until the next x (matplotlib's "steps-post", sklearn's precision-recall
   * plot); 'pre': jump to the next y right after x (a CDF of "share strictly below x").
   */
  steps?: 'pre' | 'post'
  markers?: boolean
}

/** One legend entry. */
export interface LegendItem {
  label: string
  color: string
  kind: 'line' | 'dash' | 'box'
}

/** Plot area of a chart and the maps from data to page coordinates. */
export interface Plot {
  area: Box
  px: (v: number) => number
  py: (v: number) => number
}

/** Heights reserved in a chart box for the title, the x axis with its legend, and the y labels. */
export const CHART_TITLE = 16
export const CHART_BOTTOM = 40
export const CHART_LEFT = 40

/** Ticks of an axis over [0, 1]. */
export const unitTicks = [0, 0.2, 0.4, 0.6, 0.8, 1]
/** A tick as a share: 0, 0.2, …, 1. */
export const share = (v: number): string => (v === 0 ? '0' : v === 1 ? '1' : v.toFixed(1))
/** A tick as a percentage: 20 %. */
export const percentTick = (v: number): string => `${Math.round(v * 100)} %`

/** Evenly spaced round ticks from 0 (or min) covering max. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  const span = max - min
  if (!(span > 0)) return [min, min + 1]
  const raw = span / count
  const magnitude = 10 ** Math.floor(Math.log10(raw))
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw
  const first = Math.floor(min / step) * step
  const ticks: number[] = []
  for (let t = first; t <= max + step * 0.999; t += step) ticks.push(Number(t.toPrecision(12)))
  return ticks
}

/** An axis over its ticks, from the first to the last. */
export function tickedAxis(label: string, ticks: number[], format: (v: number) => string): Axis {
  return { label, min: ticks[0], max: ticks[ticks.length - 1], ticks, format }
}

/** Draws a chart's title, grid, ticks, axis labels and legend; returns the plot area. */
export function chartFrame(
  doc: Doc,
  box: Box,
  title: string,
  xAxis: Axis,
  yAxis: Axis,
  legend: LegendItem[]
): Plot {
  const area: Box = {
    x: box.x + CHART_LEFT,
    y: box.y + CHART_TITLE + 4,
    w: box.w - CHART_LEFT - 8,
    h: box.h - CHART_TITLE - 4 - CHART_BOTTOM
  }
  const px = (v: number): number => area.x + ((v - xAxis.min) / (xAxis.max - xAxis.min)) * area.w
  const py = (v: number): number => area.y + area.h - ((v - yAxis.min) / (yAxis.max - yAxis.min)) * area.h
  label(doc, title, box.x, box.y, { size: 9.5, weight: 'bold' }, { maxWidth: box.w })

  doc.save().lineWidth(0.5).strokeColor(COLOR.grid)
  for (const t of xAxis.ticks) doc.moveTo(px(t), area.y).lineTo(px(t), area.y + area.h)
  for (const t of yAxis.ticks) doc.moveTo(area.x, py(t)).lineTo(area.x + area.w, py(t))
  doc.stroke().restore()
  doc.save().lineWidth(0.8).strokeColor(COLOR.muted).rect(area.x, area.y, area.w, area.h).stroke().restore()

  const tick = { size: 7, color: COLOR.muted }
  for (const t of xAxis.ticks)
    label(doc, xAxis.format(t), px(t), area.y + area.h + 5, tick, { align: 'center' })
  for (const t of yAxis.ticks) label(doc, yAxis.format(t), area.x - 5, py(t) - 3, tick, { align: 'right' })
  label(doc, xAxis.label, area.x + area.w / 2, area.y + area.h + 13, { size: 7.5 }, { align: 'center' })
  // The y label reads bottom to top, left of the tick labels.
  doc.save()
  doc.rotate(-90, { origin: [box.x + 2, area.y + area.h / 2] })
  label(
    doc,
    yAxis.label,
    box.x + 2,
    area.y + area.h / 2,
    { size: 7.5 },
    { align: 'center', maxWidth: area.h }
  )
  doc.restore()

  let lx = area.x
  const ly = area.y + area.h + 26
  for (const item of legend) {
    doc.save()
    if (item.kind === 'box') doc.rect(lx, ly + 1, 8, 6).fill(item.color)
    else {
      doc
        .moveTo(lx, ly + 4)
        .lineTo(lx + 14, ly + 4)
        .lineWidth(1.4)
        .strokeColor(item.color)
      if (item.kind === 'dash') doc.dash(3, { space: 2 })
      doc.stroke()
    }
    doc.restore()
    const offset = item.kind === 'box' ? 11 : 17
    lx += offset + label(doc, item.label, lx + offset, ly, { size: 7 }) + 10
  }
  return { area, px, py }
}

/** Strokes series inside the plot area (clipped to it). */
export function drawLines(doc: Doc, plot: Plot, series: LineSeries[]): void {
  const { area, px, py } = plot
  doc.save()
  // A little room around the plot so that markers on its edges are drawn whole.
  doc.rect(area.x - 3, area.y - 3, area.w + 6, area.h + 6).clip()
  for (const s of series) {
    const n = Math.min(s.xs.length, s.ys.length)
    if (n === 0) continue
    doc
      .save()
      .lineWidth(s.width ?? 1.4)
      .strokeColor(s.color)
      .lineJoin('round')
    if (s.dash) doc.dash(4, { space: 3 })
    doc.moveTo(px(s.xs[0]), py(s.ys[0]))
    for (let i = 1; i < n; i++) {
      if (s.steps === 'post') doc.lineTo(px(s.xs[i]), py(s.ys[i - 1]))
      if (s.steps === 'pre') doc.lineTo(px(s.xs[i - 1]), py(s.ys[i]))
      doc.lineTo(px(s.xs[i]), py(s.ys[i]))
    }
    doc.stroke()
    if (s.markers) {
      doc.fillColor(s.color)
      for (let i = 0; i < n; i++) doc.circle(px(s.xs[i]), py(s.ys[i]), 2).fill()
    }
    doc.restore()
  }
  doc.restore()
}

/** A dashed vertical line across the plot area at data value `x` (a threshold, a cut-off). */
export function markerLine(doc: Doc, plot: Plot, x: number, color: string): void {
  const px = plot.px(x)
  doc
    .save()
    .moveTo(px, plot.area.y)
    .lineTo(px, plot.area.y + plot.area.h)
    .lineWidth(1)
    .dash(3, { space: 2 })
    .strokeColor(color)
    .stroke()
    .restore()
}
