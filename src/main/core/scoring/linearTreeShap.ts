/**
 * Exact path-dependent TreeSHAP in O(nodes × D) per tree instead of Algorithm 2's
 * O(leaves × D²): Linear TreeShap (Yu, Xu, Bifet & Read, NeurIPS 2022, arXiv:2209.08192),
 * with every polynomial held as its values at Gauss–Legendre points rather than as
 * coefficients (the coefficient form overflows and cancels past depth ~12, as its authors
 * note; values at interior points stay bounded, see "stable" below).
 *
 * Why it is exact. Path-dependent TreeSHAP explains v(S) = Σ_leaves v_l Π_{j ∈ F_l} q_lj(S),
 * where F_l are the distinct features split on above leaf l and, for feature j, q_lj is
 * o_lj (1 when x follows every split on j above l, else 0) if j ∈ S and z_lj (the product
 * of the cover fractions of those splits) if not. Each leaf's term is a product game whose
 * Shapley value, by the multilinear-extension form (Owen 1972), is
 *
 *   phi_i += v_l (o_li − z_li) ∫₀¹ Π_{j ∈ F_l, j ≠ i} (z_lj + (o_lj − z_lj) t) dt,
 *
 * the integral of a polynomial of degree |F_l| − 1, which Gauss–Legendre quadrature with
 * ceil(D / 2) points integrates exactly (D = the most distinct features on any path of
 * the tree). With q_e(t) = z_e + (o_e − z_e) t for the split into node n (z_e, o_e combined
 * over every split on the same feature from the root down to n) and P_n(t) = Π q along the
 * path, the sum over leaves regroups by edge, as in Linear TreeShap:
 *
 *   phi_i += Q[ G_n · ((o_e − z_e) / q_e − (o_e' − z_e') / q_e') ]   for every edge e into n
 *
 * where G_n = Σ_{leaves l under n} v_l P_l is summed bottom-up, e' is the nearest edge above
 * e on the same feature (its term absent when there is none) and Q is the quadrature. The
 * e' term telescopes a repeated feature down to the leaf's deepest split on it. Each
 * per-edge term may be rational, but Q is linear and their sum per leaf and feature is the
 * polynomial above, so the total is exact up to rounding.
 *
 * Why it is stable. Every quantity stays bounded: q_e(t) > 0 at interior points, G_n(t) is
 * a mixture of leaf values (Σ_l P_l(t) = 1: each feature follows x with probability t), so
 * 0 ≤ G_n ≤ max v, and |(o − z) / q| ≤ 1 / min(t, 1 − t). Nothing is expanded into
 * coefficients (no Vandermonde solve, no cancellation between coefficients).
 */
import type { FlatTree } from '../model/FlatTree'
import { FOREST_COMBINE, type EnsembleCombine } from '../model/TreeEnsemble'

/** Result of forestShap (treeShap.ts): base + Σ phi equals the ensemble's margin (a forest's probability). */
export interface ForestShap {
  /** The margin of the average training row (expectedMargin: for a forest, the mean root value). */
  base: number
  /** One contribution per model feature, combined over trees as their leaves are (averaged or summed). */
  phi: Float64Array
}

/** Gauss–Legendre rule on [0, 1] with the constants the kernel uses, for one point count. */
interface QuadratureRule {
  points: number
  /** Nodes t_k in (0, 1), increasing. */
  t: Float64Array
  /** Weights w_k, summing to 1. */
  w: Float64Array
  /** 1 − t_k: q_e(t_k) = z (1 − t_k) on a split x does not follow. */
  oneMinusT: Float64Array
  /** −1 / (1 − t_k): (o − z) / q_e(t_k) on a split x does not follow, whatever z is. */
  coldRatio: Float64Array
}

/**
 * A forest checked once and ready for {@link forestShapPrepared}: the trees (referenced, not
 * copied; they must not change afterwards), their quadrature rules and scratch sizes.
 * Immutable; one per loaded model, shared by every call.
 */
