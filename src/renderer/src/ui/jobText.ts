import type { JobInfo } from '../../../shared/jobs'
import { t, type MessageKey } from '../i18n'
import { formatDuration } from './format'

/** How far the whole job is, as a whole percentage (main weighs its phases: shared/jobs.ts). */
export function jobPercent(job: JobInfo): number {
  return Math.min(100, Math.floor(job.fraction * 100))
}

/**
 * The time a running job has left, in words: "~12 s"; "estimating…" while main cannot tell;
 * "finishing…" once the estimate has run out but the job has not (never a stuck "~0 s").
 */
export function timeLeftText(seconds: number | null): string {
  if (seconds === null) return t('app.jobs.estimating')
  if (seconds < 1) return t('app.jobs.finishing')
  return t('app.jobs.about', { time: formatDuration(seconds) })
}

const PHASES: Record<string, MessageKey> = {
  starting: 'app.jobs.phase.starting',
  done: 'app.jobs.phase.done',
  generating: 'app.jobs.phase.generating',
  reading: 'app.jobs.phase.reading',
  importing: 'app.jobs.phase.importing',
  'loading rows': 'app.jobs.phase.loadingRows',
  profiling: 'app.jobs.phase.profiling',
  preparing: 'app.jobs.phase.preparing',
  smote: 'app.jobs.phase.smote',
  training: 'app.jobs.phase.training',
  'cross-fitting': 'app.jobs.phase.crossFitting',
  calibrating: 'app.jobs.phase.calibrating',
  evaluating: 'app.jobs.phase.evaluating',
  scoring: 'app.jobs.phase.scoring',
  searching: 'app.jobs.phase.searching',
  keeping: 'app.jobs.phase.keeping'
}

/** A job's phase in words: every phase main reports has a label (an unknown one is shown as sent). */
export function phaseText(phase: string): string {
  const key = PHASES[phase]
  return key ? t(key) : phase
}
