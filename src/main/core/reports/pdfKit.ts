import PDFDocument from 'pdfkit'
import { checkOutputPath, writeOutput, type ProtectedPath } from '../base/outputFile'
import {
  drawableText,
  drawRuns,
  fontName,
  registerScriptFonts,
  runsLineHeight,
  runsWidth,
  splitGraphemes,
  wrapRuns,
  type Weight
} from './pdfScripts'

/**
 * The small PDF toolkit the reports share (evaluationReport.ts, decisionSheet.ts): A4
 * page geometry and colours, text the standard fonts can show, labels, paragraphs, rules,
 * tables, number formats, page footers, and writing a PDF file all or nothing.
 */

export type Doc = PDFKit.PDFDocument

/** A4 in points, and the margins every page keeps; the footer lives inside the bottom margin. */
export const PAGE = { width: 595.28, height: 841.89, left: 50, right: 50, top: 48, bottom: 64 }
export const CONTENT_WIDTH = PAGE.width - PAGE.left - PAGE.right

export const COLOR = {
  ink: '#1b1f24',
  muted: '#5b6470',
  rule: '#c3c9d2',
  grid: '#e4e7ec',
  panel: '#f3f5f8',
  accent: '#1f4e8c',
  defaulter: '#c0392b',
  repayer: '#2e6da4',
  good: '#1e7b45',
  bad: '#b3261e',
  chance: '#8a929c'
}

export type FontWeight = 'regular' | 'bold' | 'italic'
const FONT: Record<FontWeight, string> = {
  regular: 'Helvetica',
  bold: 'Helvetica-Bold',
  italic: 'Helvetica-Oblique'
}

export interface TextStyle {
  size: number
  weight?: FontWeight
  color?: string
}

/**
 * Documents drawn with the embedded fonts (₹ and Hindi, see pdfScripts.ts): their text is
 * drawn in script runs; every other document uses the standard Helvetica.
 */
const SCRIPT_DOCS = new WeakSet<Doc>()

const scriptWeight = (s: TextStyle): Weight => (s.weight === 'bold' ? 'bold' : 'regular')

/** Sets font, size and colour in one call. */
export function style(doc: Doc, s: TextStyle): Doc {
  const font = SCRIPT_DOCS.has(doc) ? fontName('latin', scriptWeight(s)) : FONT[s.weight ?? 'regular']
  return doc
    .font(font)
    .fontSize(s.size)
    .fillColor(s.color ?? COLOR.ink)
}

/** Text as the document can draw it: spelled for the standard fonts, nearly as given for the embedded ones. */
function docText(doc: Doc, text: string): string {
  return SCRIPT_DOCS.has(doc) ? drawableText(text) : pdfText(text)
}

/** Width of a line in the current style (script runs in a document with the embedded fonts). */
function lineWidth(doc: Doc, text: string, weight: Weight): number {
  return SCRIPT_DOCS.has(doc) ? runsWidth(doc, text, weight) : doc.widthOfString(text)
}

/** The characters beyond Latin-1 that the standard fonts' WinAnsi encoding has. */
const WIN_ANSI_EXTRA = new Set([...'€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ'])
const REPLACEMENTS: Record<string, string> = {
  '₹': 'Rs.',
  '≥': '>=',
  '≤': '<=',
  '−': '-',
  '→': '->',
  '←': '<-',
  '≈': '~',
  Σ: 'sum of',
  χ: 'chi',
  '\u2009': ' ',
  '\u202f': ' '
}

/**
 * Text the PDF's standard fonts can show. Helvetica's WinAnsi encoding has no ₹ and no
 * Indic scripts: known symbols are spelled out ("Rs."), line breaks and tabs become
 * spaces, and a run of any other characters becomes one "?" rather than garbled glyphs.
 */
export function pdfText(value: string): string {
  let out = ''
  let unknownRun = false
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 0
    let mapped: string | undefined
    if ((code >= 32 && code <= 126) || (code >= 160 && code <= 255) || WIN_ANSI_EXTRA.has(ch)) mapped = ch
    else if (code === 9 || code === 10 || code === 13) mapped = ' '
    else mapped = REPLACEMENTS[ch]
    if (mapped === undefined) {
      if (!unknownRun) out += '?'
      unknownRun = true
    } else {
      out += mapped
      unknownRun = false
    }
  }
  // A number never parts from its % sign, nor an amount from its "Rs.", across a line break.
  return out.replace(/(\d) %/g, '$1\u00a0%').replace(/Rs\. (?=\d)/g, 'Rs.\u00a0')
}

/**
 * `text` cut with an ellipsis so that it is at most `maxWidth` wide in the current font:
 * at the end, or in the middle for names whose ends tell them apart (Feature_12_x).
 */
