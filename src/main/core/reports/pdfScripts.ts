import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'

/**
 * Text in Latin and Devanagari on one line. The PDF's standard fonts have neither ₹ nor
 * any Indic script, and no single shipped font covers both scripts (Noto Sans has no
 * Devanagari, Noto Sans Devanagari no Latin letters), so a document drawn with the embedded
 * fonts (resources/fonts) cuts every line into runs of one script and draws each run in
 * its font; fontkit then shapes each Devanagari run (conjuncts, reph, pre-base matras) on
 * its own, as it must see one script at a time.
 */

/** The structural part of a pdfkit document this module needs. */
interface FontDoc {
  registerFont(name: string, src: string): unknown
  font(name: string): unknown
  widthOfString(text: string): number
  text(text: string, x: number, y: number, options: { lineBreak: boolean; baseline: 'alphabetic' }): unknown
}

/**
 * The fonts' vertical metrics in em (hhea, read with fontkit): Noto Sans rises 1.069 above
 * its baseline and drops 0.293; Noto Sans Devanagari rises 0.896 and drops 0.408 (its
 * vowel signs hang lower). Runs of both scripts share one baseline, where Noto Sans alone
 * would put it, so Latin text sits as it would without Devanagari beside it.
 */
const LATIN_ASCENT = 1.069
const LATIN_DESCENT = 0.293
const DEVA_DESCENT = 0.408

export type Weight = 'regular' | 'bold'
export type Script = 'latin' | 'deva'

const FILES: Record<Script, Record<Weight, string>> = {
  latin: { regular: 'NotoSans-Regular.ttf', bold: 'NotoSans-Bold.ttf' },
  deva: { regular: 'NotoSansDevanagari-Regular.ttf', bold: 'NotoSansDevanagari-Bold.ttf' }
}

let fontFolder: string | undefined

/**
 * resources/fonts, found from this module upwards: the sources (tests), out/main and
 * out/cli (built), and app.asar in a package all have it two to five folders up.
 */
export function fontDir(): string {
  if (fontFolder) return fontFolder
  let dir = __dirname
  for (let up = 0; up < 8; up++) {
    const candidate = join(dir, 'resources', 'fonts')
    if (existsSync(join(candidate, FILES.latin.regular))) return (fontFolder = candidate)
    dir = dirname(dir)
  }
  throw new Error(`the PDF fonts (resources/fonts/${FILES.latin.regular}) are missing from the installation`)
}

/** The registered name of a script's font in a weight. */
export function fontName(script: Script, weight: Weight): string {
  return `${script}-${weight}`
}

/** Registers the four embedded fonts on a document. */
export function registerScriptFonts(doc: FontDoc): void {
  const dir = fontDir()
  for (const script of ['latin', 'deva'] as const)
    for (const weight of ['regular', 'bold'] as const)
      doc.registerFont(fontName(script, weight), join(dir, FILES[script][weight]))
}

/** Devanagari, its extensions, and the joiners that shape its conjuncts. */
function isDevanagari(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0
  return (
    (c >= 0x900 && c <= 0x97f) ||
    (c >= 0xa8e0 && c <= 0xa8ff) ||
    (c >= 0x1cd0 && c <= 0x1cff) ||
    c === 0x200c ||
    c === 0x200d
  )
}
/** Characters both fonts draw: they stay in the run they stand in. */
const SHARED = /[0-9\s,.:;()\-–—"'/%₹…!?]/

/** Characters neither font has, spelled with ones they have. */
const SPELLED: Record<string, string> = {
  '−': '-',
  '≥': '>=',
  '≤': '<=',
  '→': '->',
  '←': '<-',
  '≈': '~',
  '✓': 'v',
  '\u2009': ' ',
  '\u202f': ' ',
  '\t': ' ',
  '\n': ' ',
  '\r': ' '
}

/** Text with the characters neither embedded font has spelled out. */
export function drawableText(text: string): string {
  let out = ''
  for (const ch of text) out += SPELLED[ch] ?? ch
  return out
}

/** A line cut into runs of one script each (shared characters join the run they stand in). */
export function scriptRuns(text: string): { text: string; script: Script }[] {
  const runs: { text: string; script: Script }[] = []
  for (const ch of text) {
    const script: Script | null = isDevanagari(ch) ? 'deva' : SHARED.test(ch) ? null : 'latin'
    const last = runs[runs.length - 1]
    if (last && (script === null || script === last.script)) last.text += ch
    else runs.push({ text: ch, script: script ?? 'latin' })
  }
  // A leading run of shared characters takes the script of what follows it.
  if (runs.length > 1 && [...runs[0].text].every((c) => SHARED.test(c))) {
    runs[1].text = runs[0].text + runs[1].text
    runs.shift()
  }
  return runs
}

/** Width of a line drawn in runs. */
export function runsWidth(doc: FontDoc, text: string, weight: Weight): number {
  let width = 0
  for (const run of scriptRuns(text)) {
    doc.font(fontName(run.script, weight))
    width += doc.widthOfString(run.text)
  }
  doc.font(fontName('latin', weight))
  return width
}

/** Draws a line in runs with its top at y (all runs on one baseline); returns its width. */
export function drawRuns(
  doc: FontDoc,
  text: string,
  x: number,
  y: number,
  weight: Weight,
  size: number
): number {
  let at = x
  const baseline = y + LATIN_ASCENT * size
  for (const run of scriptRuns(text)) {
    doc.font(fontName(run.script, weight))
    doc.text(run.text, at, baseline, { lineBreak: false, baseline: 'alphabetic' })
    at += doc.widthOfString(run.text)
  }
  doc.font(fontName('latin', weight))
  return at - x
}

/** The height of a line of `text` at `size`: deeper when it holds Devanagari, whose vowel signs hang lower. */
export function runsLineHeight(text: string, size: number): number {
  return (LATIN_ASCENT + ([...text].some(isDevanagari) ? DEVA_DESCENT : LATIN_DESCENT)) * size
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' })

/** The user-perceived characters of a text: a Devanagari cluster is never cut in two. */
export function splitGraphemes(text: string): string[] {
  return [...graphemes.segment(text)].map((s) => s.segment)
}

/** Greedy line breaking at spaces within `width` (a word wider than the line is cut by graphemes). */
export function wrapRuns(doc: FontDoc, text: string, width: number, weight: Weight): string[] {
  const lines: string[] = []
  let line = ''
  const fits = (s: string): boolean => runsWidth(doc, s, weight) <= width
  for (const word of text.split(/ +/)) {
    if (word === '') continue
    const candidate = line ? `${line} ${word}` : word
    if (fits(candidate)) {
      line = candidate
      continue
    }
    if (line) lines.push(line)
    if (fits(word)) {
      line = word
      continue
    }
    // A word longer than the line: as many graphemes as fit, line after line.
    let piece = ''
    for (const g of splitGraphemes(word)) {
      if (piece && !fits(piece + g)) {
        lines.push(piece)
        piece = ''
      }
      piece += g
    }
    line = piece
  }
  if (line) lines.push(line)
  return lines
}
