import { gather, gather8 } from '../base/arrays'
import { deriveSeed, Rng } from '../base/random'
import type { FitRows } from '../ml/engines'
import { smoteNc } from '../ml/smote'
import type { FeatureSpec } from '../model/ModelArtifact'
import type { TrainParams } from '../../../shared/params/trainParams'

/**
 * The fitRows of an engine's input (see EngineTrainInput.fitRows): the real training rows
 * of `subset` (all when omitted), then, with SMOTE on, the synthetic rows SMOTE-NC makes
 * from those rows alone. The whole set is made once and kept (engines and the pipeline ask
 * for it more than once).
 */
export function rowBalancer(
  columns: Float64Array[],
  y: Uint8Array,
  features: FeatureSpec[],
  params: TrainParams
): (subset?: Int32Array) => FitRows {
  let whole: FitRows | null = null
  return (subset) => {
    if (!subset) return (whole ??= balance(columns, y, features, params, deriveSeed(params.seed, 2)))
    // A subset's synthetic rows depend only on which rows it holds, not on who asks first.
    return balance(
      columns.map((c) => gather(c, subset)),
      gather8(y, subset),
      features,
      params,
      deriveSeed(params.seed, subsetHash(subset))
    )
  }
}

/**
 * The rows with SMOTE-NC's synthetic rows appended. Features whose missing values are
 * learned (NaN in `columns`) are imputed for SMOTE alone, as every other engine's are, so
 * that distances and interpolations are defined; a synthetic row is then missing wherever
 * its seed row is, so the minority class keeps its pattern of missing values.
 */
function balance(
  columns: Float64Array[],
  y: Uint8Array,
  features: FeatureSpec[],
  params: TrainParams,
  seed: number
): FitRows {
  const numReal = y.length
  if (!params.smote) return { columns, y, numReal }
  const filled = columns.map((c, i) => imputedForSmote(c, features[i]))
  const numericIdx = features.flatMap((f, i) => (f.kind === 'numeric' ? [i] : []))
  const categoricalIdx = features.flatMap((f, i) => (f.kind === 'categorical' ? [i] : []))
  const result = smoteNc(
    numericIdx.map((i) => filled[i]),
    categoricalIdx.map((i) => Int32Array.from(filled[i])),
    y,
    { rng: new Rng(seed), k: params.smoteK }
  )
  const synthetic = result.count
  if (synthetic === 0) return { columns, y, numReal }
  const extended = columns.map((c) => {
    const out = new Float64Array(numReal + synthetic)
    out.set(c)
    return out
  })
  numericIdx.forEach((fi, j) => extended[fi].set(result.numeric[j], numReal))
  categoricalIdx.forEach((fi, j) => extended[fi].set(result.categorical[j], numReal))
  columns.forEach((c, fi) => {
    if (filled[fi] === c) return
    for (let s = 0; s < synthetic; s++)
      if (Number.isNaN(c[result.seedRows[s]])) extended[fi][numReal + s] = NaN
  })
  const extendedY = new Uint8Array(numReal + synthetic)
  extendedY.set(y)
  extendedY.fill(result.minorityClass, numReal)
  return { columns: extended, y: extendedY, numReal }
}

/**
 * The column with NaN replaced by what imputation would have given (the standardised
 * median, or the most frequent level's code); the column itself when it has no NaN.
 */
function imputedForSmote(column: Float64Array, feature: FeatureSpec): Float64Array {
  if (feature.missing !== 'learned' || !column.some(Number.isNaN)) return column
  // As buildFeatureMatrix scales: (x − mean) · (1 / std).
  const fill = feature.kind === 'numeric' ? (feature.median - feature.mean) * (1 / feature.std) : feature.fill
  return column.map((x) => (Number.isNaN(x) ? fill : x))
}

/** FNV-1a over the row indices: a seed salt that names the subset. */
function subsetHash(rows: Int32Array): number {
  let h = 0x811c9dc5
  for (let i = 0; i < rows.length; i++) {
    h ^= rows[i]
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h
}
