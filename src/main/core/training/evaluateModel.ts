import { gather, gather8 } from '../base/arrays'
import { deriveSeed, Rng, shuffleHead } from '../base/random'
import { permutationImportance } from '../ml/permutationImportance'
import type { ModelEvaluation } from '../../../shared/evaluation'

/**
 * Permutation importance on at most 2,000 evaluation rows, 3 repeats: enough to rank
 * features in seconds. `predict` scores the rows at `rows` (indices into `columns`) from
 * the given, permuted columns: each row only by a model that never fitted on it.
 */
export function permutationOnSample(
  predict: (columns: Float64Array[], rows: Int32Array) => Float64Array,
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
    shuffleHead(idx, take, rng)
    idx = idx.subarray(0, take)
  }
  const cols = columns.map((c) => gather(c, idx))
  const ys = gather8(y, idx)
  let hasBoth = false
  for (let i = 1; i < ys.length; i++) if (ys[i] !== ys[0]) hasBoth = true
  if (!hasBoth) return names.map((feature) => ({ feature, mean: 0, std: 0 }))
  const result = permutationImportance((c) => predict(c, idx), cols, ys, names, {
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
