import type { EngineId } from '../../../../shared/params/trainParams'
import type { ModelArtifact } from '../../model/ModelArtifact'
import type { Engine, RowExplainer } from './Engine'
import { scorecardEngine } from './scorecardEngine'

/**
 * The engines that explain their own scores (Engine.explainer), apart from the registry so
 * that scoring, which runs in its own threads, loads no trainer (the reference engine's
 * library alone costs a cold start ~50 ms). An engine with an explainer is listed here too;
 * a test checks the two agree.
 */
const EXPLAINING: Partial<Record<EngineId, Engine>> = { scorecard: scorecardEngine }

/** The explainer of the engine that made `artifact`, or null when TreeSHAP explains it. */
export function explainerFor(artifact: ModelArtifact): RowExplainer | null {
  return EXPLAINING[artifact.params.engine]?.explainer?.(artifact) ?? null
}
