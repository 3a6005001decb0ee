import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { StrategyPoint } from '../../../../src/shared/validation'
import { DEFAULT_RISK_GRADES } from '../../../../src/main/core/model/ModelArtifact'
import { DEFAULT_LGD_POLICY, exposurePerRow, lgdPerRow } from '../../../../src/main/core/validation/exposure'
import {
  buildStrategy,
  cutoffGrid,
  recommendCutoff,
  strategyCurve,
  swapSet,
  type PortfolioRows
} from '../../../../src/main/core/validation/strategy'

const f64 = (v: number[]): Float64Array => Float64Array.from(v)

/**
 * Three loans, margin 3 %:
 *   1. PD 0.02, EAD ₹1,00,000, secured (LGD 0.25):   EL = 0.02 · 0.25 · 1,00,000 =    500; income = 0.98 · 1,00,000 · 0.03 = 2,940
 *   2. PD 0.10, EAD ₹2,00,000, unsecured (LGD 0.65): EL = 0.10 · 0.65 · 2,00,000 = 13,000; income = 0.90 · 2,00,000 · 0.03 = 5,400  (defaulted)
 *   3. PD 0.30, EAD ₹50,000,   unsecured (LGD 0.65): EL = 0.30 · 0.65 ·   50,000 =  9,750; income = 0.70 ·   50,000 · 0.03 = 1,050
 */
const threeLoans = (): PortfolioRows => ({
  pd: f64([0.02, 0.1, 0.3]),
  outcome: Uint8Array.from([0, 1, 0]),
  ead: f64([100_000, 200_000, 50_000]),
  lgd: lgdPerRow(['Yes', 'No', 'no'], 3).lgd
})

describe('strategyCurve', () => {
  it('adds up expected loss, income and profit of a three-loan example by hand', () => {
    const [low, mid, all] = strategyCurve(threeLoans(), [0.05, 0.2, 0.5], 0.03)
    // Cut-off 5 %: loan 1 only. Profit 2,940 − 500 = 2,440.
    expect(low).toEqual({
      cutoff: 0.05,
      approved: 1,
      approvalRate: 1 / 3,
      badRate: 0,
      expectedBadRate: 0.02,
      exposure: 100_000,
      expectedLoss: expect.closeTo(500, 9),
      expectedIncome: expect.closeTo(2_940, 9),
      expectedProfit: expect.closeTo(2_440, 9)
    })
    // Cut-off 20 %: loans 1 and 2. EL 13,500, income 8,340, profit −5,160; mean PD 0.06; 1 of 2 defaulted.
    expect(mid.approved).toBe(2)
    expect(mid.badRate).toBe(0.5)
    expect(mid.expectedBadRate).toBeCloseTo(0.06, 12)
    expect(mid.expectedLoss).toBeCloseTo(13_500, 9)
    expect(mid.expectedIncome).toBeCloseTo(8_340, 9)
    expect(mid.expectedProfit).toBeCloseTo(-5_160, 9)
    // Cut-off 50 %: all three. EL 23,250, income 9,390, profit −13,860; mean PD 0.14; 1 of 3 defaulted.
    expect(all.approvalRate).toBe(1)
    expect(all.exposure).toBe(350_000)
    expect(all.expectedLoss).toBeCloseTo(23_250, 9)
    expect(all.expectedProfit).toBeCloseTo(-13_860, 9)
    expect(all.expectedBadRate).toBeCloseTo(0.14, 12)
    expect(all.badRate).toBeCloseTo(1 / 3, 12)
  })

  it('approves strictly below the cut-off and nobody at a cut-off of 0', () => {
    const [none, atPd] = strategyCurve(threeLoans(), [0, 0.1], 0.03)
    expect([none.approved, none.badRate, none.expectedBadRate, none.expectedLoss]).toEqual([0, null, null, 0])
    // PD 0.10 is not below a 10 % cut-off.
    expect(atPd.approved).toBe(1)
  })

  it('has no observed bad rate without outcomes', () => {
    const [p] = strategyCurve({ ...threeLoans(), outcome: null }, [0.5], 0.03)
    expect(p.badRate).toBeNull()
    expect(p.expectedBadRate).toBeCloseTo(0.14, 12)
  })

  const portfolio = fc
    .array(
      fc.record({
        pd: fc.double({ min: 0, max: 1, noNaN: true }),
        ead: fc.double({ min: 0, max: 1e7, noNaN: true }),
        lgd: fc.double({ min: 0, max: 1, noNaN: true }),
        bad: fc.boolean()
      }),
      { maxLength: 60 }
    )
    .map((rows): PortfolioRows => ({
      pd: f64(rows.map((r) => r.pd)),
      ead: f64(rows.map((r) => r.ead)),
      lgd: f64(rows.map((r) => r.lgd)),
      outcome: Uint8Array.from(rows.map((r) => (r.bad ? 1 : 0)))
    }))

  it('never approves fewer, exposes or loses less, or expects a lower bad rate at a higher cut-off', () => {
    fc.assert(
      fc.property(
        portfolio,
        fc.array(fc.double({ min: 0, max: 1.01, noNaN: true }), { minLength: 2 }),
        (rows, cuts) => {
          const curve = strategyCurve(
            rows,
            [...cuts].sort((a, b) => a - b),
            0.03
          )
          for (let i = 1; i < curve.length; i++) {
            const [a, b] = [curve[i - 1], curve[i]]
            if (b.approvalRate < a.approvalRate) return false
            if (b.exposure < a.exposure || b.expectedLoss < a.expectedLoss) return false
            // Mean PD of a longer prefix of ascending PDs; a relative 1e-12 allows for rounding.
            if (a.expectedBadRate !== null && b.expectedBadRate! < a.expectedBadRate * (1 - 1e-12))
              return false
          }
          return true
        }
      ),
      { seed: 15 }
    )
  })

  it('moves the same rows in and out when the cut-offs are swapped, as many as the approvals differ', () => {
    fc.assert(
      fc.property(
        portfolio,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (rows, a, b) => {
          const forth = swapSet(rows, a, b)
          const back = swapSet(rows, b, a)
          const [pa, pb] = strategyCurve(rows, [a, b], 0.03)
          return (
            JSON.stringify(forth.swapIn) === JSON.stringify(back.swapOut) &&
            JSON.stringify(forth.swapOut) === JSON.stringify(back.swapIn) &&
            forth.swapIn.count - forth.swapOut.count === pb.approved - pa.approved &&
            Math.min(forth.swapIn.count, forth.swapOut.count) === 0
          )
        }
      ),
      { seed: 15 }
    )
  })
})

