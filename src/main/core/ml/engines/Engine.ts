import type { EngineId, TrainParams } from '../../../../shared/params/trainParams'
import type { FeatureSpec } from '../../model/ModelArtifact'
import type { TreeEnsemble } from '../../model/TreeEnsemble'

/**
 * The engine seam: what differs between model engines is how they learn. Every engine
 * learns a {@link TreeEnsemble} (trees plus how their leaves combine), so predicting, exact
 * reasons (TreeSHAP), the compiled batch walk, storage, ONNX export, calibration, grades,
 * metrics and reports are written once, against the ensemble, and never ask which engine
 * made it. Adding an engine is one module implementing this and one line in the registry.
 */
export interface Engine {
  readonly id: EngineId
  /** The engine in words, for lists and help ("Random forest (ours)"). */
  readonly label: string
  /** A model's default name from its settings ("Forest 200×15"). */
  describe(params: TrainParams): string
  /** Rough training time in seconds for `fitRows` rows (SMOTE rows included), with a note when it is slow. */
  estimateSeconds(fitRows: number, params: TrainParams): { seconds: number; note: string }
  /** Learns from prepared training rows (see the input's invariants). */
  train(input: EngineTrainInput): Promise<EngineTrainResult>
}

/** What an engine learns from: the pipeline has split, prepared and (optionally) balanced the rows. */
export interface EngineTrainInput {
  /**
   * One column per model feature (artifact order): numbers imputed and standardised,
   * categories as their level codes. The first `numReal` rows are real training rows; any
   * after them are synthetic (SMOTE) rows made from real ones.
   */
  columns: Float64Array[]
  /** 0/1 outcome per row of `columns`. */
  y: Uint8Array
  numReal: number
  features: FeatureSpec[]
  params: TrainParams
  signal?: AbortSignal
  onProgress?: (done: number, total: number) => void
}

export interface EngineTrainResult {
  ensemble: TreeEnsemble
  /**
   * Per real training row, its score from the part of the model that did not learn from
   * it (a forest's out-of-bag trees), NaN where there is none; null when the engine keeps
   * no such record. The pipeline decides whether it is honest enough to calibrate on.
   */
  outOfBag: Float64Array | null
  /** Sentences for the training log (e.g. a setting the engine could not honour). */
  notes: string[]
}
