import { countPositives, gather, gather8 } from '../base/arrays'
import { CancelledError, InputError } from '../base/errors'
import type { Table } from '../data/Table'
import { applyCalibrationArray, fitCalibration } from '../ml/calibration'
import { fitDriftBins } from '../ml/drift'
import { ColumnSummaries } from '../ml/preprocess'
import { engineFor } from '../ml/engines'
import { evaluateBinary } from '../ml/metrics'
import {
  ARTIFACT_FORMAT,
  ARTIFACT_VERSION,
  DEFAULT_RISK_GRADES,
  type ModelArtifact,
  type TrainParams
} from '../model/ModelArtifact'
import { predictEnsemble, type TreeEnsemble } from '../model/TreeEnsemble'
import type { CompiledForest } from '../scoring/CompiledForest'
import { compileIfPossible, predictorOf, type Predictor } from '../scoring/compiledPredictor'
import type { ModelEvaluation } from '../../../shared/evaluation'
import { DEFAULT_TRAIN_PARAMS, type EngineId } from '../../../shared/params/trainParams'
import { rowBalancer } from './balanceRows'
import { bestF1Threshold, countScores, permutationOnSample } from './evaluateModel'
import { honestPredictor, honestScores, type HonestPredictor } from './honestScores'
import { prepareFeatures } from './prepareFeatures'

export { DEFAULT_TRAIN_PARAMS, prepareFeatures }
export type { PreparedFeatures } from './prepareFeatures'
export type { ModelEvaluation }

export interface TrainProgress {
  phase:
    | 'preparing'
    | 'smote'
    | 'training'
    | 'cross-fitting'
    | 'calibrating'
    | 'evaluating'
    | 'searching'
    | 'keeping'
  done: number
  total: number
}

export interface TrainHooks {
  signal?: AbortSignal
  onProgress?: (progress: TrainProgress) => void
}

/** Settings of training one engine (not the `auto` search, which trains several). */
export type LearnerParams = TrainParams & { engine: EngineId }

export interface TrainedModel {
  artifact: ModelArtifact
  ensemble: TreeEnsemble
  /** The ensemble compiled for batch scoring (compiled once here, stored with the model); null beyond the compiled layout's limits. */
  compiled: CompiledForest | null
  evaluation: ModelEvaluation
}

/**
 * Trains and honestly evaluates a model (the spec's steps 2–5, in the right order):
 * split first; fit imputation, encoding, scaling and SMOTE on the training rows only;
 * learn the model with the chosen engine; calibrate and pick the threshold on honest
 * scores of the training rows (honestScores.ts); evaluate on the held-out rows, which no
 * fitted statistic has seen (or, with no held-out rows, on the honest scores).
 */