export interface PreparedForestShap {
  readonly trees: readonly FlatTree[]
  readonly numFeatures: number
  /** The margin of the average training row (see ForestShap.base). */
  readonly base: number
  /** What each tree's contributions are multiplied by: 1 / trees for a mean, 1 for a sum. */
  readonly scale: number
  /** Per tree, index into `rules`; −1 for a tree that is a single leaf. */
  readonly ruleOfTree: Int32Array
  readonly rules: readonly QuadratureRule[]
  /** Deepest leaf over all trees (root = 0): sizes the per-level scratch. */
  readonly maxDepth: number
  /** Most quadrature points of any tree. */
  readonly maxPoints: number
}

/**
 * Checks every tree once (children in range, no cycle, split features below numFeatures)
 * and measures what the exact TreeSHAP kernel needs, so per-call work is the kernel alone.
 */
export function prepareForestShap(forest: {
  trees: readonly FlatTree[]
  numFeatures: number
  combine?: EnsembleCombine
}): PreparedForestShap {
  const { trees, numFeatures } = forest
  const combine = forest.combine ?? FOREST_COMBINE
  if (trees.length === 0) throw new RangeError('forestShap: the forest has no trees')
  const ruleOfTree = new Int32Array(trees.length)
  const rules: QuadratureRule[] = []
  const ruleIndex = new Map<number, number>()
  const shapeScratch = newShapeScratch(trees, numFeatures)
  let maxDepth = 0
  let maxPoints = 0
  let base = 0
  for (let t = 0; t < trees.length; t++) {
    const { depth, distinct } = checkedShape(trees[t], numFeatures, t, shapeScratch)
    base += trees[t].value[0]
    maxDepth = Math.max(maxDepth, depth)
    if (distinct === 0) {
      ruleOfTree[t] = -1
      continue
    }
    // A leaf's integrand has degree |F_l| − 1 ≤ distinct − 1; n points are exact to 2n − 1.
    const points = Math.ceil(distinct / 2)
    let index = ruleIndex.get(points)
    if (index === undefined) {
      index = rules.length
      rules.push(quadratureRule(points))
      ruleIndex.set(points, index)
    }
    ruleOfTree[t] = index
    maxPoints = Math.max(maxPoints, points)
  }
  const mean = combine.aggregate === 'mean'
  return {
    trees,
    numFeatures,
    base: (mean ? base / trees.length : base) + combine.bias,
    scale: mean ? 1 / trees.length : 1,
    ruleOfTree,
    rules,
    maxDepth,
    maxPoints
  }
}

/**
 * Exact path-dependent TreeSHAP of a prepared forest for one feature vector (the same values
 * as Algorithm 2, see treeShap.ts): base + Σ phi equals the forest probability up to rounding.
 */
export function forestShapPrepared(prepared: PreparedForestShap, x: ArrayLike<number>): ForestShap {
  const { trees, numFeatures, ruleOfTree, rules } = prepared
  if (x.length < numFeatures) {
    throw new RangeError(
      `forestShap: the feature vector has ${x.length} values but the model has ${numFeatures}`
    )
  }
  const phi = new Float64Array(numFeatures)
  const scratch = newScratch(prepared)
  for (let t = 0; t < trees.length; t++) {
    const rule = ruleOfTree[t]
    if (rule >= 0) _linearTreeShap(trees[t], x, phi, rules[rule], scratch)
  }
  const scale = prepared.scale
  if (scale !== 1) for (let i = 0; i < numFeatures; i++) phi[i] *= scale
  return { base: prepared.base, phi }
}

/**
 * Per-level state of the depth-first walk. Level d (1 ≤ d ≤ maxDepth) holds the open
 * internal node at depth d and the split into it; level 0 is the root (no split); level
 * `none` stands for "no earlier split on this feature" (inverse 1, ratio 0, zero 1, one 1),
 * so the kernel never branches on it: x · 1 and x − 0 are exact.
 *
 * All per-point values live in one Float64Array, `mem`: per level a block of five runs of
 * `stride` values (P, G, ratio, inverse, bracket; see BLOCK_* below), then the current
 * rule's t, w, 1 − t and cold ratio. One array instead of nine was measured 13% faster
 * (fewer array bases and lengths for V8 to keep in registers in the hot loops).
 */
