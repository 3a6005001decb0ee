import type { EngineId, TrainParams } from '../../../../shared/params/trainParams'
import type { FeatureSpec, ModelArtifact } from '../../model/ModelArtifact'
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
  /** A model's default name from its settings and, once trained, its artifact ("Forest 200×15"). */
  describe(params: TrainParams, artifact?: ModelArtifact): string
  /**
   * True when the engine reads missing values itself: its columns hold NaN where a value
   * is missing (categories too) instead of the training median or most frequent level. The
   * pipeline builds its columns so, the artifact records it (artifact.keepsMissing) and
   * scoring builds the same columns. Absent: imputed.
   */
  readonly keepsMissing?: boolean
  /**
   * False for an engine that must fit on the real rows only: the pipeline then trains it
   * with SMOTE off whatever the setting, records `smote: false` in the artifact and says
   * so in the notes. Absent: SMOTE as set.
   */
  readonly acceptsSmote?: false
  /**
   * The engine's own exact reasons, when TreeSHAP is not what its users read (a scorecard's
   * points lost against the best bin). Given an artifact, a function that writes each
   * feature's contribution of a row of model features into `phi` (margin units, before the
   * link) and returns the start: start + Σ phi = the row's margin, as TreeSHAP's base and
   * values do. Null for an artifact it cannot explain. Scoring reads it through
   * explainers.ts (which loads no trainer).
   */
  readonly explainer?: (artifact: ModelArtifact) => RowExplainer | null
  /** Rough training time in seconds for `fitRows` rows (SMOTE rows included), with a note when it is slow. */
  estimateSeconds(fitRows: number, params: TrainParams): { seconds: number; note: string }
  /**
   * The settings of one of the k models the pipeline fits on k − 1 folds to score the
   * training rows honestly (cross-fitting); the same settings when omitted. A forest grows
   * fewer trees per fold: the fold models only score, and k of them share the work.
   */
  foldParams?(params: TrainParams, folds: number): TrainParams
  /**
   * How many fits of this engine may run at once (the cross-fitting folds): an engine that
   * trains each fit on one worker thread of its own says how many threads it may use; one
   * that spreads a single fit over the threads itself (the forest) leaves it out: one at a time.
   */
  concurrentFits?(params: TrainParams): number
  /** Learns from prepared training rows (see the input's invariants). */
  train(input: EngineTrainInput): Promise<EngineTrainResult>
  /**
   * The settings `auto` cross-validates for this engine, most promising first (the first is
   * always tried), derived from the user's settings; the engine is left out of the search
   * when omitted (the slow reference engine).
   */
  candidates?(base: TrainParams): TrainParams[]
  /**
   * How complex a model these settings make, for breaking ties: of candidates level on
   * cross-validated AUC, `auto` keeps the least complex (a scorecard before boosting before
   * a forest, fewer trees before more).
   */
  complexity?(params: TrainParams): number
}

/** Writes a row's contributions into phi (one per model feature, margin units) and returns where they start. */
export type RowExplainer = (x: ArrayLike<number>, phi: Float64Array) => number

/** Rows to fit on: real rows first, then any synthetic rows made from them alone. */
export interface FitRows {
  /** One column per model feature (artifact order). */
  columns: Float64Array[]
  y: Uint8Array
  /** Rows before this index are real; from it on, synthetic (SMOTE). */
  numReal: number
}

/** What an engine learns from: the pipeline has split and prepared the rows. */
export interface EngineTrainInput {
  /**
   * The real training rows, one column per model feature (artifact order): numbers
   * imputed and standardised, categories as their level codes (with keepsMissing, NaN
   * where missing, not imputed). No test row is here.
   */
  columns: Float64Array[]
  /** 0/1 outcome per real training row. */
  y: Uint8Array
  features: FeatureSpec[]
  params: TrainParams
  /**
   * The rows to fit on for a subset of the real rows (indices into `columns`; all when
   * omitted): those rows, followed, when balancing is on, by the synthetic rows SMOTE-NC
   * makes from them alone. An engine that holds rows out (early stopping) asks for its own
   * subset, so no synthetic row made from a held-out row is ever fitted on.
   */
  fitRows(subset?: Int32Array): FitRows
  signal?: AbortSignal
  onProgress?: (done: number, total: number) => void
}

export interface EngineTrainResult {
  ensemble: TreeEnsemble
  /**
   * Per real training row, its score from the part of the model that did not fit on it (a
   * forest's out-of-bag trees), NaN where there is none; null when the engine keeps no such
   * record. Without balancing it is an honest out-of-sample score; with SMOTE it is not (a
   * row's synthetic children were in the bag), and the pipeline cross-fits instead.
   */
  outOfBag: Float64Array | null
  /**
   * For each tree of an averaging ensemble (a forest), a 0/1 mask over real training rows
   * `rows` (indices into the input's rows): 1 where the tree did not fit on the row. The
   * pipeline scores a row, its own values or permuted ones, by those trees alone; with the
   * row's own values that is its outOfBag score. Absent when the engine keeps no record.
   */
  outOfBagTrees?: (rows: Int32Array) => Uint8Array[]
  /** Sentences for the training log (e.g. a setting the engine could not honour). */
  notes: string[]
  /** Sections the engine adds to the model's artifact (a scorecard's points table). */
  artifact?: Pick<ModelArtifact, 'scorecard'>
}
