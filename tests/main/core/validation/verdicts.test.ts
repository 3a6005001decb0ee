import { describe, expect, it } from 'vitest'
import type {
  CalibrationResult,
  ConcentrationResult,
  DiscriminationResult,
  GradeCalibration,
  StabilityResult,
  Verdict
} from '../../../../src/shared/validation'
import { VALIDATION_THRESHOLDS } from '../../../../src/main/core/validation/thresholds'
import { verdicts, type VerdictInputs } from '../../../../src/main/core/validation/verdicts'

const concentration = (normalised: number): ConcentrationResult => ({
  rows: 100,
  grades: [{ grade: 'A', count: 100, share: 1, exposure: null, exposureShare: null }],
  herfindahl: 1,
  herfindahlNormalised: normalised,
  exposureHerfindahl: null
})

const discrimination = (auc: number, ks: number, lower = auc - 0.02): DiscriminationResult => ({
  rows: 1000,
  defaults: 100,
  auc,
  aucCi: { lower, upper: auc + 0.02 },
  gini: 2 * auc - 1,
  giniCi: { lower: 2 * lower - 1, upper: 2 * auc + 0.03 },
  ks,
  ksCi: { lower: ks - 0.03, upper: ks + 0.03 },
  confidence: 0.95,
  replicates: 1000,
  seed: 1
})

const grade = (name: string, p: number, direction: 'above' | 'below'): GradeCalibration => ({
  grade: name,
  label: name,
  lower: 0,
  upper: 1,
  count: 100,
  defaults: direction === 'above' ? 12 : 2,
  meanPd: 0.06,
  observedRate: direction === 'above' ? 0.12 : 0.02,
  binomialP: p,
  jeffreys: { lower: 0, upper: 1 },
  direction
})

const calibration = (grades: GradeCalibration[], hlP: number, rows = 1000): CalibrationResult => ({
  rows,
  defaults: 100,
  meanPd: 0.1,
  observedRate: 0.1,
  confidence: 0.95,
  grades,
  hosmerLemeshow: { stat: 5, df: 8, p: hlP, groups: [] }
})

const stability = (psi: number, csi: number): StabilityResult => ({
  referenceLabel: 'held-out',
  currentLabel: 'June',
  referenceRows: 100,
  currentRows: 100,
  psi,
  score: { psi, binning: 'reference deciles', bins: [] },
  byGrade: { psi, binning: 'risk grades', bins: [] },
  csi: [{ column: 'Income', csi, status: 'stable' }],
  migration: null,
  migrationNote: ''
})

const base: VerdictInputs = {
  discrimination: null,
  calibration: null,
  stability: null,
  concentration: concentration(0.05),
  segments: null
}

const light = (list: Verdict[], test: Verdict['test']): string => list.find((v) => v.test === test)!.light

