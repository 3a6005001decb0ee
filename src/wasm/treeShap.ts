// AssemblyScript, compiled to WebAssembly by scripts/buildWasm.mjs (npm run build:wasm) into
// src/main/core/scoring/treeShapWasm.ts. Exact path-dependent TreeSHAP of one feature vector:
// the Linear TreeShap walk of src/main/core/scoring/linearTreeShap.ts (see there for the
// mathematics and why each step is exact), transcribed operation for operation so that the
// two give the same doubles bit for bit (WebAssembly's f64 arithmetic is IEEE 754 with no
// fused or reassociated operations, as JavaScript's is). src/main/core/scoring/ShapForest.ts
// lays out the memory and is the only caller.
//
// Why WebAssembly: one applicant's exact reasons over the product's forest (200 depth-15
// trees, ~1.8 million nodes) visit every node at every quadrature point; the TypeScript walk
// spends its time on typed-array bounds checks and on reading seven arrays per node, which
// linear memory and one 40-byte record per node avoid (docs/performance.md has the figures).
//
// Memory (byte offsets, all set by ShapForest):
//   forest header: i32 nodes, i32 trees, i32 numTrees, i32 numFeatures, i32 stride, i32 none
//   nodes: 40 bytes each, trees one after another, child indices global:
//            f64 threshold | f64 value | f64 fraction | i32 feature (−1: leaf) | i32 left | i32 right
//            | i32 missingLeft (1: a missing value goes left)
//          where fraction = cover / the parent's cover (0 when that is 0; 0 at a root), the zero
//          fraction TypeScript divides out on every visit, divided once here: the same double,
//          off the walk's critical path.
//   trees: 16 bytes each: i32 root | i32 quadrature points (0: a single leaf) | i32 rule
//          (the rule's t, w, 1 − t and −1 / (1 − t), `points` f64 each, one after another)
//   slot header (one per thread): i32 addresses of mem, levelNode, levelGoLeft, levelFeature,
//          levelZero (f64), levelOne (f64), levelPrevious, lastLevel, stackNode, stackLevel,
//          stackLeft, x (f64 per feature), phi (f64 per feature)

const NODE_BYTES: usize = 40
const BLOCK_SUM: i32 = 1
const BLOCK_RATIO: i32 = 2
const BLOCK_INVERSE: i32 = 3
const BLOCK_BRACKET: i32 = 4
const BLOCK_RUNS: i32 = 5

/** Element i of an array of T (f64 or i32) at base. */
@inline
function ld<T>(base: usize, i: i32): T {
  return load<T>(base + (<usize>i << alignof<T>()))
}

/** Sets element i of an array of T (f64 or i32) at base. */
@inline
function st<T>(base: usize, i: i32, v: T): void {
  store<T>(base + (<usize>i << alignof<T>()), v)
}

/**
 * One node's 40-byte record as laid out above: a typed view of linear memory (unmanaged:
 * no header, never allocated), its fields read as plain loads at their offsets.
 */
@unmanaged
class TreeNode {
  threshold: f64
  value: f64
  /** cover / the parent's cover (see the layout above). */
  fraction: f64
  /** −1 at a leaf. */
  feature: i32
  left: i32
  right: i32
  /** 1: a missing value goes left. */
  missingLeft: i32
}

@inline
function nodeAt(nodes: usize, n: i32): TreeNode {
  return changetype<TreeNode>(nodes + <usize>n * NODE_BYTES)
}

/** Whether x goes left at a split: a missing value (NaN) the node's learnt way. */
@inline
function goesLeft(node: TreeNode, xv: f64): bool {
  // Both sides computed and selected: whether x is missing here is not predictable.
  return select<bool>(node.missingLeft == 1, xv <= node.threshold, xv != xv)
}

/**
 * Adds the exact TreeSHAP values of trees [firstTree, endTree) for the slot's x into the
 * slot's phi, unscaled, tree by tree in order (as forestShapPrepared does before scaling).
 */
export function explainTrees(forest: usize, slot: usize, firstTree: i32, endTree: i32): void {
  const trees = <usize>load<i32>(forest, 4)
  const numFeatures = load<i32>(forest, 12)
  const stride = load<i32>(forest, 16)
  const none = load<i32>(forest, 20)
  const mem = <usize>load<i32>(slot)
  const levelZero = <usize>load<i32>(slot, 16)
  const levelOne = <usize>load<i32>(slot, 20)
  const lastLevel = <usize>load<i32>(slot, 28)
  // The level that stands for "no earlier split on this feature": ratio 0, inverse 1, zero 1, one 1.
  const noneAt = none * BLOCK_RUNS * stride
  for (let k = 0; k < stride; k++) {
    st<f64>(mem, noneAt + BLOCK_RATIO * stride + k, 0)
    st<f64>(mem, noneAt + BLOCK_INVERSE * stride + k, 1)
  }
  st<f64>(levelZero, none, 1)
  st<f64>(levelOne, none, 1)
  for (let f = 0; f < numFeatures; f++) st<i32>(lastLevel, f, none)
  for (let t = firstTree; t < endTree; t++) {
    const entry = trees + (<usize>t << 4)
    const points = load<i32>(entry, 4)
    if (points > 0) explainTree(forest, slot, load<i32>(entry), points, <usize>load<i32>(entry, 8))
  }
}

