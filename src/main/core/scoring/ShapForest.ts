import type { EnsembleCombine, TreeEnsemble } from '../model/TreeEnsemble'
import { prepareForestShap, type ForestShap, type PreparedForestShap } from './linearTreeShap'
import { TREE_SHAP_WASM } from './treeShapWasm'
import { SharedForest } from './SharedForest'

/**
 * Scratch slots of every ShapForest: slot 0 for the thread that compiled it, the others for
 * worker threads that attach (the /predict pool has at most MAX_SLOTS − 1). A slot is a few
 * kilobytes, so a fixed count costs nothing and lets any thread attach to a loaded model.
 */
export const MAX_SLOTS = 17

/** Bytes of one node record (see src/wasm/treeShap.ts). */
const NODE_BYTES = 40
/** Bytes of one tree entry: root, quadrature points, rule address, padding. */
const TREE_BYTES = 16
/** Slot header: thirteen i32 addresses, padded. */
const SLOT_HEADER_BYTES = 64
const FOREST_HEADER_BYTES = 64

interface Kernel {
  explainTrees(forest: number, slot: number, firstTree: number, endTree: number): void
  leafSum(forest: number, slot: number, firstTree: number, endTree: number): number
}

/** What another thread needs to {@link ShapForest.attach}: structured-cloneable, the trees shared. */
export interface ShapForestHandle {
  memory: WebAssembly.Memory
  numTrees: number
  numFeatures: number
  /** The margin of the average training row (PreparedForestShap.base). */
  base: number
  /** 1 / trees for a mean, 1 for a sum. */
  scale: number
  combine: EnsembleCombine
  /** Per slot: its header's address, and its x and phi (f64 per feature) addresses. */
  slots: { header: number; x: number; phi: number }[]
}

/**
 * A forest laid out for exact TreeSHAP in WebAssembly (src/wasm/treeShap.ts): the same
 * values as linearTreeShap.ts's forestShapPrepared bit for bit (the kernel is its
 * operation-for-operation transcription), several times faster, and the trees in one shared
 * memory, so worker threads {@link attach} to the one copy, each with a scratch slot of its
 * own. {@link margin} walks the same trees to the forest's margin, as
 * predictEnsembleVector sums it, for a score without reasons.
 */
export class ShapForest extends SharedForest<ShapForestHandle> {
  private readonly kernel: Kernel
  private readonly x: Float64Array
  private readonly phi: Float64Array
  private readonly header: number

  private constructor(shared: ShapForestHandle, slot: number) {
    super(shared, slot, shared.slots.length, 'ShapForest')
    const { header, x, phi } = shared.slots[slot]
    kernelModule ??= new WebAssembly.Module(Buffer.from(TREE_SHAP_WASM, 'base64'))
    this.kernel = new WebAssembly.Instance(kernelModule, { env: { memory: shared.memory } })
      .exports as unknown as Kernel
    this.header = header
    this.x = new Float64Array(shared.memory.buffer, x, shared.numFeatures)
    this.phi = new Float64Array(shared.memory.buffer, phi, shared.numFeatures)
  }

  /**
   * Lays out a forest (checked and measured by prepareForestShap, or given `prepared` for
   * it) with MAX_SLOTS scratch slots; this object uses slot 0. Throws what
   * prepareForestShap throws for a malformed forest.
   */
  static compile(
    forest: Pick<TreeEnsemble, 'trees' | 'numFeatures' | 'combine'>,
    prepared: PreparedForestShap = prepareForestShap(forest)
  ): ShapForest {
    return new ShapForest(layOut(forest, prepared, MAX_SLOTS), 0)
  }

  /** Uses another thread's forest ({@link handle}) with scratch slot `slot`, which no other thread may use. */
  static attach(handle: ShapForestHandle, slot: number): ShapForest {
    return new ShapForest(handle, slot)
  }

  /** The margin of the model's average training row (TreeEnsemble's expectedMargin). */
  get expectedMargin(): number {
    return this.shared.base
  }

