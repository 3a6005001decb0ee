import { describe, expect, it } from 'vitest'
import type { InputField, ModelArtifact } from '../../../../src/main/core/model/ModelArtifact'
import { auditInputs } from '../../../../src/main/core/scoring/auditInputs'
import {
  notACategory,
  notANumber,
  parseApplicants,
  readCategory,
  readNumber
} from '../../../../src/main/core/scoring/parseApplicants'

const SCORE: InputField = {
  name: 'Credit_Score',
  kind: 'numeric',
  min: 300,
  max: 900,
  p01: 350,
  p99: 880,
  median: 700,
  missingShare: 0
}
const INCOME: InputField = { ...SCORE, name: 'Annual_Income', min: 60_000, max: 2_50_000.5, median: 1_20_000 }
const REGION: InputField = {
  name: 'Region',
  kind: 'categorical',
  categories: ['Central', 'East', 'North', 'North-East', 'South', 'West', 'Hills', 'Coast', 'Islands'],
  mostFrequent: 'South',
  missingShare: 0
}
/** Only the parts parsing reads: the input schema and the names of the target. */
const artifact = {
  inputs: [SCORE, INCOME, REGION],
  target: { name: 'Default', positiveClass: '1' }
} as unknown as ModelArtifact

function parseOne(fields: Record<string, unknown>, warnings = true) {
  const parsed = parseApplicants(artifact, 1, (field) => fields[field.name], warnings)
  return { ...parsed, messages: parsed.issues[0].map((i) => `${i.severity}: ${i.message}`) }
}

describe('readNumber and readCategory', () => {
  it('reads numbers from JSON and from CSV text as banks write them; missing is NaN; anything else undefined', () => {
    expect(readNumber(650)).toBe(650)
    expect(readNumber(' ₹1,50,000 ')).toBe(150000)
    expect(readNumber('(500)')).toBe(-500)
    for (const missing of [null, undefined, '', 'NA', ' n/a ', 'None', '-'])
      expect(readNumber(missing), String(missing)).toBeNaN()
    for (const bad of ['high', true, {}, [1], Infinity, NaN, '1e400'])
      expect(readNumber(bad), String(bad)).toBeUndefined()
  })

  it('reads categories from text (trimmed), numbers and booleans; missing is null; objects undefined', () => {
    expect(readCategory(' North ')).toBe('North')
    expect(readCategory(3)).toBe('3')
    expect(readCategory(false)).toBe('false')
    expect(readCategory('none')).toBe('none')
    for (const missing of [null, undefined, '', 'NA', '#N/A']) expect(readCategory(missing)).toBeNull()
    for (const bad of [{}, [], NaN, Infinity]) expect(readCategory(bad)).toBeUndefined()
  })

  it('says why a value is refused, never quoting a huge or nested value', () => {
    expect(notANumber(SCORE, 'high')).toBe('Credit_Score: "high" is not a number')
    expect(notANumber(SCORE, '1e400')).toBe(
      'Credit_Score: "1e400" is too large to be a number (beyond ±1.8e308)'
    )
    expect(notANumber(SCORE, Infinity)).toBe(
      'Credit_Score: "Infinity" is too large to be a number (beyond ±1.8e308)'
    )
    expect(notANumber(SCORE, NaN)).toBe('Credit_Score: "NaN" is not a number')
    expect(notANumber(SCORE, [1, 2, 3])).toBe('Credit_Score: a list of 3 is not a number')
    expect(notANumber(SCORE, { a: 1 })).toBe('Credit_Score: an object is not a number')
    expect(notANumber(SCORE, 'x'.repeat(100))).toBe(`Credit_Score: "${'x'.repeat(59)}…" is not a number`)
    expect(notACategory(REGION, { a: 1 })).toBe('Region: expected a category (text), got an object')
    expect(notACategory(REGION, null)).toBe('Region: expected a category (text), got "null"')
  })
})

