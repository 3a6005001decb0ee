import type { FlatTree } from '../../model/FlatTree'
import { FlatTreeBuilder } from '../trees/FlatTreeBuilder'
import type { FeatureSpec } from '../../model/ModelArtifact'
import type { Characteristic, ScorecardTable } from '../../model/ScorecardTable'
import type { TreeEnsemble } from '../../model/TreeEnsemble'

/**
 * A scorecard as a TreeEnsemble, so scoring, the compiled batch walk, storage and ONNX
 * export take it as they take any model: one small tree per characteristic whose leaves
 * are its bins' margins (−coefficient × WoE), summed onto the bias (−intercept) and put
 * through the logistic link: P(default) = σ(−ln odds of repaying).
 *
 * Each tree first sends a missing value (NaN) right to the missing bin's leaf with a split
 * no number fails (x <= +∞, missing right); numbers then go down a balanced search over the
 * bins' splits. Categories are codes (the feature's sorted levels), so a categorical bin is
 * the runs of consecutive codes it holds, searched by thresholds between codes (c + 0.5).
 */
export function scorecardEnsemble(table: ScorecardTable, features: FeatureSpec[]): TreeEnsemble {
  const trees = table.characteristics.map((c) => characteristicTree(c, featureIndexOf(c, features), features))
  const importance = new Float64Array(features.length)
  for (const c of table.characteristics)
    importance[featureIndexOf(c, features)] = Math.abs(c.coefficient) * woeSpread(c)
  const sum = importance.reduce((s, v) => s + v, 0)
  if (sum > 0) for (let f = 0; f < importance.length; f++) importance[f] /= sum
  return {
    numFeatures: features.length,
    trees,
    featureImportance: importance,
    combine: { aggregate: 'sum', bias: -table.intercept, link: 'logistic' }
  }
}

/** The model feature a characteristic reads. */
export function featureIndexOf(c: Pick<Characteristic, 'feature'>, features: FeatureSpec[]): number {
  const f = features.findIndex((s) => s.name === c.feature)
  if (f < 0) throw new Error(`the scorecard's characteristic ${c.feature} is not a feature of the model`)
  return f
}

/** A leaf-to-be: consecutive feature values (a numeric bin, or a run of codes) and the bin they score as. */
interface Segment {
  bin: number
  /** Training rows credited to the segment: a bin's rows go to its first segment. */
  cover: number
  /** The threshold between this segment and the next (undefined on the last). */
  upper?: number
}

/** The tree of one characteristic over feature `f`. */
function characteristicTree(c: Characteristic, f: number, features: FeatureSpec[]): FlatTree {
  const regular = c.bins.length - 1
  const segments: Segment[] = []
  if (c.kind === 'numeric') {
    const splits = c.splits ?? []
    for (let k = 0; k < regular; k++) segments.push({ bin: k, cover: c.bins[k].count, upper: splits[k] })
  } else {
    const feature = features[f]
    if (feature.kind !== 'categorical') throw new Error(`${c.feature} is categorical in the scorecard only`)
    const binOfCode = feature.levels.map((level) => c.bins.findIndex((b) => b.categories?.includes(level)))
    const credited = new Set<number>()
    binOfCode.forEach((bin, code) => {
      if (bin < 0) throw new Error(`level "${feature.levels[code]}" of ${c.feature} is in no bin`)
      const last = segments[segments.length - 1]
      if (last && last.bin === bin) return
      if (last) last.upper = code - 0.5
      segments.push({ bin, cover: credited.has(bin) ? 0 : c.bins[bin].count })
      credited.add(bin)
    })
  }
  const nodes = new FlatTreeBuilder(2 * segments.length + 2)
  const leaf = (bin: number, cover: number): number => nodes.addNode(c.bins[bin].margin, cover)
  // A balanced search over segments[a..b]: the split between the middle two, recursively.
  // A node's cover is its segments' (whole counts, so the sum is exact in any order).
  const search = (a: number, b: number): number => {
    if (a === b) return leaf(segments[a].bin, segments[a].cover)
    let cover = 0
    for (let k = a; k <= b; k++) cover += segments[k].cover
    const node = nodes.addNode(NaN, cover)
    const mid = (a + b) >> 1
    const left = search(a, mid)
    nodes.setSplit(node, f, segments[mid].upper!, 0, left, search(mid + 1, b))
    return node
  }
  let total = c.bins[regular].count
  for (const s of segments) total += s.cover
  const root = nodes.addNode(NaN, total)
  const left = search(0, segments.length - 1)
  nodes.setSplit(root, f, Infinity, 0, left, leaf(regular, c.bins[regular].count))
  nodes.fillInternalValues()
  return nodes.finish()
}

/** Standard deviation of a characteristic's WoE over its training rows. */
function woeSpread(c: Characteristic): number {
  let n = 0
  let mean = 0
  for (const b of c.bins) {
    n += b.count
    mean += b.count * b.woe
  }
  if (n === 0) return 0
  mean /= n
  let variance = 0
  for (const b of c.bins) variance += b.count * (b.woe - mean) ** 2
  return Math.sqrt(variance / n)
}
