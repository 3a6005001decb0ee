import type { ValidationPack } from '../../../shared/validation'
import type { DriftBins, RiskGrade } from '../model/ModelArtifact'
import type { RawInputs } from '../ml/preprocess'
import { checkRows } from './checks'
import { gradeConcentration } from './concentration'
import { DEFAULT_BOOTSTRAP, discrimination } from './discrimination'
import { calibrationByGrade } from './gradeCalibration'
import { segmentAnalysis, type SegmentColumn } from './segments'
import { stability, type ScoredPopulation } from './stability'
import { verdicts } from './verdicts'

/**
 * The whole validation pack from scored rows: discrimination, calibration, stability (when a
 * reference population is given), concentration, segments, and the verdicts of the cover.
 * The caller scores the rows with the model (the same artifact every path uses) and reads
 * the columns; this function only computes.
 */

export interface ValidationInput {
  model: { id: number; name: string; threshold: number; grades: RiskGrade[]; drift: DriftBins[] }
  /** The rows validated: calibrated PDs, outcomes when known, ids for migration, exposures for concentration, raw inputs for CSI. */
  data: ScoredPopulation & {
    outcome: Uint8Array | null
    exposure?: Float64Array | null
    inputs?: RawInputs | null
  }
  /** The population `data` is compared with for stability (e.g. the model's held-out rows); none: no stability tests. */
  reference?: ScoredPopulation | null
  segments?: readonly SegmentColumn[]
  options?: { replicates?: number; seed?: number; confidence?: number; hlGroups?: number }
  generatedAt: string
}

/** Runs every test the data allows and returns the pack with its verdicts and notes. */
export function buildValidationPack(input: ValidationInput): ValidationPack {
  const { model, data } = input
  checkRows('buildValidationPack', data.pd, data.outcome)
  const seed = input.options?.seed ?? DEFAULT_BOOTSTRAP.seed
  const notes: string[] = []
  const defaults = data.outcome ? data.outcome.reduce((s, v) => s + v, 0) : null
  const bothClasses = defaults !== null && defaults > 0 && defaults < data.pd.length
  if (data.outcome === null) {
    notes.push(
      'The data has no outcomes: discrimination, calibration and the equal-risk segment checks were not run.'
    )
  } else if (!bothClasses) {
    notes.push(
      `All ${data.pd.length} rows have the same outcome: discrimination needs defaulters and repayers and was not run.`
    )
  }
  const disc =
    data.outcome && bothClasses
      ? discrimination(data.outcome, data.pd, {
          replicates: input.options?.replicates,
          confidence: input.options?.confidence,
          seed
        })
      : null
  const calibration = data.outcome
    ? calibrationByGrade(data.outcome, data.pd, model.grades, {
        confidence: input.options?.confidence,
        hlGroups: input.options?.hlGroups
      })
    : null
  const stab = input.reference
    ? stability({
        reference: input.reference,
        current: data,
        grades: model.grades,
        drift: data.inputs ? { bins: model.drift, inputs: data.inputs } : null
      })
    : null
  if (!input.reference)
    notes.push('No reference population was given, so stability (PSI, CSI, migration) was not run.')
  const concentration = gradeConcentration(data.pd, model.grades, data.exposure ?? null)
  const segments =
    input.segments && input.segments.length > 0
      ? segmentAnalysis(input.segments, data.pd, bothClasses ? data.outcome : null, model.threshold, {
          seed,
          overallAuc: disc ? disc.auc : null
        })
      : null
  return {
    model: { id: model.id, name: model.name, threshold: model.threshold },
    data: { label: data.label, rows: data.pd.length, defaults },
    generatedAt: input.generatedAt,
    discrimination: disc,
    calibration,
    stability: stab,
    concentration,
    segments,
    verdicts: verdicts({ discrimination: disc, calibration, stability: stab, concentration, segments }),
    notes
  }
}
