import { clip } from '../base/clipText'
import { isMissingNumberToken, isMissingToken, parseNumber } from '../data/csv/parseNumber'
import type { InputField, ModelArtifact } from '../model/ModelArtifact'
import type { RawInputs } from '../ml/preprocess'

/** A problem with one field of one applicant. Errors stop that row from being scored; warnings do not. */
export interface FieldIssue {
  field: string
  severity: 'error' | 'warning'
  message: string
}

/** Names the engineered features may arrive under (the spec's /predict sends them); they are recomputed, never trusted. */
export const ENGINEERED_NAMES = ['Loan_to_Balance_Ratio', 'High_Credit_Risk', 'Age_Group']

export interface ParsedApplicants {
  raw: RawInputs
  /** Per row: the issues found (only collected when asked; errors always). */
  issues: FieldIssue[][]
  /** Rows with at least one error: not scorable. */
  failed: Uint8Array
}

/**
 * Turns raw applicant cells (CSV text or JSON values) into the model's raw inputs,
 * checking each field: a wrong type is an error naming the field; a missing value
 * (imputed as in training), a value outside the training range and a category never
 * seen in training are warnings.
 */
export function parseApplicants(
  artifact: ModelArtifact,
  numRows: number,
  cell: (field: InputField, row: number) => unknown,
  collectWarnings: boolean
): ParsedApplicants {
  const numeric = new Map<string, Float64Array>()
  const categorical = new Map<string, (string | null)[]>()
  const issues: FieldIssue[][] = Array.from({ length: numRows }, () => [])
  const failed = new Uint8Array(numRows)
  for (const field of artifact.inputs) {
    if (field.kind === 'numeric') {
      const values = new Float64Array(numRows)
      for (let r = 0; r < numRows; r++) {
        const v = cell(field, r)
        const x = readNumber(v)
        if (x === undefined) {
          values[r] = NaN
          failed[r] = 1
          issues[r].push({ field: field.name, severity: 'error', message: notANumber(field, v) })
          continue
        }
        values[r] = x
        if (!collectWarnings) continue
        if (x !== x) {
          issues[r].push({
            field: field.name,
            severity: 'warning',
            message: artifact.keepsMissing
              ? keptMissing(field)
              : `${field.name} is missing: filled with the training median ${fmt(field.median)}`
          })
        } else if (field.min !== null && field.max !== null && (x < field.min || x > field.max)) {
          issues[r].push({
            field: field.name,
            severity: 'warning',
            message: `${field.name} = ${fmt(x)} is outside the training range ${fmt(field.min)} to ${fmt(field.max)}: the model has not seen such values, treat the result with care`
          })
        }
      }
      numeric.set(field.name, values)
    } else {
      const values: (string | null)[] = new Array(numRows)
      const known = new Set(field.categories)
      for (let r = 0; r < numRows; r++) {
        const v = cell(field, r)
        const s = readCategory(v)
        if (s === undefined) {
          values[r] = null
          failed[r] = 1
          issues[r].push({ field: field.name, severity: 'error', message: notACategory(field, v) })
          continue
        }
        values[r] = s
        if (!collectWarnings) continue
        if (s === null) {
          issues[r].push({
            field: field.name,
            severity: 'warning',
            message: artifact.keepsMissing
              ? keptMissing(field)
              : `${field.name} is missing: filled with the most frequent training value "${field.mostFrequent}"`
          })
        } else if (!known.has(s)) {
          issues[r].push({
            field: field.name,
            severity: 'warning',
            message: `${field.name} = "${clip(s, 60)}" was never seen in training: treated as "${clip(field.mostFrequent ?? '', 60)}" (known values: ${field.categories
              .slice(0, 8)
              .map((c) => clip(c, 40))
              .join(', ')}${field.categories.length > 8 ? ', ...' : ''})`
          })
        }
      }
      categorical.set(field.name, values)
    }
  }
  return { raw: { numRows, numeric, categorical }, issues, failed }
}

/** The warning of a missing value that a model reading missing values itself (artifact.keepsMissing) scores as missing. */
function keptMissing(field: InputField): string {
  return `${field.name} is missing: the model scores it as a missing value (it learned what missing means)`
}

/** The error of a numeric field whose value is not a number (or overflows a double, as `1e400` does). */
export function notANumber(field: InputField, v: unknown): string {
  const overflows =
    typeof v === 'number' ? !Number.isNaN(v) : typeof v === 'string' && Math.abs(parseNumber(v)) === Infinity
  if (overflows) return `${field.name}: ${shown(v)} is too large to be a number (beyond ±1.8e308)`
  return `${field.name}: ${shown(v)} is not a number`
}

/** The error of a categorical field whose value is not text. */
export function notACategory(field: InputField, v: unknown): string {
  return `${field.name}: expected a category (text), got ${shown(v)}`
}

/** A value as a message shows it: short, and never the whole of a huge or nested value. */
function shown(v: unknown): string {
  if (Array.isArray(v)) return `a list of ${v.length}`
  if (v !== null && typeof v === 'object') return 'an object'
  return `"${clip(typeof v === 'string' ? v : String(v), 60)}"`
}

/** A number from CSV text or JSON; NaN when missing; undefined when it is not a number. */
export function readNumber(v: unknown): number | undefined {
  if (v === null || v === undefined) return NaN
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined
  if (typeof v === 'string') {
    if (isMissingNumberToken(v.trim())) return NaN
    const x = parseNumber(v)
    // `1e400` reads as Infinity: as unusable as text, like JSON's own overflowing numbers.
    return Number.isFinite(x) ? x : undefined
  }
  return undefined
}

/** A category from CSV text or JSON; null when missing; undefined when not text-like. */
export function readCategory(v: unknown): string | null | undefined {
  if (v === null || v === undefined) return null
  if (typeof v === 'string') {
    const s = v.trim()
    return isMissingToken(s) ? null : s
  }
  if (typeof v === 'number' && Number.isFinite(v)) return String(v)
  if (typeof v === 'boolean') return String(v)
  return undefined
}

function fmt(x: number | null): string {
  if (x === null || !Number.isFinite(x)) return '-'
  return Number.isInteger(x)
    ? x.toLocaleString('en-IN')
    : x.toLocaleString('en-IN', { maximumFractionDigits: 2 })
}
