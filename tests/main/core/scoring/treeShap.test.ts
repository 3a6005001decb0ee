import { describe, expect, it } from 'vitest'
import { Rng } from '../../../../src/main/core/base/random'
import { forestShapPrepared, prepareForestShap } from '../../../../src/main/core/scoring/linearTreeShap'
import {
  expectedValue,
  forestShap,
  pathAttribution,
  treeShap
} from '../../../../src/main/core/scoring/treeShap'
import {
  algorithm2Forest,
  bruteForceShap,
  chainTree,
  type DraftNode,
  finishTree,
  hasRepeatedFeatureOnPath,
  leaf,
  pathMeetsNaN,
  predict,
  randomTree,
  randomVector,
  relativeGap,
  split,
  sum,
  trainedNoisyForest
} from '../../../helpers/shapTrees'

describe('treeShap', () => {
  it('gives a single split the whole gap between the reached leaf and the root value', () => {
    // root 0.3 = (3 * 0.2 + 1 * 0.6) / 4; x goes left to 0.2.
    const tree = finishTree([split(0, 0.5, 1, 2), leaf(0.2, 3), leaf(0.6, 1)])
    const phi = new Float64Array(2)
    treeShap(tree, [0.1, 0.9], 2, phi)
    expect(expectedValue(tree)).toBeCloseTo(0.3, 12)
    expect(phi[0]).toBeCloseTo(-0.1, 12)
    expect(phi[1]).toBe(0)
  })

  it('adds to phi instead of overwriting it', () => {
    const tree = finishTree([split(0, 0.5, 1, 2), leaf(0.2, 3), leaf(0.6, 1)])
    const phi = Float64Array.from([1, 2])
    treeShap(tree, [0.1, 0.9], 2, phi)
    expect(phi[0]).toBeCloseTo(0.9, 12)
    expect(phi[1]).toBe(2)
  })

  it('sums to prediction minus base on random trees, with and without missing values', () => {
    const rng = new Rng(20240611)
    for (let t = 0; t < 40; t++) {
      const numFeatures = 3 + rng.int(8)
      const tree = randomTree(rng, numFeatures, 2 + rng.int(9), 0.25)
      for (let k = 0; k < 5; k++) {
        const x = randomVector(rng, numFeatures, 0.2)
        const phi = new Float64Array(numFeatures)
        treeShap(tree, x, numFeatures, phi)
        expect(Math.abs(sum(phi) - (predict(tree, x) - expectedValue(tree)))).toBeLessThan(1e-9)
      }
    }
  })

  it('sums to prediction minus base on a 60-deep chain that reuses few features', () => {
    const nodes: DraftNode[] = []
    const rng = new Rng(99)
    for (let level = 0; level < 60; level++) {
      // Node 2k splits; its left child 2k+1 is a leaf, its right child 2k+2 continues.
      nodes.push(split(level % 3, rng.next(), nodes.length + 1, nodes.length + 2, level % 2 === 0))
      nodes.push(leaf(rng.next(), 1 + rng.int(10)))
    }
    nodes.push(leaf(rng.next(), 5))
    const tree = finishTree(nodes)
    for (let k = 0; k < 20; k++) {
      const x = randomVector(rng, 4, 0.2)
      const phi = new Float64Array(4)
      treeShap(tree, x, 4, phi)
      expect(Math.abs(sum(phi) - (predict(tree, x) - expectedValue(tree)))).toBeLessThan(1e-9)
      expect(phi[3]).toBe(0)
    }
  })

  it('equals brute-force Shapley values of the cover-weighted conditional expectation', () => {
    const rng = new Rng(7)
    let repeatedSeen = 0
    let nanSeen = 0
    for (let t = 0; t < 12; t++) {
      const numFeatures = 4 + rng.int(2)
      const tree = randomTree(rng, numFeatures, 4, 0.15)
      if (hasRepeatedFeatureOnPath(tree)) repeatedSeen++
      for (let k = 0; k < 4; k++) {
        const x = randomVector(rng, numFeatures, k % 2 === 1 ? 0.4 : 0)
        if (pathMeetsNaN(tree, x)) nanSeen++
        const phi = new Float64Array(numFeatures)
        treeShap(tree, x, numFeatures, phi)
        const expected = bruteForceShap(tree, x, numFeatures)
        for (let i = 0; i < numFeatures; i++) expect(Math.abs(phi[i] - expected[i])).toBeLessThan(1e-12)
      }
    }
    // The random cases must actually exercise the unwind step and the missing direction.
    expect(repeatedSeen).toBeGreaterThanOrEqual(3)
    expect(nanSeen).toBeGreaterThanOrEqual(3)
  })

  it('matches brute force when one path splits a feature twice and x is missing there', () => {
    // Path root(f0) -> node 2 (f1) -> node 4 (f0 again) -> leaves; f0 is NaN in x.
    const tree = finishTree([
      split(0, 0.5, 1, 2, false),
      leaf(0.1, 7),
      split(1, 0.4, 3, 4, true),
      leaf(0.8, 2),
      split(0, 0.8, 5, 6, true),
      leaf(0.35, 4),
      split(2, 0.3, 7, 8),
      leaf(0.9, 3),
      leaf(0.05, 6)
    ])
    expect(hasRepeatedFeatureOnPath(tree)).toBe(true)
    for (const x of [
      [NaN, 0.7, 0.1, 0.5],
      [0.9, 0.7, 0.6, NaN],
      [0.6, NaN, 0.2, 0.1],
      [0.2, 0.1, 0.9, 0.3]
    ]) {
      const phi = new Float64Array(4)
      treeShap(tree, x, 4, phi)
      const expected = bruteForceShap(tree, x, 4)
      for (let i = 0; i < 4; i++) expect(Math.abs(phi[i] - expected[i])).toBeLessThan(1e-12)
      expect(phi[3]).toBe(0)
    }
  })

  it('gives exactly zero to features no split uses', () => {
    const rng = new Rng(31)
    for (let t = 0; t < 10; t++) {
      // Splits use features 0..2 only; the model has 6.
      const tree = randomTree(rng, 3, 5, 0.2)
      const phi = new Float64Array(6)
      treeShap(tree, randomVector(rng, 6, 0.2), 6, phi)
      expect(Array.from(phi.subarray(3))).toEqual([0, 0, 0])
    }
  })

  it('rejects a tree that splits on a feature beyond numFeatures', () => {
    const tree = finishTree([split(4, 0.5, 1, 2), leaf(0.2, 3), leaf(0.6, 1)])
    expect(() => treeShap(tree, [0, 0, 0, 0, 0], 3, new Float64Array(3))).toThrow(/feature 4/)
  })
})

