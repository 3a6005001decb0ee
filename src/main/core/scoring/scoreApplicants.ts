import { applyCalibration } from '../ml/calibration'
import { sum } from '../base/stats'
import {
  ensembleMargins,
  expectedMargin,
  linkScore,
  type EnsembleCombine,
  type TreeEnsemble
} from '../model/TreeEnsemble'
import type { ModelArtifact } from '../model/ModelArtifact'
import { riskGrade } from '../model/riskGrade'
import { buildFeatureMatrix, type RawInputs } from '../ml/preprocess'
import { withEngineered } from '../ml/featureEngineering'
import { explainerFor } from '../ml/engines/explainers'
import type { CompiledForest } from './CompiledForest'
import {
  forestShapPrepared,
  prepareForestShap,
  type ForestShap,
  type PreparedForestShap
} from './linearTreeShap'
import { shapForestOf, type ShapForest } from './ShapForest'
import type { Reason } from './reasons'
import {
  attributeToFields,
  featureSources,
  featuresNotProvided,
  providedInputs,
  type NotProvided
} from './fieldReasons'

export type ReasonMode = 'exact' | 'path' | 'none'

/**
 * What scoring reads of a model: the artifact, the FlatTree forest for 'exact' reasons,
 * and the compiled forest for the batch modes (a batch worker thread holds only that,
 * shared with its siblings). Compiling takes a fifth of a second, so it is the caller's
 * to do once (prepareBatchModel), never done here per call. `exact` is the forest laid out
 * for exact reasons in WebAssembly (ShapForest); a /predict worker thread holds only that,
 * which also scores without reasons ('none', one row at a time). A loaded model (with
 * `shap`) gets one on its first exact reasons (exactShapOf).
 */
export type ScoringModel =
  | {
      artifact: ModelArtifact
      ensemble: TreeEnsemble
      compiled?: CompiledForest
      shap?: PreparedForestShap
      exact?: ShapForest
    }
  | {
      artifact: ModelArtifact
      ensemble?: undefined
      compiled: CompiledForest
      shap?: undefined
      exact?: undefined
    }
  | {
      artifact: ModelArtifact
      ensemble?: undefined
      compiled?: CompiledForest
      shap?: undefined
      exact: ShapForest
    }

/** Row r's k-th reason is at r * perRow + k: feature index (-1 when the row has fewer) and contribution. */
export interface TopReasons {
  perRow: number
  feature: Int16Array
  contribution: Float64Array
}

export interface ScoredApplicants {
  /** Calibrated P(default) per row (NaN for rows that failed parsing). */
  probability: Float64Array
  prediction: Uint8Array
  grade: string[]
  /**
   * Per row with 'exact', the contribution (calibrated probability points) of every input
   * field the applicant provided, largest |value| first (see fieldReasons); else empty.
   */
  contributions: Reason[][]
  /** Per row with 'exact', the fields not provided and their pooled share; else none. */
  notProvided: NotProvided[]
  /**
   * With 'path', per row the `batchReasons` features that raised the risk most, among those
   * computed from provided fields only (typed arrays: no objects per row).
   */
  top: TopReasons | null
  /** The raw inputs with the engineered features added: the values reasons quote. */
  featured: RawInputs
  /**
   * Per row, the calibrated probability the contributions start from: base + Σ
   * contributions = probability. It is the calibrated forest output of the model's
   * average training row, except where calibration is flat around a row (see rescale).
   * With 'exact': base + Σ contributions + notProvided.contribution = probability.
   */
  base: Float64Array
}

/**
 * Scores parsed applicants through the model's one pipeline: engineered features,
 * imputation, encoding and scaling as fitted in training, the forest, the calibration,
 * the threshold and the risk grades. Single applicants, batch files, the CLI and the
 * /predict service all call this, so training and serving cannot drift apart.
 *
 * Reasons: 'exact' is path-dependent TreeSHAP (every feature's contribution), used for
 * single applicants; 'path' is the cheaper per-tree path attribution (Saabas) that the
 * compiled forest computes in the same walk as the prediction, used for batch files,
 * which keep only the `batchReasons` features that raised the risk most. Either way
 * contributions are in raw forest units, then rescaled so they sum to the calibrated
 * probability minus the calibrated base rate (calibration is monotone, so signs and
 * order are kept). An engine that explains its own scores (Engine.explainer, e.g. a
 * scorecard's points lost against the best bin) gives both modes its contributions and
 * their start instead, rescaled the same way.
 */
