import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { neutraliseCell } from '../../../../src/main/core/scoring/neutraliseCell'
import { ReasonCell } from '../../../../src/main/core/scoring/ReasonCell'
import { RowBytes } from '../../../../src/main/core/scoring/RowBytes'
import { DecisionText } from '../../../../src/shared/decisionText'
import type { DictionaryEntry } from '../../../../src/shared/dictionary'
import { formatShare } from '../../../../src/shared/numbers'
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

  it('writes whole numbers, decimals away from a half and one-decimal amounts itself, and formats only the rest as text', () => {
    const entry = (field: string, unit: DictionaryEntry['unit']): DictionaryEntry => ({
      field,
      label: { en: field, hi: '' },
      description: { en: '', hi: '' },
      unit
    })
    const text = new DecisionText([entry('Income', 'inr'), entry('Rate', 'percent'), entry('Ratio', 'share')])
    const formatted: (number | string | null)[] = []
    /** The field's writer, noting each value and amount it has the template say as text. */
    const counted = (field: string): ReasonCell => {
      const template = text.reasonTemplate(field)
      return ReasonCell.of({
        ...template,
        value: (v) => (formatted.push(v), template.value(v)),
        amount: (c) => (formatted.push(c), template.amount(c))
      })!
    }
    const written = (cell: ReasonCell, value: number | string | null, contribution: number): string => {
      const out = new RowBytes(1)
      expect(cell.write(out, value, contribution)).toBe(true)
      return Buffer.from(out.written()).toString('utf8')
    }
    const income = counted('Income')
    const rate = counted('Rate')
    const ratio = counted('Ratio')
    expect(written(income, 0, 0.0001)).toBe('Income: ₹0 — raised the risk by less than 0.1 %')
    expect(written(income, 999, -0.123)).toBe('Income: ₹999 — lowered the risk by 12.3 %')
    expect(written(income, 1_234_567, 1)).toBe('"Income: ₹12,34,567 — raised the risk by 100.0 %"')
    expect(written(income, 1e15 - 1, 0.5)).toBe(
      '"Income: ₹99,99,99,99,99,99,999 — raised the risk by 50.0 %"'
    )
    expect(written(income, 2345.4, 0.02)).toBe('"Income: ₹2,345 — raised the risk by 2.0 %"')
    expect(written(rate, 9.82, 0.0123)).toBe('Rate: 9.82 % — raised the risk by 1.2 %')
    expect(written(rate, 12.3456, 0.0123)).toBe('Rate: 12.35 % — raised the risk by 1.2 %')
    expect(written(ratio, 0.087, -0.05)).toBe('Ratio: 8.7 % — lowered the risk by 5.0 %')
    expect(formatted).toEqual([])
    // Left to the text: a half (as groupIndian rounds its shortest decimal text), a negative,
    // −0, 10^15 and more, a category, no value, and an amount beside a half or outside [0, 1].
    const left: [ReasonCell, number | string | null][] = [
      [income, 0.5],
      [rate, 1.005],
      [income, -3],
      [income, -0],
      [income, 1e15],
      [income, 'N'],
      [income, null]
    ]
    for (const [cell, value] of left) written(cell, value, 0.02)
    expect(formatted).toEqual(left.map(([, value]) => value))
    formatted.length = 0
    expect(written(income, 5, 0.0015)).toBe(`Income: ₹5 — raised the risk by ${formatShare(0.0015)}`)
    expect(written(income, 5, 1.5)).toBe('Income: ₹5 — raised the risk by 150.0 %')
    expect(formatted).toEqual([0.0015, 1.5])
  })
})
