import { resolve } from 'node:path'
import { build } from 'esbuild'
import { describe, expect, it } from 'vitest'

// Every scoring thread of a batch loads its module graph before its first row: the schema
// library alone took 70 ms of it (on each thread, and on the batch's critical path), and a
// trainer's matrix library more. Scoring validates nothing and trains nothing, so its graph
// holds neither; this bundles the worker's entry as the build does and lists what it loads.
const root = resolve(__dirname, '../../../..')

/** The packages a worker entry's bundle requires at run time. */
async function packagesLoadedBy(entry: string): Promise<string[]> {
  const result = await build({
    absWorkingDir: root,
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    packages: 'external',
    write: false,
    metafile: true,
    outdir: 'unused',
    logLevel: 'silent'
  })
  const imports = Object.values(result.metafile.inputs).flatMap((input) => input.imports)
  return [...new Set(imports.filter((i) => i.external).map((i) => i.path))].sort()
}

describe('a scoring thread’s start-up', () => {
  it('loads no schema library and no trainer, only what scoring a chunk needs', async () => {
    const packages = await packagesLoadedBy('src/main/core/scoring/scoreWorker.ts')
    expect(packages.filter((p) => !p.startsWith('node:'))).toEqual(['csv-stringify/sync'])
  })
})