  /** Exact TreeSHAP of one feature vector: forestShapPrepared's result, bit for bit. */
  explain(x: ArrayLike<number>): ForestShap {
    this.load(x)
    this.phi.fill(0)
    this.kernel.explainTrees(FOREST_HEADER_AT, this.header, 0, this.shared.numTrees)
    const phi = Float64Array.from(this.phi)
    const scale = this.shared.scale
    if (scale !== 1) for (let i = 0; i < phi.length; i++) phi[i] *= scale
    return { base: this.shared.base, phi }
  }

  /** The ensemble's margin for one feature vector (before the link), as predictEnsembleVector sums it. */
  margin(x: ArrayLike<number>): number {
    this.load(x)
    const sum = this.kernel.leafSum(FOREST_HEADER_AT, this.header, 0, this.shared.numTrees)
    const { aggregate, bias } = this.shared.combine
    return (aggregate === 'mean' ? sum / this.shared.numTrees : sum) + bias
  }

  private load(x: ArrayLike<number>): void {
    const n = this.shared.numFeatures
    if (x.length < n) {
      throw new RangeError(`forestShap: the feature vector has ${x.length} values but the model has ${n}`)
    }
    for (let i = 0; i < n; i++) this.x[i] = x[i]
  }
}

/** The kernel, compiled once per thread. */
let kernelModule: WebAssembly.Module | undefined

/** ShapForests of loaded models, by their prepared forest (one per loaded model, immutable). */
const laidOut = new WeakMap<PreparedForestShap, ShapForest>()

/**
 * The ShapForest of a loaded model (its ensemble and the forest prepareForestShap checked
 * once), laid out on the first call and kept as long as the prepared forest lives: a second
 * copy of the trees (~40 bytes a node) that exact reasons and /predict's worker threads use.
 */
export function shapForestOf(
  ensemble: Pick<TreeEnsemble, 'trees' | 'numFeatures' | 'combine'>,
  prepared: PreparedForestShap
): ShapForest {
  let forest = laidOut.get(prepared)
  if (!forest) {
    forest = ShapForest.compile(ensemble, prepared)
    laidOut.set(prepared, forest)
  }
  return forest
}

/** The forest header sits at the start of the memory. */
const FOREST_HEADER_AT = 0

/** Rounds a byte offset up to a multiple of 16: the kernel reads runs of f64 two at a time (v128). */
function align16(bytes: number): number {
  return Math.ceil(bytes / 16) * 16
}

/** A rule's point count rounded up to even: the kernel takes points in pairs. */
function lanesOf(points: number): number {
  return points + (points % 2)
}

