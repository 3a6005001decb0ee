import type {
  CalibrationResult,
  ConcentrationResult,
  DiscriminationResult,
  GradeCalibration,
  Light,
  SegmentsResult,
  StabilityResult,
  Verdict
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

function notRun(test: Verdict['test'], title: string, thresholds: string, reason: string): Verdict {
  return { test, title, light: 'not run', value: '-', thresholds, reason }
}

function aucVerdict(d: DiscriminationResult | null, t: ValidationThresholds): Verdict {
  const bands = `green ≥ ${t.auc.green.toFixed(2)}, amber ${t.auc.amber.toFixed(2)}–${t.auc.green.toFixed(2)}, red < ${t.auc.amber.toFixed(2)} (Gini ${(2 * t.auc.green - 1).toFixed(2)} / ${(2 * t.auc.amber - 1).toFixed(2)})`
  const title = 'Discrimination: AUC and Gini'
  if (!d) return notRun('auc', title, bands, NO_OUTCOMES)
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
  return {
    test: 'auc',
    title,
    light,
    value: `AUC ${d.auc.toFixed(3)} (CI ${d.aucCi.lower.toFixed(3)}–${d.aucCi.upper.toFixed(3)}), Gini ${d.gini.toFixed(3)}`,
    thresholds: bands,
    reason: reasons[light] + unsure
  }
}

function ksVerdict(d: DiscriminationResult | null, t: ValidationThresholds): Verdict {
  const bands = `green ≥ ${t.ks.green.toFixed(2)}, amber ${t.ks.amber.toFixed(2)}–${t.ks.green.toFixed(2)}, red < ${t.ks.amber.toFixed(2)}`
  const title = 'Separation: KS'
  if (!d) return notRun('ks', title, bands, NO_OUTCOMES)
  const light = higherIsBetter(d.ks, t.ks)
  return {
    test: 'ks',
    title,
    light,
    value: `KS ${d.ks.toFixed(3)} (CI ${d.ksCi.lower.toFixed(3)}–${d.ksCi.upper.toFixed(3)})`,
    thresholds: bands,
    reason:
      light === 'green'
        ? 'The score distributions of defaulters and repayers are well apart.'
        : light === 'amber'
          ? 'Defaulters and repayers overlap a good deal in score.'
          : 'Defaulters and repayers score much alike.'
  }
}

function gradeVerdict(c: CalibrationResult | null, t: ValidationThresholds): Verdict {
  const title = 'Calibration by risk grade'
  const tested = c ? c.grades.filter((g) => g.binomialP !== null) : []
  const k = Math.max(1, tested.length)
  const { amber: amberP, red: redP } = gradeCutoffs(k, t)
  const bands = `exact two-sided binomial test per grade, Bonferroni over the ${c ? `${k} ` : ''}grades tested: red p < ${fmtP(redP)} with more defaults than the PDs expect; amber p < ${fmtP(amberP)} (or red-level with fewer)`
  if (!c) return notRun('gradeCalibration', title, bands, NO_OUTCOMES)
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
  if (!worst) return notRun('gradeCalibration', title, bands, 'No grade holds any row.')
  const light = lightOf(worst)
  const expected = worst.count * (worst.meanPd ?? 0)
  const value = `grade ${worst.grade}: ${worst.defaults} defaults vs ${expected.toFixed(1)} expected of ${worst.count}, p ${pValue(worst.binomialP ?? 1)}`
  const reason =
    light === 'green'
      ? 'In every grade the defaults are in line with the PDs.'
      : worst.direction === 'above'
        ? `Grade ${worst.grade} defaults more than its PDs say: the model under-states its risk.`
        : `Grade ${worst.grade} defaults less than its PDs say: conservative, but it prices good risks too high.`
  return { test: 'gradeCalibration', title, light, value, thresholds: bands, reason }
}

function hosmerLemeshowVerdict(c: CalibrationResult | null, t: ValidationThresholds): Verdict {
  const bands = `green p ≥ ${t.hosmerLemeshowP.amber}, amber ${t.hosmerLemeshowP.red}–${t.hosmerLemeshowP.amber}, red p < ${t.hosmerLemeshowP.red}; df = groups − 2`
  const title = 'Calibration: Hosmer–Lemeshow over PD deciles'
  if (!c) return notRun('hosmerLemeshow', title, bands, NO_OUTCOMES)
  const hl = c.hosmerLemeshow
  if (hl.p === null) {
    return notRun(
      'hosmerLemeshow',
      title,
      bands,
      'The PDs take too few distinct values to form three groups.'
    )
  }
  const p = hl.p
  const light: Light = p >= t.hosmerLemeshowP.amber ? 'green' : p >= t.hosmerLemeshowP.red ? 'amber' : 'red'
  const large =
    light !== 'green' && c.rows > HL_LARGE_SAMPLE
      ? ` On ${c.rows.toLocaleString('en-IN')} rows even small gaps are significant: judge their size in the decile table.`
      : ''
  return {
    test: 'hosmerLemeshow',
    title,
    light,
    value: `χ² ${hl.stat.toFixed(2)}, df ${hl.df}, p ${pValue(p)}`,
    thresholds: bands,
    reason:
      (light === 'green'
        ? 'Predicted and observed default rates agree across the PD deciles.'
        : 'Predicted and observed default rates differ in some PD deciles.') + large
  }
}

function psiVerdict(s: StabilityResult | null, t: ValidationThresholds): Verdict {
  const bands = `green < ${t.psi.amber}, amber ${t.psi.amber}–${t.psi.red}, red > ${t.psi.red}`
  const title = 'Stability of the score: PSI'
  if (!s) return notRun('psi', title, bands, NO_REFERENCE)
  const light = lowerIsBetter(s.psi, t.psi)
  return {
    test: 'psi',
    title,
    light,
    value: `PSI ${s.psi.toFixed(3)} over deciles (${s.byGrade.psi.toFixed(3)} over grades)`,
    thresholds: bands,
    reason:
      light === 'green'
        ? `The ${s.currentLabel} applicants score like the ${s.referenceLabel} ones.`
        : light === 'amber'
          ? 'The score distribution has shifted: watch the grades and recheck calibration.'
          : 'The population has changed markedly: the model may no longer fit it; revalidate before relying on it.'
  }
}

function csiVerdict(s: StabilityResult | null, t: ValidationThresholds): Verdict {
  const bands = `largest CSI of any input: green < ${t.csi.amber}, amber ${t.csi.amber}–${t.csi.red}, red > ${t.csi.red}`
  const title = 'Stability of the inputs: CSI'
  if (!s) return notRun('csi', title, bands, NO_REFERENCE)
  if (s.csi.length === 0)
    return notRun('csi', title, bands, 'The model stores no training distribution of its inputs.')
  const top = s.csi[0]
  const light = lowerIsBetter(top.csi, t.csi)
  const shifted = s.csi.filter((c) => c.csi >= t.csi.amber).length
  return {
    test: 'csi',
    title,
    light,
    value: `${top.column} ${top.csi.toFixed(3)}${shifted > 1 ? ` (${shifted} inputs ≥ ${t.csi.amber})` : ''}`,
    thresholds: bands,
    reason:
      light === 'green'
        ? 'Every input is distributed as it was in training.'
        : `${top.column} is distributed differently from training: check the data feed and the segment it comes from.`
  }
}

function concentrationVerdict(c: ConcentrationResult, t: ValidationThresholds): Verdict {
  const bands = `normalised Herfindahl of the grade shares: green < ${t.concentration.amber}, amber ${t.concentration.amber}–${t.concentration.red}, red > ${t.concentration.red}`
  const title = 'Concentration across grades'
  if (c.rows === 0) return notRun('concentration', title, bands, 'No rows.')
  const largest = c.grades.reduce((a, b) => (b.share > a.share ? b : a))
  const light = lowerIsBetter(c.herfindahlNormalised, t.concentration)
  return {
    test: 'concentration',
    title,
    light,
    value: `${c.herfindahlNormalised.toFixed(3)} (HHI ${c.herfindahl.toFixed(3)}; grade ${largest.grade} holds ${percent(largest.share)})`,
    thresholds: bands,
    reason:
      light === 'green'
        ? 'Loans spread over the grades, so the grades tell risks apart.'
        : `Too many loans sit in grade ${largest.grade}: the grading differentiates little there.`
  }
}

function segmentApprovalVerdict(s: SegmentsResult | null, t: ValidationThresholds): Verdict {
  const bands = `approval rate of repayers under ${t.fourFifths} of the best segment's (four-fifths rule at equal risk) is red`
  const title = 'Fair treatment: approval at equal risk'
  if (!s || s.segments.length === 0) {
    return notRun(
      'segmentApproval',
      title,
      bands,
      'No segment column was given (ptm validate --segment COLUMN).'
    )
  }
  if (s.overallAuc === null && s.segments.every((r) => r.repaid === null)) {
    return notRun(
      'segmentApproval',
      title,
      bands,
      `${NO_OUTCOMES} Raw approval ratios are shown in the detail.`
    )
  }
  const flagged = s.segments.filter((r) => r.lowApproval)
  const columns = [...new Set(s.segments.map((r) => r.column))].join(', ')
  if (flagged.length === 0) {
    return {
      test: 'segmentApproval',
      title,
      light: 'green',
      value: `no segment flagged (${columns})`,
      thresholds: bands,
      reason: 'Repayers in every segment are approved at comparable rates.'
    }
  }
  const worst = flagged.reduce((a, b) => ((b.impactRatio ?? 1) < (a.impactRatio ?? 1) ? b : a))
  return {
    test: 'segmentApproval',
    title,
    light: 'red',
    value: `${flagged.length} flagged; ${worst.column} = ${worst.value}: ratio ${(worst.impactRatio ?? 0).toFixed(2)}`,
    thresholds: bands,
    reason: `Repayers with ${worst.column} = ${worst.value} are approved much less often than equally good applicants elsewhere: review before use.`
  }
}

function segmentAucVerdict(s: SegmentsResult | null, t: ValidationThresholds): Verdict {
  const bands = `AUC ≥ ${t.segmentAucGap} below overall, ≥ ${t.segmentMinClass} of each class, CI below overall is amber`
  const title = 'Fair treatment: ranking within segments'
  if (!s || s.segments.length === 0) {
    return notRun('segmentAuc', title, bands, 'No segment column was given (ptm validate --segment COLUMN).')
  }
  if (s.overallAuc === null) return notRun('segmentAuc', title, bands, NO_OUTCOMES)
  const flagged = s.segments.filter((r) => r.lowAuc)
  if (flagged.length === 0) {
    return {
      test: 'segmentAuc',
      title,
      light: 'green',
      value: `overall AUC ${s.overallAuc.toFixed(3)}; no segment materially lower`,
      thresholds: bands,
      reason: 'The model ranks applicants about as well in every segment.'
    }
  }
  const worst = flagged.reduce((a, b) => ((b.auc ?? 1) < (a.auc ?? 1) ? b : a))
  return {
    test: 'segmentAuc',
    title,
    light: 'amber',
    value: `${flagged.length} flagged; ${worst.column} = ${worst.value}: AUC ${(worst.auc ?? 0).toFixed(3)} vs ${s.overallAuc.toFixed(3)}`,
    thresholds: bands,
    reason: `The model ranks ${worst.column} = ${worst.value} applicants less well: its decisions there are less reliable.`
  }
}

function fmtP(p: number): string {
  return Number(p.toPrecision(2)).toString()
}
