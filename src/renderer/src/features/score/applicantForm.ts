import type { InputFieldInfo } from '../../../../shared/dto'
import { formatNumber, formatStat } from '../../ui/format'

/**
 * The scoring form's field checks, run as the user types: a number field must hold a
 * number (an error: scoring waits); a value outside the training range is a warning
 * (scoring goes ahead, main repeats the warning with the result). Pure functions.
 */

/** What the form knows of one field after a keystroke. */
export interface FieldState {
  /** The value sent to main: a number, a category, or null for missing (main imputes it). */
  value: number | string | null
  error: string | null
  warning: string | null
  /** What happens to an empty field, said quietly. */
  note: string | null
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i

/**
 * A number as a user types it: "540", "12,34,567", "₹ 5,00,000", "-3.5". Null when empty,
 * NaN when it is not a number.
 */
export function parseNumberText(text: string): number | null {
  const cleaned = text
    .trim()
    .replace(/^(₹|rs\.?|inr)\s*/i, '')
    .replace(/[,\s]/g, '')
  if (cleaned === '') return null
  return NUMBER.test(cleaned) ? Number(cleaned) : Number.NaN
}

function show(field: InputFieldInfo, value: number | null | undefined): string {
  return formatStat(field.name, value)
}

/** The training range as a hint under a number field: "Training range 300 – 900". */
export function rangeHint(field: InputFieldInfo): string {
  if (field.kind !== 'numeric') return `${field.categories?.length ?? 0} values seen in training`
  if (typeof field.min !== 'number' || typeof field.max !== 'number') return 'No training range known'
  return `Training range ${show(field, field.min)} – ${show(field, field.max)}`
}

/** Checks one field's text as typed. */
export function checkField(field: InputFieldInfo, raw: string): FieldState {
  if (field.kind === 'categorical') {
    const value = raw.trim()
    if (!value) {
      const fill = field.mostFrequent ? ` (${field.mostFrequent})` : ''
      return {
        value: null,
        error: null,
        warning: null,
        note: `Empty: the most frequent${fill} is used.`
      }
    }
    const known = !field.categories || field.categories.includes(value)
    return {
      value,
      error: null,
      warning: known
        ? null
        : `"${value}" was never seen in training: it is treated like the most frequent value.`,
      note: null
    }
  }
  const value = parseNumberText(raw)
  if (value === null) {
    const fill = typeof field.median === 'number' ? ` ${show(field, field.median)}` : ''
    return { value: null, error: null, warning: null, note: `Empty: the median${fill} is used.` }
  }
  if (Number.isNaN(value)) {
    return {
      value: null,
      error: `${field.name} must be a number, such as ${show(field, field.median ?? 0)}. Use digits; commas are fine.`,
      warning: null,
      note: null
    }
  }
  const below = typeof field.min === 'number' && value < field.min
  const above = typeof field.max === 'number' && value > field.max
  return {
    value,
    error: null,
    warning:
      below || above
        ? `${below ? 'Below' : 'Above'} anything seen in training (${show(field, field.min)} – ${show(field, field.max)}): the score is less certain.`
        : null,
    note: null
  }
}

/** A typical applicant: each number at its training median, each category at its most frequent value. */
export function typicalValues(fields: InputFieldInfo[]): Record<string, string> {
  const values: Record<string, string> = {}
  for (const f of fields) {
    if (f.kind === 'numeric') values[f.name] = typeof f.median === 'number' ? formatNumber(f.median, 4) : ''
    else values[f.name] = f.mostFrequent ?? ''
  }
  return values
}

/** The applicant as scoring/scoreOne takes it, from the form's texts. */
export function applicantInput(
  fields: InputFieldInfo[],
  raw: Record<string, string>
): Record<string, number | string | null> {
  const input: Record<string, number | string | null> = {}
  for (const f of fields) input[f.name] = checkField(f, raw[f.name] ?? '').value
  return input
}

/** The fields whose text is in error (scoring waits until there are none). */
export function fieldsInError(fields: InputFieldInfo[], raw: Record<string, string>): string[] {
  return fields.filter((f) => checkField(f, raw[f.name] ?? '').error !== null).map((f) => f.name)
}