export function fitText(
  doc: Doc,
  text: string,
  maxWidth: number,
  cut: 'end' | 'middle' = 'end',
  weight: Weight = 'regular'
): string {
  if (lineWidth(doc, text, weight) <= maxWidth) return text
  // Cut between user-perceived characters: a Devanagari cluster is never split.
  const parts = splitGraphemes(text)
  const shorten = (keep: number): string => {
    if (cut === 'end') return parts.slice(0, keep).join('').trimEnd() + '…'
    const tail = Math.floor(keep / 2)
    return parts.slice(0, keep - tail).join('') + '…' + parts.slice(parts.length - tail).join('')
  }
  // The longest kept length that fits, by bisection (width grows with the length kept).
  let lo = 0
  let hi = parts.length
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (lineWidth(doc, shorten(mid), weight) <= maxWidth) lo = mid
    else hi = mid - 1
  }
  return shorten(lo)
}

/**
 * One line of text at (x, y), aligned on x ('right': x is the right edge; 'center': the
 * middle), never wrapped and never starting a page; cut with an ellipsis beyond maxWidth.
 * Returns the width drawn.
 */
export function label(
  doc: Doc,
  text: string,
  x: number,
  y: number,
  s: TextStyle,
  options: { align?: 'left' | 'right' | 'center'; maxWidth?: number; cut?: 'end' | 'middle' } = {}
): number {
  style(doc, s)
  const weight = scriptWeight(s)
  let line = docText(doc, text)
  if (options.maxWidth !== undefined) line = fitText(doc, line, options.maxWidth, options.cut, weight)
  const width = lineWidth(doc, line, weight)
  const left = options.align === 'right' ? x - width : options.align === 'center' ? x - width / 2 : x
  if (SCRIPT_DOCS.has(doc)) drawRuns(doc, line, left, y, weight, s.size)
  else doc.text(line, left, y, { lineBreak: false })
  return width
}

/** Height of wrapped text at a width, in the given style. */
export function textHeight(doc: Doc, text: string, width: number, s: TextStyle, lineGap = 1.5): number {
  style(doc, s)
  if (SCRIPT_DOCS.has(doc)) {
    const clean = docText(doc, text)
    return wrapRuns(doc, clean, width, scriptWeight(s)).length * (runsLineHeight(clean, s.size) + lineGap)
  }
  return doc.heightOfString(pdfText(text), { width, lineGap })
}

/**
 * Wrapped text in a box; it never spills past `maxHeight` (the rest is cut with an
 * ellipsis) and never starts a page. Returns the height used.
 */
export function paragraph(
  doc: Doc,
  text: string,
  x: number,
  y: number,
  width: number,
  s: TextStyle,
  options: { maxHeight?: number; lineGap?: number; align?: 'left' | 'justify' } = {}
): number {
  const lineGap = options.lineGap ?? 1.5
  style(doc, s)
  if (SCRIPT_DOCS.has(doc)) {
    // Embedded fonts: lines are broken here and each is drawn in script runs.
    const weight = scriptWeight(s)
    const clean = drawableText(text)
    const step = runsLineHeight(clean, s.size) + lineGap
    const lines = wrapRuns(doc, clean, width, weight)
    const room =
      options.maxHeight === undefined
        ? lines.length
        : Math.max(1, Math.floor((options.maxHeight + lineGap) / step))
    const shown = lines.slice(0, room)
    if (shown.length < lines.length)
      shown[shown.length - 1] = fitText(
        doc,
        `${shown[shown.length - 1]} ${lines[room]}`,
        width,
        'end',
        weight
      )
    shown.forEach((line, i) => drawRuns(doc, line, x, y + i * step, weight, s.size))
    return shown.length * step
  }
  const clean = pdfText(text)
  const natural = doc.heightOfString(clean, { width, lineGap })
  const height = Math.min(natural, options.maxHeight ?? natural)
  // An explicit height keeps pdfkit's line wrapper from ever adding a page.
  doc.text(clean, x, y, { width, height: height + 0.5, lineGap, ellipsis: true, align: options.align })
  return height
}

/** A thin horizontal rule. */
export function rule(
  doc: Doc,
  x: number,
  y: number,
  width: number,
  color = COLOR.rule,
  lineWidth = 0.6
): void {
  doc
    .save()
    .moveTo(x, y)
    .lineTo(x + width, y)
    .lineWidth(lineWidth)
    .strokeColor(color)
    .stroke()
    .restore()
}

/** A share as a percentage: "22.8 %". */
export function pct(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '-'
  return `${(value * 100).toFixed(digits)} %`
}

/** A number grouped the Indian way (12,34,567.5), '-' when missing. */
export function num(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '-'
  return value.toLocaleString('en-IN', { maximumFractionDigits: digits })
}

/** A fixed-decimals figure (0.756), '-' when missing. */
export function fixed(value: number | null | undefined, digits = 3): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '-'
  return value.toFixed(digits)
}

/**
 * An ISO time as a branch in India reads it: "24 Nov 2026, 07:26 IST" (in Latin digits,
 * whatever the locale: 'hi-IN' gives Hindi month names). The workbench serves Indian
 * branches, so the filed document states Indian time whatever the machine's time zone.
 */
export function formatDateTime(iso: string, locale: 'en-IN' | 'hi-IN' = 'en-IN'): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  const text = date.toLocaleString(locale, {
    timeZone: 'Asia/Kolkata',
    day: '2-digit',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    numberingSystem: 'latn'
  })
  return `${text} IST`
}