export async function trainModel(
  table: Table,
  datasetId: number,
  settings: LearnerParams,
  hooks: TrainHooks = {}
): Promise<TrainedModel> {
  const t0 = Date.now()
  const notes: string[] = []
  const engine = engineFor(settings.engine)
  const params = settings.smote && engine.acceptsSmote === false ? { ...settings, smote: false } : settings
  if (params !== settings) {
    notes.push(
      `SMOTE is off: the ${engine.label} fits on the real training rows only (synthetic rows would shift every bin's weight of evidence and the points' odds).`
    )
  }
  const checkCancel = (): void => {
    if (hooks.signal?.aborted) throw new CancelledError()
  }
  const progress = (phase: TrainProgress['phase'], done: number, total: number): void =>
    hooks.onProgress?.({ phase, done, total })
  progress('preparing', 0, 1)

  const y = table.target
  const positives = countPositives(y)
  if (positives < 2 || y.length - positives < 2) {
    throw new InputError(
      `The dataset has ${positives} defaults and ${y.length - positives} repaid loans; a model needs at least a few of each.`
    )
  }

  // Each raw column's training values are sorted or counted once, for the inputs' ranges,
  // the imputation and encoding and the drift bins (kept only until those are fitted).
  let summaries: ColumnSummaries | null = new ColumnSummaries()
  const prepared = prepareFeatures(table, params, true, engine.keepsMissing === true, summaries)
  const { split, raw, engineering, inputs, features, matrix } = prepared
  const { train, test } = split
  const drift = fitDriftBins(raw, train, summaries)
  summaries = null
  for (const name of prepared.dropped)
    notes.push(`Column "${name}" has no values in the training rows and is not used.`)
  checkCancel()
  const tPrepared = Date.now()

  // 3. SMOTE-NC on the training rows only (made once here; engines and folds ask for it).
  const realTrainY = gather8(y, train)
  const engineInput = {
    columns: matrix.map((col) => gather(col, train)),
    y: realTrainY,
    features,
    params,
    fitRows: rowBalancer(
      matrix.map((col) => gather(col, train)),
      realTrainY,
      features,
      params
    ),
    signal: hooks.signal
  }
  if (params.smote) progress('smote', 0, 1)
  const synthetic = engineInput.fitRows().y.length - train.length
  checkCancel()
  const tSmote = Date.now()

  // 4. The model, by the engine the settings name.
  progress('training', 0, 1)
  const learned = await engine.train({
    ...engineInput,
    onProgress: (done, total) => progress('training', done, total)
  })
  const ensemble = learned.ensemble
  const compiled = compileIfPossible(ensemble)
  notes.push(...learned.notes)
  checkCancel()

  // 5. Honest scores of the training rows, then the calibration and the decision
  // threshold that maximises F1, both fitted on them (never on test rows).
  // With no held-out rows the evaluation needs honest scores of permuted rows too: from the
  // engine's out-of-bag record when it keeps one, else from cross-fitted fold models.
  const honest = await honestScores(engine, engineInput, learned, {
    crossFit: test.length === 0 && learned.outOfBagTrees === undefined,
    onFold: (done, total) => progress('cross-fitting', done, total)
  })
  checkCancel()
  const tTrained = Date.now()
  progress('calibrating', 0, 1)
  const calibration = fitCalibration(honest.scores, realTrainY, params.calibration)
  if (calibration.note) notes.push(calibration.note)
  const calibratedHonest = applyCalibrationArray(calibration.model, honest.scores)
  const threshold = bestF1Threshold(realTrainY, calibratedHonest)
  const baseRate = countPositives(y, train) / train.length

  // 6. Evaluation on rows the model never saw.
  progress('evaluating', 0, 1)
  const names = features.map((f) => f.name)
  let evaluated: { y: Uint8Array; p: Float64Array; permutation: ModelEvaluation['permutationImportance'] }
  if (test.length > 0) {
    const columns = matrix.map((col) => gather(col, test))
    const predict: Predictor = compiled ? predictorOf(compiled) : (c, n) => predictEnsemble(ensemble, c, n)
    const p = applyCalibrationArray(calibration.model, predict(columns, test.length))
    const ys = gather8(y, test)
    const permutation = permutationOnSample(
      (c, rows) => predict(c, rows.length),
      columns,
      ys,
      names,
      params.seed
    )
    evaluated = { y: ys, p, permutation }
  } else {
    evaluated = evaluateOnHonestScores(
      engineInput.columns,
      realTrainY,
      calibratedHonest,
      honestPredictor(honest, learned, compiled),
      names,
      params
    )
    notes.push(
      honest.method === 'out-of-bag'
        ? 'Evaluated on out-of-bag scores of the training rows (--test-size 0): each row was scored by the trees whose bootstrap left it out; the calibration was fitted on the same scores, so calibration figures are optimistic.'
        : `Evaluated on cross-fitted scores of the training rows (--test-size 0): each row was scored by a model fitted on the other ${honest.folds - 1} folds, SMOTE inside them only; the calibration was fitted on the same scores, so calibration figures are optimistic.`
    )
  }
  const metrics = evaluateBinary(evaluated.y, evaluated.p, threshold)
  const tEvaluated = Date.now()

  const artifact: ModelArtifact = {
    format: ARTIFACT_FORMAT,
    version: ARTIFACT_VERSION,
    target: { name: table.targetName, positiveClass: table.positiveClass },
    inputs,
    engineering,
    features,
    calibration: calibration.model,
    threshold,
    riskGrades: DEFAULT_RISK_GRADES,
    baseRate,
    drift,
    params,
    datasetId,
    trainedAt: new Date().toISOString(),
    ...(engine.keepsMissing ? { keepsMissing: true } : {}),
    ...learned.artifact
  }
  return {
    artifact,
    ensemble,
    compiled,
    evaluation: {
      evaluatedOn: test.length > 0 ? 'test' : honest.method === 'out-of-bag' ? 'oob' : 'cross-fitted',
      calibrationFit: {
        method: calibration.used,
        scores: honest.method,
        folds: honest.folds,
        rows: calibration.numRows,
        positives: calibration.numPositive
      },
      metrics,
      impurityImportance: features
        .map((f, i) => ({ feature: f.name, importance: ensemble.featureImportance[i] }))
        .sort((a, b) => b.importance - a.importance),
      permutationImportance: evaluated.permutation,
      scoreCounts: countScores(evaluated.y, evaluated.p),
      rows: { total: table.numRows, train: train.length, test: test.length, synthetic },
      seconds: {
        preparing: (tPrepared - t0) / 1000,
        smote: (tSmote - tPrepared) / 1000,
        training: (tTrained - tSmote) / 1000,
        evaluating: (tEvaluated - tTrained) / 1000
      },
      notes
    }
  }
}

/**
 * With no held-out rows: the training rows' honest scores, calibrated, are the evaluation,
 * and permutation importance permutes each row for the part of the model that never
 * fitted on it (see honestPredictor).
 */
function evaluateOnHonestScores(
  columns: Float64Array[],
  y: Uint8Array,
  calibrated: Float64Array,
  predictHonest: HonestPredictor,
  names: string[],
  params: TrainParams
): { y: Uint8Array; p: Float64Array; permutation: ModelEvaluation['permutationImportance'] } {
  const scored = Int32Array.from(calibrated.keys()).filter((i) => Number.isFinite(calibrated[i]))
  // Row i of the permuted columns is training row scored[rows[i]]; permutationOnSample asks
  // for the same rows every time, so they are mapped once.
  let asked: Int32Array | null = null
  let trainingRows = new Int32Array(0)
  const permutation = permutationOnSample(
    (c, rows) => {
      if (rows !== asked) {
        asked = rows
        trainingRows = Int32Array.from(rows, (i) => scored[i])
      }
      return predictHonest(c, trainingRows)
    },
    columns.map((col) => gather(col, scored)),
    gather8(y, scored),
    names,
    params.seed
  )
  return { y: gather8(y, scored), p: gather(calibrated, scored), permutation }
}
