import type {
  CalibrationResult,
  ConcentrationResult,
  DiscriminationResult,
  GradeCalibration,
  Light,
  SegmentsResult,
  StabilityResult,
  Verdict,
  VerdictTest
} from '../../../shared/validation'
import { gradeCutoffs, gradeLight, higherIsBetter, lowerIsBetter } from '../../../shared/validationThresholds'
import { percent, pValue } from './format'
import { VALIDATION_THRESHOLDS, type ValidationThresholds } from './thresholds'

/**
 * The cover of the validation pack: one traffic light per test, with the figure, the bands
 * it was judged by (from thresholds.ts) and one line that tells a committee what it means.
 */

export interface VerdictInputs {
  discrimination: DiscriminationResult | null
  calibration: CalibrationResult | null
  stability: StabilityResult | null
  concentration: ConcentrationResult
  segments: SegmentsResult | null
}

/** Above HL's power to tell a real misfit from a trivial one; its verdict says so. */
const HL_LARGE_SAMPLE = 50_000

/** Every verdict in cover order; a test that could not run is 'not run' with the reason. */
export function verdicts(inputs: VerdictInputs, t: ValidationThresholds = VALIDATION_THRESHOLDS): Verdict[] {
  return [
    aucVerdict(inputs.discrimination, t),
    ksVerdict(inputs.discrimination, t),
    gradeVerdict(inputs.calibration, t),
    hosmerLemeshowVerdict(inputs.calibration, t),
    psiVerdict(inputs.stability, t),
    csiVerdict(inputs.stability, t),
    concentrationVerdict(inputs.concentration, t),
    segmentApprovalVerdict(inputs.segments, t),
    segmentAucVerdict(inputs.segments, t)
  ]
}

const NO_OUTCOMES = 'The data has no outcomes (defaulted or not), so this needs a file with them.'
const NO_REFERENCE = 'Needs a newer file to compare with the reference (ptm validate --data NEWER.csv).'

/** One test's verdict, its name, title and bands stated once: lit with a figure and a reason, or not run. */
interface Judge {
  lit(light: Light, value: string, reason: string): Verdict
  notRun(reason: string): Verdict
}

function judge(test: VerdictTest, title: string, thresholds: string): Judge {
  return {
    lit: (light, value, reason) => ({ test, title, light, value, thresholds, reason }),
    notRun: (reason) => ({ test, title, light: 'not run', value: '-', thresholds, reason })
  }
}

function aucVerdict(d: DiscriminationResult | null, t: ValidationThresholds): Verdict {
  const v = judge(
    'auc',
    'Discrimination: AUC and Gini',
    `green ≥ ${t.auc.green.toFixed(2)}, amber ${t.auc.amber.toFixed(2)}–${t.auc.green.toFixed(2)}, red < ${t.auc.amber.toFixed(2)} (Gini ${(2 * t.auc.green - 1).toFixed(2)} / ${(2 * t.auc.amber - 1).toFixed(2)})`
  )
  if (!d) return v.notRun(NO_OUTCOMES)
  const light = higherIsBetter(d.auc, t.auc)
  const reasons: Record<Light, string> = {
    green: 'The model ranks defaulters above repayers well enough to decide on.',
    amber: 'The model ranks applicants, but weakly: decide with judgement and review cases near the cut-off.',
    red: 'The model ranks applicants little better than chance: do not use it for decisions.',
    'not run': ''
  }
  const unsure =
    light === 'green' && d.aucCi.lower < t.auc.green
      ? ` Its ${percent(d.confidence, 0)} interval reaches below ${t.auc.green.toFixed(2)}.`
      : ''
  return v.lit(
    light,
    `AUC ${d.auc.toFixed(3)} (CI ${d.aucCi.lower.toFixed(3)}–${d.aucCi.upper.toFixed(3)}), Gini ${d.gini.toFixed(3)}`,
    reasons[light] + unsure
  )
}

function ksVerdict(d: DiscriminationResult | null, t: ValidationThresholds): Verdict {
  const v = judge(
    'ks',
    'Separation: KS',
    `green ≥ ${t.ks.green.toFixed(2)}, amber ${t.ks.amber.toFixed(2)}–${t.ks.green.toFixed(2)}, red < ${t.ks.amber.toFixed(2)}`
  )
  if (!d) return v.notRun(NO_OUTCOMES)
  const light = higherIsBetter(d.ks, t.ks)
  return v.lit(
    light,
    `KS ${d.ks.toFixed(3)} (CI ${d.ksCi.lower.toFixed(3)}–${d.ksCi.upper.toFixed(3)})`,
    light === 'green'
      ? 'The score distributions of defaulters and repayers are well apart.'
      : light === 'amber'
        ? 'Defaulters and repayers overlap a good deal in score.'
        : 'Defaulters and repayers score much alike.'
  )
}

