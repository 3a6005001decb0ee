import { clip } from '../base/clipText'
import type { ModelArtifact } from '../model/ModelArtifact'
import { ENGINEERED_NAMES } from './parseApplicants'

/** Characters of one text value kept in an audit record (an applicant's field is a few dozen). */
const MAX_AUDIT_TEXT = 256
/** Names of ignored fields listed in an audit record; the rest are counted. */
const MAX_LISTED_NAMES = 10
/** The key under which ignored fields are summarised (skipped if a model input has this name). */
const IGNORED_FIELDS_KEY = '(ignored fields)'

/**
 * What an audit record keeps of a request: the fields the score used (the model's inputs,
 * plus engineered fields and the target when sent, which were recomputed or ignored), each
 * value bounded, and the rest summarised in one entry. So a request with 70,000 unknown
 * keys or a megabyte-long value writes a record of a few kilobytes, never the request itself.
 */
export function auditInputs(
  artifact: ModelArtifact,
  input: Record<string, unknown>
): Record<string, unknown> {
  const kept: Record<string, unknown> = {}
  const known = new Set([...artifact.inputs.map((f) => f.name), ...ENGINEERED_NAMES, artifact.target.name])
  let ignored = 0
  const ignoredNames: string[] = []
  for (const key of Object.keys(input)) {
    if (known.has(key)) {
      // Stryker disable next-line BooleanLiteral: each key comes once, so nothing here writes a kept field twice; writable is for the record's readers.
      Object.defineProperty(kept, key, { value: boundedValue(input[key]), enumerable: true, writable: true })
      continue
    }
    ignored++
    if (ignoredNames.length < MAX_LISTED_NAMES) ignoredNames.push(clip(key, 60))
  }
  if (ignored > 0 && !known.has(IGNORED_FIELDS_KEY)) {
    kept[IGNORED_FIELDS_KEY] =
      `${ignored} field${ignored === 1 ? '' : 's'} not used by the model: ${ignoredNames.join(', ')}${ignored > ignoredNames.length ? ', …' : ''}`
  }
  return kept
}

/** A value as the record keeps it: numbers, booleans and null as they are, text clipped, lists and objects described. */
function boundedValue(value: unknown): unknown {
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return value
  if (typeof value === 'string') return clip(value, MAX_AUDIT_TEXT)
  if (Array.isArray(value)) return `(a list of ${value.length})`
  if (typeof value === 'object') return '(an object)'
  return String(value)
}
