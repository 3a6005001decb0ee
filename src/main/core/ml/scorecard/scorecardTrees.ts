import type { FlatTree } from '../../model/FlatTree'
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
  const nodes = new TreeBuilder(c, f)
  const root = nodes.split(Infinity, false)
  nodes.left[root] = nodes.search(segments, 0, segments.length - 1)
  nodes.right[root] = nodes.leaf(regular, c.bins[regular].count)
  nodes.fillValues(root)
  return nodes.build()
}

/** Grows the flat arrays of one tree. */
class TreeBuilder {
  readonly feature: number[] = []
  readonly threshold: number[] = []
  readonly missingLeft: number[] = []
  readonly left: number[] = []
  readonly right: number[] = []
  readonly value: number[] = []
  readonly cover: number[] = []

  constructor(
    private readonly c: Characteristic,
    private readonly f: number
  ) {}

  split(threshold: number, missingLeft: boolean): number {
    return this.push(this.f, threshold, missingLeft ? 1 : 0, NaN, 0)
  }

  leaf(bin: number, cover: number): number {
    return this.push(-1, 0, 0, this.c.bins[bin].margin, cover)
  }

  /** A balanced search over segments[a..b]: the split between the middle two, recursively. */
  search(segments: Segment[], a: number, b: number): number {
    if (a === b) return this.leaf(segments[a].bin, segments[a].cover)
    const mid = (a + b) >> 1
    const node = this.split(segments[mid].upper!, false)
    this.left[node] = this.search(segments, a, mid)
    this.right[node] = this.search(segments, mid + 1, b)
    return node
  }

  /** Internal values and covers from the leaves: the cover-weighted mean (the plain mean under no cover). */
  fillValues(node: number): void {
    if (this.feature[node] < 0) return
    const l = this.left[node]
    const r = this.right[node]
    this.fillValues(l)
    this.fillValues(r)
    const cover = this.cover[l] + this.cover[r]
    this.cover[node] = cover
    this.value[node] =
      cover > 0
        ? (this.value[l] * this.cover[l] + this.value[r] * this.cover[r]) / cover
        : (this.value[l] + this.value[r]) / 2
  }

  build(): FlatTree {
    return {
      feature: Int32Array.from(this.feature),
      threshold: Float64Array.from(this.threshold),
      missingLeft: Uint8Array.from(this.missingLeft),
      left: Int32Array.from(this.left),
      right: Int32Array.from(this.right),
      value: Float64Array.from(this.value),
      cover: Float64Array.from(this.cover)
    }
  }

  private push(
    feature: number,
    threshold: number,
    missingLeft: number,
    value: number,
    cover: number
  ): number {
    this.feature.push(feature)
    this.threshold.push(threshold)
    this.missingLeft.push(missingLeft)
    this.left.push(-1)
    this.right.push(-1)
    this.value.push(value)
    this.cover.push(cover)
    return this.feature.length - 1
  }
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
