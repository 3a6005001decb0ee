import type { TrainParamsInput } from './params/trainParams'
import type { ErrorInfo, LeaderboardEntry } from './dto'

/**
 * The background jobs, declared like the IPC calls: each kind's parameters, its result and
 * its phases. Main's JobManager runs them, the job worker dispatches them to the service
 * (core/service/jobTasks.ts, typed against this), and the renderer reads results narrowed
 * by kind instead of probing fields.
 */
export interface JobSpecs {
  generate: {
    params: { rows: number; seed: number; defaultRate: number; name?: string }
    result: { datasetId: number; rows: number }
  }
  import: {
    params: {
      path: string
      target: string
      positive?: string
      name?: string
      kinds?: Record<string, 'numeric' | 'categorical' | 'identifier'>
    }
    result: { datasetId: number; rows: number; rejectedRows: number }
  }
  profile: { params: { datasetId: number }; result: { datasetId: number } }
  train: {
    params: TrainParamsInput & { datasetId: number; name?: string; activate?: boolean }
    result: { modelId: number; auc: number; leaderboard?: LeaderboardEntry[] }
  }
  score: {
    params: { input: string; output: string; modelId?: number }
    result: { batchId: number; rowsIn: number; rowsScored: number; rowsError: number }
  }
}

export type JobKind = keyof JobSpecs
export type JobParams<K extends JobKind> = JobSpecs[K]['params']
export type JobResult<K extends JobKind> = JobSpecs[K]['result']
export type JobStatus = 'running' | 'done' | 'failed' | 'cancelled'

/** A job's phases in the order they run, with the share of the whole job's time each takes. */
type PhasePlan = readonly (readonly [phase: string, share: number])[]

/**
 * Each kind's phases in the order they run, with the share of the whole job's time each
 * takes (measured on typical runs). A job's progress is the phases behind it plus the
 * running phase's own done/total; a phase a run skips (SMOTE when it is off) simply passes.
 * A kind that runs in more than one way has a plan for each (ALTERNATIVE_PHASES).
 */
export const JOB_PHASES: { [K in JobKind]: PhasePlan } = {
  generate: [['generating', 1]],
  import: [
    ['reading', 0.45],
    ['importing', 0.55]
  ],
  profile: [
    ['loading rows', 0.4],
    ['profiling', 0.6]
  ],
  train: [
    ['preparing', 0.05],
    ['smote', 0.08],
    ['training', 0.5],
    ['cross-fitting', 0.3],
    ['calibrating', 0.02],
    ['evaluating', 0.05]
  ],
  score: [['scoring', 1]]
}

/** Plans of kinds that run another way too: training with `auto` searches, then keeps every candidate. */
export const ALTERNATIVE_PHASES: Partial<{ [K in JobKind]: PhasePlan }> = {
  train: [
    ['searching', 0.6],
    ['keeping', 0.4]
  ]
}

/** A background job as the jobs panel shows it; `result` is typed by `kind`. */
export type JobInfo = { [K in JobKind]: JobState<K> }[JobKind]

export interface JobState<K extends JobKind> {
  id: string
  kind: K
  label: string
  status: JobStatus
  /** The running phase (one of JOB_PHASES[kind]), 'starting' or 'done'. */
  phase: string
  /** Progress within the phase. */
  done: number
  total: number
  /** Progress of the whole job, 0–1, from the phases (see JOB_PHASES). */
  fraction: number
  startedAt: string
  elapsedSeconds: number
  /**
   * Estimated seconds left: the estimate made before the start (when main has one),
   * refined from the job's own rate as it progresses; null when there is nothing to go on.
   */
  etaSeconds: number | null
  /** What the job produced, once done. */
  result?: JobResult<K>
  error?: ErrorInfo
}

/** The whole job's progress, 0–1, from its phase and the phase's own progress. */
export function jobFraction(kind: JobKind, phase: string, done: number, total: number): number {
  if (phase === 'done') return 1
  const alternative = ALTERNATIVE_PHASES[kind]
  const phases = alternative?.some(([name]) => name === phase) ? alternative : JOB_PHASES[kind]
  const at = phases.findIndex(([name]) => name === phase)
  if (at < 0) return 0
  let before = 0
  for (let i = 0; i < at; i++) before += phases[i][1]
  const within = total > 0 ? Math.min(1, Math.max(0, done / total)) : 0
  return Math.min(1, before + phases[at][1] * within)
}

/**
 * Seconds left from an estimate made before the start and the job's own progress: the
 * estimate rules at first, the measured rate more and more as the job goes on (weighted
 * by the share done), so the number neither jumps at the start nor sticks at the end.
 */
export function secondsLeft(estimate: number | null, elapsed: number, fraction: number): number | null {
  const measured = fraction > 0.02 ? (elapsed * (1 - fraction)) / fraction : null
  const planned = estimate === null ? null : Math.max(0, estimate - elapsed)
  if (measured === null) return planned
  if (planned === null) return measured
  return (1 - fraction) * planned + fraction * measured
}

/** A finished job's result when it is of `kind` and succeeded; undefined otherwise. */
export function resultOf<K extends JobKind>(job: JobInfo, kind: K): JobResult<K> | undefined {
  if (job.kind !== kind || job.status !== 'done') return undefined
  return job.result as JobResult<K> | undefined
}
