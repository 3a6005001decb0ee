import type { TreeEnsemble } from '../../src/main/core/model/TreeEnsemble'
import { Rng } from '../../src/main/core/base/random'
import { forestShapPrepared, prepareForestShap } from '../../src/main/core/scoring/linearTreeShap'
import { scoreOne } from '../../src/main/core/scoring/scoreOne'
import { forestShap, treeShap } from '../../src/main/core/scoring/treeShap'
import { openWorkbench, step } from './step'

/**
 * single DB MODEL_ID COUNT BODY_JSON: the /predict work without HTTP, in one process:
 * scoreOne alone (validation, forest, calibration, TreeSHAP reasons) and
 * Workbench.scoreApplicant (the same plus the audit record). Milliseconds per call.
 * Then exact TreeSHAP alone, three ways interleaved call by call on the same vectors:
 * Algorithm 2 tree by tree (what forestShap ran before Linear TreeShap), Linear TreeShap
 * on a forest prepared once, and forestShap (which prepares on every call).
 */
step(async ([db, modelId, count, body]) => {
  const wb = openWorkbench(db)
  const model = wb.scoringModel(Number(modelId))
  const input = JSON.parse(body) as Record<string, unknown>
  const n = Number(count)
  const time = (fn: () => void): number[] => {
    for (let i = 0; i < Math.min(50, n); i++) fn()
    const ms: number[] = []
    for (let i = 0; i < n; i++) {
      const t0 = performance.now()
      fn()
      ms.push(performance.now() - t0)
    }
    return ms
  }
  const scoreOnly = time(() => scoreOne(model, input))
  const withAudit = time(() => wb.scoreApplicant(input, 'http', Number(modelId)))
  const shap = timeExactShap(model.ensemble, Math.min(30, n))
  wb.close()
  return { scoreOne: scoreOnly, scoreApplicant: withAudit, shap }
})

/**
 * Milliseconds per feature vector of the three exact TreeSHAP paths, interleaved so that
 * machine load hits them alike. The vectors are made of the model's own split points (each
 * feature at a threshold of a random split on it, seeded), so every tree is walked as an
 * applicant's would be, without depending on the preprocessing code.
 */
function timeExactShap(
  forest: TreeEnsemble,
  calls: number
): { algorithm2: number[]; prepared: number[]; perCall: number[]; maxRelativeGap: number } {
  const { trees, numFeatures } = forest
  const rng = new Rng(4)
  const vectors = Array.from({ length: calls + 2 }, () => splitPointVector(forest, rng))
  const prepared = prepareForestShap(forest)
  const algorithm2 = (x: Float64Array): Float64Array => {
    const phi = new Float64Array(numFeatures)
    for (const tree of trees) treeShap(tree, x, numFeatures, phi)
    for (let i = 0; i < numFeatures; i++) phi[i] /= trees.length
    return phi
  }
  const out = {
    algorithm2: [] as number[],
    prepared: [] as number[],
    perCall: [] as number[],
    maxRelativeGap: 0
  }
  vectors.forEach((x, i) => {
    let t0 = performance.now()
    const before = algorithm2(x)
    const a = performance.now() - t0
    t0 = performance.now()
    const after = forestShapPrepared(prepared, x).phi
    const b = performance.now() - t0
    t0 = performance.now()
    forestShap(trees, x, numFeatures)
    const c = performance.now() - t0
    let gap = 0
    let scale = 0
    for (let f = 0; f < numFeatures; f++) {
      gap = Math.max(gap, Math.abs(after[f] - before[f]))
      scale = Math.max(scale, Math.abs(before[f]))
    }
    out.maxRelativeGap = Math.max(out.maxRelativeGap, scale > 0 ? gap / scale : gap)
    // The first two calls warm up the JIT and are not counted.
    if (i < 2) return
    out.algorithm2.push(a)
    out.prepared.push(b)
    out.perCall.push(c)
  })
  return out
}

function splitPointVector(forest: TreeEnsemble, rng: Rng): Float64Array {
  const x = new Float64Array(forest.numFeatures).fill(NaN)
  for (let f = 0; f < x.length; f++) {
    for (let tries = 0; tries < 200; tries++) {
      const tree = forest.trees[rng.int(forest.trees.length)]
      const node = rng.int(tree.feature.length)
      if (tree.feature[node] !== f) continue
      x[f] = tree.threshold[node] + (rng.next() < 0.5 ? 0 : 1e-9)
      break
    }
  }
  return x
}
