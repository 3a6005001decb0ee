import type { Lang, Translate } from '../i18n'
import { formatInr, groupIndian, parseTypedNumber } from '../numbers'
import { SPEC_DICTIONARY } from './defaults'
import type { Bilingual, Dictionary, DictionaryEntry, FieldUnit } from './schema'

/** What the dictionary needs to know of a column to describe it. */
export interface FieldShape {
  name: string
  kind: 'numeric' | 'categorical' | 'identifier' | 'target'
  min?: number | null
  max?: number | null
}

/** A column name compared loosely: case, spaces, underscores and hyphens ignored. */
export function normaliseFieldName(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, '')
}

const SPEC_BY_NAME = new Map(SPEC_DICTIONARY.map((e) => [normaliseFieldName(e.field), e]))

/** A unit guessed from a column's name and range, for a bank's own column the defaults do not know. */
export function guessUnit(shape: FieldShape): FieldUnit {
  if (shape.kind !== 'numeric') return 'category'
  const name = shape.name.toLowerCase()
  const small = typeof shape.max === 'number' && shape.max <= 1 && (shape.min ?? 0) >= 0
  if (/rate|interest|percent|pct/.test(name)) return small ? 'share' : 'percent'
  if (/(_to_|ratio)/.test(name)) return 'ratio'
  if (/amount|income|balance|salary|emi|deposit|savings|principal|outstanding|limit/.test(name)) return 'inr'
  if (/month|duration|term/.test(name)) return 'months'
  if (/(^|_)age($|_)|year|tenure/.test(name)) return 'years'
  if (/score/.test(name)) return 'score'
  if (/count|number|num_|existing|dependents|loans|delinquen|defaults/.test(name)) return 'count'
  return 'number'
}

/** "Past_Delinquencies" → "Past delinquencies": a readable label from a column name. */
export function labelFromName(name: string): string {
  const spaced = name.replace(/[_]+/g, ' ').replace(/\s+/g, ' ').trim()
  return spaced ? spaced[0].toUpperCase() + spaced.slice(1).toLowerCase() : name
}

/** The entry a column starts with: the specification's when the name matches, else one guessed. */
export function defaultEntry(shape: FieldShape): DictionaryEntry {
  const spec = SPEC_BY_NAME.get(normaliseFieldName(shape.name))
  if (spec) return { ...spec, field: shape.name }
  const label = labelFromName(shape.name)
  return {
    field: shape.name,
    label: { en: label, hi: '' },
    description: { en: '', hi: '' },
    unit: guessUnit(shape)
  }
}

/**
 * One entry per column: the defaults, overridden field by field by each stored layer in
 * turn (a dataset's edits, then a model's). Entries for fields not among the columns are dropped.
 */
export function resolveDictionary(
  shapes: FieldShape[],
  ...layers: (Dictionary | null | undefined)[]
): Dictionary {
  const edited = new Map<string, DictionaryEntry>()
  for (const layer of layers) for (const e of layer ?? []) edited.set(e.field, e)
  return shapes.map((shape) => edited.get(shape.name) ?? defaultEntry(shape))
}

/** A text in the language asked for, else English. */
export function inLang(text: Bilingual, lang: Lang): string {
  return (lang === 'hi' && text.hi.trim()) || text.en
}

/** The name people read for a field. */
export function fieldLabel(dictionary: Dictionary | undefined, field: string, lang: Lang): string {
  const entry = dictionary?.find((e) => e.field === field)
  return entry ? inLang(entry.label, lang) : field
}

/** A field's value as people read it: ₹ amounts, percentages, units, yes/no, category labels. */
export function formatFieldValue(
  entry: DictionaryEntry | undefined,
  value: number | string | boolean | null | undefined,
  lang: Lang,
  t: Translate
): string {
  return fieldValueFormat(entry, lang, t)(value)
}

/** What fieldValueFormat's formatter takes: a field's value, given or not. */
export type FieldValue = number | string | boolean | null | undefined

/**
 * formatFieldValue for one field, its unit's words looked up once: a scored file quotes a
 * value in each of a million rows' three reasons, and looking the unit's message up per call
 * was most of a reason sentence's time.
 */
export function fieldValueFormat(
  entry: DictionaryEntry | undefined,
  lang: Lang,
  t: Translate
): (value: FieldValue) => string {
  const number = numberFormat(entry?.unit, t)
  return (value) => {
    if (
      value === null ||
      value === undefined ||
      value === '' ||
      (typeof value === 'number' && !Number.isFinite(value))
    )
      return t('units.notGiven')
    if (typeof value === 'boolean') return t(value ? 'units.yes' : 'units.no')
    if (typeof value === 'string') {
      const label = entry?.values?.[value]
      return label ? inLang(label, lang) : value
    }
    return number(value)
  }
}

/**
 * A mark no message or grouped number holds: a unit's message is filled with it once and cut
 * there, and each value is joined into the pieces (the same text as filling the message with it).
 */
const VALUE_MARK = '\u0000'

/**
 * A unit's words around a number, for every finite value: the value × `scale` grouped with
 * at most `digits` decimals (groupIndian) between the pieces of `words` (one number between
 * two pieces, as every catalogue says it). Null for a unit that says some values otherwise (a
 * flag's yes and no). A scored file's reasons write integer values from this description as
 * bytes (see ReasonCell); numberFormat says the same in text.
 */
export interface NumberWords {
  words: string[]
  digits: number
  scale: number
}

export function numberWords(unit: FieldUnit | undefined, t: Translate): NumberWords | null {
  const inWords = (
    key: 'units.percent' | 'units.months' | 'units.years',
    digits: number,
    scale = 1
  ): NumberWords => ({ words: t(key, { value: VALUE_MARK }).split(VALUE_MARK), digits, scale })
  switch (unit) {
    case 'inr':
      return { words: ['₹', ''], digits: 0, scale: 1 }
    case 'percent':
      return inWords('units.percent', 2)
    case 'share':
      return inWords('units.percent', 1, 100)
    case 'months':
      return inWords('units.months', 1)
    case 'years':
      return inWords('units.years', 1)
    case 'flag':
      return null
    case 'score':
    case 'count':
      return { words: ['', ''], digits: 1, scale: 1 }
    default:
      return { words: ['', ''], digits: 2, scale: 1 }
  }
}

/** A finite number in a unit's words. */
function numberFormat(unit: FieldUnit | undefined, t: Translate): (value: number) => string {
  // Rupees put the sign before the symbol (−₹500).
  if (unit === 'inr') return formatInr
  const described = numberWords(unit, t)
  if (!described)
    return (value) => (value === 1 ? t('units.yes') : value === 0 ? t('units.no') : groupIndian(value, 2))
  const { words, digits, scale } = described
  return (value) => words.join(groupIndian(scale === 1 ? value : value * scale, digits))
}

/**
 * A field's value as typed into a form, in the unit the model stores: "5.5%" for a rate
 * is 5.5; "40" or "40 %" for a share is 0.4; "₹5 lakh" is 500000. Null when empty, NaN
 * when it is not a number.
 */
export function parseFieldText(unit: FieldUnit, text: string): number | null {
  const { value } = parseTypedNumber(text)
  if (value === null || Number.isNaN(value)) return value
  return unit === 'share' ? value / 100 : value
}

/** How a stored value is typed back into the form (a share as its percentage). */
export function typedFieldText(unit: FieldUnit, value: number): string {
  const typed = unit === 'share' ? value * 100 : value
  return String(Math.round(typed * 1e6) / 1e6)
}
