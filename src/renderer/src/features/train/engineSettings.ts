import {
  DEFAULT_TRAIN_PARAMS,
  ENGINE_CHOICES,
  engineParamKeys,
  trainParamMeta,
  trainParamShape,
  type EngineChoice,
  type TrainParamKey,
  type TrainParamsInput
} from '../../../../shared/params/trainParams'
import { paramControl, type NumberBounds } from '../../../../shared/params/paramControl'
import { messageOr } from '../../i18n/optional'
import type { NumberLimits } from '../../ui/limits'

/**
 * The engines of the Train screen and the settings each reads, drawn from the shared
 * training schema (src/shared/params/trainParams.ts): every engine of its list is offered,
 * and the settings whose metadata names the chosen engine are shown, with the schema's
 * bounds and defaults. An engine or setting added to the schema appears here without a
 * change; the catalogue (train.engines, train.settings) gives it words in both languages.
 */

/** A value of an engine setting as the form holds it (shares as percentages). */
export type SettingValue = number | string | boolean
/** The engine settings of the form, by key. */
export type EngineSettingsForm = Partial<Record<TrainParamKey, SettingValue>>

export interface SettingOption {
  value: string
  label: string
}

/** How the form takes a setting. */
export type SettingControl =
  | { kind: 'number'; limits: NumberLimits; percent: boolean }
  | { kind: 'choice'; options: SettingOption[] }
  | { kind: 'ruleOrNumber'; options: SettingOption[]; limits: NumberLimits }
  | { kind: 'switch' }

/** One setting of an engine as the form shows it. */
export interface SettingField {
  key: TrainParamKey
  /** The input's id: `train-` and the CLI flag ("train-trees", "train-pdo"). */
  id: string
  label: string
  hint: string
  control: SettingControl
}

/** An engine choice in words. */
export interface EngineChoiceInfo {
  id: EngineChoice
  name: string
  hint: string
}

/** Every choice of the shared list (its engines, then auto), with its name and one-line hint. */
export function engineChoices(): EngineChoiceInfo[] {
  return ENGINE_CHOICES.map((id) => ({ id, name: engineName(id), hint: engineHint(id) }))
}

/** An engine (or auto) by name: "Points scorecard". */
export function engineName(id: string): string {
  return messageOr(`train.engines.${id}.name`, id)
}

function engineHint(id: string): string {
  return messageOr(`train.engines.${id}.hint`, '')
}

/**
 * The settings `choice` reads, as the form shows them: its own first, then those it shares
 * with other engines (boosting's L2 penalty, which the scorecard reads too), each group in
 * the schema's order.
 */
export function settingFields(choice: EngineChoice): SettingField[] {
  // The blend reads its two parts' settings: that alone does not make a setting shared.
  const readers = (key: TrainParamKey): number =>
    (trainParamMeta(key).engines ?? []).filter((engine) => engine !== 'blend').length
  const shared = (key: TrainParamKey): number => (readers(key) > 1 ? 1 : 0)
  return engineParamKeys(choice)
    .map((key, order) => ({ key, order }))
    .sort((a, b) => shared(a.key) - shared(b.key) || a.order - b.order)
    .map(({ key }) => settingField(key))
}

function settingField(key: TrainParamKey): SettingField {
  const meta = trainParamMeta(key)
  const words = `train.settings.${key}`
  return {
    key,
    id: `train-${meta.flag.replace(/^--/, '')}`,
    label: messageOr(`${words}.label`, meta.label),
    hint: messageOr(`${words}.hint`, meta.help),
    control: controlOf(key)
  }
}

function controlOf(key: TrainParamKey): SettingControl {
  const control = paramControl(trainParamShape[key])
  const options = (values: readonly string[]): SettingOption[] =>
    values.map((value) => ({ value, label: messageOr(`train.settings.${key}.options.${value}`, value) }))
  const percent = trainParamMeta(key).percent === true
  switch (control.kind) {
    case 'number':
      return { kind: 'number', percent, limits: numberLimits(control.bounds, defaultOf(key), percent) }
    case 'ruleOrNumber':
      return {
        kind: 'ruleOrNumber',
        options: options(control.options),
        limits: numberLimits(control.bounds, 1, false)
      }
    case 'choice':
      return { kind: 'choice', options: options(control.options) }
    case 'switch':
      return { kind: 'switch' }
  }
}

/**
 * A number input's bounds: the schema's (as percentages for a share), a step of about a
 * tenth of the default's order of magnitude, and a minimum one step above a bound the
 * schema excludes (a PDO of 0 is refused, so the form starts at one step).
 */
export function numberLimits(bounds: NumberBounds, typical: number, percent: boolean): NumberLimits {
  const scale = percent ? 100 : 1
  const step = percent ? 1 : niceStep(typical, bounds.integer)
  const min = bounds.min * scale
  return {
    min: bounds.exclusiveMin ? min + step : min,
    max: bounds.max * scale,
    step,
    ...(percent ? { precision: 1 } : bounds.integer ? { precision: 0 } : {})
  }
}

/** A tenth of the value's order of magnitude (200 → 10, 0.05 → 0.001); whole numbers step by at least 1. */
export function niceStep(value: number, integer: boolean): number {
  const magnitude = Math.abs(value) > 0 ? 10 ** (Math.floor(Math.log10(Math.abs(value))) - 1) : 0.1
  return integer ? Math.max(1, magnitude) : magnitude
}

function defaultOf(key: TrainParamKey): number {
  const value = DEFAULT_TRAIN_PARAMS[key]
  return typeof value === 'number' ? value : 1
}

/** The engine settings of every choice at their defaults, as the form holds them. */
export function defaultEngineSettings(): EngineSettingsForm {
  const settings: EngineSettingsForm = {}
  for (const choice of ENGINE_CHOICES)
    for (const key of engineParamKeys(choice)) settings[key] = toForm(key, DEFAULT_TRAIN_PARAMS[key])
  return settings
}

/** The settings `choice` reads, as models/train takes them (percentages back to shares). */
export function engineSettingsInput(choice: EngineChoice, settings: EngineSettingsForm): TrainParamsInput {
  const input: Record<string, unknown> = {}
  for (const key of engineParamKeys(choice)) {
    const value = settings[key]
    if (value !== undefined) input[key] = fromForm(key, value)
  }
  return input as TrainParamsInput
}

function isPercent(key: TrainParamKey): boolean {
  return trainParamMeta(key).percent === true
}

function toForm(key: TrainParamKey, value: unknown): SettingValue {
  if (typeof value === 'number') return isPercent(key) ? Math.round(value * 1000) / 10 : value
  return value as SettingValue
}

function fromForm(key: TrainParamKey, value: SettingValue): SettingValue {
  return typeof value === 'number' && isPercent(key) ? Math.round(value * 10) / 1000 : value
}
