import { countBelow } from '../base/stats'
import { FOREST_COMBINE, type EnsembleCombine, type TreeEnsemble } from '../model/TreeEnsemble'
import type { FlatTree } from '../model/FlatTree'
import { FOREST_WALK_WASM } from './forestWalkWasm'
import { SharedForest } from './SharedForest'

/**
 * A forest laid out for batch scoring: every split's threshold replaced by its rank among
 * the feature's thresholds, rows binned to those ranks (u16), and the trees walked by the
 * WebAssembly kernel of src/wasm/forestWalk.ts (see there for the layout and why).
 *
 * Results are those of the FlatTree forest it was compiled from: `raw` equals
 * predictEnsemble bit for bit (the same leaf values added in the same tree order, missing
 * values sent the same way), and `path` is treeShap.ts's pathAttribution rounded to
 * 32-bit floats (enough to rank reasons shown to a tenth of a percentage point).
 *
 * The compiled trees live in one shared WebAssembly memory: {@link handle} passes it to
 * worker threads, which {@link attach} to it, each with a scratch slot of its own, so a
 * batch on N threads holds one copy of the model, not N.
 */
export class CompiledForest extends SharedForest<CompiledForestHandle> {
  /**
   * Rows per kernel call: a scoring chunk (scoreCsvFile's CHUNK_BYTES, ~5,200 rows) in one
   * call, since each call reads every tree once; its bins and attributions (~1 MB) still
   * sit in the L2 cache beside a tree.
   */
  static readonly CHUNK_ROWS = 8192

  private readonly kernel: Kernel
  private readonly scratch: Scratch

  private constructor(shared: CompiledForestHandle, slot: number) {
    super(shared, slot, shared.layout.scratch.length, 'CompiledForest')
    this.kernel = instantiate(shared.memory)
    this.scratch = shared.layout.scratch[slot]
  }

  /**
   * Compiles a forest, with `slots` scratch areas for as many threads scoring at once
   * (this object uses slot 0). Throws a RangeError for a malformed forest (a child outside
   * the tree, a cycle, a NaN threshold) or one beyond the layout's limits (65,535 features,
   * 65,534 distinct thresholds of one feature).
   */
  static compile(forest: TreeEnsemble, slots = 1): CompiledForest {
    return CompiledForest.compileTrees(forest.numFeatures, () => forest.trees, slots, forest.combine)
  }

  /**
   * Compiles the trees that `trees()` yields, in two passes (thresholds, then nodes), each
   * tree written into the kernel's memory as soon as it is compiled: given the trees of a
   * stored forest one at a time (serializedTrees), the process never holds the FlatTree
   * forest and its compiled copy together.
   */
  static compileTrees(
    numFeatures: number,
    trees: () => Iterable<FlatTree>,
    slots = 1,
    combine: EnsembleCombine = FOREST_COMBINE
  ): CompiledForest {
    if (numFeatures < 1 || numFeatures > 0xffff) {
      throw new RangeError(`CompiledForest: ${numFeatures} features; the layout holds 1 to 65,535`)
    }
    if (!Number.isInteger(slots) || slots < 1) throw new RangeError(`CompiledForest: ${slots} slots`)
    const { cuts, numTrees, numNodes, rootSum } = survey(trees(), numFeatures)
    if (numTrees === 0) throw new RangeError('CompiledForest: the forest has no trees')
    const numCuts = cuts.reduce((s, c) => s + c.length, 0)
    const layout = planLayout(numNodes, numTrees, numCuts, numFeatures, slots)
    const pages = Math.ceil(layout.bytes / 65536)
    const memory = new WebAssembly.Memory({ initial: pages, maximum: pages, shared: true })
    writeCuts(memory.buffer, layout, cuts)
    const writer = new TreeWriter(memory.buffer, layout, numNodes)
    let t = 0
    // Path deltas are stored pre-divided for a mean, so the kernel's sums are already means.
    const perTree = combine.aggregate === 'mean' ? numTrees : 1
    for (const tree of trees()) writer.write(t, compileTree(tree, t++, cuts, perTree))
    const expected = (combine.aggregate === 'mean' ? rootSum / numTrees : rootSum) + combine.bias
    return new CompiledForest({ memory, layout, numTrees, numFeatures, combine, expectedMargin: expected }, 0)
  }

