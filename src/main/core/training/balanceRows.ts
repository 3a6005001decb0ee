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

function balance(
  columns: Float64Array[],
  y: Uint8Array,
  features: FeatureSpec[],
  params: TrainParams,
  seed: number
): FitRows {
  const numReal = y.length
  if (!params.smote) return { columns, y, numReal }
  const numericIdx = features.flatMap((f, i) => (f.kind === 'numeric' ? [i] : []))
  const categoricalIdx = features.flatMap((f, i) => (f.kind === 'categorical' ? [i] : []))
  const result = smoteNc(
    numericIdx.map((i) => imputedForSmote(columns[i], features[i])),
    categoricalIdx.map((i) => Int32Array.from(imputedForSmote(columns[i], features[i]))),
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
  const extendedY = new Uint8Array(numReal + synthetic)
  extendedY.set(y)
  extendedY.fill(result.minorityClass, numReal)
  return { columns: extended, y: extendedY, numReal }
}

/**
 * A column as SMOTE reads it: an engine that keeps missing values (NaN) still has its
 * neighbours found and its synthetic rows made on imputed values, as every engine's were
 * (the training median, standardised as buildFeatureMatrix does; the most frequent level).
 * Synthetic rows thus have no missing values; the real rows keep theirs. The column itself
 * when it has none.
 */
function imputedForSmote(column: Float64Array, feature: FeatureSpec): Float64Array {
  if (!column.some((v) => v !== v)) return column
  const fill = feature.kind === 'numeric' ? (feature.median - feature.mean) * (1 / feature.std) : feature.fill
  return column.map((v) => (v === v ? v : fill))
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