describe('parseApplicants', () => {
  it('takes a complete, in-range applicant without a word', () => {
    const { raw, failed, messages } = parseOne({
      Credit_Score: 650,
      Annual_Income: '1,00,000',
      Region: 'North'
    })
    expect(messages).toEqual([])
    expect(failed[0]).toBe(0)
    expect(raw.numeric.get('Credit_Score')![0]).toBe(650)
    expect(raw.numeric.get('Annual_Income')![0]).toBe(100000)
    expect(raw.categorical.get('Region')).toEqual(['North'])
  })

  it('warns about missing fields (imputed), values outside the training range and unseen categories', () => {
    const { failed, messages, raw } = parseOne({ Annual_Income: 2_50_001, Region: 'Mars' })
    expect(failed[0]).toBe(0)
    expect(raw.numeric.get('Credit_Score')![0]).toBeNaN()
    expect(messages).toEqual([
      'warning: Credit_Score is missing: filled with the training median 700',
      'warning: Annual_Income = 2,50,001 is outside the training range 60,000 to 2,50,000.5: the model has not seen such values, treat the result with care',
      'warning: Region = "Mars" was never seen in training: treated as "South" (known values: Central, East, North, North-East, South, West, Hills, Coast, ...)'
    ])
    expect(parseOne({ Credit_Score: 299.5, Annual_Income: 60_000, Region: null }).messages).toEqual([
      'warning: Credit_Score = 299.5 is outside the training range 300 to 900: the model has not seen such values, treat the result with care',
      'warning: Region is missing: filled with the most frequent training value "South"'
    ])
  })

  it('accepts the range ends themselves', () => {
    expect(parseOne({ Credit_Score: 300, Annual_Income: 2_50_000.5, Region: 'West' }).messages).toEqual([])
    expect(parseOne({ Credit_Score: 900, Annual_Income: 60_000, Region: 'West' }).messages).toEqual([])
  })

  it('fails a row with a wrong type, naming each bad field, and collects warnings only when asked', () => {
    const bad = parseOne({ Credit_Score: 'high', Annual_Income: 1_00_000, Region: { x: 1 } })
    expect(bad.failed[0]).toBe(1)
    expect(bad.messages).toEqual([
      'error: Credit_Score: "high" is not a number',
      'error: Region: expected a category (text), got an object'
    ])
    expect(bad.raw.numeric.get('Credit_Score')![0]).toBeNaN()
    expect(bad.raw.categorical.get('Region')).toEqual([null])
    const quiet = parseOne({ Credit_Score: 'high', Region: 'Mars' }, false)
    expect(quiet.messages).toEqual(['error: Credit_Score: "high" is not a number'])
  })

  it('parses many rows at once, each with its own issues', () => {
    const rows = [{ Credit_Score: '640' }, { Credit_Score: 'x' }, {}]
    const parsed = parseApplicants(
      artifact,
      3,
      (field, r) => (rows[r] as Record<string, unknown>)[field.name],
      true
    )
    expect([...parsed.failed]).toEqual([0, 1, 0])
    expect([...parsed.raw.numeric.get('Credit_Score')!].map(String)).toEqual(['640', 'NaN', 'NaN'])
    expect(parsed.raw.numRows).toBe(3)
    expect(parsed.issues.map((i) => i.length)).toEqual([2, 3, 3])
  })

  it('says a model that learned what missing means scores a missing value as missing', () => {
    const keeps = { ...artifact, keepsMissing: true } as unknown as ModelArtifact
    const parsed = parseApplicants(keeps, 1, () => null, true)
    expect(parsed.issues[0].map((i) => i.message)).toEqual([
      'Credit_Score is missing: the model scores it as a missing value (it learned what missing means)',
      'Annual_Income is missing: the model scores it as a missing value (it learned what missing means)',
      'Region is missing: the model scores it as a missing value (it learned what missing means)'
    ])
  })

  it('shows a median the training rows did not have as "-", and warns of no range it did not see', () => {
    const empty = {
      ...artifact,
      inputs: [{ ...SCORE, min: null, max: null, p01: null, p99: null, median: null }]
    } as unknown as ModelArtifact
    expect(parseApplicants(empty, 1, () => '', true).issues[0].map((i) => i.message)).toEqual([
      'Credit_Score is missing: filled with the training median -'
    ])
    expect(parseApplicants(empty, 1, () => 5, true).issues[0]).toEqual([])
  })

  it('rounds an out-of-range value to two decimals in the warning', () => {
    expect(parseOne({ Credit_Score: 700, Annual_Income: 3_00_000.127, Region: 'West' }).messages).toEqual([
      'warning: Annual_Income = 3,00,000.13 is outside the training range 60,000 to 2,50,000.5: the model has not seen such values, treat the result with care'
    ])
  })

  it('reads "None" with spaces around it as missing, like NA', () => {
    expect(readNumber('  None   ')).toBeNaN()
    expect(readNumber(' NA      ')).toBeNaN()
  })

  it('lists all of exactly eight known categories without an ellipsis', () => {
    const eight = {
      ...artifact,
      inputs: [{ ...REGION, categories: REGION.kind === 'categorical' ? REGION.categories.slice(0, 8) : [] }]
    } as unknown as ModelArtifact
    expect(parseApplicants(eight, 1, () => 'Mars', true).issues[0][0].message).toBe(
      'Region = "Mars" was never seen in training: treated as "South" (known values: Central, East, North, North-East, South, West, Hills, Coast)'
    )
  })

  it('lists at most eight known categories in the unseen-value warning', () => {
    const few = {
      ...artifact,
      inputs: [{ ...REGION, categories: ['A', 'B'], mostFrequent: null }]
    } as unknown as ModelArtifact
    const parsed = parseApplicants(few, 1, () => 'C', true)
    expect(parsed.issues[0][0].message).toBe(
      'Region = "C" was never seen in training: treated as "" (known values: A, B)'
    )
  })
})

