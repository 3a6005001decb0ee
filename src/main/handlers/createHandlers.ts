import type { CallInput, CallOutput, Channel } from '../../shared/api'
import type { Workbench } from '../core/service/Workbench'
import type { JobManager } from '../jobs/JobManager'
import type { Dialogs, FileRegistry } from './FileAccess'

/** One function per contract call; inputs arrive already validated by the adapter. */
export type Handlers = { [C in Channel]: (input: CallInput<C>) => Promise<CallOutput<C>> | CallOutput<C> }

export interface HandlerDeps {
  service: Workbench
  jobs: JobManager
  files: FileRegistry
  dialogs: Dialogs
  version: string
}

/**
 * The handlers behind every call of the contract. IPC (the app) and the HTTP bridge
 * (e2e tests) both register exactly these, so the app and its tests run the same code.
 */
export function createHandlers({ service, jobs, files, dialogs, version }: HandlerDeps): Handlers {
  return {
    'app/info': () => ({ version, dbPath: service.dbPath, platform: process.platform }),
    'datasets/list': () => service.listDatasets(),
    'datasets/get': ({ id }) => service.getDataset(id),
    'datasets/delete': ({ id }) => {
      service.deleteDataset(id)
      return { deleted: true as const }
    },
    'datasets/profile': ({ id }) => service.profileDataset(id),
    'datasets/generate': (input) =>
      jobs.start('generate', `Generate ${input.rows.toLocaleString('en-IN')} loans (seed ${input.seed})`, input),
    'datasets/preview': ({ handle }) => service.previewCsv(files.resolve(handle)),
    'datasets/import': ({ handle, ...rest }) => {
      const path = files.resolve(handle)
      return jobs.start('import', `Import ${path.split(/[\\/]/).pop()}`, { path, ...rest })
    },
    'datasets/export': async ({ id }) => {
      const detail = service.getDataset(id)
      const path = await dialogs.saveCsv(`${detail.name.replace(/[^\w.-]+/g, '_')}.csv`)
      if (!path) return null
      const { rows } = await service.exportDataset(id, path)
      return { path, rows }
    },
    'files/pickCsv': async () => {
      const path = await dialogs.openCsv()
      return path ? files.register(path) : null
    },
    'jobs/list': () => jobs.list(),
    'jobs/cancel': ({ id }) => ({ cancelled: jobs.cancel(id) })
  }
}