/** Two quadrature points at once from run `i` (an even index: runs are 16-byte aligned). */
@inline
function vld(base: usize, i: i32): v128 {
  return v128.load(base + (<usize>i << 3))
}

@inline
function vst(base: usize, i: i32, v: v128): void {
  v128.store(base + (<usize>i << 3), v)
}

/**
 * Adds lane 0, then lane 1 when it is a point of the rule (k + 1 < points), to `sum`: the
 * scalar loop's order of additions, so a sum over points is the same double.
 */
@inline
function addLanes(sum: f64, v: v128, k: i32, points: i32): f64 {
  sum += f64x2.extract_lane(v, 0)
  if (k + 1 < points) sum += f64x2.extract_lane(v, 1)
  return sum
}

/**
 * One tree's walk: linearTreeShap.ts's _linearTreeShap, the same operations in the same
 * order, two quadrature points per SIMD instruction (each lane does what the scalar loop
 * does for its point; sums over points add the lanes in point order). A rule with an odd
 * number of points is padded by ShapForest with one more point whose lane is computed and
 * never added.
 */
function explainTree(forest: usize, slot: usize, root: i32, points: i32, rule: usize): void {
  const nodes = <usize>load<i32>(forest)
  const stride = load<i32>(forest, 16)
  const mem = <usize>load<i32>(slot)
  const levelNode = <usize>load<i32>(slot, 4)
  const levelGoLeft = <usize>load<i32>(slot, 8)
  const levelFeature = <usize>load<i32>(slot, 12)
  const levelZero = <usize>load<i32>(slot, 16)
  const levelOne = <usize>load<i32>(slot, 20)
  const levelPrevious = <usize>load<i32>(slot, 24)
  const lastLevel = <usize>load<i32>(slot, 28)
  const stackNode = <usize>load<i32>(slot, 32)
  const stackLevel = <usize>load<i32>(slot, 36)
  const stackLeft = <usize>load<i32>(slot, 40)
  const x = <usize>load<i32>(slot, 44)
  const phi = <usize>load<i32>(slot, 48)
  // The rule's runs are padded to an even length (see ShapForest's layOut).
  const lanes = (points + 1) & ~1
  const ruleT = rule
  const ruleW = rule + (<usize>lanes << 3)
  const ruleOneMinusT = ruleW + (<usize>lanes << 3)
  const ruleCold = ruleOneMinusT + (<usize>lanes << 3)
  const block = BLOCK_RUNS * stride
  const sumRun = BLOCK_SUM * stride
  const ratioRun = BLOCK_RATIO * stride
  const inverseRun = BLOCK_INVERSE * stride
  const bracketRun = BLOCK_BRACKET * stride
  const ONE = f64x2.splat(1)
  for (let k = 0; k < lanes; k++) {
    st<f64>(mem, k, 1) // P at the root: the empty product
    st<f64>(mem, sumRun + k, 0)
  }
  let sp = 0
  {
    const rootNode = nodeAt(nodes, root)
    const g = rootNode.feature
    const goLeft = goesLeft(rootNode, ld<f64>(x, g))
    const l = rootNode.left
    const r = rootNode.right
    const ln = nodeAt(nodes, l)
    const rn = nodeAt(nodes, r)
    const leftValue: f64 = ln.feature < 0 ? ln.value : 0
    const rightValue: f64 = rn.feature < 0 ? rn.value : 0
    const leftZero = ln.fraction
    const rightZero = rn.fraction
    const a = leftValue * leftZero + rightValue * rightZero
    const b =
      leftValue * ((goLeft ? 1.0 : 0.0) - leftZero) + rightValue * ((goLeft ? 0.0 : 1.0) - rightZero)
    st<f64>(phi, g, ld<f64>(phi, g) + b)
    const av = f64x2.splat(a)
    const bv = f64x2.splat(b)
    for (let k = 0; k < lanes; k += 2) {
      vst(mem, sumRun + k, f64x2.add(vld(mem, sumRun + k), f64x2.add(av, f64x2.mul(bv, vld(ruleT, k)))))
    }
    st<i32>(levelNode, 0, root)
    st<i32>(levelGoLeft, 0, goLeft ? 1 : 0)
    if (rn.feature >= 0) {
      st<i32>(stackNode, sp, r)
      st<i32>(stackLeft, sp, 0)
      st<i32>(stackLevel, sp++, 1)
    }
    if (ln.feature >= 0) {
      st<i32>(stackNode, sp, l)
      st<i32>(stackLeft, sp, 1)
      st<i32>(stackLevel, sp++, 1)
    }
  }
  let top = 0
  while (sp > 0) {
    const node = ld<i32>(stackNode, --sp)
    const level = ld<i32>(stackLevel, sp)
    for (; top >= level; top--) closeLevel(mem, top, block, sumRun, bracketRun, points, lanes, levelFeature, levelPrevious, lastLevel, phi)
    const parent = nodeAt(nodes, ld<i32>(levelNode, level - 1))
    const f = parent.feature
    const previous = ld<i32>(lastLevel, f)
    const here = nodeAt(nodes, node)
    const zero = here.fraction * ld<f64>(levelZero, previous)
    const one: f64 = ld<i32>(stackLeft, sp) == ld<i32>(levelGoLeft, level - 1) ? ld<f64>(levelOne, previous) : 0
    if (zero == 0 && one == 0) continue
    const at = level * block
    const up = at - block
    const pv = previous * block
    const spread = one - zero
    const zv = f64x2.splat(zero)
    const spv = f64x2.splat(spread)
    const g = here.feature
    const goLeft = goesLeft(here, ld<f64>(x, g))
    const l = here.left
    const r = here.right
    const ln = nodeAt(nodes, l)
    const rn = nodeAt(nodes, r)
    const leftIsLeaf = ln.feature < 0
    const rightIsLeaf = rn.feature < 0
    if (leftIsLeaf || rightIsLeaf) {
      const self = g == f
      const leafPrevious = self ? level : ld<i32>(lastLevel, g)
      const lp = leafPrevious * block
      const carriedZero = self ? zero : ld<f64>(levelZero, leafPrevious)
      const carriedOne = self ? one : ld<f64>(levelOne, leafPrevious)
      const leftValue: f64 = leftIsLeaf ? ln.value : 0
      const rightValue: f64 = rightIsLeaf ? rn.value : 0
      const leftZero = ln.fraction * carriedZero
      const rightZero = rn.fraction * carriedZero
      const leftOne: f64 = goLeft ? carriedOne : 0
      const rightOne: f64 = goLeft ? 0 : carriedOne
      const a = leftValue * leftZero + rightValue * rightZero
      const b = leftValue * (leftOne - leftZero) + rightValue * (rightOne - rightZero)
      const av = f64x2.splat(a)
      const bv = f64x2.splat(b)
      let leaves: f64 = 0
      if (leftIsLeaf && rightIsLeaf) {
        let own: f64 = 0
        for (let k = 0; k < lanes; k += 2) {
          const tk = vld(ruleT, k)
          const q = f64x2.add(zv, f64x2.mul(spv, tk))
          const iq = f64x2.div(ONE, q)
          const rk = f64x2.mul(spv, iq)
          const p = f64x2.mul(f64x2.mul(vld(mem, up + k), q), vld(mem, pv + inverseRun + k))
          const pl = f64x2.mul(p, self ? iq : vld(mem, lp + inverseRun + k))
          const rl = self ? rk : vld(mem, lp + ratioRun + k)
          const m = f64x2.add(av, f64x2.mul(bv, tk))
          const gk = f64x2.mul(pl, m)
          const wk = vld(ruleW, k)
          leaves = addLanes(leaves, f64x2.mul(f64x2.mul(wk, pl), f64x2.sub(bv, f64x2.mul(rl, m))), k, points)
          own = addLanes(own, f64x2.mul(f64x2.mul(gk, wk), f64x2.sub(rk, vld(mem, pv + ratioRun + k))), k, points)
          vst(mem, up + sumRun + k, f64x2.add(vld(mem, up + sumRun + k), gk))
        }
        st<f64>(phi, g, ld<f64>(phi, g) + leaves)
        st<f64>(phi, f, ld<f64>(phi, f) + own)
        continue
      }
      for (let k = 0; k < lanes; k += 2) {
        const tk = vld(ruleT, k)
        const q = f64x2.add(zv, f64x2.mul(spv, tk))
        const iq = f64x2.div(ONE, q)
        const rk = f64x2.mul(spv, iq)
        const p = f64x2.mul(f64x2.mul(vld(mem, up + k), q), vld(mem, pv + inverseRun + k))
        const wk = vld(ruleW, k)
        vst(mem, at + k, p)
        vst(mem, at + ratioRun + k, rk)
        vst(mem, at + inverseRun + k, iq)
        vst(mem, at + bracketRun + k, f64x2.mul(wk, f64x2.sub(rk, vld(mem, pv + ratioRun + k))))
        const pl = f64x2.mul(p, self ? iq : vld(mem, lp + inverseRun + k))
        const rl = self ? rk : vld(mem, lp + ratioRun + k)
        const m = f64x2.add(av, f64x2.mul(bv, tk))
        leaves = addLanes(leaves, f64x2.mul(f64x2.mul(wk, pl), f64x2.sub(bv, f64x2.mul(rl, m))), k, points)
        vst(mem, at + sumRun + k, f64x2.mul(pl, m))
      }
      st<f64>(phi, g, ld<f64>(phi, g) + leaves)
    } else if (one == 1) {
      for (let k = 0; k < lanes; k += 2) {
        const q = f64x2.add(zv, f64x2.mul(spv, vld(ruleT, k)))
        const iq = f64x2.div(ONE, q)
        const rk = f64x2.mul(spv, iq)
        vst(mem, at + k, f64x2.mul(f64x2.mul(vld(mem, up + k), q), vld(mem, pv + inverseRun + k)))
        vst(mem, at + sumRun + k, f64x2.splat(0))
        vst(mem, at + ratioRun + k, rk)
        vst(mem, at + inverseRun + k, iq)
        vst(mem, at + bracketRun + k, f64x2.mul(vld(ruleW, k), f64x2.sub(rk, vld(mem, pv + ratioRun + k))))
      }
    } else {
      const iz = f64x2.splat(-(1 / zero))
      for (let k = 0; k < lanes; k += 2) {
        const rk = vld(ruleCold, k)
        vst(
          mem,
          at + k,
          f64x2.mul(f64x2.mul(f64x2.mul(vld(mem, up + k), zv), vld(ruleOneMinusT, k)), vld(mem, pv + inverseRun + k))
        )
        vst(mem, at + sumRun + k, f64x2.splat(0))
        vst(mem, at + ratioRun + k, rk)
        vst(mem, at + inverseRun + k, f64x2.mul(iz, rk))
        vst(mem, at + bracketRun + k, f64x2.mul(vld(ruleW, k), f64x2.sub(rk, vld(mem, pv + ratioRun + k))))
      }
    }
    st<i32>(levelNode, level, node)
    st<i32>(levelGoLeft, level, goLeft ? 1 : 0)
    st<i32>(levelFeature, level, f)
    st<f64>(levelZero, level, zero)
    st<f64>(levelOne, level, one)
    st<i32>(levelPrevious, level, previous)
    st<i32>(lastLevel, f, level)
    top = level
    if (!rightIsLeaf) {
      st<i32>(stackNode, sp, r)
      st<i32>(stackLeft, sp, 0)
      st<i32>(stackLevel, sp++, level + 1)
    }
    if (!leftIsLeaf) {
      st<i32>(stackNode, sp, l)
      st<i32>(stackLeft, sp, 1)
      st<i32>(stackLevel, sp++, level + 1)
    }
  }
  for (; top >= 1; top--) closeLevel(mem, top, block, sumRun, bracketRun, points, lanes, levelFeature, levelPrevious, lastLevel, phi)
}

