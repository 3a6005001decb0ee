// Reads the per-folder Stryker JSON reports and computes the mutation score as Stryker does:
// detected (killed + timeout) ÷ valid (detected + survived + no coverage); ignored and
// compile errors do not count.
import { existsSync, readFileSync } from 'node:fs'

/** Mutant counts and score of every folder that has a report. */
export function summarise(names, times = {}) {
  const rows = []
  for (const name of names) {
    const file = `reports/mutation/${name}.json`
    if (!existsSync(file)) continue
    const report = JSON.parse(readFileSync(file, 'utf8'))
    const c = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, Ignored: 0 }
    for (const f of Object.values(report.files))
      for (const m of f.mutants) c[m.status] = (c[m.status] ?? 0) + 1
    const detected = c.Killed + c.Timeout
    const valid = detected + c.Survived + c.NoCoverage
    rows.push({ name, ...c, score: valid === 0 ? null : (100 * detected) / valid, seconds: times[name] })
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
