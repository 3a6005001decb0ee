import { amountInWords, parseTypedNumber } from '../../../../shared/numbers'
import {
  defaultEntry,
  formatFieldValue,
  inLang,
  parseFieldText,
  typedFieldText,
  type Dictionary,
  type DictionaryEntry
} from '../../../../shared/dictionary'
import type { InputFieldInfo } from '../../../../shared/dto'
import type { Policy } from '../../../../shared/policy'
import { lang, t } from '../../i18n'

/**
 * The scoring form's field checks, run as the user types, with the model's dictionary (how
 * each field is named and typed) and policy (required fields, hard limits): a number field
 * must hold a number and a required field a value, and a value past a hard limit is
 * impossible (errors: scoring waits); a value outside the training range is a warning
 * (scoring goes ahead). Amounts echo in lakh and crore as typed; a percentage is typed as
 * one ("5.5 %", "40 %") whatever the model stores. Pure functions of their arguments and
 * the window's language.
 */

/** What the form knows of the model: its fields, how they are named and typed, and the checks. */
export interface FormModel {
  fields: InputFieldInfo[]
  dictionary: Dictionary
  policy: Policy
}

/** What the form knows of one field after a keystroke. */
export interface FieldState {
  /** The value sent to main, in the unit the model stores: a number, a category, or null when not given. */
  value: number | string | null
  error: string | null
  warning: string | null
  /** What happens to an empty field, or the amount in words, said quietly. */
  note: string | null
}

/** A field's dictionary entry (the defaults when the model's dictionary does not list it). */
export function entryOf(model: Pick<FormModel, 'dictionary'>, field: InputFieldInfo): DictionaryEntry {
  return (
    model.dictionary.find((e) => e.field === field.name) ??
    defaultEntry({ name: field.name, kind: field.kind === 'numeric' ? 'numeric' : 'categorical' })
  )
}

/** A field's name as people read it, in the window's language. */
export function fieldLabel(model: Pick<FormModel, 'dictionary'>, field: InputFieldInfo): string {
  return inLang(entryOf(model, field).label, lang.value)
}

/** A stored value as people read it (₹, %, units, category labels). */
function shown(entry: DictionaryEntry, value: number | string | null | undefined): string {
  return formatFieldValue(entry, value ?? null, lang.value, t)
}

/** What goes before and after a number field's box: ₹ for amounts, % for rates and shares, a unit word. */
export function affixes(entry: DictionaryEntry): { prefix: string | null; suffix: string | null } {
  switch (entry.unit) {
    case 'inr':
      return { prefix: '₹', suffix: null }
    case 'percent':
    case 'share':
      return { prefix: null, suffix: '%' }
    case 'months':
      return { prefix: null, suffix: t('units.months', { value: '' }).trim() }
    case 'years':
      return { prefix: null, suffix: t('units.years', { value: '' }).trim() }
    default:
      return { prefix: null, suffix: null }
  }
}

/** The usual range as a hint under a number field, in the field's own units: "Usually ₹60,000 – ₹2,00,00,000". */
export function rangeHint(model: Pick<FormModel, 'dictionary'>, field: InputFieldInfo): string {
  if (field.kind !== 'numeric') return t('score.form.valuesSeen', { n: field.categories?.length ?? 0 })
  if (typeof field.min !== 'number' || typeof field.max !== 'number') return t('score.form.noRange')
  const entry = entryOf(model, field)
  return t('score.form.rangeHint', { min: shown(entry, field.min), max: shown(entry, field.max) })
}

/** Checks one field's text as typed. */
export function checkField(model: FormModel, field: InputFieldInfo, raw: string): FieldState {
  const entry = entryOf(model, field)
  const required = model.policy.required.includes(field.name)
  if (field.kind === 'categorical') {
    const value = raw.trim()
    if (!value) {
      if (required) return { value: null, error: t('score.form.requiredEmpty'), warning: null, note: null }
      const note = field.mostFrequent
        ? t('score.form.emptyCategory', { value: shown(entry, field.mostFrequent) })
        : t('score.form.emptyCategoryPlain')
      return { value: null, error: null, warning: null, note }
    }
    const known = !field.categories || field.categories.includes(value)
    return { value, error: null, warning: known ? null : t('score.form.unseen', { value }), note: null }
  }
  const value = parseFieldText(entry.unit, raw)
  if (value === null) {
    if (required) return { value: null, error: t('score.form.requiredEmpty'), warning: null, note: null }
    const note =
      typeof field.median === 'number'
        ? t('score.form.emptyNumber', { value: shown(entry, field.median) })
        : null
    return { value: null, error: null, warning: null, note }
  }
  if (Number.isNaN(value)) {
    const example = shown(entry, field.median ?? 0)
    return {
      value: null,
      error: t('score.form.notNumber', { field: fieldLabel(model, field), example }),
      warning: null,
      note: null
    }
  }
  const limit = model.policy.limits.find((l) => l.field === field.name)
  if (limit && limit.min !== null && value < limit.min)
    return {
      value,
      error: t('score.form.belowLimit', { min: shown(entry, limit.min) }),
      warning: null,
      note: null
    }
  if (limit && limit.max !== null && value > limit.max)
    return {
      value,
      error: t('score.form.aboveLimit', { max: shown(entry, limit.max) }),
      warning: null,
      note: null
    }
  const outside =
    (typeof field.min === 'number' && value < field.min) ||
    (typeof field.max === 'number' && value > field.max)
  return {
    value,
    error: null,
    warning: outside
      ? t('score.form.outsideRange', { min: shown(entry, field.min), max: shown(entry, field.max) })
      : null,
    note:
      entry.unit === 'inr' && Math.abs(value) >= 1000
        ? t('score.form.echo', { words: amountInWords(value, t) })
        : null
  }
}

/** A typical applicant: each number at its training median, each category at its most frequent value. */
export function typicalValues(model: FormModel): Record<string, string> {
  const values: Record<string, string> = {}
  for (const f of model.fields) {
    if (f.kind === 'numeric')
      values[f.name] = typeof f.median === 'number' ? typedFieldText(entryOf(model, f).unit, f.median) : ''
    else values[f.name] = f.mostFrequent ?? ''
  }
  return values
}

/** The applicant as scoring/scoreOne takes it, from the form's texts (in the units the model stores). */
export function applicantInput(
  model: FormModel,
  raw: Record<string, string>
): Record<string, number | string | null> {
  const input: Record<string, number | string | null> = {}
  for (const f of model.fields) input[f.name] = checkField(model, f, raw[f.name] ?? '').value
  return input
}

/** The fields whose text is in error, by display name (scoring waits until there are none). */
export function fieldsInError(model: FormModel, raw: Record<string, string>): string[] {
  return model.fields
    .filter((f) => checkField(model, f, raw[f.name] ?? '').error !== null)
    .map((f) => fieldLabel(model, f))
}

/** A number as a person types it; kept for callers that read plain numbers (null when empty, NaN when not one). */
export function parseNumberText(text: string): number | null {
  return parseTypedNumber(text).value
}
