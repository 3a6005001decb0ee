import { describe, expect, it } from 'vitest'
import { GenerateInput } from '../../../../src/shared/api'
import {
  defaultGenerateForm,
  GENERATE_LIMITS,
  generateInput
} from '../../../../src/renderer/src/features/data/generateDataset'

describe('generateInput', () => {
  it('sends the rate as a share and leaves an empty name to main', () => {
    const input = generateInput({ ...defaultGenerateForm(), defaultRatePercent: 12.5, name: '   ' })
    expect(input).toEqual({ rows: 20_000, seed: 42, defaultRate: 0.125 })
    expect(GenerateInput.parse(input)).toEqual(input)
  })

  it('sends a trimmed name', () => {
    expect(generateInput({ ...defaultGenerateForm(), name: '  March book ' }).name).toBe('March book')
  })

  it('lets the form reach the bounds main accepts, and no further', () => {
    const at = (rows: number, defaultRatePercent: number) =>
      GenerateInput.safeParse(generateInput({ ...defaultGenerateForm(), rows, defaultRatePercent })).success
    const { rows, defaultRatePercent: rate } = GENERATE_LIMITS
    expect(at(rows.min, rate.min)).toBe(true)
    expect(at(rows.max, rate.max)).toBe(true)
    expect(at(rows.max + 1, 10)).toBe(false)
    expect(at(rows.min - 1, 10)).toBe(false)
  })
})
