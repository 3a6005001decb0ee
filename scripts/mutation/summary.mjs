// Reads the per-folder Stryker JSON reports and computes the mutation score as Stryker does:
// detected (killed + timeout) ÷ valid (detected + survived + no coverage); ignored and
// compile errors do not count.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'

const DIR = 'reports/mutation'

/** The reports of a folder: its own (`name.json`) and its parts' (`name.part.json`). */
export function reportNames(name) {
  if (!existsSync(DIR)) return []
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.json') && !f.endsWith('.incremental.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .filter((r) => r === name || r.startsWith(`${name}.`))
}

/**
 * The measured files of a folder and their mutants, from its reports. An incremental report
 * keeps files its part no longer mutates (a file moved to another part): the newest report
 * holding a file decides.
 */
export function folderFiles(name) {
  const byFile = new Map()
  const reports = reportNames(name)
    .map((r) => ({ r, at: statSync(`${DIR}/${r}.json`).mtimeMs }))
    .sort((a, b) => a.at - b.at)
  for (const { r } of reports) {
    const report = JSON.parse(readFileSync(`${DIR}/${r}.json`, 'utf8'))
    for (const [file, data] of Object.entries(report.files)) byFile.set(file, data)
  }
  return byFile
}

/** Mutant counts and score of every folder that has a report (its parts added up). */
export function summarise(names, times = {}) {
  const rows = []
  for (const name of names) {
    const reports = reportNames(name)
    if (reports.length === 0) continue
    const c = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, Ignored: 0 }
    for (const f of folderFiles(name).values())
      for (const m of f.mutants) c[m.status] = (c[m.status] ?? 0) + 1
    const seconds = reports.reduce((sum, r) => sum + (times[r] ?? 0), 0)
    const detected = c.Killed + c.Timeout
    const valid = detected + c.Survived + c.NoCoverage
    const score = valid === 0 ? null : (100 * detected) / valid
    rows.push({ name, ...c, score, seconds: seconds > 0 ? seconds : undefined })
  }
  return rows
}

/** The rows as a Markdown table. */
export function formatTable(rows) {
  const lines = [
    '| folder | mutants | killed | timeout | survived | no coverage | ignored | score | run |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |'
  ]
  for (const r of rows) {
    const total = r.Killed + r.Timeout + r.Survived + r.NoCoverage
    const score = r.score === null ? '–' : `${r.score.toFixed(1)} %`
    const run = r.seconds === undefined ? '–' : `${Math.round(r.seconds / 60)} min`
    lines.push(
      `| ${r.name} | ${total} | ${r.Killed} | ${r.Timeout} | ${r.Survived} | ${r.NoCoverage} | ${r.Ignored} | ${score} | ${run} |`
    )
  }
  return lines.join('\n')
}
