import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  countBelow,
  meanAndStd,
  overflowSafeScale,
  quantileSorted
} from '../../../../src/main/core/base/stats'

const MAX = Number.MAX_VALUE

/** The textbook two-pass mean and population std, with no care for overflow. */
function plain(values: number[]): { mean: number; std: number } {
  const mean = values.reduce((s, x) => s + x, 0) / values.length
  const ss = values.reduce((s, x) => s + (x - mean) * (x - mean), 0)
  return { mean, std: Math.sqrt(ss / values.length) }
}

describe('meanAndStd', () => {
  it('gives the hand-computed moments of extreme and subnormal values', () => {
    expect(meanAndStd(2, (i) => [1e308, -1e308][i])).toEqual({ mean: 0, std: 1e308 })
    expect(meanAndStd(3, () => MAX)).toEqual({ mean: MAX, std: 0 })
    expect(meanAndStd(2, (i) => [MAX, -MAX][i])).toEqual({ mean: 0, std: MAX })
    expect(meanAndStd(4, (i) => [5e-324, -5e-324, 5e-324, -5e-324][i])).toEqual({ mean: 0, std: 5e-324 })
    // The plain sums underflow to a std of 0 here; {0, 1e-323} has mean and std 5e-324.
    expect(meanAndStd(2, (i) => [0, 1e-323][i])).toEqual({ mean: 5e-324, std: 5e-324 })
  })

  it('is bit for bit the plain two-pass result for ordinary values', () => {
    const ordinary = fc
      .array(fc.double({ min: -1e12, max: 1e12, noNaN: true }), { minLength: 1, maxLength: 50 })
      .filter((xs) => xs.every((x) => x === 0) || Math.max(...xs.map(Math.abs)) >= 1e-100)
    fc.assert(
      fc.property(ordinary, (xs) => {
        expect(meanAndStd(xs.length, (i) => xs[i])).toEqual(plain(xs))
      }),
      { numRuns: 200, seed: 40 }
    )
  })

  // Scaling by a power of two is exact, so the plain result on values brought down by 2^600
  // and taken back up is an independent oracle for values near the largest double.
  it('equals the plain result of the values scaled down by 2^600, for values up to the largest double', () => {
    const big = fc
      .double({ min: -MAX, max: MAX, noNaN: true })
      .filter((x) => Math.abs(x) > 2 ** 500 || x === 0)
    fc.assert(
      fc.property(fc.array(big, { minLength: 1, maxLength: 30 }), (xs) => {
        const got = meanAndStd(xs.length, (i) => xs[i])
        expect(Number.isFinite(got.mean) && Number.isFinite(got.std)).toBe(true)
        const oracle = plain(xs.map((x) => x / 2 ** 600))
        expect(Math.abs(got.mean - oracle.mean * 2 ** 600)).toBeLessThanOrEqual(
          Math.abs(oracle.mean * 2 ** 600) * 1e-12
        )
        expect(Math.abs(got.std - oracle.std * 2 ** 600)).toBeLessThanOrEqual(
          Math.abs(oracle.std * 2 ** 600) * 1e-12
        )
      }),
      { numRuns: 200, seed: 41 }
    )
  })

  it('scales only values beyond 2^±450', () => {
    expect(overflowSafeScale(1e100)).toBe(1)
    expect(overflowSafeScale(0)).toBe(1)
    expect(overflowSafeScale(1e308)).toBe(2 ** 1023)
    expect(overflowSafeScale(MAX)).toBe(2 ** 1023)
    expect(overflowSafeScale(5e-324)).toBe(2 ** -1074)
  })
})

describe('quantileSorted', () => {
  it('interpolates between values a whole double range apart without overflowing', () => {
    expect(quantileSorted([-MAX, MAX], 0.5)).toBe(0)
    expect(quantileSorted([-MAX, MAX], 0.25) / (-MAX / 2)).toBeCloseTo(1, 12)
    expect(quantileSorted([-MAX, MAX], 1)).toBe(MAX)
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5)
  })

  it('stays finite and within the values for any finite sorted values', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 20 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (xs, q) => {
          const sorted = Float64Array.from(xs).sort()
          const v = quantileSorted(sorted, q)
          expect(Number.isFinite(v)).toBe(true)
          expect(v).toBeGreaterThanOrEqual(sorted[0])
          expect(v).toBeLessThanOrEqual(sorted[sorted.length - 1])
        }
      ),
      { numRuns: 300, seed: 42 }
    )
  })
})

describe('countBelow', () => {
  it('counts the sorted values strictly below x, ties not counted', () => {
    const sorted = Float64Array.from([0.1, 0.2, 0.2, 0.5, 0.9])
    expect(countBelow(sorted, 0.05)).toBe(0)
    expect(countBelow(sorted, 0.2)).toBe(1)
    expect(countBelow(sorted, 0.3)).toBe(3)
    expect(countBelow(sorted, 0.9)).toBe(4)
    expect(countBelow(sorted, 2)).toBe(5)
    expect(countBelow(new Float64Array(0), 1)).toBe(0)
  })

  it('agrees with counting one by one on any sorted array (seeded)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true })), fc.double({ noNaN: true }), (values, x) => {
        const sorted = Float64Array.from(values).sort()
        expect(countBelow(sorted, x)).toBe(sorted.filter((v) => v < x).length)
      }),
      { seed: 11 }
    )
  })
})
