import { describe, expect, it } from 'vitest'
import { Rng } from '../../../../../src/main/core/base/random'
import { MAX_SUBTREE_COPIES, setSplitCopies } from '../../../../../src/main/core/ml/gbm/splitSearch'
import { trainGbm } from '../../../../../src/main/core/ml/gbm/trainGbm'
import { trainGbmInWorker } from '../../../../../src/main/core/ml/gbm/trainGbmInWorker'
import { evaluateBinary } from '../../../../../src/main/core/ml/metrics'
import { deserializeEnsemble, serializeEnsemble } from '../../../../../src/main/core/model/ensembleFormat'
import { leafIndexOfVector } from '../../../../../src/main/core/model/FlatTree'
import {
  ensembleMargins,
  expectedMargin,
  predictEnsemble,
  predictEnsembleVector
} from '../../../../../src/main/core/model/TreeEnsemble'
import { CompiledForest } from '../../../../../src/main/core/scoring/CompiledForest'
import { forestShapPrepared, prepareForestShap } from '../../../../../src/main/core/scoring/linearTreeShap'
import { plainGbmOptions as plain } from './plainGbmOptions'

/** Column-major random data with a non-linear signal, some NaN and one categorical column (codes 0..9). */
function makeData(
  rows: number,
  seed: number
): { columns: Float64Array[]; y: Uint8Array; categorical: Uint8Array } {
  const rng = new Rng(seed)
  const columns = Array.from({ length: 5 }, () => new Float64Array(rows))
  const y = new Uint8Array(rows)
  const levelRisk = [0.8, -0.5, 0.1, 1.2, -1, 0.4, -0.2, 0.9, -0.7, 0]
  for (let r = 0; r < rows; r++) {
    for (let f = 0; f < 4; f++) columns[f][r] = rng.normal()
    if (rng.next() < 0.15) columns[2][r] = NaN
    columns[4][r] = rng.int(10)
    const x2 = columns[2][r]
    const score =
      columns[0][r] +
      0.8 * columns[1][r] * columns[3][r] +
      (x2 === x2 ? 0.5 * x2 : 1) +
      levelRisk[columns[4][r]] -
      1
    y[r] = rng.next() < 1 / (1 + Math.exp(-score)) ? 1 : 0
  }
  const categorical = Uint8Array.from([0, 0, 0, 0, 1])
  return { columns, y, categorical }
}