describe('swapSet', () => {
  it('names the loans a looser cut-off adds, with their bad rate and ₹', () => {
    // From 5 % to 50 %: loans 2 and 3 come in; one of them defaulted; EL 13,000 + 9,750.
    const s = swapSet(threeLoans(), 0.05, 0.5)
    expect(s.swapIn).toEqual({
      count: 2,
      defaults: 1,
      badRate: 0.5,
      expectedBadRate: expect.closeTo(0.2, 12),
      exposure: 250_000,
      expectedLoss: expect.closeTo(22_750, 9)
    })
    expect(s.swapOut.count).toBe(0)
    expect(s.swapOut.badRate).toBeNull()
  })
})

describe('cutoffGrid', () => {
  it('holds every half per cent, the grade edges and the threshold, once each, ascending', () => {
    const grid = cutoffGrid(DEFAULT_RISK_GRADES, 0.137)
    expect(grid).toContain(0.035)
    expect(grid).toContain(0.137)
    expect(grid).toContain(1.000001)
    // 200 half-per-cent steps (0.05, 0.1, 0.2, 0.4 among them), plus 0.137 and 1.000001.
    expect(grid).toHaveLength(202)
    expect(grid.every((c, i) => i === 0 || c > grid[i - 1])).toBe(true)
    expect(grid[0]).toBe(0.005)
  })
})

