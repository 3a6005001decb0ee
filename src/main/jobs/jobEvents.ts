import type { Events } from '../../shared/api'
import type { JobManager } from './JobManager'

type Send = <E extends keyof Events>(event: E, payload: Events[E]) => void

/**
 * A JobManager whose progress and completion reach the renderer as the contract's
 * events, plus `datasets/changed` / `models/changed` when a job created one. The app
 * (IPC) and the e2e bridge (server-sent events) both use this, so they send the same.
 */
export function jobEventSink(send: Send): ConstructorParameters<typeof JobManager>[1] {
  return {
    onProgress: (job) => send('jobs/progress', job),
    onDone: (job) => {
      send('jobs/done', job)
      if (job.status !== 'done') return
      if ((job.kind === 'generate' || job.kind === 'import') && job.result)
        send('datasets/changed', { datasetId: job.result.datasetId })
      if (job.kind === 'train' && job.result) send('models/changed', { modelId: job.result.modelId })
    }
  }
}