export function scoreApplicants(
  model: ScoringModel,
  parsed: { raw: RawInputs; failed: Uint8Array },
  mode: ReasonMode,
  batchReasons = 3
): ScoredApplicants {
  const { artifact, compiled } = model
  const n = parsed.raw.numRows
  const featured = withEngineered(parsed.raw, artifact.engineering)
  const columns = buildFeatureMatrix(artifact.features, featured, artifact.keepsMissing === true).columns
  const numFeatures = artifact.features.length
  // Margins (forest: probabilities) from the trees; the link, then the calibration, give P(default).
  const combine = compiled ? compiled.combine : model.exact ? model.exact.combine : ensembleOf(model).combine
  const toProbability = (margin: number): number =>
    applyCalibration(artifact.calibration, linkScore(combine.link, margin))
  const rawBase = compiled
    ? compiled.expectedMargin
    : model.exact
      ? model.exact.expectedMargin
      : expectedMargin(ensembleOf(model))
  const base = toProbability(rawBase)
  const probability = new Float64Array(n)
  const prediction = new Uint8Array(n)
  const grade: string[] = new Array(n)
  const contributions: Reason[][] = new Array(n)
  const notProvided: NotProvided[] = new Array(n)
  // Which fields each row gave: reasons come only from those (fieldReasons.ts).
  const sources = mode === 'none' ? [] : featureSources(artifact)
  const given = mode === 'none' ? [] : providedInputs(artifact, parsed.raw)
  const skip = mode === 'path' ? featuresNotProvided(sources, given, n) : null
  const top: TopReasons | null =
    mode === 'path'
      ? {
          perRow: batchReasons,
          feature: new Int16Array(n * batchReasons).fill(-1),
          contribution: new Float64Array(n * batchReasons)
        }
      : null
  const rowBase = new Float64Array(n).fill(base)
  const x = new Float64Array(numFeatures)
  const explain = mode === 'none' ? null : explainerFor(artifact)
  const explained = new Float64Array(numFeatures)
  const batch =
    mode === 'exact'
      ? null
      : !compiled && mode === 'none'
        ? { raw: marginsWithoutCompiling(model, columns, n), path: null }
        : compiledFor(model).predict(columns, n, mode === 'path' && !explain)
  // Exact reasons: Linear TreeShap over the forest as the loaded model prepared it once.
  const shapForest = mode === 'exact' && !explain ? exactShapOf(model) : null
  // Where an explainer's contributions start, and its calibrated probability (constant for a scorecard).
  let start = rawBase
  let startProbability = base
  const none: Reason[] = []
  const nothing: NotProvided = { fields: [], contribution: 0 }
  for (let r = 0; r < n; r++) {
    contributions[r] = none
    notProvided[r] = nothing
    if (parsed.failed[r]) {
      probability[r] = NaN
      grade[r] = ''
      continue
    }
    let raw: number
    let phi: ArrayLike<number> | null = null
    // Where the row's contributions start in phi: the batch walk's are one array for all rows
    // (a view per row was an allocation per row, ~0.1 µs each).
    let phiAt = 0
    if (explain) {
      for (let f = 0; f < numFeatures; f++) x[f] = columns[f][r]
      const rowStart = explain(x, explained)
      if (rowStart !== start) {
        start = rowStart
        startProbability = toProbability(rowStart)
      }
      phi = explained
      raw = batch ? batch.raw[r] : rowStart + sum(explained)
    } else if (batch) {
      raw = batch.raw[r]
      if (batch.path) {
        phi = batch.path
        phiAt = r * numFeatures
      }
    } else if (shapForest) {
      for (let f = 0; f < numFeatures; f++) x[f] = columns[f][r]
      const shap = shapForest(x)
      phi = shap.phi
      raw = shap.base + sum(shap.phi)
    } else throw new Error('scoreApplicants: no forest to score with') // one of the two is set per mode
    const p = toProbability(raw)
    probability[r] = p
    prediction[r] = p >= artifact.threshold ? 1 : 0
    grade[r] = riskGrade(artifact.riskGrades, p).grade
    if (phi === null) continue
    const scale = rescale(toProbability, combine.link, raw, start, p, startProbability)
    rowBase[r] = p - scale * (raw - start)
    if (top) topRaising(phi, phiAt, numFeatures, scale, top, r, skip!)
    else {
      const row = r
      const fields = attributeToFields(
        artifact,
        sources,
        phi,
        scale,
        (i) => given[i][row] === 1,
        (i) => inputValue(artifact, featured, i, row)
      )
      contributions[r] = fields.reasons
      notProvided[r] = fields.notProvided
    }
  }
  return { probability, prediction, grade, contributions, notProvided, top, featured, base: rowBase }
}

