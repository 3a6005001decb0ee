import { describe, expect, it } from 'vitest'
import { DEFAULT_RISK_GRADES } from '../../../../src/main/core/model/ModelArtifact'
import { calibrationByGrade, hosmerLemeshow } from '../../../../src/main/core/validation/gradeCalibration'

const f64 = (v: number[]): Float64Array => Float64Array.from(v)
const u8 = (v: number[]): Uint8Array => Uint8Array.from(v)

describe('hosmerLemeshow', () => {
  it('reproduces a hand-worked table of three groups', () => {
    // Nine PDs in three tertile groups. Breaks (type-7 quantiles of the sorted PDs):
    // 0.1, 0.2 + ⅔·0.1 = 0.26667, 0.4 + ⅓·0.2 = 0.46667, 0.8.
    //   group 1: PDs 0.1 0.1 0.2  n 3  O 1  E 0.4   term 0.6² / (0.4 · (1 − 0.4/3)) = 1.0384615
    //   group 2: PDs 0.3 0.3 0.4  n 3  O 1  E 1.0   term 0
    //   group 3: PDs 0.6 0.7 0.8  n 3  O 2  E 2.1   term 0.1² / (2.1 · 0.3)      = 0.0158730
    // stat = 1.0543346, df = 3 − 2 = 1, p = P(χ²₁ > stat) = 0.3045109 (scipy chi2.sf).
    const pd = f64([0.1, 0.1, 0.2, 0.3, 0.3, 0.4, 0.6, 0.7, 0.8])
    const y = u8([0, 0, 1, 0, 1, 0, 1, 1, 0])
    const hl = hosmerLemeshow(y, pd, 3)
    expect(hl.groups.map((g) => [g.count, g.observed])).toEqual([
      [3, 1],
      [3, 1],
      [3, 2]
    ])
    expect(hl.groups.map((g) => g.expected)).toEqual([
      expect.closeTo(0.4, 12),
      expect.closeTo(1.0, 12),
      expect.closeTo(2.1, 12)
    ])
    expect(hl.stat).toBeCloseTo(1.0543345543345541, 12)
    expect(hl.df).toBe(1)
    expect(hl.p).toBeCloseTo(0.3045109078728149, 10)
  })

  it('merges repeated breaks so that tied PDs form fewer groups', () => {
    // Six rows at 0.1 and four at 0.5. The decile breaks are 0.1 (0 % to 50 %), 0.1 + 0.4 · 0.4
    // = 0.26 (60 %, interpolated at position 5.4) and 0.5 (70 % to 100 %): three distinct
    // breaks, so two groups [0.1, 0.26] and (0.26, 0.5], df = 0 and no p-value.
    const pd = f64([0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.5, 0.5, 0.5, 0.5])
    const y = u8([0, 0, 0, 1, 0, 0, 1, 0, 1, 0])
    const hl = hosmerLemeshow(y, pd, 10)
    expect(hl.groups.map((g) => [g.lower, g.upper, g.count, g.observed])).toEqual([
      [0.1, expect.closeTo(0.26, 12), 6, 1],
      [expect.closeTo(0.26, 12), 0.5, 4, 2]
    ])
    expect(hl.df).toBe(0)
    expect(hl.p).toBeNull()
  })

  it('keeps the statistic finite when a group of zero PDs holds a default', () => {
    const pd = f64([0, 0, 0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7])
    const y = u8([1, 0, 0, 0, 0, 1, 1, 0, 1])
    const hl = hosmerLemeshow(y, pd, 3)
    expect(Number.isFinite(hl.stat)).toBe(true)
    expect(hl.stat).toBeGreaterThan(1e6)
    expect(hl.p).toBe(0)
  })

  it('refuses fewer than three groups', () => {
    expect(() => hosmerLemeshow(u8([0, 1]), f64([0.2, 0.4]), 2)).toThrow(/at least 3/)
  })
})

describe('calibrationByGrade', () => {
  it('counts, tests and bounds each grade of a hand-made portfolio', () => {
    // Grade A (< 5 %): PDs 0.02, 0.04, no default.  Grade B (5–10 %): PDs 0.06–0.09, two defaults.
    // Grade E (≥ 40 %): one PD 0.5 that defaulted. Three defaults in all.  Grades C and D are empty.
    // B by hand: mean PD 0.075, expected 0.3 defaults; observed 2 lies above the mean, and
    // P(X ≥ 2) = 1 − 0.925⁴ − 4 · 0.075 · 0.925³ = 1 − 0.732094 − 0.237436 = 0.030470; no count
    // below the mean is as unlikely (pmf(0) = 0.73), so p = 0.030470 (scipy binomtest: 0.0304699).
    const pd = f64([0.02, 0.04, 0.06, 0.07, 0.08, 0.09, 0.5])
    const y = u8([0, 0, 1, 0, 1, 0, 1])
    const result = calibrationByGrade(y, pd, DEFAULT_RISK_GRADES)
    const [a, b, c, d, e] = result.grades
    expect([a.count, a.defaults, a.observedRate, a.direction]).toEqual([2, 0, 0, 'below'])
    expect(a.meanPd).toBeCloseTo(0.03, 12)
    expect(b.count).toBe(4)
    expect(b.defaults).toBe(2)
    expect(b.meanPd).toBeCloseTo(0.075, 12)
    expect(b.observedRate).toBe(0.5)
    expect(b.binomialP).toBeCloseTo(0.030469921875000007, 10)
    expect(b.direction).toBe('above')
    expect([b.lower, b.upper]).toEqual([0.05, 0.1])
    for (const empty of [c, d]) {
      expect([empty.count, empty.meanPd, empty.observedRate, empty.binomialP, empty.jeffreys]).toEqual([
        0,
        null,
        null,
        null,
        null
      ])
    }
    expect(e.upper).toBe(1)
    expect(e.jeffreys?.upper).toBe(1)
    expect(result.rows).toBe(7)
    expect(result.defaults).toBe(3)
    expect(result.observedRate).toBeCloseTo(3 / 7, 12)
  })

  it('refuses outcomes that do not line up with the PDs', () => {
    expect(() => calibrationByGrade(u8([0]), f64([0.1, 0.2]), DEFAULT_RISK_GRADES)).toThrow(/one per row/)
    expect(() => calibrationByGrade(u8([0, 2]), f64([0.1, 0.2]), DEFAULT_RISK_GRADES)).toThrow(/row 2/)
  })
})
