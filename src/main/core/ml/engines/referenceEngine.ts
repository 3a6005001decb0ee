import { RandomForestClassifier } from 'ml-random-forest'
import type { FlatTree } from '../../model/FlatTree'
import { FOREST_COMBINE, type TreeEnsemble } from '../../model/TreeEnsemble'
import type { Engine } from './Engine'

/**
 * The `ml-random-forest` package as a selectable reference engine. Measured here, its
 * trees cost time growing with the square of the rows (one depth-15 tree: 1,000 rows
 * 0.5 s, 8,000 rows 23.5 s) and it samples features once per tree, not per split, so it
 * is only for small data and as a cross-check of our engine. Its trees are converted to
 * our FlatTree format, so scoring, reasons and storage are the same for both engines.
 */

/** The reference engine behind the seam: no out-of-bag record, so the pipeline must find honest scores itself. */
export const referenceEngine: Engine = {
  id: 'ml-random-forest',
  label: 'ml-random-forest (reference)',
  describe: (p) => `ml-random-forest ${p.trees}×${p.maxDepth}`,
  estimateSeconds: (fitRows, p) => ({
    // Quadratic in rows, fitted on the figures above.
    seconds: p.trees * 4e-7 * fitRows * fitRows,
    note: 'The ml-random-forest reference engine is slow on large data: its time grows with the square of the rows.'
  }),
  foldParams: (p, folds) => ({ ...p, trees: Math.max(1, Math.ceil(p.trees / folds)) }),
  async train({ fitRows, params }) {
    const fit = fitRows()
    return { ensemble: trainReferenceForest(fit.columns, fit.y, params), outOfBag: null, notes: [] }
  }
}

interface CartNode {
  splitColumn?: number
  splitValue?: number
  left?: CartNode
  right?: CartNode
  distribution?: { data?: number[][] } | number[][]
}

/** Trains ml-random-forest on the same feature columns and converts it to a Forest. */
export function trainReferenceForest(
  columns: Float64Array[],
  y: Uint8Array,
  options: { trees: number; maxDepth: number; minSamplesLeaf: number; seed: number }
): TreeEnsemble {
  const n = y.length
  const rows: number[][] = Array.from({ length: n }, (_, i) => columns.map((c) => c[i]))
  const numFeatures = columns.length
  const model = new RandomForestClassifier({
    seed: options.seed,
    nEstimators: options.trees,
    maxFeatures: Math.max(1, Math.round(Math.sqrt(numFeatures))) / numFeatures,
    replacement: false,
    useSampleBagging: true,
    noOOB: true,
    treeOptions: { maxDepth: options.maxDepth, minNumSamples: Math.max(3, options.minSamplesLeaf * 2) }
  })
  model.train(rows, Array.from(y))
  // ml-random-forest 2.x wraps the forest in { baseModel, name }.
  const json = (
    model.toJSON() as unknown as { baseModel: { estimators: { root: CartNode }[]; indexes: number[][] } }
  ).baseModel
  const trees = json.estimators.map((est, t) => convertTree(est.root, json.indexes[t], columns, y))
  const importance = new Float64Array(numFeatures)
  return { numFeatures, trees, featureImportance: importance, combine: FOREST_COMBINE }
}

/** The largest double below x: turns ml-cart's `x < s` into our `x <= threshold`. */
function nextDown(x: number): number {
  const buf = new DataView(new ArrayBuffer(8))
  buf.setFloat64(0, x)
  const bits = buf.getBigUint64(0)
  if (x === 0) return -Number.MIN_VALUE
  buf.setBigUint64(0, x > 0 ? bits - 1n : bits + 1n)
  return buf.getFloat64(0)
}

function convertTree(
  root: CartNode,
  featureIndex: number[],
  columns: Float64Array[],
  y: Uint8Array
): FlatTree {
  const feature: number[] = []
  const threshold: number[] = []
  const left: number[] = []
  const right: number[] = []
  const leafValue: number[] = []
  const visit = (node: CartNode): number => {
    const id = feature.length
    feature.push(-1)
    threshold.push(0)
    left.push(-1)
    right.push(-1)
    leafValue.push(NaN)
    if (node.left && node.right && node.splitColumn !== undefined && node.splitValue !== undefined) {
      feature[id] = featureIndex[node.splitColumn]
      threshold[id] = nextDown(node.splitValue)
      left[id] = visit(node.left)
      right[id] = visit(node.right)
    } else {
      const dist = node.distribution
      const data = Array.isArray(dist) ? dist : (dist?.data ?? [[1]])
      const row = data[0] ?? [1]
      const total = row.reduce((a, b) => a + b, 0)
      leafValue[id] = total > 0 ? (row[1] ?? 0) / total : 0
    }
    return id
  }
  visit(root)
  const size = feature.length
  // ml-cart keeps no sample counts: route the training rows to get each node's cover,
  // which TreeSHAP needs, and make internal values the cover-weighted mean of leaves.
  const cover = new Float64Array(size)
  for (let i = 0; i < y.length; i++) {
    let node = 0
    for (;;) {
      cover[node]++
      if (feature[node] < 0) break
      node = columns[feature[node]][i] <= threshold[node] ? left[node] : right[node]
    }
  }
  const value = new Float64Array(size)
  const fill = (node: number): number => {
    if (feature[node] < 0) {
      value[node] = leafValue[node]
      return value[node] * cover[node]
    }
    const sum = fill(left[node]) + fill(right[node])
    value[node] = cover[node] > 0 ? sum / cover[node] : (value[left[node]] + value[right[node]]) / 2
    return sum
  }
  fill(0)
  return {
    feature: Int32Array.from(feature),
    threshold: Float64Array.from(threshold),
    missingLeft: new Uint8Array(size),
    left: Int32Array.from(left),
    right: Int32Array.from(right),
    value,
    cover
  }
}
