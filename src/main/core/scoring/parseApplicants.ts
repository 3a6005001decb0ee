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
  const readField = <T>(field: InputField, rule: FieldRule<T>, values: { [row: number]: T }): void => {
    for (let r = 0; r < numRows; r++) {
      const v = cell(field, r)
      const x = rule.read(v)
      if (x === undefined) {
        values[r] = rule.missingValue
        failed[r] = 1
        issues[r].push({ field: field.name, severity: 'error', message: rule.wrongType(v) })
        continue
      }
      values[r] = x
      if (!collectWarnings) continue
      const warning = rule.isMissing(x) ? rule.missingWarning : rule.unusual(x)
      if (warning !== null) issues[r].push({ field: field.name, severity: 'warning', message: warning })
    }
  }
  for (const field of artifact.inputs) {
    if (field.kind === 'numeric') {
      const values = new Float64Array(numRows)
      readField(field, numericRule(field, artifact.keepsMissing === true), values)
      numeric.set(field.name, values)
    } else {
      // Stryker disable next-line ArrayDeclaration: every row is assigned below, so the length given up front changes nothing.
      const values: (string | null)[] = new Array(numRows)
      readField(field, categoryRule(field, artifact.keepsMissing === true), values)
      categorical.set(field.name, values)
    }
  }
  return { raw: { numRows, numeric, categorical }, issues, failed }
}

/** How a kind of field is read from a cell and which values deserve a warning. */
interface FieldRule<T> {
  /** The value of a cell, `missingValue` when empty, undefined when it is not of this kind. */
  read(v: unknown): T | undefined
  missingValue: T
  isMissing(x: T): boolean
  /** The error of a cell that is not of this kind. */
  wrongType(v: unknown): string
  /** The warning of a missing value: how the model fills it in. */
  missingWarning: string
  /** The warning of a present value the model has not seen the like of, or null. */
  unusual(x: T): string | null
}

type NumericField = Extract<InputField, { kind: 'numeric' }>
type CategoricalField = Extract<InputField, { kind: 'categorical' }>

function numericRule(field: NumericField, keepsMissing: boolean): FieldRule<number> {
  const { name, min, max } = field
  return {
    read: readNumber,
    missingValue: NaN,
    isMissing: (x) => x !== x,
    wrongType: (v) => notANumber(field, v),
    missingWarning: keepsMissing
      ? keptMissing(field)
      : `${name} is missing: filled with the training median ${fmt(field.median)}`,
    unusual: (x) =>
      min !== null && max !== null && (x < min || x > max)
        ? `${name} = ${fmt(x)} is outside the training range ${fmt(min)} to ${fmt(max)}: the model has not seen such values, treat the result with care`
        : null
  }
}

function categoryRule(field: CategoricalField, keepsMissing: boolean): FieldRule<string | null> {
  const { name, categories, mostFrequent } = field
  const known = new Set(categories)
  return {
    read: readCategory,
    missingValue: null,
    isMissing: (s) => s === null,
    wrongType: (v) => notACategory(field, v),
    missingWarning: keepsMissing
      ? keptMissing(field)
      : `${name} is missing: filled with the most frequent training value "${mostFrequent}"`,
    unusual: (s) =>
      s === null || known.has(s)
        ? null
        : `${name} = "${clip(s, 60)}" was never seen in training: treated as "${clip(mostFrequent ?? '', 60)}" (known values: ${categories
            .slice(0, 8)
            .map((c) => clip(c, 40))
            .join(', ')}${categories.length > 8 ? ', ...' : ''})`
  }
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
  return `"${clip(String(v), 60)}"`
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
  if (Number.isFinite(v)) return String(v)
  if (typeof v === 'boolean') return String(v)
  return undefined
}

function fmt(x: number | null): string {
  if (x === null || !Number.isFinite(x)) return '-'
  return Number.isInteger(x)
    ? x.toLocaleString('en-IN')
    : x.toLocaleString('en-IN', { maximumFractionDigits: 2 })
}
