import { applyCalibration } from '../ml/calibration'
import type { Forest } from '../ml/forest'
import { riskGrade, type ModelArtifact } from '../ml/ModelArtifact'
import { buildFeatureMatrix } from '../ml/preprocess'
import { withEngineered } from '../ml/trainModel'
import type { ParsedApplicants } from './parseApplicants'
import { forestShap } from './treeShap'
import type { Reason } from './reasons'

export type ReasonMode = 'exact' | 'path' | 'none'

export interface ScoredApplicants {
  /** Calibrated P(default) per row (NaN for rows that failed parsing). */
  probability: Float64Array
  prediction: Uint8Array
  grade: string[]
  /** Per row, every feature's contribution (calibrated probability points), largest |value| first; empty when not asked. */
  contributions: Reason[][]
  /**
   * Per row, the calibrated probability the contributions start from: base + Σ
   * contributions = probability. It is the calibrated forest output of the model's
   * average training row, except where calibration is flat around a row (see rescale).
   */
  base: Float64Array
}

/**
 * Scores parsed applicants through the model's one pipeline: engineered features,
 * imputation, encoding and scaling as fitted in training, the forest, the calibration,
 * the threshold and the risk grades. Single applicants, batch files, the CLI and the
 * /predict service all call this, so training and serving cannot drift apart.
 *
 * Reasons: 'exact' is path-dependent TreeSHAP (every feature's contribution); 'path' is the cheaper per-tree path
 * attribution (Saabas) computed in the same walk as the prediction, used for batch
 * files, which keep only the `batchReasons` features that raised the risk most. Either way contributions are in raw forest units, then rescaled so they sum
 * to the calibrated probability minus the calibrated base rate (calibration is
 * monotone, so signs and order are kept).
 */
export function scoreApplicants(
  model: { artifact: ModelArtifact; forest: Forest },
  parsed: ParsedApplicants,
  mode: ReasonMode,
  batchReasons = 3
): ScoredApplicants {
  const { artifact, forest } = model
  const n = parsed.raw.numRows
  const featured = withEngineered(parsed.raw, artifact.engineering)
  const columns = buildFeatureMatrix(artifact.features, featured).columns
  const numFeatures = artifact.features.length
  const rawBase = meanRootValue(forest)
  const base = applyCalibration(artifact.calibration, rawBase)
  const probability = new Float64Array(n)
  const prediction = new Uint8Array(n)
  const grade: string[] = new Array(n)
  const contributions: Reason[][] = new Array(n)
  const rowBase = new Float64Array(n).fill(base)
  const x = new Float64Array(numFeatures)
  const phi = new Float64Array(numFeatures)
  // Batch modes walk the forest tree by tree over all rows (see predictRowsWithPath);
  // exact TreeSHAP is per row and is used for single applicants only.
  const pathPhi = mode === 'path' ? new Float64Array(n * numFeatures) : null
  const batchRaw = mode === 'exact' ? null : predictRowsWithPath(forest, columns, n, pathPhi)
  for (let r = 0; r < n; r++) {
    if (parsed.failed[r]) {
      probability[r] = NaN
      grade[r] = ''
      contributions[r] = []
      continue
    }
    for (let f = 0; f < numFeatures; f++) x[f] = columns[f][r]
    let raw: number
    if (mode === 'exact') {
      const shap = forestShap(forest.trees, x, numFeatures)
      phi.set(shap.phi)
      raw = shap.base + sum(shap.phi)
    } else {
      raw = batchRaw![r]
      if (pathPhi) phi.set(pathPhi.subarray(r * numFeatures, (r + 1) * numFeatures))
    }
    const p = applyCalibration(artifact.calibration, raw)
    probability[r] = p
    prediction[r] = p >= artifact.threshold ? 1 : 0
    grade[r] = riskGrade(artifact.riskGrades, p).grade
    if (mode === 'none') {
      contributions[r] = []
      continue
    }
    const scale = rescale(artifact.calibration, raw, rawBase, p, base)
    rowBase[r] = p - scale * (raw - rawBase)
    contributions[r] = toReasons(
      artifact,
      featured,
      r,
      phi,
      scale,
      mode === 'path' ? batchReasons : numFeatures
    )
  }
  return { probability, prediction, grade, contributions, base: rowBase }
}

