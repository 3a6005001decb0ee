import type { Policy, PolicyIssue } from '../../../shared/policy'
import type { InputField } from '../model/ModelArtifact'
import type { RawInputs } from '../ml/preprocess'

export type { PolicyIssue }

/** Whether row r provided the input field (a number that is not NaN, a category that is not null). */
export function provided(raw: RawInputs, field: InputField, r: number): boolean {
  if (field.kind === 'numeric') {
    const v = raw.numeric.get(field.name)?.[r]
    return v !== undefined && v === v
  }
  return (raw.categorical.get(field.name)?.[r] ?? null) !== null
}

/**
 * Per row, 1 when it provided the input field (as provided() says), the column looked up
 * once: a batch chunk asks it of every field of thousands of rows.
 */
export function providedFlags(raw: RawInputs, field: InputField): Uint8Array {
  const flags = new Uint8Array(raw.numRows)
  if (field.kind === 'numeric') {
    const values = raw.numeric.get(field.name)
    if (values)
      // Stryker disable next-line EqualityOperator: a write one past the end of a typed array is dropped.
      for (let r = 0; r < raw.numRows; r++) {
        const v = values[r]
        // Stryker disable next-line ConditionalExpression: parsers give every row a value, so undefined (a column shorter than its rows) never comes; tested as provided() tests it.
        flags[r] = v !== undefined && v === v ? 1 : 0
      }
  } else {
    const values = raw.categorical.get(field.name)
    // Stryker disable next-line EqualityOperator: a write one past the end of a typed array is dropped.
    if (values) for (let r = 0; r < raw.numRows; r++) flags[r] = (values[r] ?? null) !== null ? 1 : 0
  }
  return flags
}

/**
 * The checks of a model's policy that each row of parsed applicants fails: a required field
 * not provided, a number below a hard minimum or above a hard maximum. Calls `report` per
 * issue. Rows in `skip` (already refused: a ragged record, text in a number) are not
 * checked: their unread cells would read as not provided.
 */
export function checkApplicants(
  policy: Policy,
  inputs: InputField[],
  raw: RawInputs,
  report: (row: number, issue: PolicyIssue) => void,
  skip?: Uint8Array
): void {
  const byName = new Map(inputs.map((f) => [f.name, f]))
  const required = policy.required
    .map((name) => byName.get(name))
    .filter((f) => f !== undefined)
    .map((field) => ({ field, given: providedFlags(raw, field) }))
  const limits = policy.limits
    .map((l) => ({ ...l, values: raw.numeric.get(l.field) }))
    .filter((l) => l.values !== undefined)
  // Which rows fail some check, found a column at a time: tight loops over typed arrays, where
  // checking every rule of every row was 3 % of a scoring thread's CPU profile. Only
  // those rows, few in a bank's file, are then reported, row by row, in the rules' order.
  const failing = new Uint8Array(raw.numRows)
  for (const { given } of required) for (let r = 0; r < raw.numRows; r++) failing[r] |= given[r] ^ 1
  for (const { values, min, max } of limits) {
    const v = values!
    const low = min ?? -Infinity
    const high = max ?? Infinity
    // NaN (not given) fails neither comparison.
    for (let r = 0; r < raw.numRows; r++) if (v[r] < low || v[r] > high) failing[r] = 1
  }
  for (let r = 0; r < raw.numRows; r++) {
    if (!failing[r] || skip?.[r]) continue
    for (const { field, given } of required) {
      if (!given[r]) report(r, { field: field.name, rule: 'required', value: null, bound: null })
    }
    for (const l of limits) {
      const v = l.values![r]
      if (v !== v) continue
      if (l.min !== null && v < l.min) report(r, { field: l.field, rule: 'min', value: v, bound: l.min })
      else if (l.max !== null && v > l.max) report(r, { field: l.field, rule: 'max', value: v, bound: l.max })
    }
  }
}
