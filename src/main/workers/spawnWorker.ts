import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'

/**
 * Starts the worker entry `src/main/workers/<name>.ts`.
 *
 * The same code runs in three settings: the built Electron app (entries bundled to
 * `out/main/workers/<name>.js` beside `out/main/index.js`), and the CLI and tests run
 * from TypeScript sources through tsx or vitest, where the worker is started on the
 * `.ts` file with tsx's loader. Resolving here keeps callers free of that difference.
 */
export function spawnWorker(name: string, workerData: unknown): Worker {
  const built = join(__dirname, 'workers', `${name}.js`)
  if (existsSync(built)) return new Worker(built, { workerData })
  const builtSibling = join(__dirname, `${name}.js`)
  if (existsSync(builtSibling)) return new Worker(builtSibling, { workerData })
  const source = join(__dirname, `${name}.ts`)
  if (existsSync(source)) return new Worker(source, { workerData, execArgv: ['--import', 'tsx'] })
  throw new Error(`Worker entry "${name}" not found next to ${__dirname}`)
}
