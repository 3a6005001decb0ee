#!/usr/bin/env node
// Mutation testing of only the measured files that changed against a base ref (for CI):
//   node scripts/mutation/runChanged.mjs [--base main] [--minutes 10] [--break 80]
// Runs nothing when no measured file changed. Stops Stryker after --minutes (the run is then
// reported as incomplete and fails); --break fails the run when the score is below it.
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { FOLDERS } from './folders.mjs'

const args = parseArgs(process.argv.slice(2))
const base = args.base ?? process.env.MUTATION_BASE ?? 'main'
const minutes = Number(args.minutes ?? 10)
const breakAt = args.break === undefined ? null : Number(args.break)

const measured = new Map()
for (const folder of Object.values(FOLDERS))
  for (const file of gitLines(['ls-files', '--', ...folder.mutate.map(pathspec)]))
    measured.set(file, folder.tests)
const changed = gitLines(['diff', '--name-only', '--diff-filter=AMR', `${base}...HEAD`]).filter((f) =>
  measured.has(f)
)
if (changed.length === 0) {
  console.log(`mutation: no measured file changed against ${base}; nothing to run.`)
  process.exit(0)
}
console.log(`mutation: ${changed.length} changed file(s) against ${base}: ${changed.join(', ')}`)

const tests = [...new Set(changed.flatMap((file) => measured.get(file)))]
const child = spawn(
  'npx',
  ['stryker', 'run', '--mutate', changed.join(','), '--testFiles', tests.join(',')],
  {
    stdio: 'inherit',
    detached: true,
    env: { ...process.env, STRYKER_REPORT: 'changed' }
  }
)
let timedOut = false
const cap = setTimeout(() => {
  timedOut = true
  console.error(
    `mutation: stopped after ${minutes} min (--minutes); run the files locally with npm run test:mutation.`
  )
  process.kill(-child.pid, 'SIGTERM')
}, minutes * 60_000)
child.on('exit', (code) => {
  clearTimeout(cap)
  if (timedOut || code !== 0) process.exit(1)
  const score = scoreOf('reports/mutation/changed.json')
  console.log(`mutation: score of the changed files ${score.toFixed(1)} %`)
  process.exit(breakAt !== null && score < breakAt ? 1 : 0)
})

/** Stryker's score of a JSON report: detected ÷ (detected + survived + no coverage). */
function scoreOf(file) {
  if (!existsSync(file)) return 0
  let detected = 0
  let valid = 0
  for (const f of Object.values(JSON.parse(readFileSync(file, 'utf8')).files))
    for (const m of f.mutants) {
      if (m.status === 'Killed' || m.status === 'Timeout') detected++
      if (['Killed', 'Timeout', 'Survived', 'NoCoverage'].includes(m.status)) valid++
    }
  return valid === 0 ? 100 : (100 * detected) / valid
}

/** A Stryker glob as a git pathspec (a leading ! excludes). */
function pathspec(glob) {
  return glob.startsWith('!') ? `:(exclude,glob)${glob.slice(1)}` : `:(glob)${glob}`
}

function gitLines(gitArgs) {
  return execFileSync('git', gitArgs, { encoding: 'utf8' }).split('\n').filter(Boolean)
}

function parseArgs(list) {
  const out = {}
  for (let i = 0; i < list.length; i += 2) {
    if (!list[i].startsWith('--') || list[i + 1] === undefined) {
      console.error(`mutation: expected --name value pairs, got "${list[i]}".`)
      process.exit(2)
    }
    out[list[i].slice(2)] = list[i + 1]
  }
  return out
}