  /** Uses the compiled forest of another thread's {@link handle}, with scratch slot `slot`. */
  static attach(handle: CompiledForestHandle, slot: number): CompiledForest {
    return new CompiledForest(handle, slot)
  }

  /** The margin of the model's average training row, as TreeEnsemble's expectedMargin computes it. */
  get expectedMargin(): number {
    return this.shared.expectedMargin
  }

  /**
   * Forest probabilities of `numRows` rows of column-major features (NaN = missing), and
   * with `withPath` their path attributions (row-major, numRows × numFeatures, averaged
   * over trees).
   */
  predict(columns: ArrayLike<number>[], numRows: number, withPath: boolean): ForestOutput {
    const numFeatures = this.numFeatures
    if (columns.length < numFeatures) {
      throw new RangeError(`the forest needs ${numFeatures} feature columns, got ${columns.length}`)
    }
    for (let f = 0; f < numFeatures; f++) {
      if (columns[f].length < numRows) {
        throw new RangeError(`column ${f} has ${columns[f].length} rows, expected ${numRows}`)
      }
    }
    const raw = new Float64Array(numRows)
    const path = withPath ? new Float32Array(numRows * numFeatures) : null
    for (let start = 0; start < numRows; start += CompiledForest.CHUNK_ROWS) {
      const count = Math.min(CompiledForest.CHUNK_ROWS, numRows - start)
      this._predictChunk(columns, start, count, raw, path)
    }
    return { raw, path }
  }

  /**
   * Per row of `numRows` rows of column-major features, the sum of the leaf values of the
   * trees t with trees[t][r] = 1, added in tree order: an out-of-bag score is this sum over
   * the trees that left the row out, divided by their number (trainForest's oobProbability,
   * bit for bit). `trees` holds one 0/1 mask over the rows per tree.
   */
  sumOverTrees(columns: ArrayLike<number>[], numRows: number, trees: Uint8Array[]): Float64Array {
    if (trees.length !== this.shared.numTrees) {
      throw new RangeError(`${trees.length} tree masks for a forest of ${this.shared.numTrees} trees`)
    }
    const sums = new Float64Array(numRows)
    for (let start = 0; start < numRows; start += CompiledForest.CHUNK_ROWS) {
      const count = Math.min(CompiledForest.CHUNK_ROWS, numRows - start)
      const hasMissing = this._binChunk(columns, start, count)
      const { memory, layout, numTrees } = this.shared
      const S = this.scratch
      const total = new Float64Array(memory.buffer, S.total, count)
      total.fill(0)
      // Once binned, the chunk's value and path regions are free: the trees' row lists go
      // there (indices in the value region, each group's starts in the path region), as
      // many trees per kernel call as their lists fit.
      const capacity = (S.nodeOf - S.columns) >> 2
      const maxGroup = ((S.total - S.phi) >> 2) - 1
      const index = new Int32Array(memory.buffer, S.columns, capacity)
      const starts = new Int32Array(memory.buffer, S.phi, maxGroup + 1)
      for (let first = 0; first < numTrees;) {
        let used = 0
        let t = first
        for (; t < numTrees && t - first < maxGroup && used + count <= capacity; t++) {
          starts[t - first] = used
          const mask = trees[t]
          for (let r = 0; r < count; r++) if (mask[start + r] === 1) index[used++] = r
        }
        starts[t - first] = used
        this.kernel.walkForestRows(
          layout.nodes,
          layout.values,
          layout.roots + first * 4,
          layout.depths + first * 4,
          t - first,
          S.bins,
          this.shared.numFeatures,
          S.phi,
          S.columns,
          S.total,
          S.nodeOf,
          hasMissing ? layout.missingLeft : 0
        )
        first = t
      }
      sums.set(total, start)
    }
    return sums
  }

