import { formatFieldValue, type Dictionary } from '../../../../shared/dictionary'
import type { FieldIssueInfo, ReasonInfo, ScoreResult } from '../../../../shared/dto'
import { lang, t } from '../../i18n'

/**
 * A single score's audit record as History shows it. Main stores the outputs as they were
 * sent (a JSON object), so each field is checked before it is used: a record written by an
 * older version may lack one. Reasons and warnings are said again in the window's language
 * from their values (see decisionWords).
 */

/** What the details of a single score read from its stored outputs. */
export interface AuditOutputs {
  threshold: number | null
  baseRate: number | null
  contributions: ReasonInfo[]
  notProvided: ScoreResult['Not_Provided'] | null
  warnings: FieldIssueInfo[]
}

function numberOf(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}

function isReason(value: unknown): value is ReasonInfo {
  return (
    !!value &&
    typeof value === 'object' &&
    'feature' in value &&
    typeof value.feature === 'string' &&
    'contribution' in value &&
    typeof value.contribution === 'number' &&
    'direction' in value &&
    (value.direction === 'raises' || value.direction === 'lowers')
  )
}

function isWarning(value: unknown): value is FieldIssueInfo {
  return !!value && typeof value === 'object' && 'message' in value && 'field' in value
}

function isNotProvided(value: unknown): value is ScoreResult['Not_Provided'] {
  return !!value && typeof value === 'object' && 'fields' in value && Array.isArray(value.fields)
}

/** The outputs of a stored score, each absent or malformed field read as missing. */
export function readAuditOutputs(outputs: Record<string, unknown>): AuditOutputs {
  const { Threshold, Base_Rate, Reasons, Warnings, Not_Provided } = outputs
  return {
    threshold: numberOf(Threshold),
    baseRate: numberOf(Base_Rate),
    contributions: Array.isArray(Reasons) ? Reasons.filter(isReason) : [],
    notProvided: isNotProvided(Not_Provided) ? Not_Provided : null,
    warnings: Array.isArray(Warnings) ? Warnings.filter(isWarning) : []
  }
}

/** One input as given: its field, its value in words ("not given" when absent), and whether it was absent. */
export interface InputRow {
  name: string
  value: string
  missing: boolean
}

/** The inputs of a stored score by display name, in the field's units, absent ones said so. */
export function inputRows(inputs: Record<string, unknown>, dictionary: Dictionary): InputRow[] {
  return Object.entries(inputs)
    .filter(([name]) => !name.startsWith('('))
    .map(([name, value]) => {
      const entry = dictionary.find((e) => e.field === name)
      const missing = value === null || value === undefined || value === ''
      const plain = typeof value === 'number' || typeof value === 'string' ? value : null
      const label = entry ? (lang.value === 'hi' && entry.label.hi) || entry.label.en : name
      return {
        name: label,
        value: missing ? t('history.detail.notGiven') : formatFieldValue(entry, plain, lang.value, t),
        missing
      }
    })
}
