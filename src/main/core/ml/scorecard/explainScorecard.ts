import type { ModelArtifact } from '../../model/ModelArtifact'
import { binRouter } from './binRouter'
import { featureIndexOf } from './scorecardTrees'

/**
 * Adverse-action reasons of a scorecard: each characteristic's contribution is the points
 * it lost against its best bin, in margin units (default log-odds): phi = margin of the
 * applicant's bin − the smallest margin of the characteristic (its bin with the most
 * points), so phi ≥ 0 and phi × factor is the points lost. The start is the margin of an
 * applicant in every best bin: base + Σ phi = the model's margin, so a row's reasons add up
 * to its probability as TreeSHAP's do, but read "cost the applicant", never "helped".
 *
 * Returns null for an artifact without a scorecard. The routing is the trees' own (the
 * same splits and categories, binRouter), prepared once per artifact.
 */
export function explainScorecardOf(
  artifact: Pick<ModelArtifact, 'features' | 'scorecard'>
): ((x: ArrayLike<number>, phi: Float64Array) => number) | null {
  const table = artifact.scorecard
  if (!table) return null
  const parts = table.characteristics.map((c) => {
    const f = featureIndexOf(c, artifact.features)
    const margins = Float64Array.from(c.bins, (b) => b.margin)
    return { f, route: binRouter(c, artifact.features[f]), margins, best: Math.min(...margins) }
  })
  let base = -table.intercept
  for (const p of parts) base += p.best
  return (x, phi) => {
    phi.fill(0)
    for (const p of parts) phi[p.f] += p.margins[p.route(x[p.f])] - p.best
    return base
  }
}
