#!/usr/bin/env node
// Runs Stryker one folder at a time (all folders of folders.mjs when none is named), each with
// its own report and incremental file under reports/mutation/, then prints the score table.
//   node scripts/mutation/runFolders.mjs ml scoring scoring.batch
// A rerun only tests mutants whose code or covering tests changed (Stryker's incremental mode).
import { spawn } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { FOLDERS } from './folders.mjs'
import { summarise, formatTable } from './summary.mjs'

// A folder with parts runs part by part; `folder.part` names one part alone.
const runs = new Map()
for (const [name, folder] of Object.entries(FOLDERS)) {
  runs.set(name, folder.parts ? Object.keys(folder.parts).map((part) => `${name}.${part}`) : [name])
  for (const part of Object.keys(folder.parts ?? {})) runs.set(`${name}.${part}`, [`${name}.${part}`])
}
const asked = process.argv.slice(2)
const unknown = asked.filter((name) => !runs.has(name))
if (unknown.length > 0) {
  console.error(`Unknown folder ${unknown.join(', ')}: choose from ${[...runs.keys()].join(', ')}.`)
  process.exit(2)
}
const names = (asked.length > 0 ? asked : Object.keys(FOLDERS)).flatMap((name) => runs.get(name))
mkdirSync('reports/mutation', { recursive: true })
const timesFile = 'reports/mutation/times.json'
const times = existsSync(timesFile) ? JSON.parse(readFileSync(timesFile, 'utf8')) : {}

let failed = false
for (const name of names) {
  const started = Date.now()
  console.log(`== mutation: ${name}`)
  const [folder, part] = name.split('.')
  const status = await runStryker(part ? FOLDERS[folder].parts[part] : FOLDERS[folder], name)
  times[name] = Math.round((Date.now() - started) / 1000)
  writeFileSync(timesFile, JSON.stringify(times, null, 2))
  if (status !== 0) failed = true
}
console.log(formatTable(summarise(Object.keys(FOLDERS), times)))
process.exit(failed ? 1 : 0)

/** Runs Stryker in its own process group, so that stopping this script stops its workers too. */
function runStryker({ mutate, tests }, report) {
  const args = [
    'stryker',
    'run',
    '--incremental',
    '--mutate',
    mutate.join(','),
    '--testFiles',
    tests.join(',')
  ]
  const child = spawn('npx', args, {
    stdio: 'inherit',
    detached: true,
    env: { ...process.env, STRYKER_REPORT: report }
  })
  const stop = () => {
    try {
      process.kill(-child.pid, 'SIGTERM')
    } catch {
      // already gone
    }
    process.exit(130)
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  return new Promise((resolve) =>
    child.on('exit', (code) => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      resolve(code ?? 1)
    })
  )
}
