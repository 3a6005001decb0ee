import { describe, expect, it } from 'vitest'
import { DEFAULT_RISK_GRADES } from '../../../../src/main/core/model/ModelArtifact'
import {
  gradeConcentration,
  herfindahl,
  normalisedHerfindahl
} from '../../../../src/main/core/validation/concentration'

describe('gradeConcentration', () => {
  it('computes shares and the Herfindahl index of a hand-made portfolio', () => {
    // Grades A 4, B 3, C 2, D 1, E 0 of 10 rows: HHI = 0.16 + 0.09 + 0.04 + 0.01 = 0.30;
    // normalised over K = 5 grades: (0.30 − 0.2) / 0.8 = 0.125.
    // Exposure: A 4 × 100, D 1 × 600 → shares 0.4 and 0.6 of 1,000 … plus B 3 × 0, C 2 × 0:
    // exposure HHI = 0.16 + 0.36 = 0.52.
    const pd = Float64Array.from([0.01, 0.01, 0.01, 0.01, 0.07, 0.07, 0.07, 0.15, 0.15, 0.3])
    const ead = Float64Array.from([100, 100, 100, 100, 0, 0, 0, 0, 0, 600])
    const r = gradeConcentration(pd, DEFAULT_RISK_GRADES, ead)
    expect(r.grades.map((g) => g.count)).toEqual([4, 3, 2, 1, 0])
    expect(r.grades.map((g) => g.share)).toEqual([0.4, 0.3, 0.2, 0.1, 0])
    expect(r.herfindahl).toBeCloseTo(0.3, 12)
    expect(r.herfindahlNormalised).toBeCloseTo(0.125, 12)
    expect(r.exposureHerfindahl).toBeCloseTo(0.52, 12)
    expect(r.grades[3].exposureShare).toBeCloseTo(0.6, 12)
  })

  it('runs from 0 when spread evenly to 1 when all in one grade', () => {
    expect(normalisedHerfindahl(herfindahl([0.2, 0.2, 0.2, 0.2, 0.2]), 5)).toBeCloseTo(0, 12)
    expect(normalisedHerfindahl(herfindahl([0, 0, 1, 0, 0]), 5)).toBe(1)
    expect(gradeConcentration(Float64Array.from([0.5]), DEFAULT_RISK_GRADES).exposureHerfindahl).toBeNull()
  })
})