  /** Copies rows [start, start + count) into the kernel's memory and bins them; true when a value is missing. */
  private _binChunk(columns: ArrayLike<number>[], start: number, count: number): boolean {
    const { memory, layout, numFeatures: F } = this.shared
    const S = this.scratch
    const values = new Float64Array(memory.buffer, S.columns, count * F)
    for (let f = 0; f < F; f++) {
      const column = columns[f]
      const at = f * count
      if (column instanceof Float64Array) values.set(column.subarray(start, start + count), at)
      else for (let r = 0; r < count; r++) values[at + r] = column[start + r]
    }
    return this.kernel.binColumns(S.columns, count, F, layout.cuts, layout.cutStart, S.bins) === 1
  }

  /** One kernel call over rows [start, start + count), count ≤ CHUNK_ROWS. */
  private _predictChunk(
    columns: ArrayLike<number>[],
    start: number,
    count: number,
    raw: Float64Array,
    path: Float32Array | null
  ): void {
    const { memory, layout, numTrees, numFeatures: F } = this.shared
    const S = this.scratch
    const buffer = memory.buffer
    const hasMissing = this._binChunk(columns, start, count)
    const total = new Float64Array(buffer, S.total, count)
    const phi = new Float32Array(buffer, S.phi, count * F)
    total.fill(0)
    if (path) phi.fill(0)
    this.kernel.walkForest(
      layout.nodes,
      layout.values,
      layout.roots,
      layout.depths,
      numTrees,
      S.bins,
      F,
      count,
      S.total,
      path ? S.phi : 0,
      S.nodeOf,
      hasMissing ? layout.missingLeft : 0
    )
    const { aggregate, bias } = this.shared.combine
    if (aggregate === 'mean') for (let r = 0; r < count; r++) raw[start + r] = total[r] / numTrees + bias
    else for (let r = 0; r < count; r++) raw[start + r] = total[r] + bias
    // For a mean the node deltas are stored divided by the number of trees: phi is already the mean.
    if (path) path.set(phi, start * F)
  }
}

/** A compiled forest as it crosses to a worker thread: the shared memory and how it is laid out. */
export interface CompiledForestHandle {
  memory: WebAssembly.Memory
  layout: Layout
  numTrees: number
  numFeatures: number
  combine: EnsembleCombine
  expectedMargin: number
}

/** What {@link CompiledForest.predict} returns. */
export interface ForestOutput {
  /** Margin per row (TreeEnsemble's ensembleMargins; for a forest, P(y = 1): the mean of the leaf values). */
  raw: Float64Array
  /** Row-major numRows × numFeatures path attributions (Σ per row = raw − mean root value), or null. */
  path: Float32Array | null
}

/** The kernel's exports (src/wasm/forestWalk.ts). */
interface Kernel {
  walkForest: WalkForest
  walkForestRows: (
    ...args: [
      ...TreeArgs,
      rowStart: number,
      rowIndex: number,
      total: number,
      nodeOf: number,
      missingLeft: number
    ]
  ) => void
  binColumns: (
    columns: number,
    numRows: number,
    numFeatures: number,
    cuts: number,
    cutStart: number,
    bins: number
  ) => number
}

/** What both walks take first: the trees' regions and sizes, and the binned rows' region and stride. */
type TreeArgs = [
  nodes: number,
  values: number,
  roots: number,
  depths: number,
  numTrees: number,
  bins: number,
  stride: number
]

type WalkForest = (
  ...args: [...TreeArgs, numRows: number, total: number, phi: number, nodeOf: number, missingLeft: number]
) => void

/** Byte offsets of one thread's working regions (see src/wasm/forestWalk.ts). */
interface Scratch {
  /** The chunk's feature values, column-major f64, before binning. */
  columns: number
  nodeOf: number
  bins: number
  phi: number
  total: number
}

/** Byte offsets of the regions of the kernel's memory: the trees, then one scratch area per slot. */
export interface Layout {
  nodes: number
  values: number
  missingLeft: number
  roots: number
  depths: number
  /** Every feature's cuts (f64), one feature after another, and where each starts (i32, numFeatures + 1). */
  cuts: number
  cutStart: number
  scratch: Scratch[]
  bytes: number
  /** What the layout was planned for (a stored form records them). */
  numNodes: number
  numCuts: number
}

