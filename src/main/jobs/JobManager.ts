import { randomUUID } from 'node:crypto'
import type { Worker } from 'node:worker_threads'
import type { JobInfo, JobKind } from '../../shared/dto'
import type { TaskParams } from '../core/service/jobTasks'
import { spawnWorker } from '../core/base/spawnWorker'
import { toErrorInfo } from '../core/service/toErrorInfo'
import type { JobWorkerMessage } from './jobWorker'

export interface JobEvents {
  onProgress(job: JobInfo): void
  onDone(job: JobInfo): void
}

/** How long a cancelled job may take to roll back before its worker is terminated. */
const CANCEL_GRACE_MS = 10_000

interface RunningJob {
  info: JobInfo
  worker: Worker
  started: number
  /** Time and done-count samples for the ETA, most recent last. */
  samples: { t: number; done: number }[]
  cancelRequested?: boolean
}

/**
 * Runs jobs in worker threads (ARCHITECTURE.md rule 4), one worker per job, and keeps
 * what the jobs panel shows: phase, progress, elapsed time and time left.
 */
export class JobManager {
  private readonly jobs = new Map<string, RunningJob>()

  constructor(
    private readonly dbPath: string,
    private readonly events: JobEvents,
    private readonly nativeBinding?: string
  ) {}

  /** Starts a job and returns its first state. */
  start(kind: JobKind, label: string, params: TaskParams): JobInfo {
    const id = randomUUID()
    const started = Date.now()
    const info: JobInfo = {
      id,
      kind,
      label,
      status: 'running',
      phase: 'starting',
      done: 0,
      total: 0,
      startedAt: new Date(started).toISOString(),
      elapsedSeconds: 0,
      etaSeconds: null
    }
    const worker = spawnWorker(
      { name: 'jobWorker', dir: __dirname },
      {
        dbPath: this.dbPath,
        nativeBinding: this.nativeBinding,
        kind,
        params
      }
    )
    const job: RunningJob = { info, worker, started, samples: [] }
    this.jobs.set(id, job)
    worker.on('message', (m: JobWorkerMessage) => this.onMessage(job, m))
    worker.on('error', (error) => this.finish(job, { status: 'failed', error: toErrorInfo(error) }))
    worker.on('exit', (code) => {
      if (job.info.status === 'running') {
        this.finish(job, {
          status: job.cancelRequested ? 'cancelled' : 'failed',
          error: job.cancelRequested
            ? { code: 'CANCELLED', message: 'The job was cancelled; nothing was saved.' }
            : {
                code: 'INTERNAL',
                message: `The job stopped unexpectedly (exit code ${code}); nothing was saved.`
              }
        })
      }
    })
    return { ...info }
  }

  list(): JobInfo[] {
    return [...this.jobs.values()].map((j) => this.snapshot(j))
  }

  /** Asks a job to stop; its work is rolled back. False when it is not running. */
  cancel(id: string): boolean {
    const job = this.jobs.get(id)
    if (!job || job.info.status !== 'running') return false
    job.cancelRequested = true
    job.worker.postMessage({ type: 'cancel' })
    // A job stuck in native code still ends: terminating the worker closes its
    // connection, and SQLite rolls back the open transaction.
    setTimeout(() => {
      if (job.info.status === 'running') void job.worker.terminate()
    }, CANCEL_GRACE_MS).unref()
    return true
  }

  /** Waits until a job has finished (for tests and the CLI). */
  wait(id: string): Promise<JobInfo> {
    const job = this.jobs.get(id)
    if (!job) return Promise.reject(new Error(`No job ${id}`))
    if (job.info.status !== 'running') return Promise.resolve(this.snapshot(job))
    return new Promise((resolve) =>
      job.worker.once('exit', () => setImmediate(() => resolve(this.snapshot(job))))
    )
  }

  /** Stops every running job (on quit). */
  async shutdown(): Promise<void> {
    await Promise.all([...this.jobs.values()].map((j) => j.worker.terminate()))
  }

  private onMessage(job: RunningJob, m: JobWorkerMessage): void {
    if (m.type === 'progress') {
      Object.assign(job.info, { phase: m.phase, done: m.done, total: m.total })
      const now = Date.now()
      job.samples.push({ t: now, done: m.done })
      if (job.samples.length > 20) job.samples.shift()
      this.events.onProgress(this.snapshot(job))
    } else if (m.type === 'done') {
      this.finish(job, { status: 'done', result: m.result })
    } else {
      this.finish(job, { status: m.cancelled ? 'cancelled' : 'failed', error: m.error })
    }
  }

  private finish(job: RunningJob, patch: Partial<JobInfo>): void {
    if (job.info.status !== 'running') return
    Object.assign(job.info, patch)
    if (patch.status === 'done') {
      job.info.phase = 'done'
      job.info.done = job.info.total
    }
    job.info.elapsedSeconds = (Date.now() - job.started) / 1000
    job.info.etaSeconds = null
    this.events.onDone({ ...job.info })
  }

  private snapshot(job: RunningJob): JobInfo {
    const info = { ...job.info }
    if (info.status === 'running') {
      info.elapsedSeconds = (Date.now() - job.started) / 1000
      info.etaSeconds = estimateSecondsLeft(job.samples, info.total)
    }
    return info
  }
}

/** Time left from the recent rate of progress; null until two samples show movement. */
export function estimateSecondsLeft(samples: { t: number; done: number }[], total: number): number | null {
  if (samples.length < 2 || total <= 0) return null
  const first = samples[0]
  const last = samples[samples.length - 1]
  const rate = (last.done - first.done) / Math.max(1, last.t - first.t)
  if (rate <= 0) return null
  return Math.max(0, (total - last.done) / rate / 1000)
}
