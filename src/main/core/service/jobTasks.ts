import type { JobKind } from '../../../shared/dto'
import type { Workbench } from './Workbench'

/** What a running task can report and listen to. */
export interface TaskHooks {
  signal: AbortSignal
  progress(phase: string, done: number, total: number): void
}

export type TaskParams = Record<string, unknown>
export type TaskResult = Record<string, unknown>
export type Task = (service: Workbench, params: TaskParams, hooks: TaskHooks) => Promise<TaskResult>

/**
 * The heavy operations that run as background jobs, by kind. Each is a thin call into
 * the service, so a job does exactly what the CLI command of the same name does.
 */
export const jobTasks: Partial<Record<JobKind, Task>> = {
  async generate(service, params, hooks) {
    const dataset = await service.generateDataset({
      rows: params.rows as number,
      seed: params.seed as number,
      defaultRate: params.defaultRate as number,
      name: params.name as string | undefined,
      signal: hooks.signal,
      onProgress: (done, total) => hooks.progress('generating', done, total)
    })
    return { datasetId: dataset.id, rows: dataset.rows }
  },

  async import(service, params, hooks) {
    const { dataset, report } = await service.importCsv({
      path: params.path as string,
      target: params.target as string,
      positive: params.positive as string | undefined,
      name: params.name as string | undefined,
      kinds: params.kinds as Record<string, 'numeric' | 'categorical' | 'identifier'> | undefined,
      signal: hooks.signal,
      onProgress: (p) => hooks.progress(p.phase, p.done, p.total)
    })
    return { datasetId: dataset.id, rows: report.rowsImported, rejectedRows: report.rowsRejected }
  },

  async train(service, params, hooks) {
    const { datasetId, name, activate, ...rest } = params as {
      datasetId: number
      name?: string
      activate?: boolean
    } & Record<string, unknown>
    const { model } = await service.trainModel(datasetId, rest, {
      name,
      activate,
      signal: hooks.signal,
      onProgress: (p) => hooks.progress(p.phase, p.done, p.total)
    })
    return { modelId: model.id, auc: model.metrics.auc }
  },

  async score(service, params, hooks) {
    const batch = await service.scoreFile(params.input as string, params.output as string, {
      modelId: params.modelId as number | undefined,
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
    const datasetId = params.datasetId as number
    service.profileDataset(datasetId, (phase, done, total) => hooks.progress(phase, done, total))
    return { datasetId }
  }
}
