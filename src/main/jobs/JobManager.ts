import { randomUUID } from 'node:crypto'
import type { Worker } from 'node:worker_threads'
import { jobFraction, secondsLeft, type JobInfo, type JobKind, type JobParams } from '../../shared/jobs'
import { spawnWorker } from '../core/base/spawnWorker'
import { toErrorInfo } from '../core/service/toErrorInfo'
import type { JobWorkerData, JobWorkerMessage } from './jobWorker'

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
  /** Seconds the job was expected to take before it started, when main could tell. */
  estimate: number | null
  cancelRequested?: boolean
}

/**
 * Runs jobs in worker threads (docs/ARCHITECTURE.md rule 4), one worker per job, and keeps
 * what the jobs panel shows: phase, progress, elapsed time and time left.
 */
export class JobManager {
  private readonly jobs = new Map<string, RunningJob>()

  constructor(
    private readonly dbPath: string,
    private readonly events: JobEvents,
    private readonly nativeBinding?: string
  ) {}

  /**
   * Starts a job and returns its first state. `estimateSeconds`, the time the job was
   * expected to take (the Train screen's estimate), is where its time left starts from.
   */
  start<K extends JobKind>(kind: K, label: string, params: JobParams<K>, estimateSeconds?: number): JobInfo {
    const id = randomUUID()
    const started = Date.now()
    const info = {
      id,
      kind,
      label,
      status: 'running',
      phase: 'starting',
      done: 0,
      total: 0,
      fraction: 0,
      startedAt: new Date(started).toISOString(),
      elapsedSeconds: 0,
      etaSeconds: estimateSeconds ?? null
    } as JobInfo
    const workerData: JobWorkerData<K> = {
      dbPath: this.dbPath,
      nativeBinding: this.nativeBinding,
      kind,
      params
    }
    const worker = spawnWorker({ name: 'jobWorker', dir: __dirname }, workerData)
    const job: RunningJob = { info, worker, started, estimate: estimateSeconds ?? null }
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
      const fraction = jobFraction(job.info.kind, m.phase, m.done, m.total)
      // Progress never runs backwards, even when a phase restarts its own count.
      Object.assign(job.info, {
        phase: m.phase,
        done: m.done,
        total: m.total,
        fraction: Math.max(job.info.fraction, fraction)
      })
      this.events.onProgress(this.snapshot(job))
    } else if (m.type === 'done') {
      // The worker ran this job's kind, so its result is that kind's.
      this.finish(job, { status: 'done', result: m.result } as Partial<JobInfo>)
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
      job.info.fraction = 1
    }
    job.info.elapsedSeconds = (Date.now() - job.started) / 1000
    job.info.etaSeconds = null
    this.events.onDone({ ...job.info })
  }

  private snapshot(job: RunningJob): JobInfo {
    const info = { ...job.info }
    if (info.status === 'running') {
      info.elapsedSeconds = (Date.now() - job.started) / 1000
      info.etaSeconds = secondsLeft(job.estimate, info.elapsedSeconds, info.fraction)
    }
    return info
  }
}
