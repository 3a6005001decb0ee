import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DecisionText } from '../../src/shared/decisionText'
import { formatFieldValue, type DictionaryEntry } from '../../src/shared/dictionary'
import { translator, type Lang } from '../../src/shared/i18n'
import { entries, fieldRows, sayNumber, sentence } from '../helpers/reasonArbitraries'

// DecisionText.reason fills each feature's sentence once and cuts it where the field, the value
// and the amount go (a scored file writes three a row), and formatFieldValue fills a unit's words
// once per field. These tests fill the catalogue's messages per call, as the words are
// documented, and hold the cut ones to them.

describe('DecisionText.reason', () => {
  it('says what the catalogue says filled per call, for any unit, label, value and amount, in both languages', () => {
    fc.assert(
      fc.property(fieldRows(), ({ entry, lang, rows }) => {
        // One DecisionText for all of a field's rows: the second and later reuse the cut sentence.
        const text = new DecisionText([entry], lang)
        for (const [value, contribution] of rows) {
          expect(text.reason({ feature: entry.field, value, contribution })).toBe(
            sentence(entry, value, contribution, lang)
          )
        }
      }),
      { numRuns: 400 }
    )
  })

  it('names a field the dictionary does not hold by its column name', () => {
    const text = new DecisionText([])
    expect(text.reason({ feature: 'Loan_Term', value: 60, contribution: 0.003 })).toBe(
      'Loan_Term: 60 — raised the risk by 0.3 %'
    )
    expect(text.reason({ feature: 'Loan_Term', value: null, contribution: -0.0001 })).toBe(
      'Loan_Term: not given — lowered the risk by less than 0.1 %'
    )
  })
})

describe('formatFieldValue', () => {
  const numbers = fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.double({ min: -5, max: 5, noNaN: true }),
    fc.integer({ min: -2e9, max: 2e9 }),
    fc.constantFrom(0, 1, -0, 0.1234, 12.345)
  )

  it('reads a number in its unit’s words, as filled per call, for any unit or none', () => {
    fc.assert(
      // A field the dictionary does not hold (no entry) reads as a plain number.
      fc.property(
        fc.option(entries, { nil: undefined }),
        fc.constantFrom<Lang>('en', 'hi'),
        numbers,
        (entry, lang, v) => {
          const e = entry as DictionaryEntry | undefined
          expect(formatFieldValue(e, v, lang, translator(lang))).toBe(sayNumber(e, v, lang))
        }
      ),
      { numRuns: 400 }
    )
  })

  it('says "not given" for no value, yes or no for an answer, and a category by its label', () => {
    const region: DictionaryEntry = {
      field: 'Region',
      label: { en: 'Region', hi: 'क्षेत्र' },
      description: { en: '', hi: '' },
      unit: 'category',
      values: { N: { en: 'North', hi: 'उत्तर' }, S: { en: 'South', hi: '' } }
    }
    const en = translator('en')
    const hi = translator('hi')
    for (const missing of [null, undefined, '', NaN, Infinity, -Infinity])
      expect(formatFieldValue(region, missing, 'en', en), String(missing)).toBe(en('units.notGiven'))
    expect(formatFieldValue(region, true, 'hi', hi)).toBe(hi('units.yes'))
    expect(formatFieldValue(region, false, 'en', en)).toBe(en('units.no'))
    expect(formatFieldValue(region, 'N', 'hi', hi)).toBe('उत्तर')
    // No Hindi label: the English one; no label at all, or no entry: the text as given.
    expect(formatFieldValue(region, 'S', 'hi', hi)).toBe('South')
    expect(formatFieldValue(region, 'W', 'en', en)).toBe('W')
    expect(formatFieldValue(undefined, 'W', 'en', en)).toBe('W')
  })
})
