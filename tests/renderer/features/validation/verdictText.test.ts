import { afterEach, describe, expect, it } from 'vitest'
import { setLang } from '../../../../src/renderer/src/i18n'
import {
  formatP,
  verdictLines,
  worstGrade
} from '../../../../src/renderer/src/features/validation/verdictText'
import { grade, pack } from './fixtures'

afterEach(() => setLang('en'))

describe('the worst grade of a calibration', () => {
  it('is the one with the worst light, then the smallest p', () => {
    const grades = [
      grade('A', { binomialP: 0.03, direction: 'below' }),
      grade('B', { binomialP: 0.0015, direction: 'above' }),
      grade('C', { binomialP: 0.0001, direction: 'below' }),
      grade('D', { binomialP: null })
    ]
    // Three grades tested: red below 0.01 / 3 with more defaults (B), C is only amber.
    expect(worstGrade(grades)!.grade).toBe('B')
    expect(worstGrade([grade('A', { binomialP: 0.4 }), grade('B', { binomialP: 0.2 })])!.grade).toBe('B')
    expect(worstGrade([grade('A', { binomialP: null })])).toBeNull()
  })

  it('writes p-values as a committee reads them', () => {
    expect([0.18198, 0.0004, null].map(formatP)).toEqual(['0.182', '< 0.001', '—'])
  })
})

describe('the pack’s cover in the window’s language', () => {
  it('words each test with its figure, what the light means and the bands it was judged by', () => {
    const lines = verdictLines(pack())
    const by = Object.fromEntries(lines.map((l) => [l.test, l]))
    expect(lines.map((l) => l.light)).toEqual(pack().verdicts.map((v) => v.light))
    expect(by.auc.title).toBe('Discrimination: AUC and Gini')
    expect(by.auc.value).toBe('AUC 0.807 (CI 0.690–0.860), Gini 0.613')
    // Green, but the interval reaches below 0.7: said so.
    expect(by.auc.reason).toBe(
      'The model ranks defaulters above repayers well enough to decide on. Its 95 % interval reaches below 0.7.'
    )
    expect(by.auc.bands).toBe('green ≥ 0.7, amber 0.6–0.7, red < 0.6')
    expect(by.ks.value).toBe('KS 0.496 (CI 0.368–0.591)')
    // Grade E: 24 × 0.6166 = 14.8 expected.
    expect(by.gradeCalibration.value).toBe('grade E: 19 defaults vs 14.8 expected of 24, p 0.093')
    expect(by.gradeCalibration.bands).toContain(
      'red p < 0.005 with more defaults than expected, amber p < 0.025'
    )
    expect(by.hosmerLemeshow.value).toBe('χ² 11.37, df 8, p 0.182')
    expect(by.concentration.value).toBe('0.125 (HHI 0.300; grade B holds 53.7 %)')
  })

  it('says why a test did not run', () => {
    const by = Object.fromEntries(verdictLines(pack()).map((l) => [l.test, l]))
    expect(by.psi.value).toBe('—')
    expect(by.psi.reason).toBe('Needs newer loans to compare with the held-out rows: choose a file above.')
    const noOutcomes = { ...pack(), discrimination: null, calibration: null }
    noOutcomes.verdicts = noOutcomes.verdicts.map((v) =>
      v.test === 'auc' ? { ...v, light: 'not run' as const } : v
    )
    expect(verdictLines(noOutcomes)[0].reason).toBe(
      'The data has no outcomes (defaulted or not): this test needs a file with them.'
    )
  })

  it('names the worst flagged segment', () => {
    const by = Object.fromEntries(verdictLines(pack()).map((l) => [l.test, l]))
    expect(by.segmentApproval.value).toBe('2 flagged; Employment_Status = Business: ratio 0.71')
    expect(by.segmentApproval.reason).toMatch(
      /^Repayers with Employment_Status = Business are approved much less often/
    )
    expect(by.segmentAuc.value).toBe('overall AUC 0.807; no segment materially lower')
  })

  it('is written in Hindi when the window is', () => {
    setLang('hi')
    const by = Object.fromEntries(verdictLines(pack()).map((l) => [l.test, l]))
    expect(by.gradeCalibration.title).toBe('जोखिम श्रेणी के अनुसार अंशांकन')
    expect(by.gradeCalibration.value).toBe('श्रेणी E: 24 में से 19 चूक, अपेक्षित 14.8, p 0.093')
  })
})
