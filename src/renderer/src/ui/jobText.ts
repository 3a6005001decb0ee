import type { JobInfo } from '../../../shared/jobs'
import { formatDuration } from './format'

/** How far the whole job is, as a whole percentage (main weighs its phases: shared/jobs.ts). */
export function jobPercent(job: JobInfo): number {
  return Math.min(100, Math.floor(job.fraction * 100))
}

/** The time a running job has left, in words: "~12 s", or "estimating…" while main cannot tell. */
export function timeLeftText(seconds: number | null): string {
  return seconds === null ? 'estimating…' : `~${formatDuration(seconds)}`
}
