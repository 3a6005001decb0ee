import { describe, expect, it } from 'vitest'
import {
  DEFAULT_RISK_GRADES,
  FeatureSpecSchema,
  riskGrade
} from '../../../../src/main/core/model/ModelArtifact'
import { documentedGrade, documentedGradeBands } from '../../../helpers/documentedGrades'

describe('risk grades against the bands the README documents', () => {
  const bands = documentedGradeBands()

  it('reads five bands A–E from the README', () => {
    expect(bands.map((b) => b.grade)).toEqual(['A', 'B', 'C', 'D', 'E'])
    expect(bands.map((b) => b.upper)).toEqual([0.05, 0.1, 0.2, 0.4, Infinity])
  })

  it('grades every probability on a fine grid, and just either side of each boundary, as documented', () => {
    const probes: number[] = []
    for (let k = 0; k <= 1000; k++) probes.push(k / 1000)
    for (const b of bands.slice(1)) probes.push(b.lower - 1e-9, b.lower, b.lower + 1e-9)
    for (const p of probes)
      expect(riskGrade(DEFAULT_RISK_GRADES, p).grade, `p = ${p}`).toBe(documentedGrade(bands, p))
  })

  it('labels the grades from very low to very high risk', () => {
    expect(DEFAULT_RISK_GRADES.map((g) => g.label)).toEqual([
      'very low risk',
      'low risk',
      'moderate risk',
      'high risk',
      'very high risk'
    ])
  })

  it('gives the last grade to a probability past every band', () => {
    const grades = [
      { grade: 'low', upTo: 0.5, label: 'low' },
      { grade: 'high', upTo: 0.9, label: 'high' }
    ]
    expect(riskGrade(grades, 0.4999).grade).toBe('low')
    expect(riskGrade(grades, 0.5).grade).toBe('high')
    expect(riskGrade(grades, 0.95).grade).toBe('high')
  })
})

describe('FeatureSpecSchema', () => {
  const numeric = { name: 'x', kind: 'numeric', source: 'input', median: 1, mean: 1 } as const

  it('takes a positive scale and refuses a zero or negative one (a constant column is stored with std 1)', () => {
    expect(FeatureSpecSchema.safeParse({ ...numeric, std: 0.5 }).success).toBe(true)
    expect(FeatureSpecSchema.safeParse({ ...numeric, std: 0 }).success).toBe(false)
    expect(FeatureSpecSchema.safeParse({ ...numeric, std: -1 }).success).toBe(false)
  })
})
