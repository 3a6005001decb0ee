import { storedForm } from '../scoring/compiledForestStore'
import type { LeaderboardEntry, ModelSummary } from '../../../shared/dto'
import type { EngineId, TrainParams } from '../../../shared/params/trainParams'
import { allEngines, engineFor, isEngineId } from '../ml/engines'
import type { DatasetRepo } from '../storage/DatasetRepo'
import type { GovernanceRepo } from '../storage/GovernanceRepo'
import type { ModelRepo } from '../storage/ModelRepo'
import { searchChampion } from '../training/autoSearch'
import { trainModel, type ModelEvaluation, type TrainHooks, type TrainProgress } from '../training/trainModel'

/** What training a dataset gives: the model kept (the champion for `auto`), its evaluation, and `auto`'s leaderboard. */
export interface TrainOutcome {
  model: ModelSummary
  evaluation: ModelEvaluation
  leaderboard?: LeaderboardEntry[]
}

interface Stores {
  datasets: DatasetRepo
  models: ModelRepo
  governance: GovernanceRepo
}

type Options = TrainHooks & { name?: string; activate?: boolean }

/** Whether a stored model becomes the active one: always, never, or only when no model is active yet. */
type Activation = 'always' | 'never' | 'if-none'

/**
 * Trains a dataset with full settings and stores the model: one engine, or with `auto` the
 * champion of a cross-validated search, every candidate kept as a version of the run. The
 * new model becomes the active one when asked (or when there is none yet).
 */
export async function trainAndStore(
  stores: Stores,
  datasetId: number,
  params: TrainParams,
  options: Options = {}
): Promise<TrainOutcome> {
  if (!isEngineId(params.engine)) return trainChampion(stores, datasetId, params, options)
  return trainOne(
    stores,
    datasetId,
    { ...params, engine: params.engine },
    options,
    options.activate ? 'always' : 'if-none'
  )
}

async function trainOne(
  { datasets, models, governance }: Stores,
  datasetId: number,
  params: TrainParams & { engine: EngineId },
  options: Options,
  activation: Activation
): Promise<TrainOutcome> {
  const dataset = datasets.get(datasetId)
  const trained = await trainModel(datasets.loadTable(datasetId), datasetId, params, options)
  const name =
    options.name ?? `${engineFor(params.engine).describe(params, trained.artifact)} on ${dataset.name}`
  const id = models.save(
    name,
    dataset.name,
    trained.artifact,
    trained.ensemble,
    trained.evaluation,
    trained.compiled ? storedForm(trained.compiled) : undefined
  )
  activate(governance, models, id, activation)
  return { model: models.summary(id), evaluation: trained.evaluation }
}

/**
 * Makes a new model active as asked. Maker–checker guards replacing an active model by
 * hand; the first model (or the workbench's own pipelines, `ptm all`) is made active at
 * once, and the activation log says so.
 */
function activate(governance: GovernanceRepo, models: ModelRepo, id: number, activation: Activation): void {
  if (activation === 'never') return
  if (models.activeId() === undefined) governance.activateAutomatically(id)
  else if (activation === 'always') governance.activateAutomatically(id, 'workbench pipeline (ptm all)')
}

/**
 * `auto`: cross-validates the candidates on the training rows (autoSearch.ts), then trains
 * and stores each on the whole training split — the champion and its challengers — and
 * records the run. Progress: 'searching' over candidates, then 'keeping' over the models.
 */
async function trainChampion(
  stores: Stores,
  datasetId: number,
  params: TrainParams,
  options: Options
): Promise<TrainOutcome> {
  const progress = (phase: TrainProgress['phase'], done: number, total: number): void =>
    options.onProgress?.({ phase, done, total })
  const table = stores.datasets.loadTable(datasetId)
  const search = await searchChampion(table, params, {
    signal: options.signal,
    onProgress: (done, total) => progress('searching', done, total)
  })
  const dataset = stores.datasets.get(datasetId)
  const leaderboard: LeaderboardEntry[] = []
  let champion: TrainOutcome | null = null
  for (let i = 0; i < search.leaderboard.length; i++) {
    progress('keeping', i, search.leaderboard.length)
    const entry = search.leaderboard[i]
    const engine = entry.params.engine as EngineId
    const kept = await trainOne(
      stores,
      datasetId,
      { ...entry.params, engine },
      {
        signal: options.signal,
        name: `${entry.label} on ${dataset.name}${entry.champion ? ' (auto: champion)' : ' (auto: challenger)'}`
      },
      // Challengers are kept, never made active by being first: only the champion may be.
      'never'
    )
    leaderboard.push({ ...entry, modelId: kept.model.id })
    if (entry.champion) champion = kept
  }
  progress('keeping', search.leaderboard.length, search.leaderboard.length)
  if (!champion) throw new Error('the auto search chose no champion')
  stores.models.saveRun(datasetId, leaderboard, champion.model.id)
  activate(stores.governance, stores.models, champion.model.id, options.activate ? 'always' : 'if-none')
  return { model: stores.models.summary(champion.model.id), evaluation: champion.evaluation, leaderboard }
}

/**
 * Rough seconds training takes: one engine's own estimate, or for `auto` the search budget
 * plus keeping every engine's first candidate and the blend.
 */
export function estimateTrainingSeconds(
  rows: number,
  params: TrainParams
): { seconds: number; note: string } {
  const trainRows = Math.round(rows * (1 - params.testSize))
  // SMOTE adds about 80 % rows at a 10 % default rate; preparing and evaluating is ~20 µs a row.
  if (isEngineId(params.engine)) {
    const chosen = engineFor(params.engine)
    const fitRows = Math.round(trainRows * (params.smote && chosen.acceptsSmote !== false ? 1.8 : 1))
    const engine = chosen.estimateSeconds(fitRows, params)
    return { seconds: engine.seconds + rows * 2e-5, note: engine.note }
  }
  let keep = 0
  for (const engine of allEngines()) {
    const first = engine.candidates?.(params)[0]
    const fitRows = Math.round(trainRows * (params.smote && engine.acceptsSmote !== false ? 1.8 : 1))
    if (first) keep += engine.estimateSeconds(fitRows, first).seconds + rows * 2e-5
  }
  // The blend of boosting and the scorecard is kept too (autoSearch.ts; not offered with SMOTE).
  if (!params.smote) keep += engineFor('blend').estimateSeconds(trainRows, params).seconds + rows * 2e-5
  return {
    seconds: params.budgetSeconds + keep,
    note: `The auto search cross-validates candidates for about ${params.budgetSeconds} s, then trains and keeps each one.`
  }
}
