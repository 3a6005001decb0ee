// Bundles the `ptm` command line and the worker threads it starts into out/cli/, for
// Node 20 (dependencies stay in node_modules). The worker list is the app's
// (scripts/workerEntries.mjs), so the CLI and the app start the same built entries.
import { build } from 'esbuild'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { WORKER_ENTRIES } from './workerEntries.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

/** Builds out/cli/ptm.js and out/cli/workers/*.js. */
export async function buildCli() {
  await build({
    absWorkingDir: root,
    entryPoints: {
      ptm: 'src/main/cli/ptm.ts',
      ...Object.fromEntries(Object.entries(WORKER_ENTRIES).map(([name, path]) => [`workers/${name}`, path]))
    },
    outdir: join(root, 'out', 'cli'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning'
  })
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildCli()