/** Writes the forest, its quadrature rules and `slots` scratch slots into a new shared memory. */
function layOut(
  forest: Pick<TreeEnsemble, 'trees' | 'numFeatures' | 'combine'>,
  prepared: PreparedForestShap,
  slots: number
): ShapForestHandle {
  const { trees, numFeatures } = forest
  const numNodes = trees.reduce((s, t) => s + t.feature.length, 0)
  const ruleAt: number[] = []
  let at = FOREST_HEADER_BYTES
  for (const rule of prepared.rules) {
    ruleAt.push(at)
    at += 4 * 8 * lanesOf(rule.points)
  }
  const treesAt = at
  at += TREE_BYTES * trees.length
  const nodesAt = align16(at)
  at = nodesAt + NODE_BYTES * numNodes
  const stride = Math.max(2, lanesOf(prepared.maxPoints))
  const none = prepared.maxDepth + 1
  const levels = none + 1
  const slotBytes = slotLayout(levels, stride, numFeatures, 0).bytes
  const slotsAt = align16(at)
  const bytes = slotsAt + slots * slotBytes
  const pages = Math.ceil(bytes / 65536)
  const memory = new WebAssembly.Memory({ initial: pages, maximum: pages, shared: true })
  const buffer = memory.buffer
  const i32 = new Int32Array(buffer)
  const f64 = new Float64Array(buffer)
  i32.set([nodesAt, treesAt, trees.length, numFeatures, stride, none], FOREST_HEADER_AT / 4)
  prepared.rules.forEach((rule, i) => {
    const base = ruleAt[i] / 8
    const lanes = lanesOf(rule.points)
    // A padding point (t = 1/2, weight 0) keeps its lane finite; the kernel never adds it.
    f64.fill(0.5, base, base + lanes).set(rule.t, base)
    f64.fill(0, base + lanes, base + 2 * lanes).set(rule.w, base + lanes)
    f64.fill(0.5, base + 2 * lanes, base + 3 * lanes).set(rule.oneMinusT, base + 2 * lanes)
    f64.fill(-2, base + 3 * lanes, base + 4 * lanes).set(rule.coldRatio, base + 3 * lanes)
  })
  let first = 0
  for (let t = 0; t < trees.length; t++) {
    const tree = trees[t]
    const rule = prepared.ruleOfTree[t]
    const entry = (treesAt + TREE_BYTES * t) / 4
    i32[entry] = first
    i32[entry + 1] = rule < 0 ? 0 : prepared.rules[rule].points
    i32[entry + 2] = rule < 0 ? 0 : ruleAt[rule]
    const { feature, threshold, missingLeft, left, right, value, cover } = tree
    for (let n = 0; n < feature.length; n++) {
      const node = nodesAt + NODE_BYTES * (first + n)
      const d = node / 8
      const w = node / 4
      f64[d] = threshold[n]
      f64[d + 1] = value[n]
      i32[w + 6] = feature[n]
      i32[w + 7] = feature[n] < 0 ? -1 : first + left[n]
      i32[w + 8] = feature[n] < 0 ? -1 : first + right[n]
      i32[w + 9] = missingLeft[n]
      if (feature[n] < 0) continue
      // Each child's share of this node's cover, as linearTreeShap.ts divides it on every visit.
      const parentCover = cover[n]
      for (const child of [left[n], right[n]]) {
        f64[(nodesAt + NODE_BYTES * (first + child)) / 8 + 2] =
          parentCover > 0 ? cover[child] / parentCover : 0
      }
    }
    first += feature.length
  }
  const slotList: ShapForestHandle['slots'] = []
  for (let s = 0; s < slots; s++) {
    const layout = slotLayout(levels, stride, numFeatures, slotsAt + s * slotBytes)
    i32.set(layout.header, layout.at / 4)
    slotList.push({ header: layout.at, x: layout.x, phi: layout.phi })
  }
  return {
    memory,
    numTrees: trees.length,
    numFeatures,
    base: prepared.base,
    scale: prepared.scale,
    combine: { ...forest.combine },
    slots: slotList
  }
}

/**
 * One slot's addresses from `at`: the header (the kernel reads them in this order: mem,
 * levelNode, levelGoLeft, levelFeature, levelZero, levelOne, levelPrevious, lastLevel,
 * stackNode, stackLevel, stackLeft, x, phi) and the runs it points to.
 */
function slotLayout(
  levels: number,
  stride: number,
  numFeatures: number,
  at: number
): { at: number; bytes: number; header: number[]; x: number; phi: number } {
  let next = at + SLOT_HEADER_BYTES
  const take = (bytes: number): number => {
    const here = next
    next = align16(next + bytes)
    return here
  }
  const header = [
    take(8 * levels * 5 * stride),
    take(4 * levels),
    take(4 * levels),
    take(4 * levels),
    take(8 * levels),
    take(8 * levels),
    take(4 * levels),
    take(4 * numFeatures),
    take(4 * (levels + 2)),
    take(4 * (levels + 2)),
    take(4 * (levels + 2)),
    take(8 * numFeatures),
    take(8 * numFeatures)
  ]
  return { at, bytes: next - at, header, x: header[11], phi: header[12] }
}
