import type { JobKind, JobParams, JobResult } from '../../../shared/jobs'
import type { Workbench } from './Workbench'

/** What a running task can report and listen to. */
export interface TaskHooks {
  signal: AbortSignal
  progress(phase: string, done: number, total: number): void
}

export type Task<K extends JobKind> = (
  service: Workbench,
  params: JobParams<K>,
  hooks: TaskHooks
) => Promise<JobResult<K>>

/**
 * The heavy operations that run as background jobs, by kind. Each is a thin call into
 * the service, so a job does exactly what the CLI command of the same name does.
 */
export const jobTasks: { [K in JobKind]: Task<K> } = {
  async generate(service, params, hooks) {
    const dataset = await service.generateDataset({
      ...params,
      signal: hooks.signal,
      onProgress: (done, total) => hooks.progress('generating', done, total)
    })
    return { datasetId: dataset.id, rows: dataset.rows }
  },

  async import(service, params, hooks) {
    const { dataset, report } = await service.importCsv({
      ...params,
      signal: hooks.signal,
      onProgress: (p) => hooks.progress(p.phase, p.done, p.total)
    })
    return { datasetId: dataset.id, rows: report.rowsImported, rejectedRows: report.rowsRejected }
  },

  async train(service, params, hooks) {
    const { datasetId, name, activate, ...rest } = params
    const { model, leaderboard } = await service.trainModel(datasetId, rest, {
      name,
      activate,
      signal: hooks.signal,
      onProgress: (p) => hooks.progress(p.phase, p.done, p.total)
    })
    return { modelId: model.id, auc: model.metrics.auc, ...(leaderboard ? { leaderboard } : {}) }
  },

  async score(service, params, hooks) {
    const batch = await service.scoreFile(params.input, params.output, {
      modelId: params.modelId,
      signal: hooks.signal,
      onProgress: (done, total) => hooks.progress('scoring', done, total)
    })
    return {
      batchId: batch.id,
      rowsIn: batch.rowsIn,
      rowsScored: batch.rowsScored,
      rowsError: batch.rowsError
    }
  },

  async profile(service, params, hooks) {
    const { datasetId } = params
    service.profileDataset(datasetId, (phase, done, total) => hooks.progress(phase, done, total))
    return { datasetId }
  }
}
