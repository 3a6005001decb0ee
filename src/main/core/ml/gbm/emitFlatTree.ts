import type { FlatTree } from '../../model/FlatTree'
import type { BinMapper } from '../binning'
import type { FlatTreeBuilder } from '../trees/FlatTreeBuilder'
import type { BoostedTree } from './BoostedTree'

/**
 * Turns a boosted tree on bins into the product's FlatTree, whose splits are `x <= t` on
 * raw values with a NaN direction, so that prediction, the compiled batch walk, exact
 * TreeSHAP, storage and ONNX export take it unchanged.
 *
 * A threshold split keeps its bin's upper edge as the threshold (for training values
 * `bin(x) <= b` exactly when `x <= edge[b]`, binning.ts). A category-set split becomes a
 * small balanced search over the runs of consecutive category bins that go the same way:
 * each leaf of that search ("exit") is one run and continues into a copy of the child the
 * run belongs to. NaN takes the path to one exit on its side (the heaviest) and, when its
 * side has no run of values, a first test `x <= +Infinity` sends every value one way and
 * NaN the other. Every row thus reaches the same leaf value as under the set split.
 *
 * Covers are the hessian sums of the rows that reach a node. An exit's cover is its run's
 * hessian (plus NaN's, on NaN's exit), and the copy of the child behind it has every cover
 * scaled by exit cover ÷ child cover. Path-dependent TreeSHAP then gives exactly the set
 * split's attributions: for the feature of the split, following x reaches the same
 * child's copy; not following it weighs the copies of a child by shares that sum to the
 * child's share of the node, and inside each copy the cover ratios are the child's own.
 * Internal values are the cover-weighted means of their children.
 */
export function emitFlatTree(tree: BoostedTree, mapper: BinMapper, builder: FlatTreeBuilder): FlatTree {
  builder.reset()
  new Emitter(tree, mapper, builder).emit(0, 1)
  builder.fillInternalValues()
  return builder.finish()
}

class Emitter {
  constructor(
    private readonly tree: BoostedTree,
    private readonly mapper: BinMapper,
    private readonly out: FlatTreeBuilder
  ) {}

  /** Emits the subtree of `node` with its covers multiplied by `scale`; returns its index. */
  emit(node: number, scale: number): number {
    const t = this.tree
    const f = t.feature[node]
    if (f < 0) return this.out.addNode(t.value[node], t.sumH[node] * scale)
    if (t.bin[node] < 0) return this.emitCategorical(node, scale)
    const id = this.out.addNode(0, t.sumH[node] * scale)
    const l = this.emit(t.left[node], scale)
    const r = this.emit(t.right[node], scale)
    const missingBin = this.mapper.numValueBins[f]
    this.out.setSplit(
      id,
      f,
      this.mapper.upperEdges[f][t.bin[node]],
      (t.sides[node] as Uint8Array)[missingBin],
      l,
      r
    )
    return id
  }

  private emitCategorical(node: number, scale: number): number {
    const t = this.tree
    const f = t.feature[node]
    const K = this.mapper.numValueBins[f]
    const edges = this.mapper.upperEdges[f]
    const sides = t.sides[node] as Uint8Array
    const binHess = t.binHess[node] as Float64Array
    // Runs of consecutive value bins going the same way: last bin, side, hessian.
    const runLast: number[] = []
    const runSide: number[] = []
    const runHess: number[] = []
    for (let b = 0; b < K; b++) {
      if (b === 0 || sides[b] !== sides[b - 1]) {
        runLast.push(b)
        runSide.push(sides[b])
        runHess.push(0)
      }
      const k = runLast.length - 1
      runLast[k] = b
      runHess[k] += binHess[b]
    }
    const missingSide = sides[K]
    const missingHess = binHess[K]
    let nanExit = -1
    for (let k = 0; k < runLast.length; k++) {
      if (runSide[k] === missingSide && (nanExit < 0 || runHess[k] > runHess[nanExit])) nanExit = k
    }
    const exitHess = runHess.slice()
    if (nanExit >= 0) exitHess[nanExit] += missingHess
    const child = (side: number): number => (side === 1 ? t.left[node] : t.right[node])
    const into = (c: number, hess: number): number => {
      const h = t.sumH[c]
      return this.emit(c, h > 0 ? (scale * hess) / h : 0)
    }
    const chain = (lo: number, hi: number): number => {
      if (lo === hi) return into(child(runSide[lo]), exitHess[lo])
      let hess = 0
      for (let k = lo; k <= hi; k++) hess += exitHess[k]
      const mid = (lo + hi) >> 1
      const id = this.out.addNode(0, hess * scale)
      const l = chain(lo, mid)
      const r = chain(mid + 1, hi)
      this.out.setSplit(id, f, edges[runLast[mid]], nanExit >= lo && nanExit <= mid ? 1 : 0, l, r)
      return id
    }
    if (nanExit >= 0) return chain(0, runLast.length - 1)
    // NaN's side holds no value: values (one run) left of +Infinity, NaN right.
    const id = this.out.addNode(0, t.sumH[node] * scale)
    const values = chain(0, runLast.length - 1)
    const missing = into(child(missingSide), missingHess)
    this.out.setSplit(id, f, edges[K - 1], 0, values, missing)
    return id
  }
}
