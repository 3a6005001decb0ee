import { resolve } from 'node:path'
import { build } from 'esbuild'
import { describe, expect, it } from 'vitest'

// A worker thread loads its module graph before it does anything: the schema library alone
// took 70 ms of it, and a trainer's matrix library more. The threads a batch starts (its
// scoring threads, beside them the store's whole-file check) validate and train nothing, so
// their graphs hold neither; this bundles each entry as the build does and lists what it loads.
const root = resolve(__dirname, '../..')

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

describe('the start-up of a batch’s threads', () => {
  it('loads no schema library and no trainer in a scoring thread, only what scoring a chunk needs', async () => {
    const packages = await packagesLoadedBy('src/main/core/scoring/scoreWorker.ts')
    expect(packages.filter((p) => !p.startsWith('node:'))).toEqual(['csv-stringify/sync'])
  })

  it('loads only SQLite in the thread that checks the store whole', async () => {
    const packages = await packagesLoadedBy('src/main/core/storage/wholeFileCheckWorker.ts')
    expect(packages.filter((p) => !p.startsWith('node:'))).toEqual(['better-sqlite3'])
  })
})
