import type { GradeCalibration, SegmentRow, ValidationPack, Verdict } from '../../../../src/shared/validation'

/** A grade with round figures; `over` sets the ones a test cares about. */
export function grade(name: string, over: Partial<GradeCalibration> = {}): GradeCalibration {
  return {
    grade: name,
    label: '',
    lower: 0,
    upper: 1,
    count: 100,
    defaults: 5,
    meanPd: 0.05,
    observedRate: 0.05,
    binomialP: 1,
    jeffreys: { lower: 0.02, upper: 0.1 },
    direction: 'equal',
    ...over
  }
}

/** A segment row with no flags; `over` sets the rest. */
export function segment(column: string, value: string, over: Partial<SegmentRow> = {}): SegmentRow {
  return {
    column,
    value,
    rows: 100,
    approved: 60,
    approvalRate: 0.6,
    defaults: 10,
    badRate: 0.05,
    defaultRate: 0.1,
    meanPd: 0.1,
    auc: 0.8,
    aucCi: { lower: 0.7, upper: 0.9 },
    repaid: 90,
    repaidApprovalRate: 0.65,
    impactRatio: 1,
    rawImpactRatio: 1,
    lowApproval: false,
    lowAuc: false,
    reasons: [],
    ...over
  }
}

const verdict = (test: Verdict['test'], light: Verdict['light']): Verdict => ({
  test,
  title: '',
  light,
  value: '',
  thresholds: '',
  reason: ''
})

/** A pack on held-out rows (no stability), its lights as main would set them for these figures. */
export function pack(): ValidationPack {
  return {
    model: { id: 1, name: 'm', threshold: 0.08 },
    data: { label: 'held-out rows', rows: 600, defaults: 65 },
    generatedAt: '2026-03-12T10:00:00.000Z',
    discrimination: {
      rows: 600,
      defaults: 65,
      auc: 0.80655,
      aucCi: { lower: 0.69, upper: 0.86 },
      gini: 0.6131,
      giniCi: { lower: 0.38, upper: 0.72 },
      ks: 0.4956,
      ksCi: { lower: 0.368, upper: 0.5905 },
      confidence: 0.95,
      replicates: 1000,
      seed: 42
    },
    calibration: {
      rows: 600,
      defaults: 65,
      meanPd: 0.11,
      observedRate: 0.108,
      confidence: 0.95,
      grades: [
        grade('A', { count: 120, defaults: 2, meanPd: 0.0342, binomialP: 0.447, direction: 'below' }),
        grade('E', { count: 24, defaults: 19, meanPd: 0.6166, binomialP: 0.0934, direction: 'above' })
      ],
      hosmerLemeshow: { stat: 11.3663, df: 8, p: 0.18198, groups: [] }
    },
    stability: null,
    concentration: {
      rows: 600,
      grades: [
        { grade: 'A', count: 120, share: 0.2, exposure: null, exposureShare: null },
        { grade: 'B', count: 322, share: 0.5367, exposure: null, exposureShare: null }
      ],
      herfindahl: 0.3,
      herfindahlNormalised: 0.125,
      exposureHerfindahl: null
    },
    segments: {
      cutoff: 0.08,
      overallAuc: 0.80655,
      definitions: { equalRisk: '', lowAuc: '' },
      segments: [
        segment('Region', 'North'),
        segment('Employment_Status', 'Agriculture', { lowApproval: true, impactRatio: 0.72 }),
        segment('Employment_Status', 'Business', { lowApproval: true, impactRatio: 0.7149 })
      ]
    },
    verdicts: [
      verdict('auc', 'green'),
      verdict('ks', 'green'),
      verdict('gradeCalibration', 'green'),
      verdict('hosmerLemeshow', 'green'),
      verdict('psi', 'not run'),
      verdict('csi', 'not run'),
      verdict('concentration', 'green'),
      verdict('segmentApproval', 'red'),
      verdict('segmentAuc', 'green')
    ],
    notes: []
  }
}