/** Closes an open level: phi[f] += Q[G · bracket], G added to the parent's, the feature's previous level restored. */
@inline
function closeLevel(
  mem: usize,
  top: i32,
  block: i32,
  sumRun: i32,
  bracketRun: i32,
  points: i32,
  lanes: i32,
  levelFeature: usize,
  levelPrevious: usize,
  lastLevel: usize,
  phi: usize
): void {
  const at = top * block
  const up = at - block
  let total: f64 = 0
  for (let k = 0; k < lanes; k += 2) {
    const gk = vld(mem, at + sumRun + k)
    total = addLanes(total, f64x2.mul(gk, vld(mem, at + bracketRun + k)), k, points)
    vst(mem, up + sumRun + k, f64x2.add(vld(mem, up + sumRun + k), gk))
  }
  const f = ld<i32>(levelFeature, top)
  st<f64>(phi, f, ld<f64>(phi, f) + total)
  st<i32>(lastLevel, f, ld<i32>(levelPrevious, top))
}

/**
 * Σ over trees [firstTree, endTree) of the leaf value the slot's x reaches, added in tree
 * order from 0 (as TreeEnsemble's ensembleMargins sums before it divides).
 */
export function leafSum(forest: usize, slot: usize, firstTree: i32, endTree: i32): f64 {
  const nodes = <usize>load<i32>(forest)
  const trees = <usize>load<i32>(forest, 4)
  const x = <usize>load<i32>(slot, 44)
  let sum: f64 = 0
  for (let t = firstTree; t < endTree; t++) {
    let node = nodeAt(nodes, load<i32>(trees + (<usize>t << 4)))
    while (node.feature >= 0) {
      node = nodeAt(nodes, goesLeft(node, ld<f64>(x, node.feature)) ? node.left : node.right)
    }
    sum += node.value
  }
  return sum
}
