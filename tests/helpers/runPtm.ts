import { Writable } from 'node:stream'
import { expect } from 'vitest'
import { runCli } from '../../src/main/cli/program'

export interface PtmRun {
  code: number
  stdout: string
  stderr: string
}

/** Runs `ptm --db DB ARGS` in-process, capturing both streams. */
export async function ptm(db: string, ...args: string[]): Promise<PtmRun> {
  let stdout = ''
  let stderr = ''
  const sink = (append: (s: string) => void): Writable =>
    new Writable({
      write(chunk: Buffer | string, _encoding, done) {
        append(chunk.toString())
        done()
      }
    })
  const code = await runCli(['--db', db, ...args], {
    stdout: sink((s) => (stdout += s)),
    stderr: sink((s) => (stderr += s))
  })
  return { code, stdout, stderr }
}

/** The one JSON object a --json run prints, refusing anything else on stdout. */
export function onlyJson(run: PtmRun): Record<string, unknown> {
  const lines = run.stdout.split('\n').filter((l) => l.length > 0)
  expect(lines, run.stdout).toHaveLength(1)
  const value = JSON.parse(lines[0]) as unknown
  expect(typeof value === 'object' && value !== null && !Array.isArray(value)).toBe(true)
  return value as Record<string, unknown>
}

/** The single line of a text, failing when there are more or none. */
export function oneLine(text: string): string {
  const lines = text.split('\n').filter((l) => l.length > 0)
  expect(lines, text).toHaveLength(1)
  return lines[0]
}
