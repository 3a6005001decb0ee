import type {
  CharacteristicStability,
  GradeCalibration,
  Interval,
  Light,
  SegmentRow
} from '../../../../shared/validation'
import { gradeLight, lowerIsBetter, VALIDATION_THRESHOLDS } from '../../../../shared/validationThresholds'
import { t } from '../../i18n'
import { formatPercent, MISSING } from '../../ui/format'

/** How the validation tables write their figures, and which mark each row gets. Pure functions. */

/** An interval of statistics: "0.743–0.861". */
export function formatInterval(ci: Interval | null, digits = 3): string {
  return ci ? `${ci.lower.toFixed(digits)}–${ci.upper.toFixed(digits)}` : MISSING
}

/** An interval of shares as percentages: "0.3 %–5.2 %". */
export function formatShareInterval(ci: Interval | null, digits = 1): string {
  return ci ? `${formatPercent(ci.lower, digits)}–${formatPercent(ci.upper, digits)}` : MISSING
}

/** A grade's check: empty when it holds no loans, else its light by the pack's Bonferroni binomial test. */
export function gradeMark(grade: GradeCalibration, gradesTested: number): Light | 'empty' {
  return grade.binomialP === null ? 'empty' : gradeLight(grade, gradesTested)
}

/** How many grades were tested (held loans): the Bonferroni divisor. */
export function gradesTested(grades: readonly GradeCalibration[]): number {
  return grades.filter((g) => g.binomialP !== null).length
}

/** The light of a PSI or CSI by the usual 0.1 / 0.25 bands. */
export function psiLight(value: number): Light {
  return lowerIsBetter(value, VALIDATION_THRESHOLDS.psi)
}

/** The Element Plus tag type of a light. */
export function lightTag(light: Light | 'empty'): 'success' | 'warning' | 'danger' | 'info' {
  return light === 'green' ? 'success' : light === 'amber' ? 'warning' : light === 'red' ? 'danger' : 'info'
}

/** A light in words. */
export function lightWords(light: Light | undefined): string {
  // Element Plus renders a column's slot once with an empty row ({}) to find nested columns.
  if (light === undefined) return ''
  return light === 'not run' ? t('validation.lights.notRun') : t(`validation.lights.${light}`)
}

/** A characteristic's stability status in words, and its light. */
export function stabilityStatus(row: CharacteristicStability): { text: string; light: Light } {
  if (row.status === undefined) return { text: '', light: 'not run' }
  const key = row.status === 'major shift' ? 'major' : row.status
  return { text: t(`validation.stability.status.${key}`), light: psiLight(row.csi) }
}

/** A segment as "Region = North". */
export function segmentName(row: Pick<SegmentRow, 'column' | 'value'>): string {
  return `${row.column} = ${row.value}`
}

/** A segment's flags in words (none: "no flag"). */
export function segmentFlags(row: SegmentRow): string[] {
  const flags: string[] = []
  if (row.lowApproval) flags.push(t('validation.segments.lowApproval'))
  if (row.lowAuc) flags.push(t('validation.segments.lowAuc'))
  return flags
}
