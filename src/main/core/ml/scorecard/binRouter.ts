import type { FeatureSpec } from '../../model/ModelArtifact'

/** What routing reads of a characteristic (a draft or the artifact's table entry). */
export interface RoutableCharacteristic {
  kind: 'numeric' | 'categorical'
  splits?: number[]
  bins: { categories?: string[]; missing?: boolean }[]
}

/**
 * The bin of a model-feature value: NaN → the missing bin (the last); a number → the first
 * bin whose split it does not exceed (x <= splits[k]), as the characteristic's tree sends
 * it; a category code → the bin listing its level. Every level of the feature is in exactly
 * one bin (characteristics.ts puts levels without training rows in the home bin), so scoring
 * never meets a code without a bin.
 */
export function binRouter(c: RoutableCharacteristic, feature: FeatureSpec): (x: number) => number {
  const missingBin = c.bins.length - 1
  if (c.kind === 'numeric') {
    const splits = Float64Array.from(c.splits ?? [])
    return (x) => {
      if (x !== x) return missingBin
      let k = 0
      while (k < splits.length && x > splits[k]) k++
      return k
    }
  }
  if (feature.kind !== 'categorical')
    throw new Error(`characteristic of ${feature.name} is categorical, its feature is not`)
  const codeToBin = new Int32Array(feature.levels.length).fill(-1)
  const index = new Map(feature.levels.map((level, code) => [level, code]))
  c.bins.forEach((bin, k) => {
    for (const level of bin.categories ?? []) {
      const code = index.get(level)
      if (code !== undefined) codeToBin[code] = k
    }
  })
  const unrouted = codeToBin.indexOf(-1)
  if (unrouted >= 0) throw new Error(`level "${feature.levels[unrouted]}" of ${feature.name} is in no bin`)
  return (x) => (x !== x ? missingBin : codeToBin[x])
}