/**
 * Draws the footer of every buffered page: a rule, `left` and "Page i of n" on the first
 * line, `second` under it. Needs a document created with bufferPages.
 */
export function drawFooters(
  doc: Doc,
  left: string,
  second: string,
  pageLabelOf: (page: number, pages: number) => string = (page, pages) => `Page ${page} of ${pages}`
): void {
  const range = doc.bufferedPageRange()
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i)
    const y = PAGE.height - PAGE.bottom + 18
    rule(doc, PAGE.left, y - 6, CONTENT_WIDTH)
    const pageLabel = pageLabelOf(i - range.start + 1, range.count)
    style(doc, { size: 7.5 })
    const pageWidth = lineWidth(doc, docText(doc, pageLabel), 'regular')
    label(
      doc,
      left,
      PAGE.left,
      y,
      { size: 7.5, color: COLOR.muted },
      { maxWidth: CONTENT_WIDTH - pageWidth - 20 }
    )
    label(doc, pageLabel, PAGE.left + CONTENT_WIDTH, y, { size: 7.5, color: COLOR.muted }, { align: 'right' })
    label(doc, second, PAGE.left, y + 11, { size: 7.5, color: COLOR.muted }, { maxWidth: CONTENT_WIDTH })
  }
}

/**
 * Draws a PDF and writes it to `path` all or nothing (core/base/outputFile): the document
 * is drawn in memory (a report is a few hundred kB), then written to a temporary file
 * renamed over `path` only once complete; a failure while drawing or writing never leaves a
 * truncated PDF nor clobbers an earlier one, and `protect` lists files it must never replace.
 */
export async function writePdfFile(
  path: string,
  meta: { title: string; subject: string; createdAt: string; embedFonts?: boolean },
  draw: (doc: Doc) => void,
  protect: readonly ProtectedPath[] = []
): Promise<void> {
  const options = { protect, what: 'PDF' }
  // Refused before drawing: a wrong path costs nothing.
  await checkOutputPath(path, options)
  const created = new Date(meta.createdAt)
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
    bufferPages: true,
    info: {
      Title: meta.embedFonts ? meta.title : pdfText(meta.title),
      Subject: meta.embedFonts ? meta.subject : pdfText(meta.subject),
      Author: 'Loan Default Workbench',
      Creator: 'Loan Default Workbench',
      CreationDate: Number.isNaN(created.getTime()) ? new Date() : created
    }
  })
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const ended = new Promise<void>((resolve, reject) => {
    doc.once('end', resolve)
    doc.once('error', reject)
  })
  if (meta.embedFonts) {
    registerScriptFonts(doc)
    SCRIPT_DOCS.add(doc)
  }
  draw(doc)
  doc.end()
  await ended
  await writeOutput(path, options, (out) => out.write(Buffer.concat(chunks)))
}

export interface TableColumn {
  header: string
  width: number
  align?: 'left' | 'right'
}

/**
 * A table with a header row; cells wrap within their column and each row is as tall as
 * its tallest cell. Returns its height (measure first with `draw: false`).
 */
export function table(
  doc: Doc,
  x: number,
  y: number,
  columns: TableColumn[],
  rows: string[][],
  options: { size?: number; draw?: boolean; boldFirstColumn?: boolean; emphasise?: number[] } = {}
): number {
  const size = options.size ?? 8.5
  const pad = 4
  const draw = options.draw ?? true
  const width = columns.reduce((s, c) => s + c.width, 0)
  const rowHeight = (cells: string[], weight: (i: number) => FontWeight): number =>
    Math.max(
      ...cells.map(
        (cell, i) =>
          textHeight(doc, cell, columns[i].width - 2 * pad, { size, weight: weight(i) }, 1) + 2 * pad
      )
    )
  const headerHeight = rowHeight(
    columns.map((c) => c.header),
    () => 'bold'
  )
  const bodyWeight =
    (r: number) =>
    (i: number): FontWeight =>
      options.emphasise?.includes(r) || (i === 0 && options.boldFirstColumn) ? 'bold' : 'regular'
  const heights = rows.map((cells, r) => rowHeight(cells, bodyWeight(r)))
  const total = headerHeight + heights.reduce((s, h) => s + h, 0)
  if (!draw) return total

  const drawRow = (cells: string[], top: number, h: number, weight: (i: number) => FontWeight): void => {
    let left = x
    cells.forEach((cell, i) => {
      const col = columns[i]
      style(doc, { size, weight: weight(i) })
      doc.text(pdfText(cell), left + pad, top + pad, {
        width: col.width - 2 * pad,
        height: h,
        lineGap: 1,
        align: col.align ?? 'left'
      })
      left += col.width
    })
  }
  doc.save().rect(x, y, width, headerHeight).fill(COLOR.panel).restore()
  drawRow(
    columns.map((c) => c.header),
    y,
    headerHeight,
    () => 'bold'
  )
  let top = y + headerHeight
  rule(doc, x, top, width, COLOR.muted, 0.8)
  rows.forEach((cells, r) => {
    drawRow(cells, top, heights[r], bodyWeight(r))
    top += heights[r]
    rule(doc, x, top, width, COLOR.grid)
  })
  return total
}
