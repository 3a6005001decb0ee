import type { JobInfo } from '../../../shared/dto'
import { formatDuration } from './format'

/** How far a job is, as a whole percentage (0 while main cannot count the work). */
export function jobPercent(job: JobInfo): number {
  return job.total > 0 ? Math.min(100, Math.floor((job.done / job.total) * 100)) : 0
}

/** The time a running job has left, in words: "~12 s", or "estimating…" while main cannot tell. */
export function timeLeftText(seconds: number | null): string {
  return seconds === null ? 'estimating…' : `~${formatDuration(seconds)}`
}
