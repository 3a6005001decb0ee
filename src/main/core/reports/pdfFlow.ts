import type { Box } from './pdfCharts'
import {
  COLOR,
  CONTENT_WIDTH,
  PAGE,
  label,
  paragraph,
  rule,
  table,
  textHeight,
  type Doc,
  type TableColumn,
  type TextStyle
} from './pdfKit'

/**
 * Page layout for the committee reports (evaluation report, validation pack): a cursor that
 * flows blocks down the pages (headings, paragraphs, tables, rows of captioned charts, a
 * two-column key/value grid and the committee's signature lines).
 */

/** A chart with its caption under it. */
export interface Panel {
  draw: (box: Box) => void
  caption: string
}

/** The style of a chart's caption. */
export const CAPTION: TextStyle = { size: 7.5, color: COLOR.muted }

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

  /** The document's title and, under it, what it is about and (a muted line) whom it is for and when. */
  title(text: string, subject: string, byline?: string): void {
    label(this.doc, text, PAGE.left, this.y, { size: 18, weight: 'bold' })
    this.y += 24
    label(
      this.doc,
      subject,
      PAGE.left,
      this.y,
      { size: 11, color: COLOR.accent },
      { maxWidth: CONTENT_WIDTH }
    )
    this.y += 15
    if (byline === undefined) return
    label(this.doc, byline, PAGE.left, this.y, { size: 8.5, color: COLOR.muted }, { maxWidth: CONTENT_WIDTH })
    this.y += 16
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

  /** One paragraph per item, each with a bullet. */
  bullets(items: readonly string[], s: TextStyle, gap = 3): void {
    for (const item of items) this.paragraph(`•  ${item}`, s, gap)
  }

  /** A table across the page, its first column bold; on a new page when it does not fit. */
  table(columns: TableColumn[], rows: string[][], size = 8): void {
    this.ensure(table(this.doc, PAGE.left, 0, columns, rows, { draw: false, size }))
    this.y += table(this.doc, PAGE.left, this.y, columns, rows, { size, boldFirstColumn: true }) + 8
  }

  /** Two columns of "label  value" pairs. */
  keyValues(pairs: [string, string][]): void {
    const colW = (CONTENT_WIDTH - 16) / 2
    const keyW = 100
    const rowH = 13
    const rows = Math.ceil(pairs.length / 2)
    this.ensure(rows * rowH)
    pairs.forEach(([key, value], i) => {
      const col = i < rows ? 0 : 1
      const row = i < rows ? i : i - rows
      const x = PAGE.left + col * (colW + 16)
      const y = this.y + row * rowH
      label(this.doc, key, x, y, { size: 8.5, color: COLOR.muted }, { maxWidth: keyW - 4 })
      label(this.doc, value, x + keyW, y, { size: 8.5 }, { maxWidth: colW - keyW })
    })
    this.y += rows * rowH + 4
  }

  /** Charts `chartHeight` high side by side in one row, each with its caption (a new page when the row does not fit). */
  panels(chartHeight: number, panels: Panel[]): void {
    const gap = 20
    const w = (CONTENT_WIDTH - gap * (panels.length - 1)) / panels.length
    const captionH = Math.max(...panels.map((p) => textHeight(this.doc, p.caption, w, CAPTION)))
    this.ensure(chartHeight + captionH + 6)
    panels.forEach((p, i) => {
      const x = PAGE.left + i * (w + gap)
      p.draw({ x, y: this.y, w, h: chartHeight })
      paragraph(this.doc, p.caption, x, this.y + chartHeight + 3, w, CAPTION)
    })
    this.y += chartHeight + captionH + 18
  }

  /** The committee's sign-off: name, signature and date lines. */
  signatures(): void {
    this.ensure(60)
    label(this.doc, 'Reviewed by the risk committee', PAGE.left, this.y, { size: 8.5, weight: 'bold' })
    this.y += 30
    const w = (CONTENT_WIDTH - 40) / 3
    for (const [i, caption] of ['Name and designation', 'Signature', 'Date'].entries()) {
      const x = PAGE.left + i * (w + 20)
      rule(this.doc, x, this.y, w, COLOR.muted)
      label(this.doc, caption, x, this.y + 3, { size: 7.5, color: COLOR.muted })
    }
    this.y += 16
  }
}
