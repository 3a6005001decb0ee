import type {
  GradeCalibration,
  SegmentRow,
  ValidationPack,
  Verdict,
  VerdictTest
} from '../../../../shared/validation'
import { gradeLight, VALIDATION_THRESHOLDS as BANDS } from '../../../../shared/validationThresholds'
import { t, type MessageKey } from '../../i18n'
import { formatCount, formatNumber, formatPercent } from '../../ui/format'

/**
 * The cover of the validation pack in the window's language: main judges each test (its
 * light is main's), and says it in English for the CLI and the PDF; here the same verdict is
 * worded from the pack's figures and the shared bands (shared/validationThresholds.ts).
 */

/** One verdict as the screen shows it. */
export interface VerdictLine {
  test: VerdictTest
  light: Verdict['light']
  title: string
  value: string
  reason: string
  bands: string
}

/** A statistic with three decimals ("0.807"). */
export const fixed3 = (v: number): string => v.toFixed(3)
/** A p-value as a committee reads it: "0.034", or "< 0.001". */
export const formatP = (p: number | null): string => (p === null ? '—' : p < 0.001 ? '< 0.001' : p.toFixed(3))
/** A band's bound as written in the thresholds (0.1, 0.25, 0.7). */
const bound = (v: number): string => String(Number(v.toPrecision(2)))

/** The grade whose calibration is worst (by light, then p), as main's verdict picks it; null when none was tested. */
export function worstGrade(grades: readonly GradeCalibration[]): GradeCalibration | null {
  const tested = grades.filter((g) => g.binomialP !== null)
  const rank = { green: 0, amber: 1, red: 2, 'not run': -1 }
  let worst: GradeCalibration | null = null
  for (const g of tested) {
    if (worst === null) {
      worst = g
      continue
    }
    const a = rank[gradeLight(g, tested.length)]
    const b = rank[gradeLight(worst, tested.length)]
    if (a > b || (a === b && (g.binomialP ?? 1) < (worst.binomialP ?? 1))) worst = g
  }
  return worst
}

/** The flagged segment that fares worst on `score` (lower is worse), or null. */
function worstOf(rows: readonly SegmentRow[], score: (r: SegmentRow) => number): SegmentRow | null {
  return rows.reduce<SegmentRow | null>((w, r) => (w === null || score(r) < score(w) ? r : w), null)
}

function bandsOf(test: VerdictTest, gradesTested: number): string {
  const key = `validation.verdicts.${test}.bands` as MessageKey
  switch (test) {
    case 'auc':
      return t(key, { green: bound(BANDS.auc.green), amber: bound(BANDS.auc.amber) })
    case 'ks':
      return t(key, { green: bound(BANDS.ks.green), amber: bound(BANDS.ks.amber) })
    case 'gradeCalibration':
      return t(key, {
        red: bound(BANDS.gradeBinomialP.red / Math.max(1, gradesTested)),
        amber: bound(BANDS.gradeBinomialP.amber / Math.max(1, gradesTested))
      })
    case 'hosmerLemeshow':
      return t(key, { amber: bound(BANDS.hosmerLemeshowP.amber), red: bound(BANDS.hosmerLemeshowP.red) })
    case 'psi':
      return t(key, { amber: bound(BANDS.psi.amber), red: bound(BANDS.psi.red) })
    case 'csi':
      return t(key, { amber: bound(BANDS.csi.amber), red: bound(BANDS.csi.red) })
    case 'concentration':
      return t(key, { amber: bound(BANDS.concentration.amber), red: bound(BANDS.concentration.red) })
    case 'segmentApproval':
      return t(key, { ratio: bound(BANDS.fourFifths) })
    case 'segmentAuc':
      return t(key, { gap: bound(BANDS.segmentAucGap), n: BANDS.segmentMinClass })
  }
}

/** Why a test could not run, from what the pack lacks. */
function notRunReason(test: VerdictTest, pack: ValidationPack): string {
  const needsOutcomes: VerdictTest[] = ['auc', 'ks', 'gradeCalibration', 'hosmerLemeshow']
  if (needsOutcomes.includes(test) && !pack.calibration) return t('validation.verdicts.noOutcomes')
  if (test === 'hosmerLemeshow') return t('validation.verdicts.tooFewGroups')
  if (test === 'gradeCalibration') return t('validation.verdicts.noGradeRows')
  if (test === 'psi' || test === 'csi')
    return pack.stability ? t('validation.verdicts.noDistributions') : t('validation.verdicts.noReference')
  if (test === 'concentration') return t('validation.verdicts.noRows')
  return pack.segments && pack.segments.segments.length > 0
    ? t('validation.verdicts.noOutcomes')
    : t('validation.verdicts.noSegments')
}