/**
 * Factor that maps margin contributions to calibrated-probability points: the slope of the
 * chord of `toProbability` (link, then calibration) between the base margin and the row's
 * margin, so the contributions sum to the calibrated probability minus the calibrated base.
 * Isotonic calibration has flat steps: when both margins fall on one step the chord is flat
 * and every reason would vanish, which a branch cannot give a declined applicant. The chord
 * is then widened until it has a slope (a forest's margins live in [0, 1], widened by 0.05
 * doubling; a log-odds margin by 0.25 doubling), and the row's base is moved so the sum
 * still holds.
 */
export function rescale(
  toProbability: (margin: number) => number,
  link: EnsembleCombine['link'],
  raw: number,
  rawBase: number,
  p: number,
  base: number
): number {
  const rawDelta = raw - rawBase
  if (Math.abs(rawDelta) > 1e-9 && Math.abs(p - base) > 1e-9) return (p - base) / rawDelta
  const [first, last, min, max] = link === 'identity' ? [0.05, 1, 0, 1] : [0.25, 32, -Infinity, Infinity]
  for (let widen = first; widen <= last; widen *= 2) {
    const lo = Math.max(min, Math.min(raw, rawBase) - widen)
    const hi = Math.min(max, Math.max(raw, rawBase) + widen)
    const slope = (toProbability(hi) - toProbability(lo)) / (hi - lo)
    if (slope > 0) return slope
  }
  return 1
}

/**
 * Exact TreeSHAP of one feature vector for a model: its ShapForest (WebAssembly, the same
 * values bit for bit), laid out on the first call for a loaded model and kept with its
 * prepared forest; a model built by hand without one is explained by the TypeScript walk.
 */
function exactShapOf(model: ScoringModel): (x: ArrayLike<number>) => ForestShap {
  const own = model.exact
  if (own) return (x) => own.explain(x)
  const ensemble = ensembleOf(model)
  if (!model.shap) {
    const prepared = prepareForestShap(ensemble)
    return (x) => forestShapPrepared(prepared, x)
  }
  const forest = shapForestOf(ensemble, model.shap)
  return (x) => forest.explain(x)
}

/**
 * Margins of a few rows (a /predict request is one) without a compiled forest: the
 * ShapForest's walk, else the TypeScript walk of the trees; both equal the compiled walk's
 * bit for bit (the same leaf values added in the same tree order).
 */
function marginsWithoutCompiling(model: ScoringModel, columns: Float64Array[], n: number): Float64Array {
  const forest: ShapForest | undefined = model.exact
  if (!forest) return ensembleMargins(ensembleOf(model), columns, n)
  const raw = new Float64Array(n)
  const x = new Float64Array(columns.length)
  for (let r = 0; r < n; r++) {
    for (let f = 0; f < columns.length; f++) x[f] = columns[f][r]
    raw[r] = forest.margin(x)
  }
  return raw
}

function compiledFor(model: ScoringModel): CompiledForest {
  if (!model.compiled)
    throw new Error('scoreApplicants: batch modes need the compiled forest (prepareBatchModel)')
  return model.compiled
}

function ensembleOf(model: ScoringModel): TreeEnsemble {
  if (!model.ensemble)
    throw new Error('scoreApplicants: exact reasons need the trees, not only their compiled form')
  return model.ensemble
}

/** The raw value of input field `i` for row `r`, null when missing. */
function inputValue(artifact: ModelArtifact, raw: RawInputs, i: number, r: number): number | string | null {
  const field = artifact.inputs[i]
  if (field.kind === 'numeric') {
    const v = raw.numeric.get(field.name)?.[r]
    return v === undefined || Number.isNaN(v) ? null : v
  }
  return raw.categorical.get(field.name)?.[r] ?? null
}

/**
 * Writes into `top` the features of row `row` that raised the risk most (its contributions
 * phi[phiAt .. phiAt + numFeatures) > 0) and whose sources the row provided (`skip` marks the
 * others), largest first, with a small insertion list instead of sorting every feature of a
 * million rows.
 */
function topRaising(
  phi: ArrayLike<number>,
  phiAt: number,
  numFeatures: number,
  scale: number,
  top: TopReasons,
  row: number,
  skip: Uint8Array
): void {
  const limit = top.perRow
  const at0 = row * limit
  const best = top.feature
  const skip0 = row * numFeatures
  let size = 0
  for (let f = 0; f < numFeatures; f++) {
    const v = phi[phiAt + f]
    if (!(v > 0) || !Number.isFinite(v * scale) || skip[skip0 + f] === 1) continue
    if (size === limit && v <= phi[phiAt + best[at0 + limit - 1]]) continue
    let at = size === limit ? limit - 1 : size++
    while (at > 0 && phi[phiAt + best[at0 + at - 1]] < v) {
      best[at0 + at] = best[at0 + at - 1]
      at--
    }
    best[at0 + at] = f
  }
  for (let k = 0; k < size; k++) top.contribution[at0 + k] = phi[phiAt + best[at0 + k]] * scale
}
