import { describe, expect, it } from 'vitest'
import type { FeatureSpec } from '../../../../../src/main/core/model/ModelArtifact'
import type { ScorecardBin, ScorecardTable } from '../../../../../src/main/core/model/ScorecardTable'
import { explainScorecardOf } from '../../../../../src/main/core/ml/scorecard/explainScorecard'

/** A bin of the table with the given margin; the other columns do not enter the reasons. */
function bin(margin: number, extra: Partial<ScorecardBin> = {}): ScorecardBin {
  return { label: '', count: 1, defaults: 0, woe: 0, margin, points: 0, pointsExact: 0, ...extra }
}

const features: FeatureSpec[] = [
  { name: 'Amount', kind: 'numeric', source: 'input', median: 15, mean: 15, std: 5 },
  { name: 'Region', kind: 'categorical', source: 'input', levels: ['a', 'b', 'c'], fill: 0 },
  { name: 'Unused', kind: 'numeric', source: 'input', median: 0, mean: 0, std: 1 }
]
const common = { trend: 'ascending' as const, iv: 0.1, coefficient: 1, vif: null, notes: [] }
const scorecard: ScorecardTable = {
  pdo: 20,
  basePoints: 600,
  baseOdds: 50,
  factor: 20 / Math.LN2,
  offset: 0,
  intercept: 1.5,
  characteristics: [
    // Registered in the table in the other order from the features: reasons go by feature.
    {
      ...common,
      feature: 'Region',
      kind: 'categorical',
      bins: [
        bin(-0.3, { categories: ['b'] }),
        bin(0.1, { categories: ['a', 'c'] }),
        bin(0.5, { missing: true })
      ]
    },
    {
      ...common,
      feature: 'Amount',
      kind: 'numeric',
      splits: [10],
      bins: [bin(0.4), bin(-0.2), bin(0.9, { missing: true })]
    }
  ],
  dropped: []
}

/*
 * By hand: each characteristic's best (smallest) margin is Amount −0.2, Region −0.3, so the
 * start is −intercept + Σ best = −1.5 − 0.2 − 0.3 = −2.0, and a row's reasons are its bins'
 * margins less those bests:
 *   Amount 5 (≤ 10: margin 0.4), Region "a" (margin 0.1): 0.6 and 0.4; −2.0 + 1.0 = −1.0, the
 *   margin −1.5 + 0.4 + 0.1 of the table;
 *   Amount missing (0.9), Region "b" (the best): 1.1 and 0.
 */
describe('explainScorecardOf', () => {
  it('gives each characteristic the margin it lost against its best bin, from the start of an all-best applicant', () => {
    const explain = explainScorecardOf({ features, scorecard })!
    const phi = Float64Array.of(9, 9, 9)
    expect(explain([5, 0, 123], phi)).toBeCloseTo(-2.0, 15)
    expect(phi[0]).toBeCloseTo(0.6, 15)
    expect(phi[1]).toBeCloseTo(0.4, 15)
    expect(phi[2]).toBe(0)
    explain([NaN, 1, 0], phi)
    expect(phi[0]).toBeCloseTo(1.1, 15)
    expect(phi[1]).toBe(0)
  })

  it('is null for a model without a scorecard', () => {
    expect(explainScorecardOf({ features, scorecard: undefined })).toBeNull()
  })
})