function gradeVerdict(c: CalibrationResult | null, t: ValidationThresholds): Verdict {
  const tested = c ? c.grades.filter((g) => g.binomialP !== null) : []
  const k = Math.max(1, tested.length)
  const { amber: amberP, red: redP } = gradeCutoffs(k, t)
  const v = judge(
    'gradeCalibration',
    'Calibration by risk grade',
    `exact two-sided binomial test per grade, Bonferroni over the ${c ? `${k} ` : ''}grades tested: red p < ${fmtP(redP)} with more defaults than the PDs expect; amber p < ${fmtP(amberP)} (or red-level with fewer)`
  )
  if (!c) return v.notRun(NO_OUTCOMES)
  const lightOf = (g: GradeCalibration): Light => gradeLight(g, k, t)
  const rank: Record<Light, number> = { green: 0, amber: 1, red: 2, 'not run': -1 }
  const worst = tested.reduce<GradeCalibration | null>(
    (w, g) =>
      w === null ||
      rank[lightOf(g)] > rank[lightOf(w)] ||
      (rank[lightOf(g)] === rank[lightOf(w)] && (g.binomialP ?? 1) < (w.binomialP ?? 1))
        ? g
        : w,
    null
  )
  if (!worst) return v.notRun('No grade holds any row.')
  const light = lightOf(worst)
  const expected = worst.count * (worst.meanPd ?? 0)
  return v.lit(
    light,
    `grade ${worst.grade}: ${worst.defaults} defaults vs ${expected.toFixed(1)} expected of ${worst.count}, p ${pValue(worst.binomialP ?? 1)}`,
    light === 'green'
      ? 'In every grade the defaults are in line with the PDs.'
      : worst.direction === 'above'
        ? `Grade ${worst.grade} defaults more than its PDs say: the model under-states its risk.`
        : `Grade ${worst.grade} defaults less than its PDs say: conservative, but it prices good risks too high.`
  )
}

function hosmerLemeshowVerdict(c: CalibrationResult | null, t: ValidationThresholds): Verdict {
  const v = judge(
    'hosmerLemeshow',
    'Calibration: Hosmer–Lemeshow over PD deciles',
    `green p ≥ ${t.hosmerLemeshowP.amber}, amber ${t.hosmerLemeshowP.red}–${t.hosmerLemeshowP.amber}, red p < ${t.hosmerLemeshowP.red}; df = groups − 2`
  )
  if (!c) return v.notRun(NO_OUTCOMES)
  const hl = c.hosmerLemeshow
  if (hl.p === null) return v.notRun('The PDs take too few distinct values to form three groups.')
  const p = hl.p
  const light: Light = p >= t.hosmerLemeshowP.amber ? 'green' : p >= t.hosmerLemeshowP.red ? 'amber' : 'red'
  const large =
    light !== 'green' && c.rows > HL_LARGE_SAMPLE
      ? ` On ${c.rows.toLocaleString('en-IN')} rows even small gaps are significant: judge their size in the decile table.`
      : ''
  return v.lit(
    light,
    `χ² ${hl.stat.toFixed(2)}, df ${hl.df}, p ${pValue(p)}`,
    (light === 'green'
      ? 'Predicted and observed default rates agree across the PD deciles.'
      : 'Predicted and observed default rates differ in some PD deciles.') + large
  )
}

function psiVerdict(s: StabilityResult | null, t: ValidationThresholds): Verdict {
  const v = judge(
    'psi',
    'Stability of the score: PSI',
    `green < ${t.psi.amber}, amber ${t.psi.amber}–${t.psi.red}, red > ${t.psi.red}`
  )
  if (!s) return v.notRun(NO_REFERENCE)
  const light = lowerIsBetter(s.psi, t.psi)
  return v.lit(
    light,
    `PSI ${s.psi.toFixed(3)} over deciles (${s.byGrade.psi.toFixed(3)} over grades)`,
    light === 'green'
      ? `The ${s.currentLabel} applicants score like the ${s.referenceLabel} ones.`
      : light === 'amber'
        ? 'The score distribution has shifted: watch the grades and recheck calibration.'
        : 'The population has changed markedly: the model may no longer fit it; revalidate before relying on it.'
  )
}

