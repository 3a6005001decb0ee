import { describe, expect, it } from 'vitest'
import type { CategoricalProfile, NumericProfile } from '../../../../src/shared/dto'
import {
  mostCommonText,
  statText,
  SUMMARY_STATS
} from '../../../../src/renderer/src/features/explore/summaryStats'

const income = {
  name: 'Annual_Income',
  kind: 'numeric',
  mean: 679956.4,
  min: 60000,
  max: 6611486
} as NumericProfile
const age = { name: 'Age', kind: 'numeric', mean: 41.08, min: 21 } as NumericProfile
const region = {
  name: 'Region',
  kind: 'categorical',
  count: 200,
  top: [{ value: 'South', count: 52, defaults: 5, defaultRate: 0.1 }]
} as CategoricalProfile

describe('summary statistics', () => {
  it('lists the five-number summary after the mean, in table order', () => {
    expect(SUMMARY_STATS.map((s) => s.label)).toEqual(['Mean', 'Min', 'Q1', 'Median', 'Q3', 'Max'])
  })

  it('writes money in rupees, other numbers plainly, and a dash for a category', () => {
    expect(statText(income, 'mean')).toBe('₹6,79,956')
    expect(statText(income, 'max')).toBe('₹66,11,486')
    expect(statText(age, 'mean')).toBe('41.08')
    expect(statText(region, 'median')).toBe('—')
  })

  it('gives a category’s most common value with its share, a dash for numbers and identifiers', () => {
    expect(mostCommonText(region)).toBe('South (26 %)')
    expect(mostCommonText(income)).toBe('—')
    expect(mostCommonText({ ...region, top: [] })).toBe('—')
  })
})
