// Checks a central run against the workstation on the same sample: the Node twin of
// compare_runs.py. Both files are scored CSVs of the same rows, one from `ptm score` on a
// branch workstation, one from ONNX Runtime (score-csv.mjs, score_csv.py or the Spark job).
//
//   node compare-runs.mjs WORKSTATION.csv CENTRAL.csv [--key Customer_ID]
//
// Rows are matched by the key column when given, else by position. The runs agree when
// every probability is within 1e-3, at least 99.9 % are within 1e-5, and every decision and
// grade is the same. Prints one JSON line with the figures; exits 0 when they agree, 1 when not.
import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'

const TOLERANCE = 1e-5
const LIMIT = 1e-3
const SHARE = 0.999

function readScored(path, key) {
  const [header, ...records] = parse(readFileSync(path), { bom: true })
  const at = (name) => {
    const i = header.indexOf(name)
    if (i < 0) throw new Error(`${path} has no column ${name}`)
    return i
  }
  const [p, d, g] = ['Default_Probability', 'Default_Prediction', 'Risk_Grade'].map(at)
  const k = key ? at(key) : -1
  return new Map(
    records.map((r, i) => [k >= 0 ? r[k] : String(i), { p: Number(r[p]), decision: r[d], grade: r[g] }])
  )
}

function compareRuns(workstationPath, centralPath, key) {
  const workstation = readScored(workstationPath, key)
  const central = readScored(centralPath, key)
  let maxAbsDiff = 0
  let within = 0
  let decisionMismatches = 0
  let gradeMismatches = 0
  let missingInCentral = 0
  for (const [id, w] of workstation) {
    const c = central.get(id)
    if (!c) {
      missingInCentral++
      continue
    }
    // An unreadable probability (NaN) counts as the largest difference.
    const diff = Number.isNaN(w.p - c.p) ? Infinity : Math.abs(w.p - c.p)
    if (diff > maxAbsDiff) maxAbsDiff = diff
    if (diff <= TOLERANCE) within++
    if (w.decision !== c.decision) decisionMismatches++
    if (w.grade !== c.grade) gradeMismatches++
  }
  const compared = workstation.size - missingInCentral
  const withinShare = compared ? within / compared : 0
  const ok =
    compared > 0 &&
    missingInCentral === 0 &&
    maxAbsDiff <= LIMIT &&
    withinShare >= SHARE &&
    decisionMismatches === 0 &&
    gradeMismatches === 0
  return {
    compared,
    missingInCentral,
    onlyInCentral: central.size - compared,
    maxAbsDiff,
    withinShare,
    decisionMismatches,
    gradeMismatches,
    ok
  }
}

const args = process.argv.slice(2)
const keyAt = args.indexOf('--key')
const key = keyAt >= 0 ? args[keyAt + 1] : undefined
const files = args.filter((_, i) => keyAt < 0 || (i !== keyAt && i !== keyAt + 1))
if (files.length !== 2) {
  console.error('usage: node compare-runs.mjs WORKSTATION.csv CENTRAL.csv [--key COLUMN]')
  process.exit(2)
}
try {
  const result = compareRuns(files[0], files[1], key)
  console.log(JSON.stringify(result))
  process.exit(result.ok ? 0 : 1)
} catch (error) {
  console.error(`compare-runs: ${error.message}`)
  process.exit(2)
}
