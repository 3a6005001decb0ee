import { describe, expect, it } from 'vitest'
import {
  gradeCutoffs,
  gradeLight,
  higherIsBetter,
  lowerIsBetter
} from '../../src/shared/validationThresholds'

describe('the validation bands', () => {
  it('judge AUC-like figures higher-is-better, green from the green bound, amber from the amber bound', () => {
    const bands = { green: 0.7, amber: 0.6 }
    expect([0.7, 0.6999, 0.6, 0.5999].map((v) => higherIsBetter(v, bands))).toEqual([
      'green',
      'amber',
      'amber',
      'red'
    ])
  })

  it('judge PSI-like figures lower-is-better: below 0.1 green, up to and including 0.25 amber', () => {
    const bands = { amber: 0.1, red: 0.25 }
    expect([0.0999, 0.1, 0.25, 0.2501].map((v) => lowerIsBetter(v, bands))).toEqual([
      'green',
      'amber',
      'amber',
      'red'
    ])
  })

  it('divide the per-grade p-value bounds by the number of grades tested (Bonferroni)', () => {
    // 0.05 / 5 and 0.01 / 5.
    const five = gradeCutoffs(5)
    expect(five.amber).toBeCloseTo(0.01, 15)
    expect(five.red).toBeCloseTo(0.002, 15)
    expect(gradeCutoffs(0)).toEqual({ amber: 0.05, red: 0.01 })
  })

  it('make a grade red only when more loans defaulted than its PDs expect, significantly', () => {
    expect(gradeLight({ binomialP: 0.0015, direction: 'above' }, 5)).toBe('red')
    expect(gradeLight({ binomialP: 0.0015, direction: 'below' }, 5)).toBe('amber')
    expect(gradeLight({ binomialP: 0.009, direction: 'above' }, 5)).toBe('amber')
    expect(gradeLight({ binomialP: 0.011, direction: 'above' }, 5)).toBe('green')
    // One grade alone is tested at the unadjusted bounds.
    expect(gradeLight({ binomialP: 0.011, direction: 'above' }, 1)).toBe('amber')
    expect(gradeLight({ binomialP: null, direction: null }, 5)).toBe('green')
  })
})
