// Reads the per-folder Stryker JSON reports and computes the mutation score as Stryker does:
// detected (killed + timeout) ÷ valid (detected + survived + no coverage); ignored and
// compile errors do not count.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { FOLDERS } from './folders.mjs'

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
 * The measured files of a folder and their mutants, from its reports. A report may hold files
 * its part no longer mutates (an incremental report keeps a file moved to another part), so a
 * report counts only for the files its part mutates now; where two reports still hold a file,
 * the newest decides.
 */
export function folderFiles(name) {
  const byFile = new Map()
  const reports = reportNames(name)
    .map((r) => ({ r, at: statSync(`${DIR}/${r}.json`).mtimeMs }))
    .sort((a, b) => a.at - b.at)
  for (const { r } of reports) {
    const mutates = mutatedBy(r)
    const report = JSON.parse(readFileSync(`${DIR}/${r}.json`, 'utf8'))
    for (const [file, data] of Object.entries(report.files)) if (mutates(file)) byFile.set(file, data)
  }
  return byFile
}

/** Whether the folder or part named by a report mutates a file now (its `mutate` globs, `!` excluding). */
function mutatedBy(report) {
  const [folder, part] = report.split('.')
  const globs = (part ? FOLDERS[folder]?.parts?.[part] : FOLDERS[folder])?.mutate
  if (!globs) return () => false
  const take = globs.filter((g) => !g.startsWith('!')).map(globRegExp)
  const skip = globs.filter((g) => g.startsWith('!')).map((g) => globRegExp(g.slice(1)))
  return (file) => take.some((re) => re.test(file)) && !skip.some((re) => re.test(file))
}

/** A mutate glob as a regular expression: `**` any folders, `*` any name part. */
function globRegExp(glob) {
  const source = glob
    .split('**/')
    .map((piece) => piece.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '[^/]*'))
    .join('(?:.*/)?')
  return new RegExp(`^${source}$`)
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