describe('forestShap', () => {
  it('has base + Σphi equal to the mean leaf value and phi equal to the mean per-tree brute force', () => {
    const rng = new Rng(4242)
    const numFeatures = 5
    const trees = Array.from({ length: 7 }, () => randomTree(rng, numFeatures, 4, 0.2))
    for (let k = 0; k < 10; k++) {
      const x = randomVector(rng, numFeatures, 0.15)
      const { base, phi } = forestShap(trees, x, numFeatures)
      const prediction = trees.reduce((s, t) => s + predict(t, x), 0) / trees.length
      expect(Math.abs(base + sum(phi) - prediction)).toBeLessThan(1e-9)
      expect(base).toBeCloseTo(trees.reduce((s, t) => s + t.value[0], 0) / trees.length, 12)
      const expected = new Float64Array(numFeatures)
      for (const t of trees) {
        const b = bruteForceShap(t, x, numFeatures)
        for (let i = 0; i < numFeatures; i++) expected[i] += b[i] / trees.length
      }
      for (let i = 0; i < numFeatures; i++) expect(Math.abs(phi[i] - expected[i])).toBeLessThan(1e-12)
    }
  })

  it('sums to prediction minus base on a larger random forest', () => {
    const rng = new Rng(5)
    const numFeatures = 12
    const trees = Array.from({ length: 25 }, () => randomTree(rng, numFeatures, 12, 0.3))
    for (let k = 0; k < 10; k++) {
      const x = randomVector(rng, numFeatures, 0.1)
      const { base, phi } = forestShap(trees, x, numFeatures)
      const prediction = trees.reduce((s, t) => s + predict(t, x), 0) / trees.length
      expect(Math.abs(base + sum(phi) - prediction)).toBeLessThan(1e-9)
    }
  })

  it('refuses an empty forest', () => {
    expect(() => forestShap([], [1], 1)).toThrow(/no trees/)
  })
})

describe('pathAttribution', () => {
  it('sums to prediction minus base, missing values included', () => {
    const rng = new Rng(77)
    const numFeatures = 8
    const trees = Array.from({ length: 15 }, () => randomTree(rng, numFeatures, 8, 0.25))
    for (let k = 0; k < 20; k++) {
      const x = randomVector(rng, numFeatures, 0.2)
      const phi = pathAttribution(trees, x, numFeatures)
      const base = trees.reduce((s, t) => s + expectedValue(t), 0) / trees.length
      const prediction = trees.reduce((s, t) => s + predict(t, x), 0) / trees.length
      expect(Math.abs(base + sum(phi) - prediction)).toBeLessThan(1e-9)
    }
  })

  it('credits each split with the change of node value along the path', () => {
    // root 0.3 -> left 0.2 (x0 <= 0.5), and a second split on f1 under it.
    const tree = finishTree([
      split(0, 0.5, 1, 4),
      split(1, 0.5, 2, 3),
      leaf(0.1, 2),
      leaf(0.3, 2),
      leaf(0.6, 1)
    ])
    const phi = pathAttribution([tree], [0.1, 0.9, 0.5], 3)
    expect(phi[0]).toBeCloseTo(0.2 - 0.28, 12)
    expect(phi[1]).toBeCloseTo(0.3 - 0.2, 12)
    expect(phi[2]).toBe(0)
  })

  it('agrees with TreeSHAP on a tree with a single split', () => {
    const tree = finishTree([split(1, 0.5, 1, 2, true), leaf(0.2, 3), leaf(0.6, 1)])
    const x = [0.3, NaN]
    const exact = forestShap([tree], x, 2).phi
    const cheap = pathAttribution([tree], x, 2)
    expect(cheap[1]).toBeCloseTo(exact[1], 12)
    expect(cheap[0]).toBe(0)
  })
})

