import { describe, expect, it } from 'vitest'
import { DEFAULT_RISK_GRADES, type DriftBins } from '../../../../src/main/core/model/ModelArtifact'
import {
  characteristicStability,
  gradeMigration,
  scorePsiByDeciles,
  scorePsiByGrade,
  stability
} from '../../../../src/main/core/validation/stability'

const f64 = (v: number[]): Float64Array => Float64Array.from(v)
/** The categorical CSI below, summed in Python's math. */
const CATEGORICAL_CSI = 3.989844753256766
/** `count` copies of a PD. */
const rep = (pd: number, count: number): number[] => new Array<number>(count).fill(pd)

describe('scorePsiByGrade', () => {
  it('reproduces a worked PSI over the grades, an empty reference grade floored at 0.0001', () => {
    // Reference grades A 4, B 3, C 2, D 1, E 0 of 10; current A 2, B 3, C 3, D 1, E 1 of 10.
    //   A: (0.2 − 0.4) · ln(0.2 / 0.4) = 0.1386294
    //   B, D: 0
    //   C: (0.3 − 0.2) · ln(0.3 / 0.2) = 0.0405465
    //   E: (0.1 − 0.0001) · ln(0.1 / 0.0001) = 0.6900847
    // PSI = 0.8692607
    const reference = f64([...rep(0.01, 4), ...rep(0.07, 3), ...rep(0.15, 2), 0.3])
    const current = f64([...rep(0.01, 2), ...rep(0.07, 3), ...rep(0.15, 3), 0.3, 0.6])
    const result = scorePsiByGrade(reference, current, DEFAULT_RISK_GRADES)
    expect(result.psi).toBeCloseTo(0.869260699293121, 12)
    expect(result.bins.map((b) => b.label)).toEqual(['A', 'B', 'C', 'D', 'E'])
    expect(result.bins.map((b) => b.contribution)).toEqual([
      expect.closeTo(0.1386294361, 9),
      0,
      expect.closeTo(0.0405465108, 9),
      0,
      expect.closeTo(0.6900847, 6)
    ])
    expect(result.bins.reduce((s, b) => s + b.contribution, 0)).toBeCloseTo(result.psi, 12)
  })
})

describe('scorePsiByDeciles', () => {
  it('is 0 for the same population and reproduces a worked shift', () => {
    // Reference PDs 0.01 … 1.00: decile edges 0.109, 0.209, …, 0.909, 10 % in each bin.
    // Current: 0.01 … 0.50 twice, so the five lowest bins hold 20 % each and the rest none.
    // PSI = 5 · (0.2 − 0.1) · ln 2 + 5 · (0.0001 − 0.1) · ln(0.0001 / 0.1) = 0.3465736 + 3.4504237 = 3.7969974.
    const reference = f64(Array.from({ length: 100 }, (_, i) => (i + 1) / 100))
    const current = f64(Array.from({ length: 100 }, (_, i) => ((i % 50) + 1) / 100))
    expect(scorePsiByDeciles(reference, reference).psi).toBe(0)
    const shifted = scorePsiByDeciles(reference, current)
    expect(shifted.bins).toHaveLength(10)
    expect(shifted.bins.map((b) => b.expectedShare)).toEqual(rep(0.1, 10).map((v) => expect.closeTo(v, 12)))
    expect(shifted.bins[0].label).toBe('≤ 10.9 %')
    expect(shifted.psi).toBeCloseTo(3.7969973521315503, 10)
  })
})

describe('characteristicStability', () => {
  it('reproduces worked CSIs of a numeric and a categorical input from their training bins', () => {
    const bins: DriftBins[] = [
      { name: 'Income', kind: 'numeric', edges: [10, 20], shares: [0.5, 0.3, 0.2], missingShare: 0 },
      {
        name: 'Purpose',
        kind: 'categorical',
        levels: ['Home', 'Gold'],
        shares: [0.6, 0.3],
        otherShare: 0.1,
        missingShare: 0
      }
    ]
    // Income now: 5 | 15 15 | 25 | missing → shares 0.2, 0.4, 0.2, 0.2 against 0.5, 0.3, 0.2, 0:
    //   (−0.3) ln 0.4 + 0.1 ln(4/3) + 0 + (0.2 − 0.0001) ln(0.2 / 0.0001) = 1.8230758
    // Purpose now: Home Home Home | Car (other) | missing → 0.6, 0, 0.2, 0.2 against 0.6, 0.3, 0.1, 0:
    //   0 + (0.0001 − 0.3) ln(0.0001 / 0.3) + 0.1 ln 2 + 0.1999 ln 2000 = 2.4011099 + 0.0693147 + 1.5194203 = 3.9898449
    const result = characteristicStability(bins, {
      numRows: 5,
      numeric: new Map([['Income', f64([5, 15, 15, 25, NaN])]]),
      categorical: new Map([['Purpose', ['Home', 'Home', 'Car', null, 'Home']]])
    })
    expect(result.map((r) => r.column)).toEqual(['Purpose', 'Income'])
    expect(result[1].csi).toBeCloseTo(1.823075828469887, 10)
    expect(result[0].csi).toBeCloseTo(CATEGORICAL_CSI, 10)
    expect(result[0].status).toBe('major shift')
  })
})

describe('gradeMigration', () => {
  it('counts accounts in both files by grade before and after', () => {
    // a: A → A; b: B → D (two grades worse); c: C → B (one better); d only before; e only after.
    const m = gradeMigration(
      { label: 'then', pd: f64([0.01, 0.07, 0.15, 0.3]), ids: ['a', 'b', 'c', 'd'] },
      { label: 'now', pd: f64([0.02, 0.3, 0.08, 0.5]), ids: ['a', 'b', 'c', 'e'] },
      DEFAULT_RISK_GRADES
    )
    expect(m.matrix[0][0]).toBe(1)
    expect(m.matrix[1][3]).toBe(1)
    expect(m.matrix[2][1]).toBe(1)
    expect([m.matched, m.unchanged, m.improved, m.worsened, m.movedTwoOrMore]).toEqual([3, 1, 1, 1, 1])
    expect([m.unmatchedReference, m.unmatchedCurrent]).toEqual([1, 1])
  })
})

describe('stability', () => {
  it('reports only the distribution shift when no account id is shared or there are none', () => {
    const reference = { label: 'held-out', pd: f64([0.01, 0.2]), ids: ['x', 'y'] }
    const disjoint = stability({
      reference,
      current: { label: 'new', pd: f64([0.01, 0.3]), ids: ['p', 'q'] },
      grades: DEFAULT_RISK_GRADES
    })
    expect(disjoint.migration).toBeNull()
    expect(disjoint.migrationNote).toMatch(/No account id appears in both/)
    const noIds = stability({
      reference: { label: 'held-out', pd: f64([0.01, 0.2]) },
      current: { label: 'new', pd: f64([0.01, 0.3]) },
      grades: DEFAULT_RISK_GRADES
    })
    expect(noIds.migrationNote).toMatch(/no account ids/)
    expect(noIds.psi).toBe(noIds.score.psi)
    expect(noIds.csi).toEqual([])
  })
})