describe('auditInputs (what the audit record keeps of a request)', () => {
  it('keeps the model’s fields, engineered fields and the target, with bounded values', () => {
    const kept = auditInputs(artifact, {
      Credit_Score: 650,
      Region: 'x'.repeat(300),
      Annual_Income: null,
      High_Credit_Risk: true,
      Default: [1, 2],
      Loan_to_Balance_Ratio: { a: 1 },
      Age_Group: undefined
    })
    expect(kept).toEqual({
      Credit_Score: 650,
      Region: `${'x'.repeat(255)}…`,
      Annual_Income: null,
      High_Credit_Risk: true,
      Default: '(a list of 2)',
      Loan_to_Balance_Ratio: '(an object)',
      Age_Group: 'undefined'
    })
  })

  it('summarises unknown fields in one entry, listing ten names at most', () => {
    expect(auditInputs(artifact, { Credit_Score: 1, Salary: 5 })).toEqual({
      Credit_Score: 1,
      '(ignored fields)': '1 field not used by the model: Salary'
    })
    const many: Record<string, unknown> = {}
    for (let i = 0; i < 12; i++) many[`f${i}`] = i
    expect(auditInputs(artifact, many)['(ignored fields)']).toBe(
      '12 fields not used by the model: f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, …'
    )
    expect(auditInputs(artifact, { ['k'.repeat(100)]: 1 })['(ignored fields)']).toBe(
      `1 field not used by the model: ${'k'.repeat(59)}…`
    )
  })

  it('keeps a field named like an Object method as data, and skips the summary when an input has its name', () => {
    const odd = {
      ...artifact,
      inputs: [
        { ...SCORE, name: '__proto__' },
        { ...SCORE, name: '(ignored fields)' }
      ]
    } as unknown as ModelArtifact
    const input = JSON.parse('{"__proto__": 5, "(ignored fields)": 7, "other": 1}') as Record<string, unknown>
    const kept = auditInputs(odd, input)
    expect(Object.getOwnPropertyDescriptor(kept, '__proto__')?.value).toBe(5)
    expect(kept['(ignored fields)']).toBe(7)
  })
})
