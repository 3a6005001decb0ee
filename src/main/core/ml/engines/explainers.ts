import type { EngineId } from '../../../../shared/params/trainParams'
import type { ModelArtifact } from '../../model/ModelArtifact'
import { explainScorecardOf } from '../scorecard/explainScorecard'
import type { Engine, RowExplainer } from './Engine'

/**
 * The explainers of the engines that explain their own scores (Engine.explainer), apart
 * from the registry and from the engines themselves, so that scoring, which runs in its own
 * threads, loads no trainer (the reference engine's library alone costs a cold start ~50 ms;
 * the scorecard's fit, a matrix library). An engine with an explainer names the same function
 * here; a test checks the two agree.
 */
const EXPLAINERS: Partial<Record<EngineId, NonNullable<Engine['explainer']>>> = {
  scorecard: explainScorecardOf
}

/** The explainer of the engine that made `artifact`, or null when TreeSHAP explains it. */
export function explainerFor(artifact: ModelArtifact): RowExplainer | null {
  return EXPLAINERS[artifact.params.engine]?.(artifact) ?? null
}
