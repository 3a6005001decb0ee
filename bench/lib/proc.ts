import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'

/** Repository root (bench/lib/ → ../..). */
export const ROOT = join(__dirname, '..', '..')

/** The reference scripts and the interpreter they are written for (their shebang: the system Python with the Debian packages). */
export const SHARED_BENCH = process.env.PTM_BENCH_SHARED ?? '/work/shared/bench'
export const PYTHON =
  process.env.PTM_BENCH_PYTHON ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3')

/** A reference script: `reference/NAME.py` is this bench's own (bench/reference/), any other name a shared one. */
function referenceScript(script: string): string {
  return script.startsWith('reference/') ? join(ROOT, 'bench', script) : join(SHARED_BENCH, script)
}

/** Marker of the one result line a step prints on stdout. */
export const RESULT_MARKER = '@@BENCH '

export interface StepOutput<T> {
  result: T
  /** Peak resident set of the child process, MB (its own `process.resourceUsage().maxRSS`). */
  peakRssMb: number
  /** CPU seconds of the child (all threads, user + system). */
  cpuSeconds: number
  /** Wall seconds of the child process, start-up included. */
  processSeconds: number
}

/**
 * Runs `bench/steps/<name>.ts` in a fresh Node process (tsx loader), so that each step's
 * peak memory is its own. The step prints one `@@BENCH {json}` line (see steps/step.ts).
 */
export async function runStep<T>(
  name: string,
  args: (string | number)[],
  options: { timeoutMs?: number } = {}
): Promise<StepOutput<T>> {
  const script = join(ROOT, 'bench', 'steps', `${name}.ts`)
  const t0 = performance.now()
  const { stdout, stderr, code } = await runProcess(
    process.execPath,
    ['--import', 'tsx', script, ...args.map(String)],
    options.timeoutMs
  )
  const processSeconds = (performance.now() - t0) / 1000
  const line = stdout.split('\n').find((l) => l.startsWith(RESULT_MARKER))
  if (code !== 0 || !line) {
    throw new Error(`step ${name} ${args.join(' ')} failed (exit ${code}):\n${tail(stderr || stdout)}`)
  }
  const parsed = JSON.parse(line.slice(RESULT_MARKER.length)) as {
    result: T
    maxRssKb: number
    cpuSeconds: number
  }
  return {
    result: parsed.result,
    peakRssMb: parsed.maxRssKb / 1024,
    cpuSeconds: parsed.cpuSeconds,
    processSeconds
  }
}

export interface PythonOutput<T> {
  result: T
  /** Peak resident set of the script's process, MB (getrusage of the waited-for child). */
  peakRssMb: number
  /** Wall seconds of the whole script (interpreter start, imports and CSV read included). */
  processSeconds: number
}

/**
 * Runs one of the shared reference scripts unchanged under the system Python, through a
 * tiny parent that reports the script's peak RSS (RUSAGE_CHILDREN) on stderr. The script
 * prints one JSON line; the last JSON line of stdout is taken. A script named with a path
 * (`bench/reference/xgb_gbm.py`) is this repository's, relative to its root.
 */
export async function runPython<T>(
  script: string,
  args: (string | number)[],
  options: { timeoutMs?: number } = {}
): Promise<PythonOutput<T>> {
  const wrapper =
    'import resource, subprocess, sys\n' +
    'r = subprocess.run(sys.argv[1:])\n' +
    'sys.stderr.write("@@RSS %d\\n" % resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n' +
    'sys.exit(r.returncode)\n'
  const t0 = performance.now()
  const { stdout, stderr, code } = await runProcess(
    PYTHON,
    ['-c', wrapper, PYTHON, referenceScript(script), ...args.map(String)],
    options.timeoutMs
  )
  const processSeconds = (performance.now() - t0) / 1000
  const line = stdout
    .split('\n')
    .filter((l) => l.trim().startsWith('{'))
    .pop()
  if (code !== 0 || !line)
    throw new Error(`${script} ${args.join(' ')} failed (exit ${code}):\n${tail(stderr || stdout)}`)
  const rss = /@@RSS (\d+)/.exec(stderr)
  return { result: JSON.parse(line) as T, peakRssMb: rss ? Number(rss[1]) / 1024 : NaN, processSeconds }
}

/** Checks that the reference stack imports; returns its versions or the reason it cannot run. */
export async function pythonStack(): Promise<
  { ok: true; versions: Record<string, string> } | { ok: false; reason: string }
> {
  const code =
    'import json, sklearn, xgboost, pandas, imblearn, numpy\n' +
    'print(json.dumps(dict(python=__import__("sys").version.split()[0], sklearn=sklearn.__version__, xgboost=xgboost.__version__, pandas=pandas.__version__, imblearn=imblearn.__version__, numpy=numpy.__version__)))'
  try {
    const { stdout, stderr, code: exit } = await runProcess(PYTHON, ['-c', code], 60_000)
    if (exit !== 0)
      return {
        ok: false,
        reason: `${PYTHON}: ${tail(stderr, 1)} (apt-get install -y python3-sklearn python3-imblearn python3-pandas python3-xgboost)`
      }
    return { ok: true, versions: JSON.parse(stdout.trim()) as Record<string, string> }
  } catch (error) {
    return { ok: false, reason: (error as Error).message }
  }
}

/** Children still running, so that an interrupted bench does not leave them behind. */
const running = new Set<ChildProcess>()
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    for (const child of running) child.kill('SIGTERM')
    process.exit(130)
  })
}

export function runProcess(
  command: string,
  args: string[],
  timeoutMs = 4 * 3600_000,
  env?: Record<string, string>
): Promise<{ stdout: string; stderr: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: env ? { ...process.env, ...env } : process.env
    })
    running.add(child)
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d))
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d
      if (stderr.length > 1_000_000) stderr = stderr.slice(-100_000)
    })
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.on('error', (error) => {
      clearTimeout(timer)
      running.delete(child)
      reject(error)
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      running.delete(child)
      resolve({ stdout, stderr, code })
    })
  })
}

/** Starts a long-running process (the /predict server) and hands back the child. */
export function startProcess(command: string, args: (string | number)[]): ChildProcess {
  const child = spawn(command, args.map(String), { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] })
  running.add(child)
  child.on('close', () => running.delete(child))
  return child
}

export function tail(text: string, lines = 15): string {
  return text.trim().split('\n').slice(-lines).join('\n')
}
