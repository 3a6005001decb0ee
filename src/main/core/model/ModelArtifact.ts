import { z } from 'zod'
import { ENGINES, TrainParamsSchema, type TrainParams } from '../../../shared/params/trainParams'
import { ScorecardTableSchema } from './ScorecardTable'
import { riskGrade } from './riskGrade'

export { TrainParamsSchema, type TrainParams }

/**
 * The one scoring artifact (docs/ARCHITECTURE.md rule 3): everything needed to turn a raw
 * applicant row into a calibrated probability, a decision, a grade and reasons. It is
 * plain JSON (the forest beside it is a binary blob) and is validated with the schema
 * below whenever it is loaded, so a corrupt or foreign artifact is refused, never run.
 */

export const ARTIFACT_FORMAT = 'ptm-model'
export const ARTIFACT_VERSION = 1

const finite = z.number().refine(Number.isFinite, 'must be a finite number')
const nullableNumber = z.number().nullable()

/** A raw input column the model reads, with what training saw of it. */
export const InputFieldSchema = z.discriminatedUnion('kind', [
  z.object({
    name: z.string().min(1),
    kind: z.literal('numeric'),
    min: nullableNumber,
    max: nullableNumber,
    p01: nullableNumber,
    p99: nullableNumber,
    median: nullableNumber,
    missingShare: z.number()
  }),
  z.object({
    name: z.string().min(1),
    kind: z.literal('categorical'),
    categories: z.array(z.string()),
    mostFrequent: z.string().nullable(),
    missingShare: z.number()
  })
])
export type InputField = z.infer<typeof InputFieldSchema>

export const EngineeringSpecSchema = z.object({
  loanToBalance: z.object({ loan: z.string(), balance: z.string() }).optional(),
  highCreditRisk: z.object({ score: z.string(), cut: finite }).optional(),
  ageGroup: z.object({ age: z.string(), upper: z.array(finite), labels: z.array(z.string()) }).optional()
})
export type EngineeringSpec = z.infer<typeof EngineeringSpecSchema>

/** One model feature: how its column is imputed, encoded and scaled, as fitted on the training rows. */
export const FeatureSpecSchema = z.discriminatedUnion('kind', [
  z.object({
    name: z.string(),
    kind: z.literal('numeric'),
    source: z.enum(['input', 'engineered']),
    /** Median of the training rows: fills missing values. */
    median: finite,
    mean: finite,
    /** 1 when the training column was constant (scaling then only centres). */
    std: finite.refine((v) => v > 0, 'must be > 0')
  }),
  z.object({
    name: z.string(),
    kind: z.literal('categorical'),
    source: z.enum(['input', 'engineered']),
    /** Label encoding: code = index in this sorted list. */
    levels: z.array(z.string()).min(1),
    /** Code of the most frequent training level: fills missing and unseen values. */
    fill: z.number().int().nonnegative()
  })
])
export type FeatureSpec = z.infer<typeof FeatureSpecSchema>

export const CalibrationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('isotonic'), x: z.array(finite), y: z.array(finite) }),
  z.object({ kind: z.literal('platt'), a: finite, b: finite }),
  z.object({ kind: z.literal('none') })
])

/** Risk grades A–E: a probability below `upTo` (and at or above the previous band) gets the grade. */
export const RiskGradeSchema = z.object({ grade: z.string(), upTo: z.number(), label: z.string() })
export type RiskGrade = z.infer<typeof RiskGradeSchema>

/** Training distribution of one input column, for the population stability index of later batches. */
export const DriftBinsSchema = z.discriminatedUnion('kind', [
  z.object({
    name: z.string(),
    kind: z.literal('numeric'),
    edges: z.array(finite),
    shares: z.array(z.number()),
    missingShare: z.number()
  }),
  z.object({
    name: z.string(),
    kind: z.literal('categorical'),
    levels: z.array(z.string()),
    shares: z.array(z.number()),
    otherShare: z.number(),
    missingShare: z.number()
  })
])
export type DriftBins = z.infer<typeof DriftBinsSchema>

export const ModelArtifactSchema = z.object({
  format: z.literal(ARTIFACT_FORMAT),
  version: z.literal(ARTIFACT_VERSION),
  target: z.object({ name: z.string(), positiveClass: z.string() }),
  inputs: z.array(InputFieldSchema).min(1),
  engineering: EngineeringSpecSchema,
  features: z.array(FeatureSpecSchema).min(1),
  calibration: CalibrationSchema,
  /** Decision threshold on the calibrated probability. */
  threshold: z.number().gt(0).lt(1),
  riskGrades: z.array(RiskGradeSchema).min(1),
  /** Default rate of the training rows (before SMOTE): the calibrated base rate. */
  baseRate: z.number().min(0).max(1),
  drift: z.array(DriftBinsSchema),
  // A stored model was made by one engine (`auto` stores each candidate under its own).
  params: TrainParamsSchema.extend({ engine: z.enum(ENGINES) }),
  datasetId: z.number().int(),
  trainedAt: z.string(),
  /**
   * True when the engine reads missing values itself (NaN reaches its trees, e.g. a
   * scorecard's missing bin): scoring then leaves them missing instead of imputing them.
   * Absent (older artifacts, the forest) means imputed.
   */
  keepsMissing: z.boolean().optional(),
  /** A scorecard engine's points table (see ScorecardTable.ts). */
  scorecard: ScorecardTableSchema.optional()
})
export type ModelArtifact = z.infer<typeof ModelArtifactSchema>

/** The documented probability bands of the risk grades. */
export const DEFAULT_RISK_GRADES: RiskGrade[] = [
  { grade: 'A', upTo: 0.05, label: 'very low risk' },
  { grade: 'B', upTo: 0.1, label: 'low risk' },
  { grade: 'C', upTo: 0.2, label: 'moderate risk' },
  { grade: 'D', upTo: 0.4, label: 'high risk' },
  { grade: 'E', upTo: 1.000001, label: 'very high risk' }
]

export { riskGrade }
