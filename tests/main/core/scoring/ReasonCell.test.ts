import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { neutraliseCell } from '../../../../src/main/core/scoring/neutraliseCell'
import { ReasonCell } from '../../../../src/main/core/scoring/ReasonCell'
import { RowBytes } from '../../../../src/main/core/scoring/RowBytes'
import { DecisionText } from '../../../../src/shared/decisionText'
import type { DictionaryEntry } from '../../../../src/shared/dictionary'
import { fieldRows, sentence, values } from '../../../helpers/reasonArbitraries'

// ReasonCell writes a reason's CSV cell as bytes, whole numbers digit by digit; ChunkScorer's
// string path writes the sentence DecisionText says. These tests hold the bytes to the sentence
// the catalogue's messages say filled per call, made a cell as the string path makes it.

/** A plain-named feature's reason cell on the string path: quoted, neutralised first, when it holds a comma, a quote or a line break. */
function stringPathCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${neutraliseCell(text).replace(/"/g, '""')}"` : text
}

// Values the byte path writes as digits (whole numbers, decimals away from a half) and those
// it leaves to the text path (halves, negatives, −0, 10^15 and more, beyond 10^9 once scaled).
const numbers = fc.oneof(
  fc.integer({ min: 0, max: 2e15 }),
  fc.tuple(fc.integer({ min: 0, max: 2e9 }), fc.constantFrom(10, 100, 1000, 1e4, 1e6)).map(([n, s]) => n / s),
  fc
    .tuple(fc.integer({ min: 0, max: 1e7 }), fc.constantFrom(2, 20, 200, 2000))
    .map(([n, s]) => (2 * n + 1) / s),
  fc.double({ min: 0, max: 1e12, noNaN: true }),
  fc.constantFrom(
    0,
    -0,
    999,
    1000,
    99_999,
    100_000,
    0.285,
    1.005,
    1e15 - 1,
    1e15,
    1e-7,
    0.004_999_9,
    0.005,
    1e9
  )
)

describe('ReasonCell', () => {
  it('writes the cell of the sentence the catalogue says, for any label, unit, value and amount, in both languages', () => {
    fc.assert(
      fc.property(fieldRows(fc.oneof(values, numbers)), ({ entry, lang, rows }) => {
        // One writer for all of a field's rows, as a scored file uses it.
        const cell = ReasonCell.of(new DecisionText([entry], lang).reasonTemplate(entry.field))
        for (const [value, contribution] of rows) {
          const text = sentence(entry, value, contribution, lang)
          const out = new RowBytes(1)
          const written = cell?.write(out, value, contribution) ?? false
          if (written) expect(Buffer.from(out.written())).toEqual(Buffer.from(stringPathCell(text), 'utf8'))
          else {
            // Nothing written, and only for a quote to escape or a quoted cell to neutralise.
            expect(out.written()).toHaveLength(0)
            expect(text.includes('"') || (/[,\r\n]/.test(text) && /^[=+\-@\t\r]/.test(text)), text).toBe(true)
          }
        }
      }),
      { numRuns: 600 }
    )
  })

  it('leaves to the string path a feature whose own words hold a double quote, and writes the others', () => {
    const entry = (label: string): DictionaryEntry => ({
      field: 'Income',
      label: { en: label, hi: '' },
      description: { en: '', hi: '' },
      unit: 'inr'
    })
    const template = (label: string) => new DecisionText([entry(label)]).reasonTemplate('Income')
    expect(ReasonCell.of(template('The "net" income'))).toBeNull()
    const out = new RowBytes(1)
    expect(ReasonCell.of(template('Income'))!.write(out, 1_234_567, 0.0234)).toBe(true)
    expect(Buffer.from(out.written()).toString('utf8')).toBe(
      '"Income: ₹12,34,567 — raised the risk by 2.3 %"'
    )
  })
})