interface Scratch {
  /** Quadrature points per run (the tree's own count may be smaller). */
  stride: number
  /** The level that stands for an absent earlier split. */
  none: number
  mem: Float64Array
  /** Per level: the open node, 1 if x goes left there, the split feature into it, its combined z and o. */
  node: Int32Array
  goLeft: Uint8Array
  feature: Int32Array
  zero: Float64Array
  one: Uint8Array
  /** Per level: the level of the nearest split above on the same feature (`none` if none), restored on close. */
  previous: Int32Array
  /** Per feature: the deepest open level whose split into it is on that feature, `none` if none. */
  lastLevel: Int32Array
  /** Pending internal nodes of the walk, their levels, and 1 for a left child. */
  stackNode: Int32Array
  stackLevel: Int32Array
  stackLeft: Uint8Array
}

// Runs of a level's block in `mem`, in units of `stride`. Run 0 (read as `mem[at + k]`) is
// P_n(t_k) = Π q along the path down to and including the split into n.
/** G_n(t_k) = Σ v_l P_l(t_k) over the leaves settled below n so far. */
const BLOCK_SUM = 1
/** (o − z) / q of the split into n. */
const BLOCK_RATIO = 2
/** 1 / q of the split into n. */
const BLOCK_INVERSE = 3
/** w_k · (ratio − ratio of the previous split on the same feature). */
const BLOCK_BRACKET = 4
const BLOCK_RUNS = 5

function newScratch(prepared: PreparedForestShap): Scratch {
  const none = prepared.maxDepth + 1
  const levels = none + 1
  const stride = prepared.maxPoints
  const block = BLOCK_RUNS * stride
  const s: Scratch = {
    stride,
    none,
    // Levels 0..none, then four runs for the rule.
    mem: new Float64Array(levels * block + 4 * stride),
    node: new Int32Array(levels),
    goLeft: new Uint8Array(levels),
    feature: new Int32Array(levels),
    zero: new Float64Array(levels),
    one: new Uint8Array(levels),
    previous: new Int32Array(levels),
    lastLevel: new Int32Array(prepared.numFeatures).fill(none),
    // The sentinel, at most one pending right sibling per level, and the two children of the deepest node.
    stackNode: new Int32Array(levels + 3),
    stackLevel: new Int32Array(levels + 3),
    stackLeft: new Uint8Array(levels + 3)
  }
  const inverseOfNone = none * block + BLOCK_INVERSE * stride
  s.mem.fill(1, inverseOfNone, inverseOfNone + stride)
  s.zero[none] = 1
  s.one[none] = 1
  return s
}

/**
 * Adds one tree's exact TreeSHAP values for x into phi (unscaled) in one depth-first walk
 * over its internal nodes, with an explicit stack. Entering a node stores the split into it
 * at the quadrature points (q, P, ratio, bracket) and, in the same pass, settles its leaf
 * children (their share of phi and of G); closing it adds Q[G · bracket] to its split
 * feature and G to its parent. A node whose children are both leaves has its G complete
 * in that pass and is closed there too, never opened (36% of the internal nodes of the
 * product's forest; together with settling in the entering pass, measured 16% faster than
 * separate enter / settle / close passes). Inlined by hand: helper calls were measured
 * slower (V8 did not inline them). The tree was checked by prepareForestShap (children in
 * range, features below numFeatures), so the loop trusts its indices.
 */
