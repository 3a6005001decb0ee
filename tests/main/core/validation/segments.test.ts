import { describe, expect, it } from 'vitest'
import { segmentAnalysis } from '../../../../src/main/core/validation/segments'

/** Rows built from blocks of (segment value, count, PD, outcome). */
function build(blocks: [string, number, number, 0 | 1][]): {
  values: string[]
  pd: Float64Array
  y: Uint8Array
} {
  const values: string[] = []
  const pd: number[] = []
  const y: number[] = []
  for (const [value, count, p, outcome] of blocks) {
    for (let i = 0; i < count; i++) {
      values.push(value)
      pd.push(p)
      y.push(outcome)
    }
  }
  return { values, pd: Float64Array.from(pd), y: Uint8Array.from(y) }
}

describe('segmentAnalysis', () => {
  it('flags a segment whose repayers are approved under four fifths as often as the best segment’s', () => {
    // Cut-off 20 %. M: 80 repaid (72 at PD 5 % approved, 8 at 50 % declined), 20 defaulted at 50 %.
    // F: 80 repaid (48 at 5 % approved, 32 at 30 % declined), 20 defaulted at 50 %.
    // Repayers approved: M 72/80 = 0.90, F 48/80 = 0.60 → F's ratio 0.60 / 0.90 = 0.667 < 0.8.
    const { values, pd, y } = build([
      ['M', 72, 0.05, 0],
      ['M', 8, 0.5, 0],
      ['M', 20, 0.5, 1],
      ['F', 48, 0.05, 0],
      ['F', 32, 0.3, 0],
      ['F', 20, 0.5, 1]
    ])
    const result = segmentAnalysis([{ name: 'Gender', values }], pd, y, 0.2)
    // Equal row counts: values in alphabetical order.
    const [f, m] = result.segments
    expect([m.value, m.rows, m.approved, m.repaid, m.repaidApprovalRate, m.impactRatio]).toEqual([
      'M',
      100,
      72,
      80,
      0.9,
      1
    ])
    expect(m.lowApproval).toBe(false)
    expect(f.value).toBe('F')
    expect(f.repaidApprovalRate).toBe(0.6)
    expect(f.impactRatio).toBeCloseTo(2 / 3, 12)
    expect(f.rawImpactRatio).toBeCloseTo(0.48 / 0.72, 12)
    expect(f.lowApproval).toBe(true)
    expect(f.reasons[0]).toMatch(/Repayers approved 60\.0 % against 90\.0 % for M: ratio 0\.67/)
    // Every approved applicant repaid: bad rate among the approved 0; default rate 20 %.
    expect([f.badRate, f.defaultRate]).toEqual([0, 0.2])
  })

  it('does not flag a riskier segment whose repayers are approved alike, though its raw approval ratio is low', () => {
    // North: 90 repaid (all approved), 10 defaulted (declined) → raw approval 0.90, repayers 1.00.
    // South: 60 repaid (57 approved), 40 defaulted (declined) → raw 0.57 (ratio 0.63), repayers 0.95.
    const { values, pd, y } = build([
      ['North', 90, 0.05, 0],
      ['North', 10, 0.6, 1],
      ['South', 57, 0.05, 0],
      ['South', 3, 0.3, 0],
      ['South', 40, 0.6, 1]
    ])
    const [, south] = segmentAnalysis([{ name: 'Region', values }], pd, y, 0.2).segments
    expect(south.rawImpactRatio).toBeCloseTo(0.57 / 0.9, 12)
    expect(south.impactRatio).toBeCloseTo(0.95, 12)
    expect(south.lowApproval).toBe(false)
  })

  it('flags a segment the model ranks materially worse, and not one it ranks better', () => {
    // X: 50 defaulters at 0.9, 50 repayers at 0.1 → AUC 1. Y: all 100 at 0.5 → AUC 0.5, every
    // bootstrap replicate too. Overall by hand: of 100 × 100 pairs, X's defaulters beat all
    // 100 repayers (5,000), Y's beat X's repayers (2,500) and tie Y's (2,500 × ½): 8,750 → 0.875.
    const { values, pd, y } = build([
      ['X', 50, 0.9, 1],
      ['X', 50, 0.1, 0],
      ['Y', 50, 0.5, 1],
      ['Y', 50, 0.5, 0]
    ])
    const result = segmentAnalysis([{ name: 'Branch', values }], pd, y, 0.2)
    expect(result.overallAuc).toBeCloseTo(0.875, 12)
    const [x, yy] = result.segments
    expect([x.auc, x.lowAuc]).toEqual([1, false])
    expect(yy.auc).toBe(0.5)
    expect(yy.aucCi).toEqual({ lower: 0.5, upper: 0.5 })
    expect(yy.lowAuc).toBe(true)
  })

  it('leaves a segment with one class without an AUC and small segments out of the comparison', () => {
    const { values, pd, y } = build([
      ['Big', 40, 0.05, 0],
      ['Big', 10, 0.5, 1],
      ['Tiny', 5, 0.5, 0]
    ])
    const [big, tiny] = segmentAnalysis([{ name: 'Size', values }], pd, y, 0.2).segments
    expect(tiny.auc).toBeNull()
    // Five repayers, none approved: too few to compare (30 needed), so no ratio and no flag.
    expect([tiny.impactRatio, tiny.rawImpactRatio, tiny.lowApproval]).toEqual([null, null, false])
    expect(big.impactRatio).toBe(1)
  })

  it('reports rates but flags nothing without outcomes, and names missing values', () => {
    const pd = Float64Array.from([0.05, 0.5, 0.05, 0.05])
    const result = segmentAnalysis([{ name: 'Caste', values: ['A', 'A', null, ' '] }], pd, null, 0.2)
    expect(result.overallAuc).toBeNull()
    expect(
      result.segments.map((s) => [s.value, s.rows, s.approvalRate, s.badRate, s.auc, s.lowApproval])
    ).toEqual([
      ['(missing)', 2, 1, null, null, false],
      ['A', 2, 0.5, null, null, false]
    ])
  })

  it('refuses a segment column of the wrong length', () => {
    expect(() =>
      segmentAnalysis([{ name: 'G', values: ['a'] }], Float64Array.from([0.1, 0.2]), null, 0.5)
    ).toThrow(/Segment column G has 1 values for 2 rows/)
  })
})