/** Rows of walkForestRows' block, stepped in lockstep (BLOCK in src/wasm/forestWalk.ts): its nodeOf scratch. */
const KERNEL_BLOCK = 256
/** Cut index of leaves: never below a bin, so a leaf's step always takes its (self) left link. */
const LEAF_CUT = 0xffff
/** Bins are u16 and 0xffff marks a missing value (MISSING_BIN in src/wasm/forestWalk.ts). */
const MAX_CUTS = LEAF_CUT - 1

/** Where each region of a compiled forest's memory lies (exported for its stored form, compiledForestStore.ts). */
export function planLayout(
  numNodes: number,
  numTrees: number,
  numCuts: number,
  numFeatures: number,
  slots: number
): Layout {
  let at = 0
  const region = (bytes: number): number => {
    const start = at
    at += Math.ceil(bytes / 16) * 16
    return start
  }
  const nodes = region(numNodes * 16)
  const values = region(numNodes * 8)
  const missingLeft = region(numNodes)
  const roots = region(numTrees * 4)
  const depths = region(numTrees * 4)
  const cuts = region(numCuts * 8)
  const cutStart = region((numFeatures + 1) * 4)
  const rows = CompiledForest.CHUNK_ROWS
  const scratch = Array.from({ length: slots }, () => ({
    columns: region(rows * numFeatures * 8),
    nodeOf: region(KERNEL_BLOCK * 4),
    bins: region(rows * numFeatures * 2),
    phi: region(rows * numFeatures * 4),
    total: region(rows * 8)
  }))
  return { nodes, values, missingLeft, roots, depths, cuts, cutStart, scratch, bytes: at, numNodes, numCuts }
}

function writeCuts(buffer: ArrayBufferLike, layout: Layout, cuts: Float64Array[]): void {
  const starts = new Int32Array(buffer, layout.cutStart, cuts.length + 1)
  let at = 0
  cuts.forEach((c, f) => {
    starts[f] = at
    new Float64Array(buffer, layout.cuts + at * 8, c.length).set(c)
    at += c.length
  })
  starts[cuts.length] = at
}

/** Writes compiled trees one after another into the kernel's memory. */
class TreeWriter {
  private readonly i32: Int32Array
  private readonly f32: Float32Array
  private readonly values: Float64Array
  private readonly missingLeft: Uint8Array
  private first = 0

  constructor(
    buffer: ArrayBufferLike,
    private readonly layout: Layout,
    numNodes: number
  ) {
    this.i32 = new Int32Array(buffer)
    this.f32 = new Float32Array(buffer)
    this.values = new Float64Array(buffer, layout.values, numNodes)
    this.missingLeft = new Uint8Array(buffer, layout.missingLeft, numNodes)
  }

  write(index: number, tree: CompiledTree): void {
    const { i32, f32, values, missingLeft, first, layout } = this
    for (let k = 0; k < tree.numNodes; k++) {
      const at = (layout.nodes >> 2) + (first + k) * 4
      i32[at] = tree.split[k]
      i32[at + 1] = first + tree.left[k]
      f32[at + 2] = tree.deltaLeft[k]
      f32[at + 3] = tree.deltaRight[k]
      values[first + k] = tree.value[k]
      missingLeft[first + k] = tree.missingLeft[k]
    }
    i32[(layout.roots >> 2) + index] = first
    i32[(layout.depths >> 2) + index] = tree.depth
    this.first += tree.numNodes
  }
}

function instantiate(memory: WebAssembly.Memory): Kernel {
  const module = new WebAssembly.Module(Buffer.from(FOREST_WALK_WASM, 'base64'))
  const instance = new WebAssembly.Instance(module, { env: { memory } })
  return instance.exports as unknown as Kernel
}

/**
 * The first pass: every feature's split thresholds (sorted, distinct), the number of trees
 * and nodes (an upper bound: nodes no walk reaches are dropped later) and the mean root
 * value, summed in tree order as scoreApplicants' meanRootValue does.
 */
