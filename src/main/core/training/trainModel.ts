import type { Table } from '../data/Table'
import { CancelledError, InputError } from '../base/errors'
import { Rng, deriveSeed } from '../base/random'
import { applyCalibrationArray, fitCalibration } from '../ml/calibration'
import { fitDriftBins } from '../ml/drift'
import { planEngineering, resolveRoles, withEngineered } from '../ml/featureEngineering'
import { predictEnsemble, type TreeEnsemble } from '../model/TreeEnsemble'
import { evaluateBinary, permutationImportance } from '../ml/metrics'
import type { ModelEvaluation } from '../../../shared/evaluation'
import {
  ARTIFACT_FORMAT,
  ARTIFACT_VERSION,
  DEFAULT_RISK_GRADES,
  type ModelArtifact,
  type TrainParams
} from '../model/ModelArtifact'
import { DEFAULT_TRAIN_PARAMS } from '../../../shared/params/trainParams'
import { buildFeatureMatrix, describeInputs, fitFeatureSpecs, type RawInputs } from '../ml/preprocess'
import { engineFor } from '../ml/engines'
import { smoteNc } from '../ml/smote'
import { stratifiedSplit } from '../ml/split'

export { DEFAULT_TRAIN_PARAMS }

export interface TrainProgress {
  phase: 'preparing' | 'smote' | 'training' | 'calibrating' | 'evaluating'
  done: number
  total: number
}

export interface TrainHooks {
  signal?: AbortSignal
  onProgress?: (progress: TrainProgress) => void
}

export type { ModelEvaluation }

export interface TrainedModel {
  artifact: ModelArtifact
  ensemble: TreeEnsemble
  evaluation: ModelEvaluation
}

/** Raw model inputs of a dataset table: its numeric and categorical columns (identifiers are never features). */
export function tableInputs(table: Table): RawInputs {
  const numeric = new Map<string, Float64Array>()
  const categorical = new Map<string, (string | null)[]>()
  for (const c of table.columns) {
    if (c.kind === 'numeric') numeric.set(c.name, c.values)
    else if (c.kind === 'categorical') {
      const values: (string | null)[] = new Array(table.numRows)
      for (let i = 0; i < table.numRows; i++) values[i] = c.codes[i] < 0 ? null : c.levels[c.codes[i]]
      categorical.set(c.name, values)
    }
  }
  return { numRows: table.numRows, numeric, categorical }
}

/**
 * Trains and honestly evaluates a model (the spec's steps 2–5, in the right order):
 * split first; fit imputation, encoding, scaling and SMOTE on the training rows only;
 * grow the forest; calibrate on out-of-bag scores of real training rows; evaluate on
 * the held-out rows, which no fitted statistic has seen.
 */
