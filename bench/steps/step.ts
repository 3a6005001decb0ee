import { Workbench } from '../../src/main/core/service/Workbench'

const RESULT_MARKER = '@@BENCH '

/**
 * Runs one measured step in this (child) process and prints its result with the process's
 * own peak RSS (`process.resourceUsage().maxRSS`, kB) and CPU time, then exits.
 */
export function step<T>(body: (args: string[]) => Promise<T>): void {
  body(process.argv.slice(2)).then(
    (result) => {
      const usage = process.resourceUsage()
      const line = JSON.stringify({
        result,
        maxRssKb: usage.maxRSS,
        cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6
      })
      process.stdout.write(RESULT_MARKER + line + '\n', () => process.exit(0))
    },
    (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : error)
      process.exit(1)
    }
  )
}

/** Seconds taken by `fn` (wall clock, high resolution). */
export async function timed<T>(fn: () => Promise<T> | T): Promise<{ value: T; seconds: number }> {
  const t0 = performance.now()
  const value = await fn()
  return { value, seconds: (performance.now() - t0) / 1000 }
}

export function openWorkbench(dbPath: string): Workbench {
  return Workbench.open(dbPath)
}
