import { deriveSeed, Rng, shuffleHead } from '../../base/random'
import { type EnsembleCombine, type TreeEnsemble } from '../../model/TreeEnsemble'
import { binTrainingData } from '../trees/BinnedData'
import { FlatTreeBuilder } from '../trees/FlatTreeBuilder'
import type { BoostedTree } from './BoostedTree'
import { ValidationTracker, type GbmValidation } from './earlyStopping'
import { emitFlatTree } from './emitFlatTree'
import { LeafWiseLearner } from './leafWiseLearner'
import { CATEGORICAL_DEFAULTS } from './splitSearch'

export type { GbmValidation }

/**
 * Gradient-boosted trees for binary classification (XGBoost's and LightGBM's algorithm on
 * the forest's binned data): the model's margin starts at the fit rows' log-odds and each
 * round adds a tree fitted to the gradients g = p − y and hessians h = p(1 − p) of the
 * logistic loss at the current margins, with Newton leaf values −η G / (H + λ)
 * (leafWiseLearner.ts). Per round, a row is kept with probability `subsample`
 * (XGBoost's uniform sampling) and a tree may split on round(colsample × features) of
 * them (colsample_bytree); rows left out are still moved by the tree.
 *
 * Early stopping: with validation rows, the log-loss of their margins (plus
 * `marginOffset`, see GbmValidation) is measured after every round, training stops after
 * `earlyStoppingRounds` rounds without a new minimum, and the model keeps the trees up to
 * the best round (XGBoost's best_iteration). The validation rows influence nothing else.
 *
 * Round r draws everything from `new Rng(deriveSeed(seed, r))`, so the same rows, settings
 * and seed give the same trees.
 */

export interface GbmOptions {
  rounds: number
  learningRate: number
  /** Deepest level of a leaf (root = 0). */
  maxDepth: number
  /** Most leaves per tree. */
  maxLeaves: number
  subsample: number
  colsample: number
  /** λ: L2 penalty on leaf values. */
  l2: number
  /** Least hessian sum per child. */
  minChildWeight: number
  /** Rounds without improvement on the validation rows before stopping; 0 = no early stopping. */
  earlyStoppingRounds: number
  seed: number
  /** Per feature: 1 when its values are category codes (split on sets of categories). */
  categorical: Uint8Array
  /** Categorical split settings; LightGBM's defaults where left out. */
  categoricalSplits?: Partial<typeof CATEGORICAL_DEFAULTS>
}

export interface TrainedGbm {
  ensemble: TreeEnsemble
  /** Rounds grown, and rounds kept (the best round's count with early stopping, else all). */
  roundsRun: number
  roundsKept: number
  /** Validation log-loss after each round run, or null without validation rows. */
  validationLoss: Float64Array | null
}

export interface GbmHooks {
  onProgress?: (done: number, total: number) => void
  signal?: AbortSignal
}

/** How boosted trees are trained: trainGbm on this thread, trainGbmInWorker on one of its own, with the same result. */
export type GbmTrainer = (
  columns: Float64Array[],
  y: Uint8Array,
  options: GbmOptions,
  validation?: GbmValidation | null,
  hooks?: GbmHooks
) => Promise<TrainedGbm>

/** Trains boosted trees on column-major features (NaN = missing) and 0/1 labels. */
export async function trainGbm(
  columns: Float64Array[],
  y: Uint8Array,
  options: GbmOptions,
  validation: GbmValidation | null = null,
  hooks: GbmHooks = {}
): Promise<TrainedGbm> {
  const numRows = validateInput(columns, y, options)
  const numFeatures = columns.length
  const data = binTrainingData(columns, y)
  const { bins, mapper } = data
  const learner = new LeafWiseLearner(
    bins,
    mapper,
    options.categorical,
    {
      ...CATEGORICAL_DEFAULTS,
      ...options.categoricalSplits,
      l2: options.l2,
      // A child needs some hessian: its cover divides TreeSHAP's path weights.
      minChildWeight: Math.max(options.minChildWeight, 1e-9),
      maxDepth: options.maxDepth,
      maxLeaves: options.maxLeaves,
      learningRate: options.learningRate
    },
    numRows
  )
  let positives = 0
  for (let r = 0; r < numRows; r++) positives += y[r]
  const bias = Math.log(positives / (numRows - positives))
  const margin = new Float64Array(numRows).fill(bias)
  const gh = new Float64Array(2 * numRows)
  const sampled = new Uint8Array(numRows)
  const featurePerm = new Int32Array(numFeatures)
  const active = Math.max(1, Math.min(numFeatures, Math.round(options.colsample * numFeatures)))
  const features = new Int32Array(active)

  const check = validation
    ? new ValidationTracker(validation, mapper, bias, options.earlyStoppingRounds)
    : null
  const trees: BoostedTree[] = []
  for (let round = 0; round < options.rounds; round++) {
    // Yield between rounds so that progress reaches the UI and an abort can arrive.
    await new Promise<void>((resolve) => setImmediate(resolve))
    if (hooks.signal?.aborted) throw abortError()
    const rng = new Rng(deriveSeed(options.seed, round))
    const size = sampleRows(learner.order, sampled, options.subsample, rng)
    setGradients(learner.order, size, margin, y, gh)
    sampleFeatures(featurePerm, features, rng)
    const tree = learner.grow(size, gh, features, active)
    trees.push(tree)
    // Rows of the sample: by their leaf's range of the partition; the others by descent.
    const { order, leafNode, leafStart, leafEnd } = learner
    for (let i = 0; i < learner.numLeaves; i++) {
      const v = tree.value[leafNode[i]]
      for (let k = leafStart[i]; k < leafEnd[i]; k++) margin[order[k]] += v
    }
    if (size < numRows) {
      for (let r = 0; r < numRows; r++) if (sampled[r] === 0) margin[r] += tree.value[tree.leafOf(bins, r)]
    }
    hooks.onProgress?.(round + 1, options.rounds)
    if (check && check.addTree(tree)) break
  }
  const roundsKept = check ? check.bestRounds : trees.length
  const builder = new FlatTreeBuilder()
  const kept = trees.slice(0, roundsKept)
  const combine: EnsembleCombine = { aggregate: 'sum', bias, link: 'logistic' }
  return {
    ensemble: {
      numFeatures,
      trees: kept.map((t) => emitFlatTree(t, mapper, builder)),
      featureImportance: gainImportance(kept, numFeatures),
      combine
    },
    roundsRun: trees.length,
    roundsKept,
    validationLoss: check ? check.losses() : null
  }
}

