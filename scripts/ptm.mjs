#!/usr/bin/env node
// `npm run ptm -- <command>`: runs the command line from built JavaScript, as users meet it.
//
// The CLI and its worker threads are bundled with esbuild into out/cli/ (ptm.js and
// workers/*.js, where spawnWorker looks for built entries), dependencies left in
// node_modules. The bundle is rebuilt when any source under src/main or src/shared is
// newer than it (a fraction of a second), so an edited tree never runs stale code; running
// TypeScript through a transpiler instead cost ~1.5 s before any work and ~2.5 s before a
// worker's first row. `npm run ptm:dev` keeps the transpiler path for editing.
import { existsSync, readdirSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const out = join(root, 'out', 'cli')
const entry = join(out, 'ptm.js')

/** Newest modification time of the files below `dir`. */
function newest(dir) {
  let latest = 0
  for (const name of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, name.name)
    latest = Math.max(latest, name.isDirectory() ? newest(path) : statSync(path).mtimeMs)
  }
  return latest
}

const stale =
  !existsSync(entry) ||
  statSync(entry).mtimeMs < Math.max(newest(join(root, 'src', 'main')), newest(join(root, 'src', 'shared')))
if (stale) {
  const { buildCli } = await import('./buildCli.mjs')
  await buildCli()
}
// In this process: the bundle reads process.argv.slice(2), which are the user's arguments here too.
createRequire(import.meta.url)(entry)