describe('trainGbm', () => {
  it('reproduces a hand-computed two-round model of depth-1 trees', async () => {
    // x = 1..6, y = 0 1 0 1 1 1, λ = 1, η = 0.5, one feature, so each value is its own bin
    // and the thresholds are the midpoints 1.5 .. 5.5.
    //
    // Bias: ln(4 / 2) = 0.693147; every p = 2/3.
    // Round 1: g = p − y = 2/3 for y = 0, −1/3 for y = 1; h = p(1 − p) = 2/9 each.
    //   G = 0, H = 4/3. Gains GL²/(HL+1) + GR²/(HR+1) − 0 after k rows:
    //   k=1 0.574163, k=2 0.135747, k=3 1.2 (GL = 1, HL = 2/3), k=4 0.542986, k=5 0.143541
    //   → threshold 3.5; leaves −0.5·1/(2/3 + 1) = −0.3 and −0.5·(−1)/(5/3) = +0.3.
    //   Margins: 0.393147 for x ≤ 3, 0.993147 above.
    // Round 2: p = 0.597040 (x ≤ 3), 0.729709 (x > 3);
    //   g = 0.597040, −0.402960, 0.597040, −0.270291 ×3; h = 0.240583 ×3, 0.197234 ×3.
    //   G = −0.019752, H = 1.313451. Gains: k=1 0.470691, k=2 0.050217, k=3 0.776429
    //   (GL = 0.791120, HL = 0.721750), k=4 0.350752, k=5 0.090514
    //   → threshold 3.5 again; leaves −0.5·0.791120/1.721750 = −0.229743 and
    //   −0.5·(−0.810872)/1.591701 = +0.254719.
    // Final margins: 0.163404 (x ≤ 3) and 1.247866 (x > 3).
    const x = Float64Array.from([1, 2, 3, 4, 5, 6])
    const y = Uint8Array.from([0, 1, 0, 1, 1, 1])
    const { ensemble, roundsRun, roundsKept, validationLoss } = await trainGbm([x], y, plain(1))
    expect([roundsRun, roundsKept, validationLoss]).toEqual([2, 2, null])
    expect(ensemble.combine).toEqual({ aggregate: 'sum', bias: Math.log(2), link: 'logistic' })
    const [t1, t2] = ensemble.trees
    for (const t of [t1, t2]) {
      expect(Array.from(t.feature)).toEqual([0, -1, -1])
      expect(t.threshold[0]).toBe(3.5)
    }
    expect(t1.value[1]).toBeCloseTo(-0.3, 12)
    expect(t1.value[2]).toBeCloseTo(0.3, 12)
    expect(t2.value[1]).toBeCloseTo(-0.229743, 6)
    expect(t2.value[2]).toBeCloseTo(0.254719, 6)
    // Covers are hessian sums: 4/3 = 2/3 + 2/3 in round 1; the root value is their weighted mean.
    expect(Array.from(t1.cover)).toEqual([
      expect.closeTo(4 / 3, 12),
      expect.closeTo(2 / 3, 12),
      expect.closeTo(2 / 3, 12)
    ])
    expect(t1.value[0]).toBeCloseTo(0, 12)
    expect(t2.cover[0]).toBeCloseTo(1.313451, 6)
    expect(t2.cover[1]).toBeCloseTo(0.72175, 5)
    const margins = ensembleMargins(ensemble, [x], 6)
    for (let r = 0; r < 3; r++) expect(margins[r]).toBeCloseTo(0.163404, 6)
    for (let r = 3; r < 6; r++) expect(margins[r]).toBeCloseTo(1.247866, 6)
    expect(predictEnsemble(ensemble, [x], 6)[5]).toBeCloseTo(1 / (1 + Math.exp(-1.247866)), 6)
  })

  it('gives the same bytes for the same seed and other trees for another seed', async () => {
    const { columns, y, categorical } = makeData(3000, 3)
    const options = plain(5, {
      rounds: 30,
      maxDepth: 4,
      maxLeaves: 12,
      subsample: 0.7,
      colsample: 0.6,
      seed: 9,
      categorical
    })
    const a = await trainGbm(columns, y, options)
    const b = await trainGbm(columns, y, options)
    const c = await trainGbm(columns, y, { ...options, seed: 10 })
    expect(serializeEnsemble(b.ensemble).equals(serializeEnsemble(a.ensemble))).toBe(true)
    expect(serializeEnsemble(c.ensemble).equals(serializeEnsemble(a.ensemble))).toBe(false)
  })

  it('learns the side of missing values from the rows that have them', async () => {
    // x = 1..10 repeated; defaults for x ≥ 8. Missing x: in `high`, the rows default (NaN
    // belongs with the high values, to the right); in `low`, they repay (to the left).
    const rows = 400
    const make = (missingDefault: 0 | 1): { x: Float64Array; y: Uint8Array } => {
      const x = new Float64Array(rows)
      const y = new Uint8Array(rows)
      for (let r = 0; r < rows; r++) {
        if (r % 5 === 0) {
          x[r] = NaN
          y[r] = missingDefault
        } else {
          x[r] = 1 + (r % 10)
          y[r] = x[r] >= 8 ? 1 : 0
        }
      }
      return { x, y }
    }
    for (const missingDefault of [1, 0] as const) {
      const { x, y } = make(missingDefault)
      const { ensemble } = await trainGbm([x], y, plain(1, { rounds: 1 }))
      const tree = ensemble.trees[0]
      expect(tree.threshold[0]).toBe(7.5)
      expect(tree.missingLeft[0]).toBe(missingDefault === 1 ? 0 : 1)
      const pNaN = predictEnsembleVector(ensemble, [NaN])
      const pHigh = predictEnsembleVector(ensemble, [9])
      const pLow = predictEnsembleVector(ensemble, [2])
      expect(pNaN).toBe(missingDefault === 1 ? pHigh : pLow)
    }
  })

  it('sends NaN to the child with the larger hessian sum when the node had no missing values', async () => {
    // 300 rows at x ≤ 3 (all repaid), 100 rows above (all defaulted): the left child holds
    // three times the rows and, at the first round's common p, three times the hessian.
    const x = Float64Array.from({ length: 400 }, (_, r) => (r < 300 ? 1 + (r % 3) : 4 + (r % 3)))
    const y = Uint8Array.from({ length: 400 }, (_, r) => (r < 300 ? 0 : 1))
    const { ensemble } = await trainGbm([x], y, plain(1, { rounds: 1 }))
    expect(ensemble.trees[0].threshold[0]).toBe(3.5)
    expect(ensemble.trees[0].missingLeft[0]).toBe(1)
  })

  it('splits a category on a set of levels that no threshold on the level codes can separate', async () => {
    // Eight levels, 200 rows each; levels 1, 4 and 6 default, the others repay. A threshold
    // on the codes cannot isolate {1, 4, 6}; LightGBM's gradient-sorted set split can.
    const rows = 1600
    const code = Float64Array.from({ length: rows }, (_, r) => r % 8)
    const y = Uint8Array.from(code, (c) => ([1, 4, 6].includes(c) ? 1 : 0))
    const asCategory = await trainGbm([code], y, plain(1, { rounds: 1, categorical: Uint8Array.of(1) }))
    const asNumber = await trainGbm([code], y, plain(1, { rounds: 1 }))
    const margin = (model: typeof asCategory, c: number): number =>
      ensembleMargins(model.ensemble, [[c]], 1)[0]
    const risky = [1, 4, 6].map((c) => margin(asCategory, c))
    const safe = [0, 2, 3, 5, 7].map((c) => margin(asCategory, c))
    // One split, two leaf values: every risky level above every safe one.
    expect(new Set([...risky, ...safe]).size).toBe(2)
    expect(Math.min(...risky)).toBeGreaterThan(Math.max(...safe))
    // The same tree as a threshold: some safe level shares a leaf with a risky one.
    const numeric = [0, 1, 2, 3, 4, 5, 6, 7].map((c) => margin(asNumber, c))
    const riskyNumeric = [1, 4, 6].map((c) => numeric[c])
    const safeNumeric = [0, 2, 3, 5, 7].map((c) => numeric[c])
    expect(Math.min(...riskyNumeric)).toBeLessThanOrEqual(Math.max(...safeNumeric))
    // The set split was emitted as threshold tests on the code: runs {0} {1} {2,3} {4} {5} {6} {7}.
    const tree = asCategory.ensemble.trees[0]
    expect(Array.from(tree.feature).filter((f) => f === 0).length).toBe(6)
    // AUC 1 for the set split on the training rows.
    expect(evaluateBinary(y, predictEnsemble(asCategory.ensemble, [code], rows), 0.5).auc).toBe(1)
  })

  it('counts the copies a set split makes of each child: one per run of categories with rows, one more for NaN alone', () => {
    const out = new Int32Array(2)
    // Bins 0..5 go L R (no rows) L L R; NaN has rows and goes left, where runs exist.
    const hess = Float64Array.from([1, 1, 0, 2, 1, 1, 0.5])
    setSplitCopies(Uint8Array.from([1, 0, 0, 1, 1, 0, 1]), hess, 0, 1, 6, out)
    // Runs over the bins with rows: {0} L, {1, (2)} R, {3, 4} L, {5} R.
    expect(Array.from(out)).toEqual([2, 2])
    // Every value right, NaN left: one run right, and NaN's own path to the left child.
    setSplitCopies(Uint8Array.from([0, 0, 0, 0, 0, 0, 1]), hess, 0, 1, 6, out)
    expect(Array.from(out)).toEqual([1, 1])
  })

  it('keeps emitted trees bounded when set splits on many-level categories nest', async () => {
    // Two 200-level categories whose risks interact: unguarded, nested set splits of ~30
    // scattered categories copied subtrees into millions of nodes per tree.
    const n = 20000
    const rng = new Rng(3)
    const a = Float64Array.from({ length: n }, () => rng.int(200))
    const b = Float64Array.from({ length: n }, () => rng.int(200))
    const riskA = Array.from({ length: 200 }, () => rng.normal())
    const riskB = Array.from({ length: 200 }, () => rng.normal())
    const y = Uint8Array.from({ length: n }, (_, r) => {
      const z = 2 * riskA[a[r]] * riskB[b[r]] + riskA[a[r]] + riskB[b[r]]
      return rng.next() < 1 / (1 + Math.exp(-z)) ? 1 : 0
    })
    const options = plain(2, {
      rounds: 2,
      learningRate: 0.1,
      maxDepth: 4,
      maxLeaves: 16,
      categorical: Uint8Array.of(1, 1)
    })
    const { ensemble } = await trainGbm([a, b], y, options)
    for (const tree of ensemble.trees) {
      const leaves = Array.from(tree.feature).filter((f) => f < 0).length
      // At most 16 grown leaves, each copied at most 256 times...
      expect(MAX_SUBTREE_COPIES).toBe(256)
      expect(leaves).toBeLessThanOrEqual(16 * 256)
      // ...and the set splits are there (a threshold tree of 16 leaves has 31 nodes).
      expect(tree.feature.length).toBeGreaterThan(200)
    }
    expect(evaluateBinary(y, predictEnsemble(ensemble, [a, b], n), 0.5).auc).toBeGreaterThan(0.6)
  })

  it('stops early at the best validation round and keeps exactly the trees up to it', async () => {
    const train = makeData(2000, 5)
    const valid = makeData(1000, 6)
    const options = plain(5, {
      rounds: 400,
      learningRate: 0.3,
      maxDepth: 4,
      maxLeaves: 16,
      earlyStoppingRounds: 10,
      categorical: train.categorical
    })
    const model = await trainGbm(train.columns, train.y, options, {
      columns: valid.columns,
      y: valid.y,
      marginOffset: 0
    })
    const loss = model.validationLoss as Float64Array
    expect(model.roundsRun).toBeLessThan(400)
    expect(model.roundsRun - model.roundsKept).toBe(10)
    expect(model.ensemble.trees.length).toBe(model.roundsKept)
    // The kept round is the first minimum, and the model's own log-loss there is that value.
    const best = loss.indexOf(Math.min(...loss))
    expect(best + 1).toBe(model.roundsKept)
    const p = predictEnsemble(model.ensemble, valid.columns, valid.y.length)
    let own = 0
    for (let r = 0; r < p.length; r++) own -= valid.y[r] === 1 ? Math.log(p[r]) : Math.log(1 - p[r])
    expect(own / p.length).toBeCloseTo(loss[best], 10)
    // Without validation rows, every round is kept.
    const all = await trainGbm(train.columns, train.y, { ...options, rounds: 25 })
    expect([all.roundsRun, all.roundsKept, all.ensemble.trees.length]).toEqual([25, 25, 25])
  })

  it('learns a held-out signal about as well as a logistic model knows it is there', async () => {
    const train = makeData(6000, 7)
    const test = makeData(3000, 8)
    const model = await trainGbm(
      train.columns,
      train.y,
      plain(5, {
        rounds: 200,
        learningRate: 0.1,
        maxDepth: 3,
        maxLeaves: 8,
        subsample: 0.8,
        colsample: 0.8,
        categorical: train.categorical
      })
    )
    const auc = evaluateBinary(test.y, predictEnsemble(model.ensemble, test.columns, test.y.length), 0.5).auc
    // The generating probabilities themselves score about 0.80 on these rows.
    expect(auc).toBeGreaterThan(0.76)
  })

  describe('its model', () => {
    const data = makeData(2500, 11)
    const modelOf = trainGbm(
      data.columns,
      data.y,
      plain(5, {
        rounds: 40,
        maxDepth: 4,
        maxLeaves: 12,
        subsample: 0.8,
        colsample: 0.8,
        categorical: data.categorical
      })
    )
    const rowsOf = (n: number): number[][] =>
      Array.from({ length: n }, (_, r) => data.columns.map((c) => c[r]))

    it("has exact TreeSHAP values that sum to each row's margin", async () => {
      const { ensemble } = await modelOf
      const prepared = prepareForestShap(ensemble)
      expect(prepared.base).toBeCloseTo(expectedMargin(ensemble), 12)
      const margins = ensembleMargins(ensemble, data.columns, 200)
      for (const [r, x] of rowsOf(200).entries()) {
        const { base, phi } = forestShapPrepared(prepared, x)
        expect(base + phi.reduce((a, b) => a + b, 0)).toBeCloseTo(margins[r], 10)
      }
    })

    it('round-trips through the stored format with the same bytes and predictions', async () => {
      const { ensemble } = await modelOf
      const bytes = serializeEnsemble(ensemble)
      const loaded = deserializeEnsemble(bytes)
      expect(serializeEnsemble(loaded).equals(bytes)).toBe(true)
      expect(loaded.combine).toEqual(ensemble.combine)
      const n = data.y.length
      expect(Array.from(predictEnsemble(loaded, data.columns, n))).toEqual(
        Array.from(predictEnsemble(ensemble, data.columns, n))
      )
    })

    it('scores in the compiled batch walk exactly as the ensemble predicts', async () => {
      const { ensemble } = await modelOf
      const n = data.y.length
      const compiled = CompiledForest.compile(ensemble)
      const { raw } = compiled.predict(data.columns, n, false)
      // The same leaf values summed in the same tree order, plus the same bias: bit for bit.
      expect(Array.from(raw)).toEqual(Array.from(ensembleMargins(ensemble, data.columns, n)))
      // Rows with missing values reach the leaves raw-value prediction reaches.
      const withNaN = rowsOf(n).findIndex((x) => x.some(Number.isNaN))
      expect(withNaN).toBeGreaterThanOrEqual(0)
      const x = rowsOf(n)[withNaN]
      let sum = 0
      for (const t of ensemble.trees) sum += t.value[leafIndexOfVector(t, x)]
      expect(raw[withNaN]).toBe(sum + ensemble.combine.bias)
    })
  })

  it('gives the same model on a worker thread as inline, and stops the worker when cancelled', async () => {
    const { columns, y, categorical } = makeData(2000, 13)
    const options = plain(5, {
      rounds: 30,
      maxDepth: 3,
      maxLeaves: 8,
      subsample: 0.8,
      colsample: 0.8,
      categorical
    })
    const inline = await trainGbm(columns, y, options)
    let rounds = 0
    const threaded = await trainGbmInWorker(columns, y, options, null, { onProgress: () => rounds++ })
    expect(serializeEnsemble(threaded.ensemble).equals(serializeEnsemble(inline.ensemble))).toBe(true)
    expect(rounds).toBe(30)
    const controller = new AbortController()
    const cancelled = trainGbmInWorker(columns, y, { ...options, rounds: 100_000 }, null, {
      signal: controller.signal,
      onProgress: (done) => {
        if (done === 5) controller.abort()
      }
    })
    await expect(cancelled).rejects.toMatchObject({ name: 'AbortError' })
  })

  it('rejects invalid settings and single-class labels with messages naming the problem', async () => {
    const x = [Float64Array.from([1, 2, 3, 4])]
    const y = Uint8Array.from([0, 1, 0, 1])
    await expect(trainGbm(x, y, plain(1, { rounds: 0 }))).rejects.toThrow(
      /rounds must be a whole number >= 1, got 0/
    )
    await expect(trainGbm(x, y, plain(1, { subsample: 0 }))).rejects.toThrow(/subsample must be in \(0, 1\]/)
    await expect(trainGbm(x, y, plain(1, { maxLeaves: 1 }))).rejects.toThrow(
      /maxLeaves must be a whole number >= 2/
    )
    await expect(trainGbm(x, Uint8Array.from([1, 1, 1, 1]), plain(1))).rejects.toThrow(/both classes/)
    await expect(trainGbm(x, y, plain(2))).rejects.toThrow(
      /categorical flags for 2 features, but there are 1/
    )
  })
})
