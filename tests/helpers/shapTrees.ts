/**
 * Trees for the TreeSHAP tests: hand-built and random FlatTrees, and the independent
 * oracles their values are checked against (brute-force Shapley values of the
 * cover-weighted conditional expectation, and Algorithm 2 of Lundberg et al.).
 */
import { type FlatTree, leafIndexOfVector } from '../../src/main/core/model/FlatTree'
import type { TreeEnsemble } from '../../src/main/core/model/TreeEnsemble'
import { Rng } from '../../src/main/core/base/random'
import { trainForest } from '../../src/main/core/ml/forest/trainForest'
import { treeShap } from '../../src/main/core/scoring/treeShap'

/** A node under construction: a leaf has no split. */
export interface DraftNode {
  feature: number
  threshold: number
  missingLeft: boolean
  left: number
  right: number
  value: number
  cover: number
}

/**
 * Builds a FlatTree from drafts whose leaves carry value and cover; internal nodes get
 * cover = sum of children and value = cover-weighted mean of children, as training gives.
 */
export function finishTree(nodes: DraftNode[]): FlatTree {
  const fill = (n: number): void => {
    const node = nodes[n]
    if (node.feature < 0) return
    fill(node.left)
    fill(node.right)
    const l = nodes[node.left]
    const r = nodes[node.right]
    node.cover = l.cover + r.cover
    node.value = (l.cover * l.value + r.cover * r.value) / node.cover
  }
  fill(0)
  return {
    feature: Int32Array.from(nodes, (n) => n.feature),
    threshold: Float64Array.from(nodes, (n) => n.threshold),
    missingLeft: Uint8Array.from(nodes, (n) => (n.missingLeft ? 1 : 0)),
    left: Int32Array.from(nodes, (n) => n.left),
    right: Int32Array.from(nodes, (n) => n.right),
    value: Float64Array.from(nodes, (n) => n.value),
    cover: Float64Array.from(nodes, (n) => n.cover)
  }
}

/**
 * Random tree on features [0, numFeatures) of depth ≤ maxDepth; below the root a node
 * becomes a leaf with probability leafProbability. Leaves get random value and cover.
 */
export function randomTree(
  rng: Rng,
  numFeatures: number,
  maxDepth: number,
  leafProbability: number
): FlatTree {
  const nodes: DraftNode[] = []
  const grow = (level: number): number => {
    const id = nodes.length
    const node: DraftNode = {
      feature: -1,
      threshold: 0,
      missingLeft: false,
      left: -1,
      right: -1,
      value: 0,
      cover: 0
    }
    nodes.push(node)
    if (level >= maxDepth || (level > 0 && rng.next() < leafProbability)) {
      node.value = rng.next()
      node.cover = 1 + rng.int(30)
      return id
    }
    node.feature = rng.int(numFeatures)
    node.threshold = rng.next()
    node.missingLeft = rng.next() < 0.5
    node.left = grow(level + 1)
    node.right = grow(level + 1)
    return id
  }
  grow(0)
  return finishTree(nodes)
}

export function randomVector(rng: Rng, numFeatures: number, nanProbability = 0): Float64Array {
  return Float64Array.from({ length: numFeatures }, () => (rng.next() < nanProbability ? NaN : rng.next()))
}

export function predict(tree: FlatTree, x: ArrayLike<number>): number {
  return tree.value[leafIndexOfVector(tree, x)]
}

export function goesLeft(tree: FlatTree, node: number, x: ArrayLike<number>): boolean {
  const v = x[tree.feature[node]]
  return Number.isNaN(v) ? tree.missingLeft[node] === 1 : v <= tree.threshold[node]
}

/** v(S): features in S follow x, every other split averages its children by cover. */
export function conditionalExpectation(
  tree: FlatTree,
  x: ArrayLike<number>,
  inS: (f: number) => boolean,
  node = 0
): number {
  const f = tree.feature[node]
  if (f < 0) return tree.value[node]
  const l = tree.left[node]
  const r = tree.right[node]
  if (inS(f)) return conditionalExpectation(tree, x, inS, goesLeft(tree, node, x) ? l : r)
  const lv = conditionalExpectation(tree, x, inS, l)
  const rv = conditionalExpectation(tree, x, inS, r)
  return (tree.cover[l] * lv + tree.cover[r] * rv) / tree.cover[node]
}

