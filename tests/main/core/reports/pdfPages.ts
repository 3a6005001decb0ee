import { readFileSync } from 'node:fs'
import { inflateSync } from 'node:zlib'

/** Reading back the text of the PDFs our reports write, for their tests. */

/** Bytes 0x80–0x9F of WinAnsi (Windows-1252); the rest of the encoding is Latin-1. */
const WIN_ANSI_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'
const winAnsi = (bytes: Buffer): string =>
  String.fromCharCode(...bytes).replace(/[\u0080-\u009f]/g, (c) => WIN_ANSI_HIGH[c.charCodeAt(0) - 0x80])

/** The bytes of every stream of a PDF by object number, inflated when compressed. */
function streams(raw: string): Map<number, string> {
  const out = new Map<number, string>()
  // Each stream is read by the /Length of its dictionary: compressed bytes may themselves end
  // in a line break, which a search for "endstream" would cut off and break the inflating.
  for (const m of raw.matchAll(
    /(\d+) 0 obj\s*<<((?:(?!endobj)[\s\S])*?)\/Length (\d+)[^>]*>>\s*stream\r?\n/g
  )) {
    const start = m.index + m[0].length
    const bytes = Buffer.from(raw.slice(start, start + Number(m[3])), 'latin1')
    let content: string
    try {
      content = inflateSync(bytes).toString('latin1')
    } catch {
      content = bytes.toString('latin1')
    }
    out.set(Number(m[1]), content)
  }
  return out
}

/** A ToUnicode CMap as glyph id → text (bfchar entries and bfrange entries of both forms). */
function readCmap(cmap: string): Map<number, string> {
  const map = new Map<number, string>()
  // A glyph for several characters (a ligature such as "ff") maps to a hex string with spaces.
  const utf16 = (hex: string): string =>
    Buffer.from(hex.replace(/\s+/g, ''), 'hex').swap16().toString('utf16le')
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const [, src, dst] of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]+)>/g))
      map.set(parseInt(src, 16), utf16(dst))
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, rest] of block[1].matchAll(
      /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g
    )) {
      const from = parseInt(lo, 16)
      const to = parseInt(hi, 16)
      if (rest.startsWith('[')) {
        const targets = [...rest.matchAll(/<([0-9a-fA-F\s]*)>/g)].map((t) => utf16(t[1]))
        for (let g = from; g <= to; g++) map.set(g, targets[g - from] ?? '')
      } else {
        const base = parseInt(rest.slice(1, -1), 16)
        for (let g = from; g <= to; g++) map.set(g, String.fromCharCode(base + g - from))
      }
    }
  }
  return map
}

/** Per font resource name (F1, F2…): its glyph → text map when it is an embedded font with a ToUnicode map. */
function fontMaps(raw: string, byObject: Map<number, string>): Map<string, Map<number, string>> {
  const maps = new Map<string, Map<number, string>>()
  for (const [, name, obj] of raw.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
    const at = raw.indexOf(`\n${obj} 0 obj`)
    if (at < 0) continue
    const dict = raw.slice(at, raw.indexOf('endobj', at))
    const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(dict)
    const cmap = toUnicode ? byObject.get(Number(toUnicode[1])) : undefined
    if (cmap) maps.set(name, readCmap(cmap))
  }
  return maps
}

export interface PdfText {
  /** The text of each page, one string per drawn run. */
  pages: string[][]
  /** Glyph ids drawn with embedded fonts that have no text: 0 is .notdef, a box instead of a letter. */
  missingGlyphs: number
}

/** The text of a pdfkit PDF: standard-font strings as WinAnsi, embedded-font glyphs through their ToUnicode maps. */
export function pdfText(file: string): PdfText {
  const raw = readFileSync(file).toString('latin1')
  const byObject = streams(raw)
  const maps = fontMaps(raw, byObject)
  const pages: string[][] = []
  let missingGlyphs = 0
  for (const content of byObject.values()) {
    const lines: string[] = []
    let font: Map<number, string> | undefined
    for (const op of content.matchAll(/\/(F\d+) [\d.]+ Tf|\[([^\]]*)\]\s*TJ/g)) {
      if (op[1]) {
        font = maps.get(op[1])
        continue
      }
      const hex = [...op[2].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]).join('')
      if (!font) {
        lines.push(winAnsi(Buffer.from(hex, 'hex')).replace(/\u00a0/g, ' '))
        continue
      }
      let text = ''
      for (let i = 0; i + 4 <= hex.length; i += 4) {
        const glyph = parseInt(hex.slice(i, i + 4), 16)
        const chars = font.get(glyph)
        if (glyph === 0 || chars === undefined) missingGlyphs++
        else text += chars
      }
      lines.push(text.replace(/\u00a0/g, ' '))
    }
    // Each page of a pdfkit document is one content stream.
    if (lines.length) pages.push(lines)
  }
  return { pages, missingGlyphs }
}

/** The text of each page of a pdfkit PDF, one string per drawn line (or script run). */
export function pdfPages(file: string): string[][] {
  return pdfText(file).pages
}

/** The lines as one run of text, wrapped lines joined, for phrases that may break across lines. */
export const flat = (lines: string[]): string => lines.join(' ').replace(/\s+/g, ' ')

export const pageCount = (file: string): number =>
  readFileSync(file)
    .toString('latin1')
    .match(/\/Type \/Page\b(?!s)/g)?.length ?? 0
