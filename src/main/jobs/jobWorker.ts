import { parentPort, workerData } from 'node:worker_threads'
import { jobTasks, type Task } from '../core/service/jobTasks'
import { Workbench } from '../core/service/Workbench'
import { toErrorInfo } from '../core/service/toErrorInfo'
import type { JobKind, JobParams, JobResult } from '../../shared/jobs'

/** Messages between JobManager and this worker. */
export type JobWorkerMessage =
  | { type: 'progress'; phase: string; done: number; total: number }
  | { type: 'done'; result: JobResult<JobKind> }
  | { type: 'error'; error: ReturnType<typeof toErrorInfo>; cancelled: boolean }

/** What JobManager starts this worker with. */
export interface JobWorkerData<K extends JobKind = JobKind> {
  dbPath: string
  nativeBinding?: string
  kind: K
  params: JobParams<K>
}

// One job per worker: its own database connection, so a crash or cancel rolls back
// only this job's transaction and the main thread never blocks on the work.
const data = workerData as JobWorkerData
const controller = new AbortController()
parentPort?.on('message', (message: { type: string }) => {
  if (message.type === 'cancel') controller.abort()
})

async function main(): Promise<void> {
  const post = (m: JobWorkerMessage): void => parentPort?.postMessage(m)
  // The kind and its parameters were paired by JobManager.start's types.
  const task = jobTasks[data.kind] as Task<JobKind> | undefined
  if (!task) throw new Error(`Unknown job kind "${data.kind}"`)
  let service: Workbench | undefined
  let last = 0
  try {
    // Opened inside the try: a busy, full or foreign database file is the job's failure, told as such.
    service = Workbench.open(data.dbPath, data.nativeBinding)
    const result = await task(service, data.params, {
      signal: controller.signal,
      progress(phase, done, total) {
        // At most ~10 messages a second: progress is for people, not a log.
        const now = Date.now()
        if (now - last < 100 && done < total) return
        last = now
        post({ type: 'progress', phase, done, total })
      }
    })
    post({ type: 'done', result })
  } catch (error) {
    post({
      type: 'error',
      error: toErrorInfo(error, { database: data.dbPath }),
      cancelled: controller.signal.aborted
    })
  } finally {
    service?.close()
    // Nothing else to do: let the worker exit (the cancel listener would keep it alive).
    parentPort?.close()
  }
}

void main()