export async function trainModel(
  table: Table,
  datasetId: number,
  params: TrainParams,
  hooks: TrainHooks = {}
): Promise<TrainedModel> {
  const t0 = Date.now()
  const notes: string[] = []
  const checkCancel = (): void => {
    if (hooks.signal?.aborted) throw new CancelledError()
  }
  const progress = (phase: TrainProgress['phase'], done: number, total: number): void =>
    hooks.onProgress?.({ phase, done, total })
  progress('preparing', 0, 1)

  const y = table.target
  let positives = 0
  for (let i = 0; i < y.length; i++) positives += y[i]
  if (positives < 2 || y.length - positives < 2) {
    throw new InputError(
      `The dataset has ${positives} defaults and ${y.length - positives} repaid loans; a model needs at least a few of each.`
    )
  }

  const prepared = prepareFeatures(table, params)
  const { split, raw, engineering, inputs, features, matrix } = prepared
  const train = split.train
  const test = split.test
  for (const name of prepared.dropped)
    notes.push(`Column "${name}" has no values in the training rows and is not used.`)
  checkCancel()
  const tPrepared = Date.now()

  // 3. SMOTE-NC on the training rows only.
  let trainColumns = matrix.map((col) => gather(col, train))
  let trainY = gather8(y, train)
  let synthetic = 0
  if (params.smote) {
    progress('smote', 0, 1)
    const numericIdx = features.flatMap((f, i) => (f.kind === 'numeric' ? [i] : []))
    const categoricalIdx = features.flatMap((f, i) => (f.kind === 'categorical' ? [i] : []))
    const result = smoteNc(
      numericIdx.map((i) => trainColumns[i]),
      categoricalIdx.map((i) => Int32Array.from(trainColumns[i])),
      trainY,
      { rng: new Rng(deriveSeed(params.seed, 2)), k: params.smoteK }
    )
    synthetic = result.count
    if (synthetic > 0) {
      const extended = trainColumns.map((c) => {
        const out = new Float64Array(c.length + synthetic)
        out.set(c)
        return out
      })
      numericIdx.forEach((fi, j) => extended[fi].set(result.numeric[j], trainColumns[fi].length))
      categoricalIdx.forEach((fi, j) => extended[fi].set(result.categorical[j], trainColumns[fi].length))
      const extendedY = new Uint8Array(trainY.length + synthetic)
      extendedY.set(trainY)
      extendedY.fill(result.minorityClass, trainY.length)
      trainColumns = extended
      trainY = extendedY
    }
  }
  checkCancel()
  const tSmote = Date.now()

  // 4. The model, by the engine the settings name.
  progress('training', 0, 1)
  const engine = engineFor(params.engine)
  const learned = await engine.train({
    columns: trainColumns,
    y: trainY,
    numReal: train.length,
    features,
    params,
    signal: hooks.signal,
    onProgress: (done, total) => progress('training', done, total)
  })
  const forest = learned.ensemble
  notes.push(...learned.notes)
  let oob: Float64Array
  if (learned.outOfBag) oob = learned.outOfBag
  else {
    // No out-of-bag record: calibrate on in-sample scores (optimistic; said in the notes).
    oob = predictEnsemble(
      forest,
      trainColumns.map((c) => c.subarray(0, train.length)),
      train.length
    )
    notes.push(
      `The ${engine.label} engine keeps no out-of-bag record: its calibration is fitted on in-sample scores.`
    )
  }
  checkCancel()
  const tTrained = Date.now()

  // 5. Calibration on real training rows' out-of-bag scores (never test rows), then
  // the decision threshold that maximises F1 on those same rows.
  progress('calibrating', 0, 1)
  const realTrainY = gather8(y, train)
  const calibration = fitCalibration(oob, realTrainY, params.calibration)
  if (calibration.note) notes.push(calibration.note)
  const calibratedOob = applyCalibrationArray(calibration.model, oob)
  const threshold = bestF1Threshold(realTrainY, calibratedOob)
  const baseRate = countPositives(y, train) / train.length

  // 6. Evaluation on rows the model never saw.
  progress('evaluating', 0, 1)
  let evalColumns: Float64Array[]
  let evalY: Uint8Array
  let evalP: Float64Array
  let evaluatedOn: 'test' | 'oob'
  if (test.length > 0) {
    evalColumns = matrix.map((col) => gather(col, test))
    evalY = gather8(y, test)
    evalP = applyCalibrationArray(calibration.model, predictEnsemble(forest, evalColumns, test.length))
    evaluatedOn = 'test'
  } else {
    const seen = [...calibratedOob.keys()].filter((i) => Number.isFinite(calibratedOob[i]))
    evalColumns = matrix.map((col) => Float64Array.from(seen, (i) => col[train[i]]))
    evalY = Uint8Array.from(seen, (i) => realTrainY[i])
    evalP = Float64Array.from(seen, (i) => calibratedOob[i])
    evaluatedOn = 'oob'
    notes.push(
      'Evaluated out-of-bag (--test-size 0): the calibration was fitted on the same scores, so calibration figures are optimistic.'
    )
  }
  const metrics = evaluateBinary(evalY, evalP, threshold)
  const permutation = permutationOnSample(
    forest,
    evalColumns,
    evalY,
    features.map((f) => f.name),
    params.seed
  )
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
    drift: fitDriftBins(raw, train),
    params,
    datasetId,
    trainedAt: new Date().toISOString()
  }
  return {
    artifact,
    ensemble: forest,
    evaluation: {
      evaluatedOn,
      metrics,
      impurityImportance: features
        .map((f, i) => ({ feature: f.name, importance: forest.featureImportance[i] }))
        .sort((a, b) => b.importance - a.importance),
      permutationImportance: permutation,
      scoreCounts: countScores(evalY, evalP),
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

/** The split, the engineered inputs and the fitted preprocessing of a dataset (steps 1–2 of training). */
export interface PreparedFeatures {
  split: { train: Int32Array; test: Int32Array }
  raw: RawInputs
  /** Raw inputs plus the engineered features. */
  featured: RawInputs
  engineering: ModelArtifact['engineering']
  inputs: ModelArtifact['inputs']
  features: ModelArtifact['features']
  dropped: string[]
  /** The model's feature columns for every row (fitted on the training rows only). */
  matrix: Float64Array[]
}

/**
 * Splits first (stratified, seeded), then fits imputation, encoding and scaling on the
 * training rows only and applies them to every row. `ptm preprocess`, `ptm feature`
 * and training all go through here.
 */
export function prepareFeatures(table: Table, params: TrainParams, engineer = true): PreparedFeatures {
  const y = table.target
  const split = stratifiedSplit(y, params.testSize, new Rng(deriveSeed(params.seed, 1)))
  if (params.testSize > 0 && countPositives(y, split.test) === 0) {
    throw new InputError('The test share holds no defaults; use a larger --test-size or more data.')
  }
  const raw = tableInputs(table)
  const { roles, problems } = resolveRoles([...raw.numeric.keys()], params.map)
  if (problems.length) throw new InputError(problems.join('; '))
  const engineering = engineer
    ? planEngineering(
        roles,
        table.columns.map((c) => c.name),
        params.highRiskCut
      )
    : {}
  const featured = withEngineered(raw, engineering)
  const engineeredNames = new Set<string>()
  for (const name of featured.numeric.keys()) if (!raw.numeric.has(name)) engineeredNames.add(name)
  for (const name of featured.categorical.keys()) if (!raw.categorical.has(name)) engineeredNames.add(name)
  const { features, dropped } = fitFeatureSpecs(featured, split.train, engineeredNames)
  if (features.length === 0)
    throw new InputError(
      'The dataset has no usable feature columns (all are identifiers, empty or the target).'
    )
  return {
    split,
    raw,
    featured,
    engineering,
    inputs: describeInputs(raw, split.train),
    features,
    dropped,
    matrix: buildFeatureMatrix(features, featured).columns
  }
}

/** Permutation importance on at most 2,000 evaluation rows, 3 repeats: enough to rank features in seconds. */
function permutationOnSample(
  forest: TreeEnsemble,
  columns: Float64Array[],
  y: Uint8Array,
  names: string[],
  seed: number
): ModelEvaluation['permutationImportance'] {
  const rng = new Rng(deriveSeed(seed, 3))
  const n = y.length
  const take = Math.min(n, 2000)
  let idx = Int32Array.from({ length: n }, (_, i) => i)
  if (take < n) {
    for (let i = 0; i < take; i++) {
      const j = i + rng.int(n - i)
      const t = idx[i]
      idx[i] = idx[j]
      idx[j] = t
    }
    idx = idx.subarray(0, take)
  }
  const cols = columns.map((c) => gather(c, idx))
  const ys = gather8(y, idx)
  let hasBoth = false
  for (let i = 1; i < ys.length; i++) if (ys[i] !== ys[0]) hasBoth = true
  if (!hasBoth) return names.map((feature) => ({ feature, mean: 0, std: 0 }))
  const result = permutationImportance((c) => predictEnsemble(forest, c, take), cols, ys, names, {
    repeats: 3,
    rng
  })
  return result.features
    .map((f) => ({ feature: f.feature, mean: f.importanceMean, std: f.importanceStd }))
    .sort((a, b) => b.mean - a.mean)
}

/** Evaluated rows per probability bin of width 0.001, by class (see ModelEvaluation.scoreCounts). */
export function countScores(y: Uint8Array, p: Float64Array): ModelEvaluation['scoreCounts'] {
  const negative = new Array<number>(1001).fill(0)
  const positive = new Array<number>(1001).fill(0)
  for (let i = 0; i < y.length; i++) {
    const bin = Math.min(1000, Math.max(0, Math.floor(p[i] * 1000)))
    if (y[i]) positive[bin]++
    else negative[bin]++
  }
  return { negative, positive }
}

/** The probability cut that maximises F1 (ties → the higher cut); 0.5 when undefined. */
export function bestF1Threshold(y: Uint8Array, p: Float64Array): number {
  const order = [...p.keys()].filter((i) => Number.isFinite(p[i])).sort((a, b) => p[b] - p[a])
  let totalPos = 0
  for (const i of order) totalPos += y[i]
  if (totalPos === 0) return 0.5
  let tp = 0
  let fp = 0
  let best = 0.5
  let bestF1 = -1
  for (let k = 0; k < order.length; k++) {
    const i = order[k]
    if (y[i]) tp++
    else fp++
    // Only cut between distinct scores: predict 1 for p >= p[i].
    if (k + 1 < order.length && p[order[k + 1]] === p[i]) continue
    const f1 = (2 * tp) / (2 * tp + fp + (totalPos - tp))
    if (f1 > bestF1) {
      bestF1 = f1
      best = p[i]
    }
  }
  return Math.min(0.99, Math.max(0.01, best))
}

function countPositives(y: Uint8Array, rows: Int32Array): number {
  let c = 0
  for (const r of rows) c += y[r]
  return c
}

function gather(col: Float64Array, rows: ArrayLike<number>): Float64Array {
  const out = new Float64Array(rows.length)
  for (let i = 0; i < rows.length; i++) out[i] = col[rows[i]]
  return out
}

function gather8(col: Uint8Array, rows: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(rows.length)
  for (let i = 0; i < rows.length; i++) out[i] = col[rows[i]]
  return out
}
