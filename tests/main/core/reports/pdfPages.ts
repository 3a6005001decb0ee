import { readFileSync } from 'node:fs'
import { inflateSync } from 'node:zlib'

/** Reading back the text of the PDFs our reports write, for their tests. */

/** Bytes 0x80–0x9F of WinAnsi (Windows-1252); the rest of the encoding is Latin-1. */
const WIN_ANSI_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'
const winAnsi = (bytes: Buffer): string =>
  String.fromCharCode(...bytes).replace(/[\u0080-\u009f]/g, (c) => WIN_ANSI_HIGH[c.charCodeAt(0) - 0x80])

/** The text of each page of a pdfkit PDF, one string per drawn line: Flate streams inflated, TJ hex strings decoded. */
export function pdfPages(file: string): string[][] {
  const raw = readFileSync(file).toString('latin1')
  const pages: string[][] = []
  // Each stream is read by the /Length of its dictionary: compressed bytes may themselves end
  // in a line break, which a search for "endstream" would cut off and break the inflating.
  for (const m of raw.matchAll(/\/Length (\d+)[^>]*>>\s*stream\r?\n/g)) {
    const start = m.index + m[0].length
    const bytes = Buffer.from(raw.slice(start, start + Number(m[1])), 'latin1')
    let content: string
    try {
      content = inflateSync(bytes).toString('latin1')
    } catch {
      content = bytes.toString('latin1')
    }
    const lines: string[] = []
    for (const tj of content.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      const hex = [...tj[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]).join('')
      lines.push(winAnsi(Buffer.from(hex, 'hex')).replace(/\u00a0/g, ' '))
    }
    // Each page of a pdfkit document is one content stream.
    if (lines.length) pages.push(lines)
  }
  return pages
}

/** The lines as one run of text, wrapped lines joined, for phrases that may break across lines. */
export const flat = (lines: string[]): string => lines.join(' ').replace(/\s+/g, ' ')

export const pageCount = (file: string): number =>
  readFileSync(file)
    .toString('latin1')
    .match(/\/Type \/Page\b(?!s)/g)?.length ?? 0