/**
 * Writes the round's rows into `order` (ascending) and flags them in `sampled`; returns
 * their count. Each row is kept with probability `rate` (to 2^-32), drawn from a xorshift32
 * stream seeded by the round's generator: a draw of the product's generator per row cost
 * a tenth of the whole fit. At least one row is kept.
 */
function sampleRows(order: Int32Array, sampled: Uint8Array, rate: number, rng: Rng): number {
  const n = sampled.length
  if (rate >= 1) {
    for (let r = 0; r < n; r++) order[r] = r
    sampled.fill(1)
    return n
  }
  const below = rate * 4294967296
  let x = rng.nextUint32() | 1
  let size = 0
  for (let r = 0; r < n; r++) {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    const keep = x >>> 0 < below ? 1 : 0
    sampled[r] = keep
    order[size] = r
    size += keep
  }
  if (size === 0) {
    const r = rng.int(n)
    order[0] = r
    sampled[r] = 1
    size = 1
  }
  return size
}

/** Gradient p − y and hessian p(1 − p) of the logistic loss for rows order[0, size). */
function setGradients(
  order: Int32Array,
  size: number,
  margin: Float64Array,
  y: Uint8Array,
  gh: Float64Array
): void {
  for (let i = 0; i < size; i++) {
    const r = order[i]
    const p = 1 / (1 + Math.exp(-margin[r]))
    gh[2 * r] = p - y[r]
    // XGBoost's floor: a saturated row keeps a tiny positive weight.
    gh[2 * r + 1] = Math.max(p * (1 - p), 1e-16)
  }
}

/** Draws `features.length` distinct features (partial Fisher–Yates), in ascending order. */
function sampleFeatures(perm: Int32Array, features: Int32Array, rng: Rng): void {
  const n = perm.length
  const k = features.length
  for (let f = 0; f < n; f++) perm[f] = f
  if (k < n) shuffleHead(perm, k, rng)
  features.set(perm.subarray(0, k))
  features.sort()
}

/** Share of the total split gain per feature (LightGBM's importance_type 'gain'). */
function gainImportance(trees: BoostedTree[], numFeatures: number): Float64Array {
  const importance = new Float64Array(numFeatures)
  for (const t of trees)
    for (let n = 0; n < t.size; n++) if (t.feature[n] >= 0) importance[t.feature[n]] += t.gain[n]
  let total = 0
  for (let f = 0; f < numFeatures; f++) total += importance[f]
  if (total > 0) for (let f = 0; f < numFeatures; f++) importance[f] /= total
  return importance
}

function validateInput(columns: Float64Array[], y: Uint8Array, options: GbmOptions): number {
  if (columns.length === 0) throw new Error('cannot train boosted trees without feature columns')
  const numRows = y.length
  let positives = 0
  for (let r = 0; r < numRows; r++) {
    if (y[r] > 1) throw new Error(`label of row ${r} is ${y[r]}; labels must be 0 or 1`)
    positives += y[r]
  }
  if (positives === 0 || positives === numRows) {
    throw new Error(
      `boosted trees need rows of both classes; the fit rows hold ${positives} of ${numRows} positive`
    )
  }
  columns.forEach((c, f) => {
    if (c.length !== numRows)
      throw new Error(`feature column ${f} has ${c.length} rows but there are ${numRows} labels`)
  })
  if (options.categorical.length !== columns.length) {
    throw new Error(
      `categorical flags for ${options.categorical.length} features, but there are ${columns.length}`
    )
  }
  const check = (name: keyof GbmOptions, ok: boolean, rule: string): void => {
    if (!ok) throw new Error(`${name} must be ${rule}, got ${String(options[name])}`)
  }
  check('rounds', Number.isInteger(options.rounds) && options.rounds >= 1, 'a whole number >= 1')
  check('learningRate', options.learningRate > 0 && options.learningRate <= 1, 'in (0, 1]')
  check('maxDepth', Number.isInteger(options.maxDepth) && options.maxDepth >= 1, 'a whole number >= 1')
  check('maxLeaves', Number.isInteger(options.maxLeaves) && options.maxLeaves >= 2, 'a whole number >= 2')
  check('subsample', options.subsample > 0 && options.subsample <= 1, 'in (0, 1]')
  check('colsample', options.colsample > 0 && options.colsample <= 1, 'in (0, 1]')
  check('l2', options.l2 >= 0, '>= 0')
  check('minChildWeight', options.minChildWeight >= 0, '>= 0')
  check(
    'earlyStoppingRounds',
    Number.isInteger(options.earlyStoppingRounds) && options.earlyStoppingRounds >= 0,
    'a whole number >= 0'
  )
  check('seed', Number.isInteger(options.seed), 'a whole number')
  return numRows
}

/** The error a cancelled boosting run rejects with. */
export function abortError(): Error {
  const error = new Error('Boosted-tree training was cancelled.')
  error.name = 'AbortError'
  return error
}