/**
 * Factor that maps raw-score contributions to calibrated-probability points: the slope
 * of the calibration's chord between the base score and the row's score, so the
 * contributions sum to the calibrated probability minus the calibrated base. Isotonic
 * calibration has flat steps: when both scores fall on one step the chord is flat and
 * every reason would vanish, which a branch cannot give a declined applicant. The chord
 * is then widened (±0.05 raw) until it has a slope, and the row's base is moved so the
 * sum still holds.
 */
export function rescale(
  calibration: ModelArtifact['calibration'],
  raw: number,
  rawBase: number,
  p: number,
  base: number
): number {
  const rawDelta = raw - rawBase
  if (Math.abs(rawDelta) > 1e-9 && Math.abs(p - base) > 1e-9) return (p - base) / rawDelta
  for (let widen = 0.05; widen <= 1; widen *= 2) {
    const lo = Math.max(0, Math.min(raw, rawBase) - widen)
    const hi = Math.min(1, Math.max(raw, rawBase) + widen)
    const slope = (applyCalibration(calibration, hi) - applyCalibration(calibration, lo)) / (hi - lo)
    if (slope > 0) return slope
  }
  return 1
}

/**
 * Forest probabilities of many rows, adding each row's path attribution into `phi`
 * (row-major, numRows × numFeatures) when given: one walk per tree and row. The loop
 * goes tree by tree over all rows, not row by row over all trees: a depth-15 tree is
 * megabytes of node arrays, and walking 200 of them per row missed the cache at almost
 * every node (measured: 180 µs per row row by row).
 */
export function predictRowsWithPath(
  forest: Forest,
  columns: Float64Array[],
  numRows: number,
  phi: Float64Array | null
): Float64Array {
  const trees = forest.trees
  const numFeatures = columns.length
  const total = new Float64Array(numRows)
  for (let t = 0; t < trees.length; t++) {
    const { feature, threshold, missingLeft, left, right, value } = trees[t]
    for (let r = 0; r < numRows; r++) {
      let node = 0
      const o = r * numFeatures
      while (feature[node] >= 0) {
        const f = feature[node]
        const v = columns[f][r]
        const goLeft = v !== v ? missingLeft[node] === 1 : v <= threshold[node]
        const next = goLeft ? left[node] : right[node]
        if (phi) phi[o + f] += value[next] - value[node]
        node = next
      }
      total[r] += value[node]
    }
  }
  const inv = 1 / trees.length
  for (let r = 0; r < numRows; r++) total[r] *= inv
  if (phi) for (let i = 0; i < phi.length; i++) phi[i] *= inv
  return total
}

function meanRootValue(forest: Forest): number {
  let s = 0
  for (const t of forest.trees) s += t.value[0]
  return s / forest.trees.length
}

function sum(a: Float64Array): number {
  let s = 0
  for (let i = 0; i < a.length; i++) s += a[i]
  return s
}

function toReasons(
  artifact: ModelArtifact,
  featured: ReturnType<typeof withEngineered>,
  row: number,
  phi: Float64Array,
  scale: number,
  limit: number
): Reason[] {
  // Batch files show only the strongest few reasons: pick those indices first and build
  // objects for them alone (a million rows × every feature was mostly garbage to collect).
  let keep: Set<number> | null = null
  if (limit < phi.length) {
    const order = Array.from({ length: phi.length }, (_, i) => i)
      .filter((i) => phi[i] > 0)
      .sort((a, b) => phi[b] - phi[a])
    keep = new Set(order.slice(0, limit))
  }
  const out: Reason[] = []
  artifact.features.forEach((f, i) => {
    if (keep && !keep.has(i)) return
    const contribution = phi[i] * scale
    if (contribution === 0 || !Number.isFinite(contribution)) return
    let value: number | string | null
    if (f.kind === 'numeric') {
      const v = featured.numeric.get(f.name)?.[row]
      value = v === undefined || Number.isNaN(v) ? null : v
    } else value = featured.categorical.get(f.name)?.[row] ?? null
    out.push({ feature: f.name, value, contribution, direction: contribution > 0 ? 'raises' : 'lowers' })
  })
  return out.sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution))
}
