import { t } from '../../i18n'
import type { CallInput } from '../../../../shared/api'
import type { ColumnSpec } from '../../../../shared/dto'
import { formatDuration } from '../../ui/format'

import {
  ENGINEERING_ROLES,
  engineParamKeys,
  type CALIBRATIONS,
  type EngineChoice,
  type EngineeringRole
} from '../../../../shared/params/trainParams'
import { engineName, engineSettingsInput, type EngineSettingsForm } from './engineSettings'

export { ENGINEERING_ROLES, type EngineeringRole }

/** What each role feeds, in words. */
export function roleUse(role: EngineeringRole): string {
  return t(`train.roles.${role}`)
}

/** The Train screen's form, as the user edits it (percentages as the user reads them). */
export interface TrainForm {
  /** An engine of the shared list, or auto (champion and challengers). */
  engine: EngineChoice
  /** Every engine's own settings; only the chosen engine's are sent. */
  settings: EngineSettingsForm
  smote: boolean
  smoteK: number
  testSharePercent: number
  seed: number
  calibration: (typeof CALIBRATIONS)[number]
  highRiskCut: number
  /** Role → column; '' means automatic (a numeric column named like the role, if any). */
  map: Record<EngineeringRole, string>
  name: string
}

/**
 * The models/train (and models/estimate) input for a form and a dataset: the chosen
 * engine's settings and those every engine shares; the rest are left to main's defaults,
 * so an untouched form trains what `ptm train --engine <engine>` does. `auto` names each
 * model it keeps itself, so no name is sent with it.
 */
export function trainInput(form: TrainForm, datasetId: number): CallInput<'models/train'> {
  const map: Record<string, string> = {}
  for (const role of ENGINEERING_ROLES) if (form.map[role]) map[role] = form.map[role]
  const name = form.engine === 'auto' ? '' : form.name.trim()
  return {
    datasetId,
    engine: form.engine,
    ...engineSettingsInput(form.engine, form.settings),
    smote: form.smote,
    smoteK: form.smoteK,
    testSize: Math.round(form.testSharePercent * 10) / 1000,
    seed: form.seed,
    calibration: form.calibration,
    highRiskCut: form.highRiskCut,
    ...(Object.keys(map).length ? { map } : {}),
    ...(name ? { name } : {})
  }
}

/** The numeric columns of a dataset, the only ones a role can map to. */
export function numericColumns(specs: ColumnSpec[]): string[] {
  return specs.filter((c) => c.kind === 'numeric').map((c) => c.name)
}

/** The features a split can choose from: the numeric and categorical columns, and the three engineered ones. */
export function featureCount(specs: ColumnSpec[]): number {
  return specs.filter((c) => c.kind === 'numeric' || c.kind === 'categorical').length + 3
}

/** How long a training estimate is, for the warning shown before starting. */
export type EstimateLevel = 'quick' | 'long' | 'very long'

/** Quick under two minutes, long up to half an hour, very long beyond. */
export function estimateLevel(seconds: number): EstimateLevel {
  if (seconds >= 30 * 60) return 'very long'
  if (seconds >= 2 * 60) return 'long'
  return 'quick'
}

/** The estimate in words: "about 4 s", "about 12 min 30 s", "under a second". */
export function estimateText(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return t('train.unknown')
  if (seconds < 1) return t('train.underSecond')
  return t('train.about', { time: formatDuration(seconds) })
}

/** The training job's phase in words: trees done while a forest grows, candidates while auto searches. */
export function trainPhaseText(phase: string, done: number, total: number, engine: EngineChoice): string {
  switch (phase) {
    case 'training':
      // An engine that reads a number of trees reports trees grown.
      if (engineParamKeys(engine).includes('trees')) return t('train.phase.training', { done, total })
      return total > 1
        ? t('train.phase.fittingCount', { engine: engineName(engine), done, total })
        : t('train.phase.fitting', { engine: engineName(engine) })
    case 'searching':
      return t('train.phase.searching', { done: Math.min(done + 1, total), total })
    case 'keeping':
      return t('train.phase.keeping', { done: Math.min(done + 1, total), total })
    case 'preparing':
      return t('train.phase.preparing')
    case 'smote':
      return t('train.phase.smote')
    case 'cross-fitting':
      return total > 0
        ? t('train.phase.crossFitting', { done: Math.min(done + 1, total), total })
        : t('train.phase.crossFittingPlain')
    case 'calibrating':
      return t('train.phase.calibrating')
    case 'evaluating':
      return t('train.phase.evaluating')
    default:
      return t('train.phase.starting')
  }
}
