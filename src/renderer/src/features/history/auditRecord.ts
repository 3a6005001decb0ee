import type { ReasonInfo } from '../../../../shared/dto'
import { formatStat } from '../../ui/format'

/**
 * A single score's audit record as History shows it. Main stores the outputs as they were
 * sent (a JSON object), so each field is checked before it is used: a record written by an
 * older version may lack one.
 */

/** What the details of a single score read from its stored outputs. */
export interface AuditOutputs {
  threshold: number | null
  baseRate: number | null
  riskLabel: string
  reasons: Pick<ReasonInfo, 'text' | 'direction'>[]
  /** "Field: what is wrong with it". */
  warnings: string[]
}

function numberOf(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}

function isReason(value: unknown): value is Pick<ReasonInfo, 'text' | 'direction'> {
  return (
    !!value &&
    typeof value === 'object' &&
    'text' in value &&
    typeof value.text === 'string' &&
    'direction' in value &&
    (value.direction === 'raises' || value.direction === 'lowers')
  )
}

function isWarning(value: unknown): value is { field: string; message: string } {
  return !!value && typeof value === 'object' && 'message' in value
}

/** The outputs of a stored score, each absent or malformed field read as missing. */
export function readAuditOutputs(outputs: Record<string, unknown>): AuditOutputs {
  const { Threshold, Base_Rate, Risk_Label, Reasons, Warnings } = outputs
  return {
    threshold: numberOf(Threshold),
    baseRate: numberOf(Base_Rate),
    riskLabel: typeof Risk_Label === 'string' ? Risk_Label : '',
    reasons: Array.isArray(Reasons) ? Reasons.filter(isReason) : [],
    warnings: Array.isArray(Warnings) ? Warnings.filter(isWarning).map((w) => `${w.field}: ${w.message}`) : []
  }
}

/** One input as given: its field, its value in words ("missing" when absent), and whether it was absent. */
export interface InputRow {
  name: string
  value: string
  missing: boolean
}

/** The inputs of a stored score, money in rupees, absent ones said as missing. */
export function inputRows(inputs: Record<string, unknown>): InputRow[] {
  return Object.entries(inputs).map(([name, value]) => {
    const missing = value === null || value === undefined || value === ''
    const shown = missing ? 'missing' : typeof value === 'number' ? formatStat(name, value) : String(value)
    return { name, value: shown, missing }
  })
}
