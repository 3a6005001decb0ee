import { join } from 'node:path'
import { PYTHON, ROOT, runProcess, tail } from './proc'

/** The built command line every measured `ptm` run starts (scripts/buildCli.mjs). */
export const PTM_JS = join(ROOT, 'out', 'cli', 'ptm.js')

/** One whole command, measured from outside: wall and CPU time and peak memory of the process. */
export interface CommandRun {
  stdout: string
  stderr: string
  /** Wall seconds from spawn to exit (the interpreter that measures it excluded). */
  wallSeconds: number
  /** User + system CPU seconds of the process and the threads and children it waited for. */
  cpuSeconds: number
  /** Peak resident set of the largest process of the command, MB. */
  peakRssMb: number
}

/**
 * Runs a command in a fresh process under a tiny Python parent that times it and reads its
 * rusage (RUSAGE_CHILDREN): what a user waits for, start-up, loading and writing included.
 */
export async function runCommand(
  command: string,
  args: (string | number)[],
  options: { timeoutMs?: number; env?: Record<string, string> } = {}
): Promise<CommandRun> {
  const wrapper =
    'import os, resource, subprocess, sys, time\n' +
    't0 = time.perf_counter()\n' +
    'r = subprocess.run(sys.argv[1:])\n' +
    'wall = time.perf_counter() - t0\n' +
    'u = resource.getrusage(resource.RUSAGE_CHILDREN)\n' +
    'sys.stderr.write("@@RUSAGE %f %f %d\\n" % (wall, u.ru_utime + u.ru_stime, u.ru_maxrss))\n' +
    'sys.exit(r.returncode)\n'
  const { stdout, stderr, code } = await runProcess(
    PYTHON,
    ['-c', wrapper, command, ...args.map(String)],
    options.timeoutMs,
    options.env
  )
  const usage = /@@RUSAGE ([\d.]+) ([\d.]+) (\d+)/.exec(stderr)
  if (code !== 0 || !usage) {
    throw new Error(`${[command, ...args].join(' ')} failed (exit ${code}):\n${tail(stderr || stdout)}`)
  }
  return {
    stdout,
    stderr: stderr.replace(usage[0], ''),
    wallSeconds: Number(usage[1]),
    cpuSeconds: Number(usage[2]),
    peakRssMb: Number(usage[3]) / 1024
  }
}

/** A `ptm` command and its one JSON object (--json). */
export interface PtmRun<T> extends CommandRun {
  json: T
}

/**
 * Runs `ptm --db DB --json ARGS` as a user does: `node out/cli/ptm.js` (the built CLI), or
 * with `npm: true` through `npm run -s ptm --` (scripts/ptm.mjs, which also checks that the
 * build is current).
 */
export async function ptm<T>(
  db: string,
  args: (string | number)[],
  options: { npm?: boolean; timeoutMs?: number } = {}
): Promise<PtmRun<T>> {
  const ptmArgs = ['--db', db, '--json', ...args.map(String)]
  const run = options.npm
    ? await runCommand('npm', ['run', '-s', 'ptm', '--', ...ptmArgs], options)
    : await runCommand(process.execPath, [PTM_JS, ...ptmArgs], options)
  const line = run.stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .pop()
  if (!line) throw new Error(`ptm ${args.join(' ')} printed no JSON:\n${tail(run.stdout + run.stderr)}`)
  return { ...run, json: JSON.parse(line) as T }
}

/** Builds out/cli once per bench run (the bundle the measured commands start). */
export async function buildCli(): Promise<void> {
  const { stderr, code } = await runProcess(process.execPath, [join(ROOT, 'scripts', 'buildCli.mjs')])
  if (code !== 0) throw new Error(`building the CLI failed:\n${tail(stderr)}`)
}
