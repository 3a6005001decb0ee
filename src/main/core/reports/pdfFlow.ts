import type { Box } from './pdfCharts'
import {
  COLOR,
  CONTENT_WIDTH,
  PAGE,
  label,
  paragraph,
  rule,
  textHeight,
  type Doc,
  type TextStyle
} from './pdfKit'

/**
 * Page layout for the PDF reports: a cursor that flows blocks down the pages, rows of
 * captioned charts, a two-column key/value grid and the committee's signature lines.
 */

/** A top-to-bottom cursor over the pages: blocks ask for their height and go to a new page when it does not fit. */
export class Flow {
  y = PAGE.top

  constructor(private readonly doc: Doc) {}

  get bottom(): number {
    return PAGE.height - PAGE.bottom
  }

  /** Starts a new page unless `height` fits below the cursor. */
  ensure(height: number): void {
    if (this.y + height > this.bottom) {
      this.doc.addPage()
      this.y = PAGE.top
    }
  }

  /** A section heading with a rule, kept on the page with the first `following` points of its section. */
  heading(text: string, following: number): void {
    this.ensure(24 + following)
    if (this.y > PAGE.top) this.y += 8
    label(this.doc, text, PAGE.left, this.y, { size: 12, weight: 'bold', color: COLOR.accent })
    this.y += 16
    rule(this.doc, PAGE.left, this.y, CONTENT_WIDTH, COLOR.accent, 0.8)
    this.y += 7
  }

  /** Wrapped text across the content width, on a new page when it does not fit. */
  paragraph(text: string, s: TextStyle = { size: 9 }, gap = 6): void {
    const h = textHeight(this.doc, text, CONTENT_WIDTH, s)
    this.ensure(h)
    paragraph(this.doc, text, PAGE.left, this.y, CONTENT_WIDTH, s)
    this.y += h + gap
  }
}

/** Two columns of "label  value" pairs. */
export function keyValueGrid(doc: Doc, flow: Flow, pairs: [string, string][]): void {
  const colW = (CONTENT_WIDTH - 16) / 2
  const keyW = 100
  const rowH = 13
  const rows = Math.ceil(pairs.length / 2)
  flow.ensure(rows * rowH)
  pairs.forEach(([key, value], i) => {
    const col = i < rows ? 0 : 1
    const row = i < rows ? i : i - rows
    const x = PAGE.left + col * (colW + 16)
    const y = flow.y + row * rowH
    label(doc, key, x, y, { size: 8.5, color: COLOR.muted }, { maxWidth: keyW - 4 })
    label(doc, value, x + keyW, y, { size: 8.5 }, { maxWidth: colW - keyW })
  })
  flow.y += rows * rowH + 4
}

/** A chart with its caption under it. */
export interface Panel {
  draw: (box: Box) => void
  caption: string
}

/** The style of a chart's caption. */
export const CAPTION: TextStyle = { size: 7.5, color: COLOR.muted }

/** Panels side by side in one row (a new page when the row does not fit). */
export function panelRow(doc: Doc, flow: Flow, panels: Panel[], chartHeight: number): void {
  const gap = 20
  const w = (CONTENT_WIDTH - gap * (panels.length - 1)) / panels.length
  const captionH = Math.max(...panels.map((p) => textHeight(doc, p.caption, w, CAPTION)))
  flow.ensure(chartHeight + captionH + 6)
  panels.forEach((p, i) => {
    const x = PAGE.left + i * (w + gap)
    p.draw({ x, y: flow.y, w, h: chartHeight })
    paragraph(doc, p.caption, x, flow.y + chartHeight + 3, w, CAPTION)
  })
  flow.y += chartHeight + captionH + 18
}

/** The committee's sign-off: name, signature and date lines. */
export function signatureBlock(doc: Doc, flow: Flow): void {
  flow.ensure(60)
  label(doc, 'Reviewed by the risk committee', PAGE.left, flow.y, { size: 8.5, weight: 'bold' })
  flow.y += 30
  const w = (CONTENT_WIDTH - 40) / 3
  for (const [i, caption] of ['Name and designation', 'Signature', 'Date'].entries()) {
    const x = PAGE.left + i * (w + 20)
    rule(doc, x, flow.y, w, COLOR.muted)
    label(doc, caption, x, flow.y + 3, { size: 7.5, color: COLOR.muted })
  }
  flow.y += 16
}
