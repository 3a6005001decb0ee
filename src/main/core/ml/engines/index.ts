import {
  ENGINES as ENGINE_IDS,
  type EngineChoice,
  type EngineId
} from '../../../../shared/params/trainParams'
import { blendEngine } from './blendEngine'
import type { Engine } from './Engine'
import { forestEngine } from './forestEngine'
import { gbmEngine } from './gbmEngine'
import { referenceEngine } from './referenceEngine'
import { scorecardEngine } from './scorecardEngine'

export type { Engine, EngineTrainInput, EngineTrainResult, FitRows, RowExplainer } from './Engine'

/** Every engine, by the id users choose it with (the ids are the shared parameter schema's). */
const ENGINES: Record<EngineId, Engine> = {
  forest: forestEngine,
  'ml-random-forest': referenceEngine,
  scorecard: scorecardEngine,
  gbm: gbmEngine,
  blend: blendEngine
}

/** The engine of an id (the id was checked by the parameter schema). */
export function engineFor(id: EngineId): Engine {
  return ENGINES[id]
}

/** Every engine, in the order the shared schema lists them. */
export function allEngines(): Engine[] {
  return ENGINE_IDS.map((id) => ENGINES[id])
}

/** True when the choice names one engine (not `auto`, the search over them). */
export function isEngineId(choice: EngineChoice): choice is EngineId {
  return choice !== 'auto'
}
