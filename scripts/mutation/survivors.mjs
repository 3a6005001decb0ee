#!/usr/bin/env node
// Lists the surviving and uncovered mutants of a folder's report, one line each, for review:
//   node scripts/mutation/survivors.mjs ml [file-substring]
import { folderFiles } from './summary.mjs'

const [name = 'mutation', only = ''] = process.argv.slice(2)
for (const [file, data] of folderFiles(name)) {
  if (!file.includes(only)) continue
  const lines = data.source.split('\n')
  for (const m of data.mutants) {
    if (m.status !== 'Survived' && m.status !== 'NoCoverage') continue
    const { start, end } = m.location
    const original = lines[start.line - 1].trim()
    const replacement = (m.replacement ?? '').replace(/\s+/g, ' ').slice(0, 80)
    const tag = m.status === 'NoCoverage' ? 'NOCOV' : 'SURV '
    console.log(`${tag} ${file}:${start.line}:${start.column} ${m.mutatorName}: ${replacement}`)
    if (start.line === end.line) console.log(`        ${original.slice(0, 140)}`)
  }
}
