import type { TreeEnsemble } from '../../src/main/core/model/TreeEnsemble'
import { Rng } from '../../src/main/core/base/random'
import { forestShapPrepared, prepareForestShap } from '../../src/main/core/scoring/linearTreeShap'
import { scoreDecisionOnly, scoreOne } from '../../src/main/core/scoring/scoreOne'
import { ShapForest } from '../../src/main/core/scoring/ShapForest'
import { openWorkbench, step } from './step'

/**
 * single DB MODEL_ID COUNT BODY_JSON: the /predict work without HTTP, in one process:
 * scoreOne alone (validation, forest, calibration, exact TreeSHAP reasons), the same without
 * reasons (scoreDecisionOnly) and Workbench.scoreApplicant (scoreOne plus the audit record).
 * Milliseconds per call. Then exact TreeSHAP alone, two ways interleaved call by call on
 * the same vectors: Linear TreeShap in TypeScript on a forest prepared once (the app's
 * kernel before WebAssembly) and the WebAssembly kernel (ShapForest), with how many of
 * their contributions differ in any bit.
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
  const decisionOnly = time(() => scoreDecisionOnly(model, input))
  const withAudit = time(() => wb.scoreApplicant(input, 'http', Number(modelId)))
  const shap = timeExactShap(model.ensemble, Math.min(30, n))
  wb.close()
  return { scoreOne: scoreOnly, scoreDecisionOnly: decisionOnly, scoreApplicant: withAudit, shap }
})

/**
 * Milliseconds per feature vector of the two exact TreeSHAP kernels, interleaved so that
 * machine load hits them alike. The vectors are made of the model's own split points (each
 * feature at a threshold of a random split on it, seeded), so every tree is walked as an
 * applicant's would be, without depending on the preprocessing code.
 */
function timeExactShap(
  forest: TreeEnsemble,
  calls: number
): { typescript: number[]; wasm: number[]; differingBits: number; compared: number } {
  const rng = new Rng(4)
  const vectors = Array.from({ length: calls + 2 }, () => splitPointVector(forest, rng))
  const prepared = prepareForestShap(forest)
  const wasm = ShapForest.compile(forest, prepared)
  const out = { typescript: [] as number[], wasm: [] as number[], differingBits: 0, compared: 0 }
  vectors.forEach((x, i) => {
    let t0 = performance.now()
    const ts = forestShapPrepared(prepared, x).phi
    const a = performance.now() - t0
    t0 = performance.now()
    const compiled = wasm.explain(x).phi
    const b = performance.now() - t0
    for (let f = 0; f < ts.length; f++) if (!Object.is(ts[f], compiled[f])) out.differingBits++
    out.compared += ts.length
    // The first two calls warm up the JIT and are not counted.
    if (i < 2) return
    out.typescript.push(a)
    out.wasm.push(b)
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