describe('recommendCutoff', () => {
  const point = (
    cutoff: number,
    approvalRate: number,
    badRate: number,
    expectedBadRate: number,
    profit: number
  ): StrategyPoint => ({
    cutoff,
    approved: Math.round(approvalRate * 100),
    approvalRate,
    badRate,
    expectedBadRate,
    exposure: 0,
    expectedLoss: 0,
    expectedIncome: profit,
    expectedProfit: profit
  })
  // A hand-made curve of 100 applicants: the observed bad rate dips at 30 % (noise), the expected one rises.
  const curve = [
    point(0.1, 0.5, 0.03, 0.04, 300),
    point(0.2, 0.7, 0.06, 0.05, 500),
    point(0.3, 0.8, 0.05, 0.06, 450),
    point(0.4, 0.9, 0.08, 0.07, 100)
  ]

  it('takes the most approvals whose expected bad rate is within the target', () => {
    // Expected bad rates 4, 5, 6, 7 %: within 6 % the most approvals are at 30 % (80 %).
    const r = recommendCutoff(curve, { kind: 'bad-rate', maxBadRate: 0.06, basis: 'expected' })
    expect(r.cutoff).toBe(0.3)
    expect(r.reason).toMatch(/80\.0 %/)
  })

  it('takes the most approvals whose observed bad rate is within the target, even past a higher one', () => {
    // Observed 3, 6, 5, 8 %: within 5 % are 10 % (50 %) and 30 % (80 %): the latter.
    expect(recommendCutoff(curve, { kind: 'bad-rate', maxBadRate: 0.05, basis: 'observed' }).cutoff).toBe(0.3)
  })

  it('takes the most approvals not above a target approval rate', () => {
    expect(recommendCutoff(curve, { kind: 'approval', maxApprovalRate: 0.75 }).cutoff).toBe(0.2)
    expect(recommendCutoff(curve, { kind: 'approval', maxApprovalRate: 0.4 }).cutoff).toBeNull()
  })

  it('takes the most profitable cut-off, the lowest among equals', () => {
    expect(recommendCutoff(curve, { kind: 'max-profit' }).cutoff).toBe(0.2)
    const tied = [...curve, point(0.15, 0.7, 0.06, 0.05, 500)]
    expect(recommendCutoff(tied, { kind: 'max-profit' }).cutoff).toBe(0.15)
  })

  it('says why when no cut-off meets the target', () => {
    const r = recommendCutoff(curve, { kind: 'bad-rate', maxBadRate: 0.02, basis: 'expected' })
    expect(r.cutoff).toBeNull()
    expect(r.reason).toMatch(/strictest cut-off/)
    const noOutcomes = curve.map((p) => ({ ...p, badRate: null }))
    expect(
      recommendCutoff(noOutcomes, { kind: 'bad-rate', maxBadRate: 0.05, basis: 'observed' }).reason
    ).toMatch(/no outcomes/)
  })
})

describe('buildStrategy', () => {
  it('reports the model threshold, the recommendation and the conventions used', () => {
    const result = buildStrategy(threeLoans(), {
      margin: 0.03,
      threshold: 0.137,
      grades: DEFAULT_RISK_GRADES,
      target: { kind: 'max-profit' },
      lgd: { policy: DEFAULT_LGD_POLICY, source: 'collateral', missing: 0 },
      eadColumn: 'Loan_Amount'
    })
    expect(result.atModelThreshold.cutoff).toBe(0.137)
    expect(result.atModelThreshold.approved).toBe(2)
    // Only loan 1 is profitable; the lowest cut-off that approves it alone is 2.5 %.
    expect(result.recommended?.cutoff).toBe(0.025)
    expect(result.defaults).toBe(1)
    expect(result.conventions.lgd).toMatch(/25 % for secured and 65 % for unsecured/)
    expect(result.conventions.ead).toMatch(/Loan_Amount/)
  })
})

describe('lgdPerRow', () => {
  it('reads yes/no collateral flags, gives empty cells the flat LGD and counts them', () => {
    const r = lgdPerRow(['Yes', ' no ', null, 'SECURED', ''], 5)
    expect(Array.from(r.lgd)).toEqual([0.25, 0.65, 0.45, 0.25, 0.45])
    expect([r.source, r.missing]).toEqual(['collateral', 2])
  })

  it('uses the flat LGD for every row without a collateral column', () => {
    const r = lgdPerRow(null, 3, { ...DEFAULT_LGD_POLICY, flat: 0.4 })
    expect(Array.from(r.lgd)).toEqual([0.4, 0.4, 0.4])
    expect(r.source).toBe('flat')
  })

  it('refuses a collateral value that is neither yes nor no, naming row and column', () => {
    expect(() => lgdPerRow(['Yes', 'maybe'], 2, DEFAULT_LGD_POLICY, 'Secured')).toThrow(
      /Row 2, column Secured: "maybe" is not a collateral flag/
    )
    expect(() => lgdPerRow(null, 1, { ...DEFAULT_LGD_POLICY, flat: 45 })).toThrow(/between 0 and 1/)
  })
})

describe('exposurePerRow', () => {
  it('passes amounts through and refuses an empty or negative one with its row and column', () => {
    expect(Array.from(exposurePerRow(f64([0, 5_000]), 'Loan_Amount'))).toEqual([0, 5_000])
    expect(() => exposurePerRow(f64([1, NaN]), 'Loan_Amount')).toThrow(
      /Row 2, column Loan_Amount: the exposure is empty/
    )
    expect(() => exposurePerRow(f64([-3]), 'Limit')).toThrow(/Row 1, column Limit: the exposure -3/)
  })
})
