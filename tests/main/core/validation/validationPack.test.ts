import { describe, expect, it } from 'vitest'
import { buildValidationPack } from '../../../../src/main/core/validation/validationPack'
import { simulatedValidationInput } from './simulatedPortfolio'

describe('buildValidationPack', () => {
  const input = simulatedValidationInput()
  const pack = buildValidationPack(input)

  it('is plain JSON: nothing is lost on a round trip (no NaN, Infinity or undefined)', () => {
    expect(JSON.parse(JSON.stringify(pack))).toEqual(pack)
  })

  it('runs every test on a newer file with outcomes, ids, inputs and segments', () => {
    expect(pack.verdicts).toHaveLength(9)
    expect(pack.verdicts.every((v) => v.light !== 'not run')).toBe(true)
    expect(pack.notes).toEqual([])
    expect(pack.stability?.migration?.matched).toBe(2000)
    expect(pack.data.rows).toBe(4000)
  })

  it('finds the planted unfairness against women and none across regions', () => {
    const flagged = pack.segments!.segments.filter((s) => s.lowApproval).map((s) => `${s.column}=${s.value}`)
    expect(flagged).toEqual(['Gender=F'])
    expect(pack.verdicts.find((v) => v.test === 'segmentApproval')?.light).toBe('red')
  })

  it('sees the fall in incomes as input drift', () => {
    expect(pack.stability!.csi[0].column).toBe('Income')
    expect(pack.stability!.csi[0].csi).toBeGreaterThan(0.1)
  })

  it('runs only what the data allows without outcomes or a reference, and says so', () => {
    const bare = buildValidationPack({
      ...input,
      data: { ...input.data, outcome: null },
      reference: null,
      segments: []
    })
    expect(bare.discrimination).toBeNull()
    expect(bare.calibration).toBeNull()
    expect(bare.stability).toBeNull()
    expect(bare.verdicts.filter((v) => v.light !== 'not run').map((v) => v.test)).toEqual(['concentration'])
    expect(bare.notes).toHaveLength(2)
  })
})
