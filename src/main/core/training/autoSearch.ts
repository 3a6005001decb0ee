import { countPositives, gather, gather8 } from '../base/arrays'
import { CancelledError, InputError } from '../base/errors'
import type { Table } from '../data/Table'
import { allEngines, type Engine } from '../ml/engines'
import { rocCurve } from '../ml/metrics'
import type { TrainParams } from '../model/ModelArtifact'
import type { LeaderboardEntry } from '../../../shared/dto'
import { rowBalancer } from './balanceRows'
import { crossFittedScores } from './honestScores'
import { prepareFeatures } from './prepareFeatures'

/**
 * The champion/challenger search behind `--engine auto`: each engine proposes a few
 * settings (Engine.candidates), each candidate is cross-validated on the TRAINING rows only
 * (stratified k folds, SMOTE inside each fold's fitting rows when on; the held-out test rows
 * are never touched, so the champion's test figures stay honest), within a time budget
 * shared among the engines. The champion is the best mean cross-validated AUC, or the least
 * complex candidate within one standard error of it.
 */
export interface SearchResult {
  /** Every candidate tried, best first; `champion` marks the chosen one. */
  leaderboard: (Omit<LeaderboardEntry, 'modelId'> & { params: TrainParams })[]
}

export interface SearchHooks {
  signal?: AbortSignal
  /** Candidates finished of those planned (the plan may shrink as the budget runs out). */
  onProgress?: (done: number, total: number) => void
}

/** Cross-validates the engines' candidates for `params` (whose engine is 'auto') on the table's training rows. */
export async function searchChampion(
  table: Table,
  params: TrainParams,
  hooks: SearchHooks = {}
): Promise<SearchResult> {
  const engines = allEngines().filter((e) => e.candidates)
  const plan = engines.map((engine) => ({ engine, candidates: engine.candidates!(params) }))
  const total = plan.reduce((s, p) => s + p.candidates.length, 0)
  // Split and preprocessing exactly as every candidate's final training will do them: the
  // matrix once imputed, and once with missing values left NaN for the engines that keep
  // them (Engine.keepsMissing); the split and the fitted features are the same for both.
  const prepared = prepareFeatures(table, params)
  const train = prepared.split.train
  const y = gather8(table.target, train)
  if (Math.min(countPositives(y), y.length - countPositives(y)) < 4) {
    throw new InputError(
      'Too few defaults or repaid loans in the training rows to cross-validate candidates; train one engine instead.'
    )
  }
  const trainColumns = new Map<boolean, Float64Array[]>()
  const columnsFor = (engine: Engine): Float64Array[] => {
    const keepMissing = engine.keepsMissing === true
    let columns = trainColumns.get(keepMissing)
    if (!columns) {
      const p = keepMissing ? prepareFeatures(table, params, true, true) : prepared
      columns = p.matrix.map((c) => gather(c, train))
      trainColumns.set(keepMissing, columns)
    }
    return columns
  }
  const perEngine = (params.budgetSeconds * 1000) / Math.max(1, plan.length)
  const entries: SearchResult['leaderboard'] = []
  let done = 0
  for (const { engine, candidates } of plan) {
    const started = Date.now()
    for (let i = 0; i < candidates.length; i++) {
      // The first candidate of every engine always runs; the others only while its share lasts.
      if (i > 0 && Date.now() - started >= perEngine) break
      if (hooks.signal?.aborted) throw new CancelledError()
      const candidate = candidates[i]
      const t0 = Date.now()
      const aucs = await foldAucs(engine, columnsFor(engine), y, prepared.features, candidate, hooks.signal)
      const mean = aucs.reduce((a, b) => a + b, 0) / aucs.length
      const sd = Math.sqrt(aucs.reduce((s, a) => s + (a - mean) ** 2, 0) / Math.max(1, aucs.length - 1))
      entries.push({
        engine: engine.id,
        label: engine.describe(candidate),
        params: candidate,
        cvAuc: mean,
        cvAucSd: sd,
        folds: aucs.length,
        seconds: (Date.now() - t0) / 1000,
        complexity: engine.complexity?.(candidate) ?? 10,
        champion: false
      })
      hooks.onProgress?.(++done, total)
    }
  }
  entries.sort((a, b) => b.cvAuc - a.cvAuc)
  entries[pickChampion(entries)].champion = true
  return { leaderboard: entries }
}

/**
 * The least complex candidate whose mean AUC is within one standard error of the best's
 * (the one-standard-error rule); the best itself when none is simpler. `entries` is sorted
 * best first.
 */
export function pickChampion(
  entries: { cvAuc: number; cvAucSd: number; folds: number; complexity: number }[]
): number {
  const best = entries[0]
  const standardError = best.cvAucSd / Math.sqrt(Math.max(1, best.folds))
  let chosen = 0
  for (let i = 1; i < entries.length; i++) {
    const e = entries[i]
    if (best.cvAuc - e.cvAuc <= standardError && e.complexity < entries[chosen].complexity) chosen = i
  }
  return chosen
}

/** AUC of each cross-fitting fold: the fold's rows scored by the model fitted on the others. */
async function foldAucs(
  engine: Engine,
  columns: Float64Array[],
  y: Uint8Array,
  features: ReturnType<typeof prepareFeatures>['features'],
  params: TrainParams,
  signal: AbortSignal | undefined
): Promise<number[]> {
  const input = { columns, y, features, params, fitRows: rowBalancer(columns, y, features, params), signal }
  // Each fold model is the candidate itself (its full settings), fitted on the other folds.
  const honest = await crossFittedScores(engine, input, { foldParams: params })
  const fold = honest.foldModels!.fold
  const aucs: number[] = []
  for (let f = 0; f < honest.folds; f++) {
    const rows = Int32Array.from(fold.keys()).filter((r) => fold[r] === f)
    aucs.push(rocCurve(gather8(y, rows), gather(honest.scores, rows), 2).auc)
  }
  return aucs
}
