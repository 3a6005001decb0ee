import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { binomialTestTwoSided, jeffreysInterval } from '../../../../src/main/core/validation/proportionTests'

describe('binomialTestTwoSided', () => {
  it('doubles the tail of a symmetric binomial: 3 heads in 10 fair tosses', () => {
    // By hand: P(X ≤ 3) = (1 + 10 + 45 + 120) / 1024 = 176/1024; by symmetry the upper tail
    // P(X ≥ 7) is the same, so p = 352/1024 = 0.34375 exactly.
    expect(binomialTestTwoSided(3, 10, 0.5)).toBeCloseTo(0.34375, 12)
  })

  it('adds the far tail of counts no more likely than the observed one: 1 default in 20 at PD 20 %', () => {
    // By hand: pmf(1) = 20 · 0.2 · 0.8^19 = 0.057646; P(X ≤ 1) = 0.8^20 + pmf(1) = 0.069175.
    // Above the mean of 4: pmf(6) = 0.1091 > pmf(1) ≥ pmf(7) = 0.0545, so the far tail is
    // P(X ≥ 7) = 0.086693, and p = 0.069175 + 0.086693 = 0.155868 (scipy: 0.15586780384381124).
    expect(binomialTestTwoSided(1, 20, 0.2)).toBeCloseTo(0.15586780384381124, 10)
  })

  it('matches scipy.stats.binomtest on grade-sized counts', () => {
    // Oracle: scipy 1.10 stats.binomtest(k, n, p).pvalue.
    const cases: [number, number, number, number][] = [
      [7, 100, 0.03, 0.031227509431355254],
      [0, 50, 0.04, 0.26901658448968413],
      [12, 200, 0.03, 0.020672560852089936],
      [40, 1000, 0.05, 0.16736875164155246],
      [9, 20, 0.2, 0.009981786320724306],
      [700, 10000, 0.08, 0.00018240971829589753]
    ]
    for (const [k, n, p, expected] of cases) {
      expect(binomialTestTwoSided(k, n, p), `${k} of ${n} at ${p}`).toBeCloseTo(expected, 10)
    }
  })

  it('gives 1 when the count equals its expectation and is capped at 1', () => {
    expect(binomialTestTwoSided(5, 50, 0.1)).toBe(1)
    // scipy: binomtest(5, 5, 0.9).pvalue = 1.0 (the two tails overlap the mode).
    expect(binomialTestTwoSided(5, 5, 0.9)).toBe(1)
  })

  it('rejects outright a default where the PD is zero and accepts none', () => {
    expect(binomialTestTwoSided(1, 30, 0)).toBe(0)
    expect(binomialTestTwoSided(0, 30, 0)).toBe(1)
  })

  it('is a probability for any counts', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n, share, p) => {
          const k = Math.floor(share * n)
          const value = binomialTestTwoSided(k, n, p)
          return value >= 0 && value <= 1
        }
      ),
      { seed: 15 }
    )
  })

  it('refuses counts that are not counts', () => {
    expect(() => binomialTestTwoSided(11, 10, 0.5)).toThrow(/0 ≤ k ≤ n/)
    expect(() => binomialTestTwoSided(2.5, 10, 0.5)).toThrow(/counts/)
    expect(() => binomialTestTwoSided(2, 10, 1.5)).toThrow(/not in \[0, 1\]/)
  })
})

describe('jeffreysInterval', () => {
  it('matches the Beta(k + ½, n − k + ½) quantiles from scipy', () => {
    // Oracle: scipy 1.10 stats.beta.ppf([0.025, 0.975], k + 0.5, n - k + 0.5).
    const cases: [number, number, number, number][] = [
      [7, 100, 0.0318549590691964, 0.13250922396455245],
      [12, 200, 0.0332146659742512, 0.09937749790516896],
      [700, 10000, 0.06512332212535557, 0.075125534655974]
    ]
    for (const [k, n, lower, upper] of cases) {
      const ci = jeffreysInterval(k, n)
      expect(ci.lower, `${k}/${n} lower`).toBeCloseTo(lower, 12)
      expect(ci.upper, `${k}/${n} upper`).toBeCloseTo(upper, 12)
    }
  })

  it('starts at 0 with no defaults and ends at 1 with all defaulted (Brown, Cai & DasGupta)', () => {
    // scipy's plain quantiles would give a lower end of 9.77e-6 for 0 of 50; the convention sets it to 0.
    const none = jeffreysInterval(0, 50)
    expect(none.lower).toBe(0)
    expect(none.upper).toBeCloseTo(0.048758459444071374, 12)
    const all = jeffreysInterval(50, 50)
    expect(all.lower).toBeCloseTo(0.9512415405559286, 12)
    expect(all.upper).toBe(1)
  })

  it('contains the observed rate and narrows at a lower confidence', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, s) => {
        const k = Math.floor(s * n)
        const wide = jeffreysInterval(k, n, 0.95)
        const narrow = jeffreysInterval(k, n, 0.8)
        return (
          wide.lower <= k / n &&
          k / n <= wide.upper &&
          wide.lower <= narrow.lower &&
          narrow.upper <= wide.upper
        )
      }),
      { seed: 15 }
    )
  })

  it('refuses an empty group', () => {
    expect(() => jeffreysInterval(0, 0)).toThrow(/empty group/)
  })
})
