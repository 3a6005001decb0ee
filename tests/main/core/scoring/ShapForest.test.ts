import { describe, expect, it } from 'vitest'
import { Worker } from 'node:worker_threads'
import { Rng } from '../../../../src/main/core/base/random'
import type { EnsembleCombine } from '../../../../src/main/core/model/TreeEnsemble'
import { linkScore, predictEnsembleVector } from '../../../../src/main/core/model/TreeEnsemble'
import { forestShapPrepared, prepareForestShap } from '../../../../src/main/core/scoring/linearTreeShap'
import { MAX_SLOTS, ShapForest } from '../../../../src/main/core/scoring/ShapForest'
import {
  algorithm2Forest,
  bruteForceShap,
  finishTree,
  leaf,
  predict,
  randomTree,
  randomVector,
  relativeGap,
  split,
  sum,
  trainedNoisyForest
} from '../../../helpers/shapTrees'

const FOREST: EnsembleCombine = { aggregate: 'mean', bias: 0, link: 'identity' }

/** True when every element is the same double (NaN equal to NaN, −0 apart from +0). */
function sameBits(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false
  return true
}

const trainedForest = trainedNoisyForest

describe('ShapForest (exact TreeSHAP in WebAssembly)', () => {
  it('gives a single split the gap between the reached leaf and the root, as worked by hand', () => {
    // Root value (3 · 0.2 + 1 · 0.6) / 4 = 0.3; x = 0.1 goes left to 0.2, so phi_0 = 0.2 − 0.3.
    const tree = finishTree([split(0, 0.5, 1, 2), leaf(0.2, 3), leaf(0.6, 1)])
    const shap = ShapForest.compile({ trees: [tree], numFeatures: 2, combine: FOREST })
    const { base, phi } = shap.explain([0.1, 0.9])
    expect(base).toBeCloseTo(0.3, 15)
    expect(phi[0]).toBeCloseTo(-0.1, 15)
    expect(phi[1]).toBe(0)
    expect(shap.margin([0.1, 0.9])).toBe(0.2)
    expect(shap.margin([NaN, 0.9])).toBe(0.6) // missing goes right: missingLeft is 0
  })

  it('equals brute-force Shapley values on random small trees, repeats and missing values included', () => {
    const rng = new Rng(21)
    for (let k = 0; k < 40; k++) {
      const numFeatures = 2 + rng.int(4)
      const tree = randomTree(rng, numFeatures, 2 + rng.int(5), 0.3)
      const shap = ShapForest.compile({ trees: [tree], numFeatures, combine: FOREST })
      const x = randomVector(rng, numFeatures, 0.2)
      const { base, phi } = shap.explain(x)
      expect(relativeGap(phi, bruteForceShap(tree, x, numFeatures))).toBeLessThan(1e-12)
      expect(base + sum(phi)).toBeCloseTo(predict(tree, x), 12)
    }
  })

  it('equals the TypeScript Linear TreeShap bit for bit and Algorithm 2 within 1e-9 on a trained depth-15 forest', async () => {
    const { forest, rng, numFeatures } = await trainedForest()
    const prepared = prepareForestShap(forest)
    expect(prepared.maxDepth).toBeGreaterThanOrEqual(12)
    const shap = ShapForest.compile(forest, prepared)
    for (let k = 0; k < 20; k++) {
      const x = Float64Array.from({ length: numFeatures }, () =>
        rng.next() < 0.1 ? NaN : rng.next() * 2 - 1
      )
      const wasm = shap.explain(x)
      const ts = forestShapPrepared(prepared, x)
      expect(sameBits(wasm.phi, ts.phi)).toBe(true)
      expect(wasm.base).toBe(ts.base)
      expect(relativeGap(wasm.phi, algorithm2Forest(forest.trees, x, numFeatures))).toBeLessThan(1e-9)
      // The walk: the forest's probability bit for bit, and the mean of the leaves reached.
      expect(shap.margin(x)).toBe(predictEnsembleVector(forest, x))
      const mean = forest.trees.reduce((s, t) => s + predict(t, x), 0) / forest.trees.length
      expect(shap.margin(x)).toBeCloseTo(mean, 14)
    }
  })

  it('sums boosted trees with their bias (a log-odds margin), as worked by hand', () => {
    const a = finishTree([split(0, 0, 1, 2), leaf(-1, 1), leaf(1, 1)])
    const b = finishTree([split(1, 0, 1, 2, true), leaf(0.5, 3), leaf(-0.5, 1)])
    const combine: EnsembleCombine = { aggregate: 'sum', bias: 0.25, link: 'logistic' }
    const shap = ShapForest.compile({ trees: [a, b], numFeatures: 2, combine })
    // Tree a: root 0, x0 = 1 goes right (+1): phi_0 = 1. Tree b: root (1.5 − 0.5) / 4 = 0.25,
    // x1 missing goes left (0.5): phi_1 = 0.25. Base = 0 + 0.25 + bias 0.25 = 0.5.
    const x = [1, NaN]
    const { base, phi } = shap.explain(x)
    expect(base).toBe(0.5)
    expect(phi[0]).toBeCloseTo(1, 15)
    expect(phi[1]).toBeCloseTo(0.25, 15)
    expect(shap.margin(x)).toBe(1.75)
    expect(linkScore('logistic', shap.margin(x))).toBe(
      predictEnsembleVector(
        { trees: [a, b], numFeatures: 2, combine, featureImportance: new Float64Array(2) },
        x
      )
    )
  })

  it('gives every attached slot the same values, calls interleaved', () => {
    const rng = new Rng(4)
    const numFeatures = 6
    const trees = Array.from({ length: 8 }, () => randomTree(rng, numFeatures, 9, 0.2))
    const own = ShapForest.compile({ trees, numFeatures, combine: FOREST })
    const other = ShapForest.attach(own.handle(), MAX_SLOTS - 1)
    for (let k = 0; k < 10; k++) {
      const x = randomVector(rng, numFeatures, 0.1)
      const y = randomVector(rng, numFeatures, 0.1)
      const fromOther = other.explain(y)
      const fromOwn = own.explain(x)
      expect(sameBits(fromOwn.phi, own.explain(x).phi)).toBe(true)
      expect(sameBits(fromOther.phi, own.explain(y).phi)).toBe(true)
    }
  })

  it('gives a worker thread attached to the shared trees the same values, without copying them', async () => {
    const rng = new Rng(9)
    const numFeatures = 5
    const trees = Array.from({ length: 6 }, () => randomTree(rng, numFeatures, 8, 0.2))
    const shap = ShapForest.compile({ trees, numFeatures, combine: FOREST })
    const x = randomVector(rng, numFeatures, 0.1)
    const source = new URL('../../../../src/main/core/scoring/ShapForest.ts', import.meta.url).pathname
    const worker = new Worker(
      `require('tsx/cjs/api').register()
       const { ShapForest } = require(${JSON.stringify(source)})
       const { parentPort, workerData } = require('node:worker_threads')
       const forest = ShapForest.attach(workerData.handle, 3)
       parentPort.postMessage({ phi: forest.explain(workerData.x).phi, shared: workerData.handle.memory.buffer instanceof SharedArrayBuffer })`,
      { eval: true, workerData: { handle: shap.handle(), x } }
    )
    const reply = await new Promise<{ phi: Float64Array; shared: boolean }>((resolve, reject) => {
      worker.once('message', resolve)
      worker.once('error', reject)
    })
    await worker.terminate()
    expect(reply.shared).toBe(true)
    expect(sameBits(reply.phi, shap.explain(x).phi)).toBe(true)
  })

  it('refuses a feature vector that is too short, a slot that does not exist and a malformed tree', () => {
    const tree = finishTree([split(1, 0.5, 1, 2), leaf(0.2, 3), leaf(0.6, 1)])
    const shap = ShapForest.compile({ trees: [tree], numFeatures: 2, combine: FOREST })
    expect(() => shap.explain([0.1])).toThrow(/has 1 values but the model has 2/)
    expect(() => ShapForest.attach(shap.handle(), MAX_SLOTS)).toThrow(/slot 17 does not exist/)
    const bad = finishTree([split(1, 0.5, 1, 2), leaf(0.2, 3), leaf(0.6, 1)])
    bad.right[0] = 9
    expect(() => ShapForest.compile({ trees: [bad], numFeatures: 2, combine: FOREST })).toThrow(
      /child index 9 is outside the tree's 3 nodes/
    )
  })
})