function _linearTreeShap(
  tree: FlatTree,
  x: ArrayLike<number>,
  phi: Float64Array,
  rule: QuadratureRule,
  s: Scratch
): void {
  const { feature, threshold, missingLeft, left, right, value, cover } = tree
  const { points } = rule
  const { stride, none, mem, lastLevel, stackNode, stackLevel, stackLeft } = s
  const levelNode = s.node
  const levelGoLeft = s.goLeft
  const levelFeature = s.feature
  const levelZero = s.zero
  const levelOne = s.one
  const levelPrevious = s.previous
  const block = BLOCK_RUNS * stride
  const sumRun = BLOCK_SUM * stride
  const ratioRun = BLOCK_RATIO * stride
  const inverseRun = BLOCK_INVERSE * stride
  const bracketRun = BLOCK_BRACKET * stride
  const tAt = (none + 1) * block
  const wAt = tAt + stride
  const oneMinusTAt = wAt + stride
  const coldRatioAt = oneMinusTAt + stride
  for (let k = 0; k < points; k++) {
    mem[tAt + k] = rule.t[k]
    mem[wAt + k] = rule.w[k]
    mem[oneMinusTAt + k] = rule.oneMinusT[k]
    mem[coldRatioAt + k] = rule.coldRatio[k]
    mem[k] = 1 // P at the root: the empty product
    mem[sumRun + k] = 0
  }
  // The bottom of the stack is a sentinel at level 1: popping it closes every level still
  // open (the root, level 0, has no split and is never closed) and ends the walk.
  stackNode[0] = -1
  stackLevel[0] = 1
  let sp = 1
  {
    // The root: no split leads to it; settle its leaf children, push the others.
    const g = feature[0]
    const xv = x[g]
    const goLeft = xv !== xv ? missingLeft[0] === 1 : xv <= threshold[0]
    const l = left[0]
    const r = right[0]
    const rootCover = cover[0]
    const leftValue = feature[l] < 0 ? value[l] : 0
    const rightValue = feature[r] < 0 ? value[r] : 0
    const leftZero = rootCover > 0 ? cover[l] / rootCover : 0
    const rightZero = rootCover > 0 ? cover[r] / rootCover : 0
    const a = leftValue * leftZero + rightValue * rightZero
    const b = leftValue * ((goLeft ? 1 : 0) - leftZero) + rightValue * ((goLeft ? 0 : 1) - rightZero)
    // P = 1 and no earlier split: phi[g] += b · Σ w = b, G = a + b t.
    phi[g] += b
    for (let k = 0; k < points; k++) mem[sumRun + k] += a + b * mem[tAt + k]
    levelNode[0] = 0
    levelGoLeft[0] = goLeft ? 1 : 0
    if (feature[r] >= 0) {
      stackNode[sp] = r
      stackLeft[sp] = 0
      stackLevel[sp++] = 1
    }
    if (feature[l] >= 0) {
      stackNode[sp] = l
      stackLeft[sp] = 1
      stackLevel[sp++] = 1
    }
  }
  let top = 0
  for (;;) {
    // Pop the next internal node; every open level at its depth or deeper is complete: close it.
    const node = stackNode[--sp]
    const level = stackLevel[sp]
    for (; top >= level; top--) {
      const at = top * block
      const up = at - block
      let total = 0
      for (let k = 0; k < points; k++) {
        const gk = mem[at + sumRun + k]
        total += gk * mem[at + bracketRun + k]
        mem[up + sumRun + k] += gk
      }
      const f = levelFeature[top]
      phi[f] += total
      lastLevel[f] = levelPrevious[top]
    }
    if (node < 0) return
    const parent = levelNode[level - 1]
    const f = feature[parent]
    const previous = lastLevel[f]
    const parentCover = cover[parent]
    // Combined over the path's splits on f, as Algorithm 2 does when it unwinds a repeat.
    const zero = (parentCover > 0 ? cover[node] / parentCover : 0) * levelZero[previous]
    const one = stackLeft[sp] === levelGoLeft[level - 1] ? levelOne[previous] : 0
    // No coalition reaches this subtree: it contributes nothing (Algorithm 2 skips it too).
    if (zero === 0 && one === 0) continue
    const at = level * block
    const up = at - block
    const pv = previous * block
    const spread = one - zero
    const g = feature[node]
    const xv = x[g]
    const goLeft = xv !== xv ? missingLeft[node] === 1 : xv <= threshold[node]
    const l = left[node]
    const r = right[node]
    const leftIsLeaf = feature[l] < 0
    const rightIsLeaf = feature[r] < 0
    if (leftIsLeaf || rightIsLeaf) {
      // For a leaf c under the split on g: P_c = P · q_c / q_prev and its bracket is
      // (o_c − z_c) / q_c − ratio_prev, so P_c · bracket = P / q_prev · ((o_c − z_c) −
      // ratio_prev · q_c): no division. Summed over the leaf children with m = Σ v_c q_c =
      // a + b t (a = Σ v_c z_c, b = Σ v_c (o_c − z_c)); an internal child counts as value 0,
      // which adds exact zeros. The leaves' earlier split on g is `node`'s own when g = f.
      const self = g === f
      const leafPrevious = self ? level : lastLevel[g]
      const lp = leafPrevious * block
      const carriedZero = self ? zero : levelZero[leafPrevious]
      const carriedOne = self ? one : levelOne[leafPrevious]
      const nodeCover = cover[node]
      const leftValue = leftIsLeaf ? value[l] : 0
      const rightValue = rightIsLeaf ? value[r] : 0
      const leftZero = (nodeCover > 0 ? cover[l] / nodeCover : 0) * carriedZero
      const rightZero = (nodeCover > 0 ? cover[r] / nodeCover : 0) * carriedZero
      const leftOne = goLeft ? carriedOne : 0
      const rightOne = goLeft ? 0 : carriedOne
      const a = leftValue * leftZero + rightValue * rightZero
      const b = leftValue * (leftOne - leftZero) + rightValue * (rightOne - rightZero)
      // With both children leaves, G is complete in this pass: close `node` here (phi[f] +=
      // Q[G · bracket]); otherwise store the level for the subtree below it.
      const closing = leftIsLeaf && rightIsLeaf
      let leaves = 0
      let own = 0
      for (let k = 0; k < points; k++) {
        const tk = mem[tAt + k]
        const q = zero + spread * tk
        const iq = 1 / q
        const rk = spread * iq
        const p = mem[up + k] * q * mem[pv + inverseRun + k]
        const pl = p * (self ? iq : mem[lp + inverseRun + k])
        const rl = self ? rk : mem[lp + ratioRun + k]
        const m = a + b * tk
        const gk = pl * m
        leaves += mem[wAt + k] * pl * (b - rl * m)
        if (closing) {
          own += gk * mem[wAt + k] * (rk - mem[pv + ratioRun + k])
          mem[up + sumRun + k] += gk
        } else {
          mem[at + k] = p
          mem[at + ratioRun + k] = rk
          mem[at + inverseRun + k] = iq
          mem[at + bracketRun + k] = mem[wAt + k] * (rk - mem[pv + ratioRun + k])
          mem[at + sumRun + k] = gk
        }
      }
      phi[g] += leaves
      if (closing) {
        phi[f] += own
        continue
      }
    } else if (one === 1) {
      for (let k = 0; k < points; k++) {
        const q = zero + spread * mem[tAt + k]
        const iq = 1 / q
        const rk = spread * iq
        mem[at + k] = mem[up + k] * q * mem[pv + inverseRun + k]
        mem[at + sumRun + k] = 0
        mem[at + ratioRun + k] = rk
        mem[at + inverseRun + k] = iq
        mem[at + bracketRun + k] = mem[wAt + k] * (rk - mem[pv + ratioRun + k])
      }
    } else {
      // q = z (1 − t), so (o − z) / q = −1 / (1 − t) whatever z is, and 1 / q needs one division.
      const iz = 1 / zero
      for (let k = 0; k < points; k++) {
        const rk = mem[coldRatioAt + k]
        mem[at + k] = mem[up + k] * zero * mem[oneMinusTAt + k] * mem[pv + inverseRun + k]
        mem[at + sumRun + k] = 0
        mem[at + ratioRun + k] = rk
        mem[at + inverseRun + k] = -iz * rk
        mem[at + bracketRun + k] = mem[wAt + k] * (rk - mem[pv + ratioRun + k])
      }
    }
    levelNode[level] = node
    levelGoLeft[level] = goLeft ? 1 : 0
    levelFeature[level] = f
    levelZero[level] = zero
    levelOne[level] = one
    levelPrevious[level] = previous
    lastLevel[f] = level
    top = level
    if (!rightIsLeaf) {
      stackNode[sp] = r
      stackLeft[sp] = 0
      stackLevel[sp++] = level + 1
    }
    if (!leftIsLeaf) {
      stackNode[sp] = l
      stackLeft[sp] = 1
      stackLevel[sp++] = level + 1
    }
  }
}

