import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { Worker, type ResourceLimits } from 'node:worker_threads'

/** A worker entry: its file name without extension, and the source folder it lives in (the caller's `__dirname`). */
export interface WorkerEntry {
  name: string
  dir: string
}

/**
 * Starts a worker entry: `<dir>/<name>.ts` from sources, `out/main/workers/<name>.js` when built.
 * Entries live beside the code that starts them; the build bundles each one to out/main/workers/.
 *
 * The same code runs in three settings: the built Electron app (entries bundled to
 * `out/main/workers/<name>.js` beside `out/main/index.js`), and the CLI and tests run
 * from TypeScript sources through tsx or vitest, where a small bootstrap registers
 * tsx's CommonJS hook inside the worker and then requires the `.ts` entry (Node 20
 * does not apply `--import tsx` from a worker's execArgv to the worker's own loads).
 * Resolving here keeps callers free of that difference.
 */
export function spawnWorker(
  entry: WorkerEntry,
  workerData: unknown,
  resourceLimits?: ResourceLimits
): Worker {
  const { name, dir } = entry
  // Bundled, this code lands in out/main/index.js, out/main/workers/*.js or a shared
  // chunk in out/main/chunks/, so look beside, below and above it.
  const builtCandidates = [
    join(__dirname, 'workers', `${name}.js`),
    join(__dirname, `${name}.js`),
    join(__dirname, '..', 'workers', `${name}.js`)
  ]
  const built = builtCandidates.find((p) => existsSync(p))
  if (built) return new Worker(built, { workerData, resourceLimits })
  const source = join(dir, `${name}.ts`)
  if (existsSync(source)) {
    const bootstrap = `require('tsx/cjs/api').register(); require(${JSON.stringify(source)})`
    return new Worker(bootstrap, { eval: true, workerData, resourceLimits })
  }
  throw new Error(`Worker entry "${name}" not found in ${dir} nor in the build beside ${__dirname}`)
}