function csiVerdict(s: StabilityResult | null, t: ValidationThresholds): Verdict {
  const v = judge(
    'csi',
    'Stability of the inputs: CSI',
    `largest CSI of any input: green < ${t.csi.amber}, amber ${t.csi.amber}–${t.csi.red}, red > ${t.csi.red}`
  )
  if (!s) return v.notRun(NO_REFERENCE)
  if (s.csi.length === 0) return v.notRun('The model stores no training distribution of its inputs.')
  const top = s.csi[0]
  const light = lowerIsBetter(top.csi, t.csi)
  const shifted = s.csi.filter((c) => c.csi >= t.csi.amber).length
  return v.lit(
    light,
    `${top.column} ${top.csi.toFixed(3)}${shifted > 1 ? ` (${shifted} inputs ≥ ${t.csi.amber})` : ''}`,
    light === 'green'
      ? 'Every input is distributed as it was in training.'
      : `${top.column} is distributed differently from training: check the data feed and the segment it comes from.`
  )
}

function concentrationVerdict(c: ConcentrationResult, t: ValidationThresholds): Verdict {
  const v = judge(
    'concentration',
    'Concentration across grades',
    `normalised Herfindahl of the grade shares: green < ${t.concentration.amber}, amber ${t.concentration.amber}–${t.concentration.red}, red > ${t.concentration.red}`
  )
  if (c.rows === 0) return v.notRun('No rows.')
  const largest = c.grades.reduce((a, b) => (b.share > a.share ? b : a))
  const light = lowerIsBetter(c.herfindahlNormalised, t.concentration)
  return v.lit(
    light,
    `${c.herfindahlNormalised.toFixed(3)} (HHI ${c.herfindahl.toFixed(3)}; grade ${largest.grade} holds ${percent(largest.share)})`,
    light === 'green'
      ? 'Loans spread over the grades, so the grades tell risks apart.'
      : `Too many loans sit in grade ${largest.grade}: the grading differentiates little there.`
  )
}

const NO_SEGMENT = 'No segment column was given (ptm validate --segment COLUMN).'

function segmentApprovalVerdict(s: SegmentsResult | null, t: ValidationThresholds): Verdict {
  const v = judge(
    'segmentApproval',
    'Fair treatment: approval at equal risk',
    `approval rate of repayers under ${t.fourFifths} of the best segment's (four-fifths rule at equal risk) is red`
  )
  if (!s || s.segments.length === 0) return v.notRun(NO_SEGMENT)
  if (s.overallAuc === null && s.segments.every((r) => r.repaid === null)) {
    return v.notRun(`${NO_OUTCOMES} Raw approval ratios are shown in the detail.`)
  }
  const flagged = s.segments.filter((r) => r.lowApproval)
  const columns = [...new Set(s.segments.map((r) => r.column))].join(', ')
  if (flagged.length === 0) {
    return v.lit(
      'green',
      `no segment flagged (${columns})`,
      'Repayers in every segment are approved at comparable rates.'
    )
  }
  const worst = flagged.reduce((a, b) => ((b.impactRatio ?? 1) < (a.impactRatio ?? 1) ? b : a))
  return v.lit(
    'red',
    `${flagged.length} flagged; ${worst.column} = ${worst.value}: ratio ${(worst.impactRatio ?? 0).toFixed(2)}`,
    `Repayers with ${worst.column} = ${worst.value} are approved much less often than equally good applicants elsewhere: review before use.`
  )
}

function segmentAucVerdict(s: SegmentsResult | null, t: ValidationThresholds): Verdict {
  const v = judge(
    'segmentAuc',
    'Fair treatment: ranking within segments',
    `AUC ≥ ${t.segmentAucGap} below overall, ≥ ${t.segmentMinClass} of each class, CI below overall is amber`
  )
  if (!s || s.segments.length === 0) return v.notRun(NO_SEGMENT)
  if (s.overallAuc === null) return v.notRun(NO_OUTCOMES)
  const flagged = s.segments.filter((r) => r.lowAuc)
  if (flagged.length === 0) {
    return v.lit(
      'green',
      `overall AUC ${s.overallAuc.toFixed(3)}; no segment materially lower`,
      'The model ranks applicants about as well in every segment.'
    )
  }
  const worst = flagged.reduce((a, b) => ((b.auc ?? 1) < (a.auc ?? 1) ? b : a))
  return v.lit(
    'amber',
    `${flagged.length} flagged; ${worst.column} = ${worst.value}: AUC ${(worst.auc ?? 0).toFixed(3)} vs ${s.overallAuc.toFixed(3)}`,
    `The model ranks ${worst.column} = ${worst.value} applicants less well: its decisions there are less reliable.`
  )
}

function fmtP(p: number): string {
  return Number(p.toPrecision(2)).toString()
}
