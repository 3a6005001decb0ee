import fc from 'fast-check'
import { FIELD_UNITS, formatFieldValue, type DictionaryEntry } from '../../src/shared/dictionary'
import { translator, type Lang } from '../../src/shared/i18n'
import { formatInr, formatShare, groupIndian } from '../../src/shared/numbers'

// Dictionary entries, values and contributions for the property tests of reason sentences
// (DecisionText.reason, ReasonCell), and the sentences as the catalogue's messages say them
// filled per call, as the words are documented: the oracle the cut sentences are held to.

/** A finite number as the catalogue's units say it, each unit's message filled per call. */
export function sayNumber(entry: DictionaryEntry | undefined, v: number, lang: Lang): string {
  const t = translator(lang)
  switch (entry?.unit) {
    case 'inr':
      return formatInr(v)
    case 'percent':
      return t('units.percent', { value: groupIndian(v, 2) })
    case 'share':
      return t('units.percent', { value: groupIndian(v * 100, 1) })
    case 'months':
      return t('units.months', { value: groupIndian(v, 1) })
    case 'years':
      return t('units.years', { value: groupIndian(v, 1) })
    case 'flag':
      return v === 1 ? t('units.yes') : v === 0 ? t('units.no') : groupIndian(v, 2)
    case 'score':
    case 'count':
      return groupIndian(v, 1)
    default:
      return groupIndian(v, 2)
  }
}

/** The reason sentence filled per call; its value read by formatFieldValue (tested on its own below). */
export function sentence(entry: DictionaryEntry, value: unknown, contribution: number, lang: Lang): string {
  const t = translator(lang)
  const label = (lang === 'hi' && entry.label.hi.trim()) || entry.label.en
  const points = Math.abs(contribution)
  return t(contribution > 0 ? 'decision.reason.raises' : 'decision.reason.lowers', {
    field: label,
    value: formatFieldValue(entry, value as number | string | null, lang, t),
    points: points < 0.0005 ? t('decision.reason.lessThan', { points: '0.1 %' }) : formatShare(points)
  })
}

// Labels and category words with the characters the cut sentences use inside them too, and
// those that make a CSV cell quoted or that a spreadsheet reads as a formula.
const words = fc.oneof(
  fc.string({ minLength: 1, maxLength: 12 }),
  fc.constantFrom('Credit score', 'आय', 'a\u0001b', '\u0002', 'x\u0003', '{value}', '$&', '₹ — %'),
  fc.constantFrom('a,b', 'two\nlines', 'cr\rhere', 'say "so"', '=1+1', '-lent', '@home', '\tTab')
)
export const entries = fc.record({
  field: fc.constantFrom('Income', 'Region', 'Age'),
  label: fc.record({ en: words, hi: fc.oneof(fc.constant(''), words) }),
  description: fc.constant({ en: '', hi: '' }),
  unit: fc.constantFrom(...FIELD_UNITS),
  values: fc.option(fc.dictionary(fc.constantFrom('N', 'S', 'Yes'), fc.record({ en: words, hi: words })), {
    nil: undefined
  })
})
export const values = fc.oneof(
  fc.double(),
  // Small fractions: shares and rates whose second and third decimals show.
  fc.double({ min: -5, max: 5, noNaN: true }),
  fc.integer({ min: -2e9, max: 2e9 }),
  fc.constantFrom('N', 'S', 'Yes', 'other', '', null, 0, 1, -0, Infinity, 0.1234, 12.345)
)
export const contributions = fc.oneof(
  fc.double({ noNaN: true, min: -1, max: 1 }),
  fc.constantFrom(0, -0, 0.0005, -0.0005, 0.0004999, 0.12345)
)

/** A field, a language and some of the field's rows (value, contribution) to say reasons for. */
export function fieldRows(
  rowValues: fc.Arbitrary<number | string | null> = values
): fc.Arbitrary<{ entry: DictionaryEntry; lang: Lang; rows: [number | string | null, number][] }> {
  return fc.record({
    entry: entries.map((e) => e as DictionaryEntry),
    lang: fc.constantFrom<Lang>('en', 'hi'),
    rows: fc.array(fc.tuple(rowValues, contributions), { minLength: 1, maxLength: 8 })
  })
}
