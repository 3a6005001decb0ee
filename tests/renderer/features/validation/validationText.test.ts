import { afterEach, describe, expect, it } from 'vitest'
import type { CharacteristicStability, SegmentRow } from '../../../../src/shared/validation'
import { setLang } from '../../../../src/renderer/src/i18n'
import {
  formatInterval,
  formatShareInterval,
  gradeMark,
  gradesTested,
  lightTag,
  lightWords,
  psiLight,
  segmentFlags,
  segmentName,
  stabilityStatus
} from '../../../../src/renderer/src/features/validation/validationText'
import { grade } from './fixtures'

afterEach(() => setLang('en'))

describe('the validation tables’ figures', () => {
  it('write intervals of statistics with three decimals and of rates as percentages', () => {
    expect(formatInterval({ lower: 0.74259, upper: 0.86104 })).toBe('0.743–0.861')
    expect(formatShareInterval({ lower: 0.003479, upper: 0.052385 })).toBe('0.3 %–5.2 %')
    expect(formatInterval(null)).toBe('—')
  })

  it('mark each grade by the Bonferroni-adjusted binomial test over the grades that hold loans', () => {
    const grades = [
      grade('A', { binomialP: 0.0015, direction: 'above' }),
      grade('B', { binomialP: 0.0015, direction: 'below' }),
      grade('C', { binomialP: 0.011, direction: 'above' }),
      grade('D', { binomialP: 0.5 }),
      grade('E', { binomialP: 0.009, direction: 'above' }),
      grade('F', { count: 0, defaults: 0, binomialP: null, meanPd: null, observedRate: null, jeffreys: null })
    ]
    // Five grades hold loans: amber below 0.05 / 5 = 0.01, red below 0.01 / 5 = 0.002 (more defaults).
    expect(gradesTested(grades)).toBe(5)
    expect(grades.map((g) => gradeMark(g, 5))).toEqual(['red', 'amber', 'green', 'green', 'amber', 'empty'])
  })

  it('band PSI and CSI at 0.1 and 0.25', () => {
    expect([0.015, 0.1, 0.25, 0.31].map(psiLight)).toEqual(['green', 'amber', 'amber', 'red'])
    expect(stabilityStatus({ column: 'Age', csi: 0.12, status: 'shift' } as CharacteristicStability)).toEqual(
      {
        text: 'shift',
        light: 'amber'
      }
    )
    expect(stabilityStatus({ column: 'Age', csi: 0.4, status: 'major shift' }).text).toBe('major shift')
  })

  it('name lights in the window’s language and as tag types', () => {
    expect(['green', 'amber', 'red', 'not run'].map((l) => lightWords(l as 'green'))).toEqual([
      'green',
      'amber',
      'red',
      'not run'
    ])
    expect(lightTag('red')).toBe('danger')
    expect(lightTag('empty')).toBe('info')
    setLang('hi')
    expect(lightWords('red')).toBe('लाल')
  })

  it('name a segment by its column and value, and its flags', () => {
    const row = { column: 'Region', value: 'North-East', lowApproval: true, lowAuc: true } as SegmentRow
    expect(segmentName(row)).toBe('Region = North-East')
    expect(segmentFlags(row)).toEqual(['low approval', 'weaker ranking'])
    expect(segmentFlags({ ...row, lowApproval: false, lowAuc: false })).toEqual([])
  })
})
