import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Rng } from '../../../../../src/main/core/base/random'
import {
  binCategorical,
  binNumeric,
  type BinningOptions
} from '../../../../../src/main/core/ml/scorecard/woeBinning'
import type { ClassCounts } from '../../../../../src/main/core/ml/scorecard/woe'

/** Rows of a numeric column: values on a coarse grid (ties), some missing, outcomes of any mix. */
const rowsArb = fc
  .array(
    fc.record({
      value: fc.oneof(
        { weight: 9, arbitrary: fc.integer({ min: 0, max: 60 }) },
        { weight: 1, arbitrary: fc.constant(NaN) }
      ),
      bad: fc.boolean()
    }),
    { minLength: 30, maxLength: 400 }
  )
  .map((rows) => ({
    values: Float64Array.from(rows, (r) => r.value),
    y: Uint8Array.from(rows, (r) => (r.bad ? 1 : 0))
  }))

const rate = (c: ClassCounts): number => c.bad / (c.good + c.bad)

describe('binNumeric', () => {
  const options = (trend: 'ascending' | 'descending'): BinningOptions => ({
    minBinShare: 0.05,
    minClass: 2,
    maxBins: 6,
    trends: [trend]
  })

  it('puts every row in exactly one bin, missing values in the missing bin', () => {
    fc.assert(
      fc.property(
        rowsArb,
        fc.constantFrom('ascending' as const, 'descending' as const),
        ({ values, y }, trend) => {
          const b = binNumeric(values, y, options(trend))
          // Route each row by the boundaries as a tree would: bin k holds values <= boundaries[k].below.
          const counted = b.bins.map(() => ({ good: 0, bad: 0 }))
          const missing = { good: 0, bad: 0 }
          values.forEach((v, i) => {
            let target = missing
            if (!Number.isNaN(v)) {
              let k = 0
              while (k < b.boundaries.length && v > b.boundaries[k].below) k++
              target = counted[k]
            }
            if (y[i]) target.bad++
            else target.good++
          })
          expect(counted).toEqual(b.bins)
          expect(missing).toEqual(b.missing)
          // A boundary lies between two training values with none in between.
          for (const edge of b.boundaries) {
            expect(edge.below).toBeLessThan(edge.above)
            expect(values.some((v) => v > edge.below && v < edge.above)).toBe(false)
          }
        }
      ),
      { seed: 3, numRuns: 150 }
    )
  })

  it('keeps the default rate monotone in the requested direction', () => {
    fc.assert(
      fc.property(
        rowsArb,
        fc.constantFrom('ascending' as const, 'descending' as const),
        ({ values, y }, trend) => {
          const rates = binNumeric(values, y, options(trend)).bins.map(rate)
          for (let k = 1; k < rates.length; k++) {
            if (trend === 'ascending') expect(rates[k]).toBeGreaterThanOrEqual(rates[k - 1])
            else expect(rates[k]).toBeLessThanOrEqual(rates[k - 1])
          }
        }
      ),
      { seed: 4, numRuns: 150 }
    )
  })

  it('respects the smallest bin share, the fewest of each outcome and the most bins', () => {
    fc.assert(
      fc.property(rowsArb, ({ values, y }) => {
        const b = binNumeric(values, y, {
          ...options('ascending'),
          trends: ['ascending', 'descending', 'peak', 'valley']
        })
        expect(b.bins.length).toBeLessThanOrEqual(6)
        if (b.bins.length === 1) return // no split met the limits
        for (const bin of b.bins) {
          expect(bin.good + bin.bad).toBeGreaterThanOrEqual(Math.ceil(0.05 * values.length))
          expect(bin.good).toBeGreaterThanOrEqual(2)
          expect(bin.bad).toBeGreaterThanOrEqual(2)
        }
      }),
      { seed: 5, numRuns: 150 }
    )
  })

  it('finds the cut of a step in the default rate and picks the trend', () => {
    // 1,000 rows, values 0..999: below 500 a 5 % default rate, from 500 on 40 %.
    const values = Float64Array.from({ length: 1000 }, (_, i) => i)
    const y = Uint8Array.from(values, (v) => (v < 500 ? (v % 20 === 0 ? 1 : 0) : v % 5 < 2 ? 1 : 0))
    const b = binNumeric(values, y, {
      minBinShare: 0.05,
      minClass: 5,
      maxBins: 8,
      trends: ['ascending', 'descending']
    })
    expect(b.trend).toBe('ascending')
    expect(b.boundaries.some((e) => e.below === 499 && e.above === 500)).toBe(true)
    expect(rate(b.bins[0])).toBeCloseTo(0.05, 2)
    expect(rate(b.bins[b.bins.length - 1])).toBeCloseTo(0.4, 2)
  })

  it('chooses a valley only when it pays for its bins', () => {
    // A clear U: 30 % at both ends, 5 % in the middle, 3,000 rows.
    const values = Float64Array.from({ length: 3000 }, (_, i) => i)
    const y = Uint8Array.from(values, (v) =>
      v < 1000 || v >= 2000 ? (v % 10 < 3 ? 1 : 0) : v % 20 === 0 ? 1 : 0
    )
    const all: BinningOptions = {
      minBinShare: 0.05,
      minClass: 5,
      maxBins: 8,
      trends: ['ascending', 'descending', 'peak', 'valley']
    }
    expect(binNumeric(values, y, all).trend).toBe('valley')
    // A steady rise from 5 % to 35 % (seeded draws): the shapes could bend to its noise but
    // do not gain enough for their bins, so monotone wins.
    const rng = new Rng(8)
    const rising = Uint8Array.from(values, (v) => (rng.next() < 0.05 + (0.3 * v) / 3000 ? 1 : 0))
    expect(binNumeric(values, rising, all).trend).toBe('ascending')
  })

  it('keeps one bin for a column with no values but missing ones', () => {
    const b = binNumeric(Float64Array.of(NaN, NaN, NaN), Uint8Array.of(1, 0, 0), options('ascending'))
    expect(b.bins).toEqual([{ good: 0, bad: 0 }])
    expect(b.missing).toEqual({ good: 2, bad: 1 })
  })
})

