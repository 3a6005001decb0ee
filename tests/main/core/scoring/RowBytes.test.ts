import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { RowBytes } from '../../../../src/main/core/scoring/RowBytes'
import { groupIndian } from '../../../../src/shared/numbers'

// RowBytes encodes a scored row's cells itself and writes numbers digit by digit. These tests
// hold every way of writing to Node's UTF-8 encoder, groupIndian and toFixed, across the
// buffer's growth (each run starts from one byte).

/** whole.fraction as groupIndian writes it: the whole part grouped, the decimals without trailing zeros. */
function grouped(whole: number, fraction: number, digits: number): string {
  const decimals = String(fraction).padStart(digits, '0').replace(/0+$/, '')
  return groupIndian(whole, 0) + (decimals ? `.${decimals}` : '')
}

// Any UTF-16 text: pairs, surrogates alone, and the characters of a reason.
const texts = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 12 }),
  // The edges between one, two and three bytes, and of the surrogates.
  fc.constantFrom('₹', '—', 'आय', '\ud83d', '\ude00x', 'a\ud83d\ude00b', '', '\u007f\u0080', '\u07ff\u0800'),
  fc.constantFrom('\ud7ff', '\ud800', '\udbff\udc00', '\udfff', '\ue000', '\uffff'),
  // Long enough to outgrow the buffer's first 4 KB within a few writes.
  fc.tuple(fc.constantFrom('a', '₹', '😀'), fc.integer({ min: 500, max: 1500 })).map(([c, n]) => c.repeat(n))
)

// Probabilities, with those a rounding half apart and those beside it.
const probabilities = fc.oneof(
  fc.double({ min: 0, max: 1, noNaN: true }),
  fc
    .tuple(fc.integer({ min: 0, max: 1_999_999 }), fc.constantFrom(-1e-12, 0, 1e-12))
    .map(([k, e]) => (k + 0.5) / 2e6 + e),
  fc.constantFrom(0, -0, 1, 0.5, 0.0000005, 0.9999995, 1.0000001, -0.1, NaN, Infinity)
)

/** One way of writing: what it does to a RowBytes, and the bytes it must append. */
interface Write {
  apply: (out: RowBytes) => void
  expected: Buffer
}

const writes: fc.Arbitrary<Write> = fc.oneof(
  texts.map((text) => ({ apply: (out: RowBytes) => out.cell(text), expected: Buffer.from(text, 'utf8') })),
  texts.map((text) => ({ apply: (out: RowBytes) => out.text(text), expected: Buffer.from(text, 'utf8') })),
  fc
    .oneof(fc.uint8Array({ maxLength: 40 }), fc.uint8Array({ minLength: 1000, maxLength: 3000 }))
    .map((bytes) => ({
      apply: (out: RowBytes) => out.bytes(bytes),
      expected: Buffer.from(bytes)
    })),
  fc
    .integer({ min: 0, max: 127 })
    .map((b) => ({ apply: (out: RowBytes) => out.byte(b), expected: Buffer.from([b]) })),
  fc
    .tuple(
      fc.oneof(fc.integer({ min: 0, max: 1e15 - 1 }), fc.constantFrom(0, 999, 1000, 99_999, 100_000)),
      fc.nat(4)
    )
    .chain(([whole, digits]) =>
      fc.integer({ min: 0, max: 10 ** digits - 1 }).map((fraction) => ({
        apply: (out: RowBytes) => out.groupedNumber(whole, fraction, digits),
        expected: Buffer.from(grouped(whole, fraction, digits))
      }))
    ),
  fc.tuple(probabilities, fc.nat(6)).map(([x, digits]) => ({
    apply: (out: RowBytes) => out.fixedPoint(x, digits),
    expected: Buffer.from(x.toFixed(digits))
  }))
)

describe('RowBytes', () => {
  it('writes what Node encodes, groupIndian groups and toFixed rounds, through any number of growths', () => {
    fc.assert(
      fc.property(fc.array(writes, { maxLength: 30 }), (sequence) => {
        const out = new RowBytes(1)
        for (const w of sequence) w.apply(out)
        expect(Buffer.from(out.written())).toEqual(Buffer.concat(sequence.map((w) => w.expected)))
      }),
      { numRuns: 2000 }
    )
  })

  it('writes into an earlier output’s memory when it is large enough', () => {
    const spare = new ArrayBuffer(64)
    const out = new RowBytes(32, spare)
    out.cell('Loan amount: ₹')
    out.groupedNumber(1_234_567, 5, 2)
    expect(out.written().buffer).toBe(spare)
    expect(Buffer.from(out.written()).toString('utf8')).toBe('Loan amount: ₹12,34,567.05')
  })
})
