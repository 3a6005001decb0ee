import { rmSync } from 'node:fs'
import type { BenchConfig } from '../lib/config'
import { dataPath, fileMb, fixturePaths, removeDb, saveFixture, SEED, TARGET } from '../lib/fixtures'
import { runStep } from '../lib/proc'
import { addTable, attempt, mb, newSection, num, secs, type SectionResult } from '../lib/report'

interface Timed {
  seconds: number
}

/**
 * Issue 2: rows/s of generate, import (of the generated dataset's CSV export) and profile at
 * each size, and the peak RSS of each step, every step in a child process of its own.
 */
export async function dataSection(config: BenchConfig): Promise<SectionResult> {
  const section = newSection('data', 'Data: generate, export, import, profile')
  const table = addTable(section, ['Step', 'Rows', 'Seconds', 'Rows/s', 'Peak RSS MB'])
  const baseline = await runStep('noop', [dataPath('noop.db')])
  removeDb(dataPath('noop.db'))
  section.data.baselineRssMb = baseline.peakRssMb
  table.push(['baseline (load code, open DB)', '–', '–', '–', mb(baseline.peakRssMb)])
  const sizes: Record<string, unknown>[] = []
  for (const rows of config.data.sizes) {
    await attempt(section, `data steps at ${num(rows)} rows`, async () => {
      const { db, csv } = fixturePaths(rows)
      const importDb = dataPath(`import-${rows}.db`)
      removeDb(db)
      removeDb(importDb)
      rmSync(csv, { force: true })
      const gen = await runStep<Timed & { datasetId: number; rows: number }>('generate', [db, rows, SEED])
      const exp = await runStep<Timed & { rows: number }>('export', [db, gen.result.datasetId, csv])
      const imp = await runStep<Timed & { rows: number; rejected: number }>('import', [importDb, csv, TARGET])
      const prof = await runStep<Timed & { rows: number; loadSeconds: number; profileSeconds: number }>(
        'profile',
        [db, gen.result.datasetId]
      )
      saveFixture({ rows, seed: SEED, db, datasetId: gen.result.datasetId, csv, models: {} })
      removeDb(importDb)
      if (imp.result.rows !== rows || imp.result.rejected !== 0) {
        section.notes.push(
          `import of ${num(rows)} rows: ${num(imp.result.rows)} imported, ${num(imp.result.rejected)} rejected (expected all rows).`
        )
      }
      const steps = { generate: gen, export: exp, import: imp, profile: prof }
      const entry: Record<string, unknown> = { rows, csvMb: fileMb(csv) }
      for (const [name, s] of Object.entries(steps)) {
        const rowsPerSecond = rows / s.result.seconds
        entry[name] = {
          seconds: s.result.seconds,
          rowsPerSecond,
          peakRssMb: s.peakRssMb,
          cpuSeconds: s.cpuSeconds,
          processSeconds: s.processSeconds
        }
        table.push([name, num(rows), secs(s.result.seconds), num(rowsPerSecond), mb(s.peakRssMb)])
      }
      entry.profileParts = {
        loadSeconds: prof.result.loadSeconds,
        profileSeconds: prof.result.profileSeconds
      }
      sizes.push(entry)
      if (rows >= 1_000_000) {
        section.checks.push({
          what: `profile ${num(rows)} rows`,
          target: 'seconds, not minutes (< 60 s)',
          value: `${secs(prof.result.seconds)} s`,
          met: prof.result.seconds < 60
        })
      }
    })
  }
  section.data.sizes = sizes
  section.notes.push(
    "Each step runs in a fresh Node process (tsx); rows/s = rows ÷ seconds of the call itself (process start-up excluded); peak RSS = the process's own maxRSS, start-up included (see the baseline row).",
    'import reads the CSV that export wrote from the generated dataset (same rows); profile = load the table from SQLite + compute the profile.'
  )
  return section
}
