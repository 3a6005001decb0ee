import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkApplicants, provided, providedFlags } from '../../../../src/main/core/policy/checkApplicants'
import type { InputField } from '../../../../src/main/core/model/ModelArtifact'
import type { RawInputs } from '../../../../src/main/core/ml/preprocess'
import type { Policy, PolicyIssue } from '../../../../src/shared/policy'
import { AMOUNT, REGION } from '../../../fixtures/csvInputs'

// providedFlags and checkApplicants look each column up once for a whole chunk; these tests
// hold them to provided() asked row by row, and to the policy's rules as written.

// Two numeric and two categorical inputs, named as the raw columns below.
const FIELDS: InputField[] = [
  { ...AMOUNT, name: 'Income' },
  { ...AMOUNT, name: 'Age' },
  { ...REGION, name: 'Region' },
  { ...REGION, name: 'Purpose' }
]

/** Raw inputs of n rows: numbers with NaN among them, categories with null, some columns absent. */
const rawInputs = fc.integer({ min: 0, max: 40 }).chain((n) =>
  fc.record({
    numRows: fc.constant(n),
    numeric: fc
      .array(
        fc.tuple(
          fc.constantFrom('Income', 'Age'),
          fc.array(fc.oneof(fc.double(), fc.constant(NaN)), { minLength: n, maxLength: n })
        )
      )
      .map((cols) => new Map(cols.map(([k, v]) => [k, Float64Array.from(v)]))),
    categorical: fc
      .array(
        fc.tuple(
          fc.constantFrom('Region', 'Purpose'),
          fc.array(fc.constantFrom('A', 'B', '', null), { minLength: n, maxLength: n })
        )
      )
      .map((cols) => new Map(cols))
  })
)

describe('providedFlags', () => {
  it('says for every row what provided() says, for columns given, partly missing or absent', () => {
    fc.assert(
      fc.property(rawInputs, (raw: RawInputs) => {
        for (const field of FIELDS) {
          const flags = providedFlags(raw, field)
          expect(flags).toHaveLength(raw.numRows)
          for (let r = 0; r < raw.numRows; r++)
            expect(flags[r], `${field.name} row ${r}`).toBe(provided(raw, field, r) ? 1 : 0)
        }
      })
    )
  })
})

describe('checkApplicants', () => {
  it('reports each required field a row left out and each number past a hard limit, skipping refused rows', () => {
    const limit = fc.option(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), { nil: null })
    fc.assert(
      fc.property(
        rawInputs,
        fc.subarray(['Income', 'Age', 'Region', 'Purpose', 'Unknown']),
        fc.array(fc.record({ field: fc.constantFrom('Income', 'Age', 'Nowhere'), min: limit, max: limit })),
        fc.infiniteStream(fc.boolean()),
        (raw: RawInputs, required, limits, skips) => {
          const policy = { required, limits, referrals: [] } as unknown as Policy
          const skip = Uint8Array.from({ length: raw.numRows }, () => (skips.next().value ? 1 : 0))
          const got: [number, PolicyIssue][] = []
          checkApplicants(policy, FIELDS, raw, (r, issue) => got.push([r, issue]), skip)
          const expected: [number, PolicyIssue][] = []
          for (let r = 0; r < raw.numRows; r++) {
            if (skip[r]) continue
            for (const name of required) {
              const field = FIELDS.find((f) => f.name === name)
              if (field && !provided(raw, field, r))
                expected.push([r, { field: name, rule: 'required', value: null, bound: null }])
            }
            for (const l of limits) {
              const v = raw.numeric.get(l.field)?.[r]
              if (v === undefined || Number.isNaN(v)) continue
              if (l.min !== null && v < l.min)
                expected.push([r, { field: l.field, rule: 'min', value: v, bound: l.min }])
              else if (l.max !== null && v > l.max)
                expected.push([r, { field: l.field, rule: 'max', value: v, bound: l.max }])
            }
          }
          expect(got).toEqual(expected)
          // Without rows to skip, every row is checked.
          const all: [number, PolicyIssue][] = []
          checkApplicants(policy, FIELDS, raw, (r, issue) => all.push([r, issue]))
          const none: [number, PolicyIssue][] = []
          checkApplicants(
            policy,
            FIELDS,
            raw,
            (r, issue) => none.push([r, issue]),
            new Uint8Array(raw.numRows)
          )
          expect(all).toEqual(none)
        }
      )
    )
  })
})