describe('binCategorical', () => {
  // Codes 0..5 of 6 levels: 0 and 1 common and safe, 2 common and risky, 3 and 4 rare, 5 never seen here.
  const counts: [number, number, number][] = [
    [0, 300, 15],
    [1, 250, 15],
    [2, 200, 60],
    [3, 10, 5],
    [4, 8, 0]
  ]
  const codes: number[] = []
  const y: number[] = []
  for (const [code, good, bad] of counts) {
    for (let i = 0; i < good + bad; i++) {
      codes.push(code)
      y.push(i < good ? 0 : 1)
    }
  }
  codes.push(NaN, NaN, NaN)
  y.push(1, 0, 0)
  const o: BinningOptions = { minBinShare: 0.05, minClass: 2, maxBins: 8, trends: ['ascending'] }
  const b = binCategorical(Float64Array.from(codes), Uint8Array.from(y), 6, 1, o)

  it('puts every level in exactly one bin and missing values apart', () => {
    expect(b.codes.flat().sort((a, c) => a - c)).toEqual([0, 1, 2, 3, 4, 5])
    expect(b.missing).toEqual({ good: 2, bad: 1 })
    const total = b.bins.reduce((s, c) => s + c.good + c.bad, 0)
    expect(total).toBe(codes.length - 3)
  })

  it('pools the rare categories and sends a level with no rows to the home level’s bin', () => {
    const binOf = (code: number): number => b.codes.findIndex((c) => c.includes(code))
    expect(binOf(3)).toBe(binOf(4))
    expect(binOf(5)).toBe(binOf(1))
  })

  it('orders the bins by default rate', () => {
    const rates = b.bins.map(rate)
    for (let k = 1; k < rates.length; k++) expect(rates[k]).toBeGreaterThanOrEqual(rates[k - 1])
    // The risky common level is alone in the riskiest bin.
    expect(b.codes[b.codes.length - 1]).toContain(2)
  })
})