/** Reusable stacks of checkedShape, sized for the largest tree. */
interface ShapeScratch {
  stackNode: Int32Array
  stackLevel: Int32Array
  /** Per level: the split feature of the node open there. */
  openFeature: Int32Array
  /** Per level: the distinct split features on the path down to that level. */
  distinctAt: Int32Array
  /** Per feature: open splits on it along the current path. */
  uses: Int32Array
}

function newShapeScratch(trees: readonly FlatTree[], numFeatures: number): ShapeScratch {
  let maxNodes = 0
  for (const tree of trees) maxNodes = Math.max(maxNodes, tree.feature.length)
  // A path longer than the tree's node count is a cycle and is refused before it grows further.
  const size = maxNodes + 2
  return {
    stackNode: new Int32Array(size),
    stackLevel: new Int32Array(size),
    openFeature: new Int32Array(size),
    distinctAt: new Int32Array(size),
    uses: new Int32Array(numFeatures)
  }
}

/**
 * Depth (root alone = 0) and the most distinct split features on one root-to-leaf path,
 * checking on the way that every child index is a node of the tree, that no path is longer
 * than the tree has nodes (a cycle) and that every split feature is below numFeatures.
 */
function checkedShape(
  tree: FlatTree,
  numFeatures: number,
  treeIndex: number,
  scratch: ShapeScratch
): { depth: number; distinct: number } {
  const { feature, left, right } = tree
  const { stackNode, stackLevel, openFeature, distinctAt, uses } = scratch
  const numNodes = feature.length
  const where = `forestShap: tree ${treeIndex}:`
  if (numNodes === 0) throw new RangeError(`${where} it has no nodes`)
  uses.fill(0)
  distinctAt[0] = 0
  if (feature[0] < 0) return { depth: 0, distinct: 0 }
  if (feature[0] >= numFeatures) {
    throw new RangeError(`${where} node 0 splits on feature ${feature[0]} but the model has ${numFeatures}`)
  }
  // Only internal nodes are pushed; leaf children are measured where their parent is popped.
  stackNode[0] = 0
  stackLevel[0] = 0
  let sp = 1
  let open = 0
  let depth = 0
  let distinct = 0
  while (sp > 0) {
    sp--
    const node = stackNode[sp]
    const level = stackLevel[sp]
    if (level >= numNodes) throw new RangeError(`${where} it has a cycle`)
    while (open > level) uses[openFeature[--open]]--
    const f = feature[node]
    const below = distinctAt[level] + (uses[f] === 0 ? 1 : 0)
    distinctAt[level + 1] = below
    uses[f]++
    openFeature[open++] = f
    for (let side = 0; side < 2; side++) {
      const child = side === 0 ? right[node] : left[node]
      if (!(child >= 0 && child < numNodes)) {
        throw new RangeError(`${where} child index ${child} is outside the tree's ${numNodes} nodes`)
      }
      const g = feature[child]
      if (g < 0) {
        if (level + 1 > depth) depth = level + 1
        if (below > distinct) distinct = below
      } else if (g >= numFeatures) {
        throw new RangeError(`${where} node ${child} splits on feature ${g} but the model has ${numFeatures}`)
      } else {
        stackNode[sp] = child
        stackLevel[sp++] = level + 1
      }
    }
  }
  return { depth, distinct }
}