describe('Linear TreeShap (forestShapPrepared)', () => {
  it('equals brute-force Shapley values on random small trees, repeats and missing values included', () => {
    const rng = new Rng(2209)
    let repeatedSeen = 0
    let nanSeen = 0
    for (let t = 0; t < 30; t++) {
      const numFeatures = 3 + rng.int(4)
      const tree = randomTree(rng, numFeatures, 2 + rng.int(4), 0.15)
      if (hasRepeatedFeatureOnPath(tree)) repeatedSeen++
      const prepared = prepareForestShap({ trees: [tree], numFeatures })
      for (let k = 0; k < 4; k++) {
        const x = randomVector(rng, numFeatures, k % 2 === 1 ? 0.4 : 0)
        if (pathMeetsNaN(tree, x)) nanSeen++
        const { phi } = forestShapPrepared(prepared, x)
        const expected = bruteForceShap(tree, x, numFeatures)
        for (let i = 0; i < numFeatures; i++) expect(Math.abs(phi[i] - expected[i])).toBeLessThan(1e-12)
      }
    }
    expect(repeatedSeen).toBeGreaterThanOrEqual(5)
    expect(nanSeen).toBeGreaterThanOrEqual(5)
  })

  it('matches brute force when one path splits a feature three times', () => {
    // Path root(f0) -> 2 (f0) -> 4 (f1) -> 6 (f0) -> leaves: the repeat telescopes twice.
    const tree = finishTree([
      split(0, 0.7, 2, 1),
      leaf(0.9, 3),
      split(0, 0.3, 3, 4, true),
      leaf(0.2, 5),
      split(1, 0.5, 5, 6),
      leaf(0.6, 2),
      split(0, 0.5, 7, 8),
      leaf(0.1, 4),
      leaf(0.75, 1)
    ])
    for (const x of [
      [0.4, 0.6, 0],
      [0.6, 0.6, 0],
      [NaN, 0.9, 0],
      [0.2, 0.1, 0],
      [0.9, NaN, 0]
    ]) {
      const { phi } = forestShapPrepared(prepareForestShap({ trees: [tree], numFeatures: 3 }), x)
      const expected = bruteForceShap(tree, x, 3)
      for (let i = 0; i < 3; i++) expect(Math.abs(phi[i] - expected[i])).toBeLessThan(1e-12)
    }
  })

  it('sums to prediction minus base on random deep trees, with and without missing values', () => {
    const rng = new Rng(20220908)
    for (let t = 0; t < 30; t++) {
      const numFeatures = 3 + rng.int(20)
      const trees = [randomTree(rng, numFeatures, 4 + rng.int(12), 0.2)]
      const prepared = prepareForestShap({ trees, numFeatures })
      for (let k = 0; k < 5; k++) {
        const x = randomVector(rng, numFeatures, 0.2)
        const { base, phi } = forestShapPrepared(prepared, x)
        expect(Math.abs(base + sum(phi) - predict(trees[0], x))).toBeLessThan(1e-9)
      }
    }
  })

  it('agrees with Algorithm 2 within 1e-9 of the largest contribution on random deep trees', () => {
    const rng = new Rng(1509)
    let worst = 0
    for (let t = 0; t < 20; t++) {
      const numFeatures = 5 + rng.int(20)
      const trees = Array.from({ length: 3 }, () => randomTree(rng, numFeatures, 10 + rng.int(8), 0.3))
      const prepared = prepareForestShap({ trees, numFeatures })
      for (let k = 0; k < 3; k++) {
        const x = randomVector(rng, numFeatures, 0.1)
        worst = Math.max(
          worst,
          relativeGap(forestShapPrepared(prepared, x).phi, algorithm2Forest(trees, x, numFeatures))
        )
      }
    }
    expect(worst).toBeLessThan(1e-9)
  })

  it('agrees with Algorithm 2 on a 40-deep path of distinct features (20 quadrature points) and on tiny covers', () => {
    const rng = new Rng(40)
    const numFeatures = 40
    const distinct = chainTree(
      rng,
      Array.from({ length: 40 }, (_, f) => f),
      () => 1 + rng.int(50)
    )
    // Covers spanning nine orders of magnitude: cover fractions down to ~1e-9.
    const tiny = chainTree(
      rng,
      Array.from({ length: 30 }, (_, i) => (i * 7) % 13),
      () => 10 ** rng.int(10)
    )
    for (const tree of [distinct, tiny]) {
      const prepared = prepareForestShap({ trees: [tree], numFeatures })
      for (let k = 0; k < 10; k++) {
        const x = randomVector(rng, numFeatures, 0.1)
        const { base, phi } = forestShapPrepared(prepared, x)
        expect(relativeGap(phi, algorithm2Forest([tree], x, numFeatures))).toBeLessThan(1e-9)
        expect(Math.abs(base + sum(phi) - predict(tree, x))).toBeLessThan(1e-9)
      }
    }
  })

  it('agrees with Algorithm 2 within 1e-9 on a trained depth-15 forest, missing values included', async () => {
    const { forest, rng, numFeatures } = await trainedNoisyForest()
    const prepared = prepareForestShap(forest)
    expect(prepared.maxDepth).toBeGreaterThanOrEqual(12)
    for (let k = 0; k < 10; k++) {
      const x = Float64Array.from({ length: numFeatures }, () =>
        rng.next() < 0.1 ? NaN : rng.next() * 2 - 1
      )
      const { base, phi } = forestShapPrepared(prepared, x)
      const before = algorithm2Forest(forest.trees, x, numFeatures)
      expect(relativeGap(phi, before)).toBeLessThan(1e-9)
      const prediction = forest.trees.reduce((s, t) => s + predict(t, x), 0) / forest.trees.length
      expect(Math.abs(base + sum(phi) - prediction)).toBeLessThan(1e-9)
    }
  })

  it('gives the same values prepared once as forestShap preparing on every call', () => {
    const rng = new Rng(8)
    const numFeatures = 9
    const trees = Array.from({ length: 10 }, () => randomTree(rng, numFeatures, 9, 0.25))
    const prepared = prepareForestShap({ trees, numFeatures })
    for (let k = 0; k < 10; k++) {
      const x = randomVector(rng, numFeatures, 0.2)
      const once = forestShapPrepared(prepared, x)
      const each = forestShap(trees, x, numFeatures)
      expect(once.base).toBe(each.base)
      expect(Array.from(once.phi)).toEqual(Array.from(each.phi))
    }
  })

  it('explains a single-leaf tree as nothing and skips a child with zero cover', () => {
    const stump = finishTree([leaf(0.4, 10)])
    const withEmpty = finishTree([split(0, 0.5, 1, 2), leaf(0.3, 4), leaf(0.9, 0)])
    const prepared = prepareForestShap({ trees: [stump, withEmpty], numFeatures: 2 })
    for (const x of [
      [0.1, 0],
      [0.9, 0],
      [NaN, 0]
    ]) {
      const { base, phi } = forestShapPrepared(prepared, x)
      const expected = bruteForceShap(withEmpty, x, 2)
      expect(base).toBeCloseTo((0.4 + 0.3) / 2, 12)
      for (let i = 0; i < 2; i++) expect(Math.abs(phi[i] - expected[i] / 2)).toBeLessThan(1e-12)
      expect(Math.abs(base + sum(phi) - (0.4 + predict(withEmpty, x)) / 2)).toBeLessThan(1e-12)
    }
  })

  it('refuses trees it cannot trust and feature vectors that are too short, naming the problem', () => {
    const good = finishTree([split(0, 0.5, 1, 2), leaf(0.2, 3), leaf(0.6, 1)])
    const wideSplit = finishTree([split(4, 0.5, 1, 2), leaf(0.2, 3), leaf(0.6, 1)])
    const badChild = { ...good, right: Int32Array.from([7, -1, -1]) }
    const cycle = { ...good, left: Int32Array.from([0, -1, -1]) }
    expect(() => prepareForestShap({ trees: [good, wideSplit], numFeatures: 3 })).toThrow(
      /tree 1: node 0 splits on feature 4 but the model has 3/
    )
    expect(() => prepareForestShap({ trees: [badChild], numFeatures: 3 })).toThrow(/child index 7 is outside/)
    expect(() => prepareForestShap({ trees: [cycle], numFeatures: 3 })).toThrow(/cycle/)
    expect(() => prepareForestShap({ trees: [], numFeatures: 3 })).toThrow(/no trees/)
    const prepared = prepareForestShap({ trees: [good], numFeatures: 3 })
    expect(() => forestShapPrepared(prepared, [0.1, 0.2])).toThrow(/2 values but the model has 3/)
  })
})