/** The figure and the reason of a verdict that ran. */
function figures(v: Verdict, pack: ValidationPack): { value: string; reason: string } {
  const base = `validation.verdicts.${v.test}`
  const light = v.light === 'not run' ? 'green' : v.light
  const say = (key: string, params: Record<string, string | number> = {}): string =>
    t(`${base}.${key}` as MessageKey, params)
  const d = pack.discrimination
  const c = pack.calibration
  const s = pack.stability
  switch (v.test) {
    case 'auc': {
      if (!d) break
      const unsure = light === 'green' && d.aucCi.lower < BANDS.auc.green
      return {
        value: say('value', {
          auc: fixed3(d.auc),
          lower: fixed3(d.aucCi.lower),
          upper: fixed3(d.aucCi.upper),
          gini: fixed3(d.gini)
        }),
        reason: say(light) + (unsure ? ` ${say('unsure', { band: bound(BANDS.auc.green) })}` : '')
      }
    }
    case 'ks':
      if (!d) break
      return {
        value: say('value', { ks: fixed3(d.ks), lower: fixed3(d.ksCi.lower), upper: fixed3(d.ksCi.upper) }),
        reason: say(light)
      }
    case 'gradeCalibration': {
      const g = c && worstGrade(c.grades)
      if (!g) break
      const params = { grade: g.grade }
      return {
        value: say('value', {
          grade: g.grade,
          defaults: formatCount(g.defaults),
          expected: formatNumber(g.count * (g.meanPd ?? 0), 1),
          count: formatCount(g.count),
          p: formatP(g.binomialP)
        }),
        reason: light === 'green' ? say('green') : say(g.direction === 'above' ? 'above' : 'below', params)
      }
    }
    case 'hosmerLemeshow': {
      if (!c || c.hosmerLemeshow.p === null) break
      const hl = c.hosmerLemeshow
      return {
        value: say('value', { stat: formatNumber(hl.stat, 2), df: hl.df, p: formatP(hl.p) }),
        reason: say(light === 'green' ? 'green' : 'other')
      }
    }
    case 'psi':
      if (!s) break
      return {
        value: say('value', { psi: fixed3(s.psi), grades: fixed3(s.byGrade.psi) }),
        reason: say(light)
      }
    case 'csi': {
      const top = s?.csi[0]
      if (!s || !top) break
      const shifted = s.csi.filter((x) => x.csi >= BANDS.csi.amber).length
      return {
        value:
          say('value', { column: top.column, csi: fixed3(top.csi) }) +
          (shifted > 1 ? ` ${say('more', { n: shifted, band: bound(BANDS.csi.amber) })}` : ''),
        reason: light === 'green' ? say('green') : say('other', { column: top.column })
      }
    }
    case 'concentration': {
      const k = pack.concentration
      const largest = k.grades.reduce((a, b) => (b.share > a.share ? b : a), k.grades[0])
      if (!largest) break
      return {
        value: say('value', {
          hhi: fixed3(k.herfindahlNormalised),
          raw: fixed3(k.herfindahl),
          grade: largest.grade,
          share: formatPercent(largest.share)
        }),
        reason: light === 'green' ? say('green') : say('other', { grade: largest.grade })
      }
    }
    case 'segmentApproval': {
      const rows = pack.segments?.segments ?? []
      const worst = worstOf(
        rows.filter((r) => r.lowApproval),
        (r) => r.impactRatio ?? 1
      )
      if (!worst) return { value: say('noneFlagged'), reason: say('green') }
      const flagged = rows.filter((r) => r.lowApproval).length
      const where = { column: worst.column, value: worst.value }
      return {
        value: say('value', { n: flagged, ...where, ratio: formatNumber(worst.impactRatio ?? 0, 2) }),
        reason: say('red', where)
      }
    }
    case 'segmentAuc': {
      const seg = pack.segments
      const rows = seg?.segments ?? []
      const overall = seg?.overallAuc ?? null
      if (overall === null) break
      const worst = worstOf(
        rows.filter((r) => r.lowAuc),
        (r) => r.auc ?? 1
      )
      if (!worst) return { value: say('noneFlagged', { auc: fixed3(overall) }), reason: say('green') }
      const where = { column: worst.column, value: worst.value }
      return {
        value: say('value', {
          n: rows.filter((r) => r.lowAuc).length,
          ...where,
          auc: fixed3(worst.auc ?? 0),
          overall: fixed3(overall)
        }),
        reason: say('amber', where)
      }
    }
  }
  return { value: '—', reason: notRunReason(v.test, pack) }
}

/** Every verdict of the pack, in main's order, worded in the window's language. */
export function verdictLines(pack: ValidationPack): VerdictLine[] {
  const tested = pack.calibration?.grades.filter((g) => g.binomialP !== null).length ?? 0
  return pack.verdicts.map((v) => {
    const worded =
      v.light === 'not run' ? { value: '—', reason: notRunReason(v.test, pack) } : figures(v, pack)
    return {
      test: v.test,
      light: v.light,
      title: t(`validation.verdicts.${v.test}.title` as MessageKey),
      value: worded.value,
      reason: worded.reason,
      bands: bandsOf(v.test, tested)
    }
  })
}