/**
 * Gauss–Legendre rule with `points` nodes mapped to [0, 1]: exact for polynomials of degree
 * ≤ 2·points − 1. Nodes are the roots of the Legendre polynomial P_n found by Newton's
 * method from Tricomi's initial guesses; w = 2 / ((1 − x²) P_n'(x)²) on [−1, 1].
 */
function quadratureRule(points: number): QuadratureRule {
  const n = points
  const t = new Float64Array(n)
  const w = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    let x = -Math.cos((Math.PI * (i + 0.75)) / (n + 0.5))
    let derivative = 1
    let converged = 0
    for (let iteration = 0; iteration < 100; iteration++) {
      let p0 = 1
      let p1 = x
      for (let j = 2; j <= n; j++) {
        const p2 = ((2 * j - 1) * x * p1 - (j - 1) * p0) / j
        p0 = p1
        p1 = p2
      }
      derivative = (n * (x * p1 - p0)) / (x * x - 1)
      const step = p1 / derivative
      x -= step
      if (Math.abs(step) <= 1e-15) converged++
      if (converged === 2) break
    }
    t[i] = (1 + x) / 2
    w[i] = 1 / ((1 - x * x) * derivative * derivative)
  }
  const oneMinusT = t.map((v) => 1 - v)
  const coldRatio = oneMinusT.map((v) => -1 / v)
  return { points, t, w, oneMinusT, coldRatio }
}
