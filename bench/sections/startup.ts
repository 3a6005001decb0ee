import type { BenchConfig } from '../lib/config'
import { ptm, runCommand, type CommandRun } from '../lib/command'
import { ensureFixture } from '../lib/fixtures'
import { addTable, median, newSection, num, type SectionResult } from '../lib/report'

/**
 * Start-up: `ptm datasets` on the store of the largest generated dataset, cold (a fresh
 * process each time), as `node out/cli/ptm.js` and as `npm run -s ptm --`, interleaved
 * with `node -e 0` (what any Node program pays before its first line).
 */
export async function startupSection(config: BenchConfig): Promise<SectionResult> {
  const section = newSection('startup', '`ptm datasets`: start-up, cold')
  const store = await ensureFixture(config.data.rows)
  const runs: Record<'node0' | 'built' | 'npm', CommandRun[]> = { node0: [], built: [], npm: [] }
  for (let i = 0; i < config.startup.runs; i++) {
    runs.node0.push(await runCommand(process.execPath, ['-e', '0']))
    runs.built.push(await ptm(store.db, ['datasets']))
    runs.npm.push(await ptm(store.db, ['datasets'], { npm: true }))
  }
  const table = addTable(section, [
    'Command (median of ' + config.startup.runs + ')',
    'Wall s',
    'CPU s',
    'Peak RSS MB'
  ])
  const row = (label: string, r: CommandRun[]): number => {
    const wall = median(r.map((x) => x.wallSeconds))
    table.push([
      label,
      wall.toFixed(3),
      median(r.map((x) => x.cpuSeconds)).toFixed(3),
      num(median(r.map((x) => x.peakRssMb)))
    ])
    return wall
  }
  const node0 = row('node -e 0', runs.node0)
  const built = row('node out/cli/ptm.js datasets', runs.built)
  const npm = row('npm run -s ptm -- datasets', runs.npm)
  section.headline.push({
    what: '`ptm datasets` (start-up)',
    rows: `store of ${num(store.rows)} rows`,
    ours: `${built.toFixed(2)} s`,
    reference: `node -e 0: ${node0.toFixed(2)} s`,
    ratio: `+${(built - node0).toFixed(2)} s`,
    goal: '≤ 0.4 s',
    met: built <= 0.4
  })
  section.checks.push({
    what: 'ptm datasets, cold (node out/cli/ptm.js)',
    target: '≤ 0.4 s',
    value: `${built.toFixed(3)} s (node -e 0: ${node0.toFixed(3)} s; npm run -s ptm: ${npm.toFixed(3)} s)`,
    met: built <= 0.4
  })
  section.data = { runs, node0, built, npm, store: { rows: store.rows, db: store.db } }
  section.notes.push(
    `The store holds the ${num(store.rows)}-row generated dataset (a realistic size: \`datasets\` reads only the catalog). npm run adds its own start-up (${(npm - built).toFixed(2)} s here) before scripts/ptm.mjs checks the build and runs the same bundle.`
  )
  return section
}
