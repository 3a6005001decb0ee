import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { JobInfo } from '../../../shared/jobs'
import { call, onEvent } from '../api/client'
import { useDatasetStore } from './datasetStore'
import { setWithout } from './without'

/** A job as the panel knows it: main's last report and when it arrived (to tick the clocks between reports). */
export interface TrackedJob {
  info: JobInfo
  receivedAt: number
}

type FinishedListener = (job: JobInfo) => void

/** A job that succeeded leaves the panel after this long; failed and cancelled ones stay until dismissed. */
const DONE_VISIBLE_MS = 20_000

/**
 * The background jobs main runs (generate, import, ...), kept current by the
 * 'jobs/progress' and 'jobs/done' events; 'datasets/changed' refreshes the dataset list.
 */
export const useJobStore = defineStore('jobs', () => {
  const datasets = useDatasetStore()
  const jobs = ref<Record<string, TrackedJob>>({})
  const order = ref<string[]>([])
  const dismissed = ref(new Set<string>())
  /** Jobs asked to cancel that have not ended yet (rolling back can take a moment). */
  const cancelling = ref(new Set<string>())
  /** Wall clock for elapsed / time-left displays; ticks once a second while a job runs. */
  const now = ref(Date.now())
  const waiters = new Map<string, ((job: JobInfo) => void)[]>()
  const finishedListeners: FinishedListener[] = []
  let started = false
  let timer: ReturnType<typeof setInterval> | undefined

  const visible = computed(() =>
    order.value
      .filter((id) => !dismissed.value.has(id))
      .map((id) => jobs.value[id])
      .filter((j): j is TrackedJob => j !== undefined)
      .reverse()
  )
  const running = computed(() => visible.value.filter((j) => j.info.status === 'running'))

  function tick(): void {
    now.value = Date.now()
    const anyRunning = Object.values(jobs.value).some((j) => j.info.status === 'running')
    if (anyRunning && !timer) timer = setInterval(tick, 1000)
    if (!anyRunning && timer) {
      clearInterval(timer)
      timer = undefined
    }
  }

  /** Records a job state; a finished job never goes back to running (events and replies can cross). */
  function upsert(info: JobInfo): void {
    const existing = jobs.value[info.id]
    if (existing && existing.info.status !== 'running' && info.status === 'running') return
    if (!existing) order.value.push(info.id)
    jobs.value[info.id] = { info, receivedAt: Date.now() }
    tick()
    if (info.status !== 'running') {
      stopCancelling(info.id)
      for (const resolve of waiters.get(info.id) ?? []) resolve(info)
      waiters.delete(info.id)
      if (!existing || existing.info.status === 'running') {
        for (const listener of finishedListeners) listener(info)
        if (info.status === 'done') setTimeout(() => dismiss(info.id), DONE_VISIBLE_MS)
      }
    }
  }

  /** Subscribes to main's job events and loads the jobs already running (once per window). */
  async function init(): Promise<void> {
    if (started) return
    started = true
    onEvent('jobs/progress', upsert)
    onEvent('jobs/done', upsert)
    onEvent('datasets/changed', () => void datasets.refresh())
    for (const job of await call('jobs/list', {})) upsert(job)
  }

  /** Starts tracking a job main just started. */
  function track(info: JobInfo): JobInfo {
    upsert(info)
    return info
  }

  /** Tracks a job main just started and calls `then` with its final state. */
  function follow(info: JobInfo, then: (done: JobInfo) => unknown): JobInfo {
    track(info)
    void waitFor(info.id).then(then)
    return info
  }

  /** Resolves with the job's final state (done, failed or cancelled). */
  function waitFor(id: string): Promise<JobInfo> {
    const known = jobs.value[id]
    if (known && known.info.status !== 'running') return Promise.resolve(known.info)
    return new Promise((resolve) => waiters.set(id, [...(waiters.get(id) ?? []), resolve]))
  }

  /**
   * Asks main to cancel a job; it shows as cancelling until it ends. False (and not
   * cancelling) when main says it had ended already.
   */
  async function cancel(id: string): Promise<boolean> {
    cancelling.value = new Set(cancelling.value).add(id)
    try {
      const { cancelled } = await call('jobs/cancel', { id })
      if (!cancelled) stopCancelling(id)
      return cancelled
    } catch (e) {
      stopCancelling(id)
      throw e
    }
  }

  function stopCancelling(id: string): void {
    if (!cancelling.value.has(id)) return
    cancelling.value = setWithout(cancelling.value, id)
  }

  /** True from a cancel request until the job ends. */
  function isCancelling(id: string): boolean {
    return cancelling.value.has(id)
  }

  function dismiss(id: string): void {
    dismissed.value = new Set(dismissed.value).add(id)
  }

  function clearFinished(): void {
    const next = new Set(dismissed.value)
    for (const j of visible.value) if (j.info.status !== 'running') next.add(j.info.id)
    dismissed.value = next
  }

  /** Calls `listener` once for every job that finishes. */
  function onFinished(listener: FinishedListener): void {
    finishedListeners.push(listener)
  }

  /** Seconds since the job started, ticking between reports. */
  function elapsedSeconds(job: TrackedJob): number {
    if (job.info.status !== 'running') return job.info.elapsedSeconds
    return Math.max(job.info.elapsedSeconds, (now.value - Date.parse(job.info.startedAt)) / 1000)
  }

  /** Estimated seconds left, counting down between reports; null while main cannot tell yet. */
  function secondsLeft(job: TrackedJob): number | null {
    if (job.info.status !== 'running' || job.info.etaSeconds === null) return null
    return Math.max(0, job.info.etaSeconds - (now.value - job.receivedAt) / 1000)
  }

  return {
    jobs,
    visible,
    running,
    now,
    init,
    track,
    follow,
    waitFor,
    cancel,
    isCancelling,
    dismiss,
    clearFinished,
    onFinished,
    elapsedSeconds,
    secondsLeft
  }
})