describe('verdicts', () => {
  it('bands AUC at 0.70 / 0.60 and KS at 0.30 / 0.20, boundaries included in the better band', () => {
    const cases: [number, string][] = [
      [0.75, 'green'],
      [0.7, 'green'],
      [0.65, 'amber'],
      [0.6, 'amber'],
      [0.55, 'red']
    ]
    for (const [auc, expected] of cases) {
      expect(
        light(verdicts({ ...base, discrimination: discrimination(auc, 0.35) }), 'auc'),
        `AUC ${auc}`
      ).toBe(expected)
    }
    expect(light(verdicts({ ...base, discrimination: discrimination(0.8, 0.25) }), 'ks')).toBe('amber')
    expect(light(verdicts({ ...base, discrimination: discrimination(0.8, 0.15) }), 'ks')).toBe('red')
  })

  it('says when a green AUC has an interval reaching below the green band', () => {
    const v = verdicts({ ...base, discrimination: discrimination(0.72, 0.35, 0.69) }).find(
      (x) => x.test === 'auc'
    )!
    expect(v.reason).toMatch(/interval reaches below 0\.70/)
    expect(v.value).toBe('AUC 0.720 (CI 0.690–0.740), Gini 0.440')
  })

  it('bands PSI and CSI at 0.10 / 0.25 as the rule of thumb: < 0.1 green, 0.1–0.25 amber, > 0.25 red', () => {
    const cases: [number, string][] = [
      [0.05, 'green'],
      [0.1, 'amber'],
      [0.25, 'amber'],
      [0.26, 'red']
    ]
    for (const [psi, expected] of cases) {
      const list = verdicts({ ...base, stability: stability(psi, psi) })
      expect(light(list, 'psi'), `PSI ${psi}`).toBe(expected)
      expect(light(list, 'csi'), `CSI ${psi}`).toBe(expected)
    }
  })

  it('judges grades with a Bonferroni-adjusted binomial test, red only when risk is under-stated', () => {
    // Five grades tested: amber below 0.05 / 5 = 0.01, red below 0.01 / 5 = 0.002 with more defaults than expected.
    const five = (p: number, direction: 'above' | 'below'): GradeCalibration[] => [
      grade('A', 0.5, 'below'),
      grade('B', 0.5, 'below'),
      grade('C', p, direction),
      grade('D', 0.5, 'above'),
      grade('E', 0.5, 'above')
    ]
    const verdictFor = (p: number, direction: 'above' | 'below'): Verdict =>
      verdicts({ ...base, calibration: calibration(five(p, direction), 0.5) }).find(
        (v) => v.test === 'gradeCalibration'
      )!
    expect(verdictFor(0.02, 'above').light).toBe('green')
    expect(verdictFor(0.005, 'above').light).toBe('amber')
    const red = verdictFor(0.001, 'above')
    expect(red.light).toBe('red')
    expect(red.value).toBe('grade C: 12 defaults vs 6.0 expected of 100, p 0.001')
    expect(red.reason).toMatch(/under-states its risk/)
    expect(red.thresholds).toMatch(/red p < 0\.002 .* amber p < 0\.01/)
    expect(verdictFor(0.001, 'below').light).toBe('amber')
  })

  it('bands Hosmer–Lemeshow p at 0.05 / 0.01 and warns about its power on large samples', () => {
    const hl = (p: number, rows = 1000): Verdict =>
      verdicts({ ...base, calibration: calibration([], p, rows) }).find((v) => v.test === 'hosmerLemeshow')!
    expect(hl(0.2).light).toBe('green')
    expect(hl(0.03).light).toBe('amber')
    expect(hl(0.001).light).toBe('red')
    expect(hl(0.001, 200_000).reason).toMatch(/even small gaps are significant/)
  })

  it('bands the normalised Herfindahl at 0.15 / 0.30', () => {
    expect(light(verdicts({ ...base, concentration: concentration(0.1) }), 'concentration')).toBe('green')
    expect(light(verdicts({ ...base, concentration: concentration(0.2) }), 'concentration')).toBe('amber')
    expect(light(verdicts({ ...base, concentration: concentration(0.4) }), 'concentration')).toBe('red')
  })

  it('marks every test it cannot run, and says what it needs', () => {
    const list = verdicts(base)
    expect(list.map((v) => v.test)).toEqual([
      'auc',
      'ks',
      'gradeCalibration',
      'hosmerLemeshow',
      'psi',
      'csi',
      'concentration',
      'segmentApproval',
      'segmentAuc'
    ])
    expect(list.filter((v) => v.light === 'not run').map((v) => v.test)).toHaveLength(8)
    expect(list.find((v) => v.test === 'psi')!.reason).toMatch(/--data NEWER\.csv/)
    expect(list.find((v) => v.test === 'segmentApproval')!.reason).toMatch(/--segment COLUMN/)
  })
})

describe('verdicts with a bank’s own thresholds', () => {
  it('judges by the bands it is given', () => {
    const strict = { ...VALIDATION_THRESHOLDS, auc: { green: 0.8, amber: 0.75 } }
    const list = verdicts({ ...base, discrimination: discrimination(0.78, 0.35) }, strict)
    expect(light(list, 'auc')).toBe('amber')
    expect(list.find((v) => v.test === 'auc')!.thresholds).toMatch(/green ≥ 0\.80/)
  })
})