function survey(
  trees: Iterable<FlatTree>,
  numFeatures: number
): { cuts: Float64Array[]; numTrees: number; numNodes: number; rootSum: number } {
  const sets = Array.from({ length: numFeatures }, () => new Set<number>())
  let numTrees = 0
  let numNodes = 0
  let rootSum = 0
  for (const tree of trees) {
    const t = numTrees++
    numNodes += tree.feature.length
    rootSum += tree.value[0]
    for (let node = 0; node < tree.feature.length; node++) {
      const f = tree.feature[node]
      if (f < 0) continue
      if (f >= numFeatures) {
        throw new RangeError(
          `CompiledForest: tree ${t} node ${node} splits on feature ${f}, the forest has ${numFeatures}`
        )
      }
      const threshold = tree.threshold[node]
      if (Number.isNaN(threshold))
        throw new RangeError(`CompiledForest: tree ${t} node ${node} has a NaN threshold`)
      sets[f].add(threshold)
    }
  }
  const cuts = sets.map((set, f) => {
    if (set.size > MAX_CUTS) {
      throw new RangeError(
        `CompiledForest: feature ${f} has ${set.size} distinct thresholds; the layout holds ${MAX_CUTS}`
      )
    }
    return Float64Array.from(set).sort()
  })
  return { cuts, numTrees, numNodes, rootSum }
}

/** A tree renumbered breadth-first so that siblings are adjacent (right = left + 1). */
interface CompiledTree {
  numNodes: number
  depth: number
  /** feature | cut << 16 per node; LEAF_CUT << 16 on leaves. */
  split: Int32Array
  /** Left child (local index); a leaf's is itself. */
  left: Int32Array
  deltaLeft: Float32Array
  deltaRight: Float32Array
  value: Float64Array
  /** 1 where a missing value goes left; 1 on leaves too, so that they keep a row in place. */
  missingLeft: Uint8Array
}

/** `perTree` divides the value deltas (the tree count for a mean, else 1), so the kernel's path sums combine as the leaves do. */
function compileTree(tree: FlatTree, index: number, cuts: Float64Array[], perTree: number): CompiledTree {
  const numNodes = tree.feature.length
  const order = new Int32Array(numNodes)
  const level = new Int32Array(numNodes)
  const seen = new Uint8Array(numNodes)
  const split = new Int32Array(numNodes)
  const left = new Int32Array(numNodes)
  const deltaLeft = new Float32Array(numNodes)
  const deltaRight = new Float32Array(numNodes)
  const value = new Float64Array(numNodes)
  const missingLeft = new Uint8Array(numNodes)
  const bad = (what: string): RangeError => new RangeError(`CompiledForest: tree ${index} ${what}`)
  if (numNodes === 0) throw bad('has no nodes')
  let size = 1
  let depth = 0
  seen[0] = 1
  for (let k = 0; k < size; k++) {
    const old = order[k]
    value[k] = tree.value[old]
    const f = tree.feature[old]
    if (f < 0) {
      split[k] = LEAF_CUT << 16
      left[k] = k
      missingLeft[k] = 1
      continue
    }
    const children = [tree.left[old], tree.right[old]]
    for (const child of children) {
      if (child < 0 || child >= numNodes)
        throw bad(`node ${old} has child ${child}, outside its ${numNodes} nodes`)
      if (seen[child]) throw bad(`node ${child} is reached twice (a cycle or a shared child)`)
      seen[child] = 1
      order[size] = child
      level[size] = level[k] + 1
      size++
    }
    depth = Math.max(depth, level[k] + 1)
    split[k] = f | (countBelow(cuts[f], tree.threshold[old]) << 16)
    left[k] = size - 2
    deltaLeft[k] = (tree.value[children[0]] - tree.value[old]) / perTree
    deltaRight[k] = (tree.value[children[1]] - tree.value[old]) / perTree
    missingLeft[k] = tree.missingLeft[old] === 1 ? 1 : 0
  }
  return {
    numNodes: size,
    depth,
    split: split.subarray(0, size),
    left: left.subarray(0, size),
    deltaLeft: deltaLeft.subarray(0, size),
    deltaRight: deltaRight.subarray(0, size),
    value: value.subarray(0, size),
    missingLeft: missingLeft.subarray(0, size)
  }
}