/** Shapley values of v by enumerating every subset S of the M features. */
export function bruteForceShap(tree: FlatTree, x: ArrayLike<number>, numFeatures: number): Float64Array {
  const m = numFeatures
  const factorial = (n: number): number => (n <= 1 ? 1 : n * factorial(n - 1))
  const v = new Float64Array(1 << m)
  for (let mask = 0; mask < 1 << m; mask++) {
    v[mask] = conditionalExpectation(tree, x, (f) => (mask & (1 << f)) !== 0)
  }
  const phi = new Float64Array(m)
  for (let i = 0; i < m; i++) {
    for (let mask = 0; mask < 1 << m; mask++) {
      if (mask & (1 << i)) continue
      let size = 0
      for (let b = 0; b < m; b++) if (mask & (1 << b)) size++
      const weight = (factorial(size) * factorial(m - size - 1)) / factorial(m)
      phi[i] += weight * (v[mask | (1 << i)] - v[mask])
    }
  }
  return phi
}

/** True when some root-to-leaf path splits on the same feature more than once. */
export function hasRepeatedFeatureOnPath(tree: FlatTree): boolean {
  const walk = (node: number, used: Set<number>): boolean => {
    const f = tree.feature[node]
    if (f < 0) return false
    if (used.has(f)) return true
    const next = new Set(used).add(f)
    return walk(tree.left[node], next) || walk(tree.right[node], next)
  }
  return walk(0, new Set())
}

/** True when x meets a NaN at some split on its own path. */
export function pathMeetsNaN(tree: FlatTree, x: ArrayLike<number>): boolean {
  let node = 0
  while (tree.feature[node] >= 0) {
    if (Number.isNaN(x[tree.feature[node]])) return true
    node = goesLeft(tree, node, x) ? tree.left[node] : tree.right[node]
  }
  return false
}

export function sum(a: Float64Array): number {
  return a.reduce((s, v) => s + v, 0)
}

export function leaf(value: number, cover: number): DraftNode {
  return { feature: -1, threshold: 0, missingLeft: false, left: -1, right: -1, value, cover }
}

export function split(
  feature: number,
  threshold: number,
  left: number,
  right: number,
  missingLeft = false
): DraftNode {
  return { feature, threshold, missingLeft, left, right, value: 0, cover: 0 }
}

/** Algorithm 2 (treeShap) over a forest, as forestShap computed it before Linear TreeShap. */
export function algorithm2Forest(trees: FlatTree[], x: ArrayLike<number>, numFeatures: number): Float64Array {
  const phi = new Float64Array(numFeatures)
  for (const t of trees) treeShap(t, x, numFeatures, phi)
  for (let i = 0; i < numFeatures; i++) phi[i] /= trees.length
  return phi
}

/** Largest |a_i − b_i| relative to the largest |b_i| (the scale of the explanation). */
export function relativeGap(a: Float64Array, b: Float64Array): number {
  let gap = 0
  let scale = 0
  for (let i = 0; i < b.length; i++) {
    gap = Math.max(gap, Math.abs(a[i] - b[i]))
    scale = Math.max(scale, Math.abs(b[i]))
  }
  return scale === 0 ? gap : gap / scale
}

/** A chain of `length` splits, one per feature in `features`, each with a leaf on one side. */
export function chainTree(rng: Rng, features: number[], coverOfLeaf: () => number): FlatTree {
  const nodes: DraftNode[] = []
  for (const f of features) {
    nodes.push(split(f, rng.next(), nodes.length + 1, nodes.length + 2, rng.next() < 0.5))
    nodes.push(leaf(rng.next(), coverOfLeaf()))
  }
  nodes.push(leaf(rng.next(), coverOfLeaf()))
  return finishTree(nodes)
}

/** A depth-15 forest trained on 3,000 noisy rows with 5 % missing values (12 features), and the generator, to draw vectors on from where training left it. */
export async function trainedNoisyForest(): Promise<{ forest: TreeEnsemble; rng: Rng; numFeatures: number }> {
  const rng = new Rng(15)
  const numRows = 3000
  const numFeatures = 12
  const columns = Array.from({ length: numFeatures }, () => new Float64Array(numRows))
  const y = new Uint8Array(numRows)
  for (let r = 0; r < numRows; r++) {
    for (let f = 0; f < numFeatures; f++) columns[f][r] = rng.next() < 0.05 ? NaN : rng.next() * 2 - 1
    const a = Number.isNaN(columns[0][r]) ? 0 : columns[0][r]
    const b = Number.isNaN(columns[1][r]) ? 0 : columns[1][r]
    y[r] = (a * a + b * b < 0.5 ? 1 : 0) ^ (rng.next() < 0.1 ? 1 : 0)
  }
  const { forest } = await trainForest(columns, y, {
    trees: 12,
    maxDepth: 15,
    minSamplesLeaf: 1,
    maxFeatures: 'sqrt',
    seed: 3,
    threads: 1
  })
  return { forest, rng, numFeatures }
}
