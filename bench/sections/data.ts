import type { BenchConfig } from '../lib/config'
import { ptm, type PtmRun } from '../lib/command'
import { dataPath, ensureFixture, fileMb, removeDb, TARGET } from '../lib/fixtures'
import { runPython, runStep, type PythonOutput } from '../lib/proc'
import {
  addTable,
  attempt,
  mb,
  median,
  newSection,
  num,
  ratio,
  secs,
  type SectionResult
} from '../lib/report'

interface ImportJson {
  datasetId: number
  rows: number
  rejectedRows: number
}

/** The JSON lines of the reference scripts. */
interface PdImport {
  rows: number
  read_csv_s: number
  to_sql_s: number
  total_s: number
}
interface PdInspect {
  rows: number
  read_csv_s: number
  describe_corr_s: number
  total_s: number
}

/**
 * Import and inspect as a user runs them: `ptm import FILE --target Default` into a new
 * store, then `ptm inspect` of that dataset (its first profile), alternating with pandas
 * read_csv + to_sql into a new SQLite file, and read_csv + describe + corr.
 */
export async function dataSection(
  config: BenchConfig,
  python: { ok: boolean; reason?: string }
): Promise<SectionResult> {
  const rows = config.data.rows
  const section = newSection('data', `Data: import and inspect ${num(rows)} rows`)
  const table = addTable(section, ['Run', 'Rows', 'Seconds', 'Rows/s', 'CPU s', 'Peak RSS MB'])
  const source = await ensureFixture(rows)
  const db = dataPath(`import-${rows}.db`)
  const pdDb = dataPath(`pandas-${rows}.db`)
  const imports: PtmRun<ImportJson>[] = []
  const inspects: PtmRun<unknown>[] = []
  const pdImports: PythonOutput<PdImport>[] = []
  const pdInspects: PythonOutput<PdInspect>[] = []
  await attempt(section, `import and inspect ${num(rows)} rows`, async () => {
    for (let r = 0; r < config.repeat; r++) {
      removeDb(db)
      const imp = await ptm<ImportJson>(db, ['import', source.csv, '--target', TARGET])
      imports.push(imp)
      if (imp.json.rows !== rows || imp.json.rejectedRows !== 0)
        section.notes.push(
          `import: ${num(imp.json.rows)} imported, ${num(imp.json.rejectedRows)} rejected (expected all ${num(rows)}).`
        )
      table.push([
        `ours: ptm import, run ${r + 1}`,
        num(rows),
        secs(imp.wallSeconds),
        num(rows / imp.wallSeconds),
        secs(imp.cpuSeconds),
        mb(imp.peakRssMb)
      ])
      const ins = await ptm(db, ['inspect', '--dataset', imp.json.datasetId])
      inspects.push(ins)
      table.push([
        `ours: ptm inspect (first profile), run ${r + 1}`,
        num(rows),
        secs(ins.wallSeconds),
        num(rows / ins.wallSeconds),
        secs(ins.cpuSeconds),
        mb(ins.peakRssMb)
      ])
      if (!python.ok) continue
      const pi = await runPython<PdImport>('reference/pd_import.py', [source.csv, pdDb])
      pdImports.push(pi)
      table.push([
        `pandas read_csv + to_sql, run ${r + 1}`,
        num(rows),
        secs(pi.result.total_s),
        num(rows / pi.result.total_s),
        '–',
        mb(pi.peakRssMb)
      ])
      const pe = await runPython<PdInspect>('reference/pd_inspect.py', [source.csv])
      pdInspects.push(pe)
      table.push([
        `pandas read_csv + describe + corr, run ${r + 1}`,
        num(rows),
        secs(pe.result.total_s),
        num(rows / pe.result.total_s),
        '–',
        mb(pe.peakRssMb)
      ])
    }
    removeDb(pdDb)
    const ourImport = median(imports.map((i) => i.wallSeconds))
    const ourInspect = median(inspects.map((i) => i.wallSeconds))
    section.data.ours = {
      csvMb: fileMb(source.csv),
      imports: imports.map(strip),
      inspects: inspects.map(strip)
    }
    if (!python.ok) {
      section.notes.push(`pandas not measured: ${python.reason}`)
      return
    }
    const pdTotal = median(pdImports.map((p) => p.result.total_s))
    const pdRead = median(pdImports.map((p) => p.result.read_csv_s))
    const pdEda = median(pdInspects.map((p) => p.result.total_s))
    section.headline.push({
      what: '`ptm import FILE --target Default`',
      rows: num(rows),
      ours: `${secs(ourImport)} s, ${mb(Math.max(...imports.map((i) => i.peakRssMb)))} MB`,
      reference: `pandas read_csv + to_sql ${secs(pdTotal)} s (read_csv alone ${secs(pdRead)} s)`,
      ratio: `${ratio(ourImport / pdTotal)} read_csv + to_sql, ${ratio(ourImport / pdRead)} read_csv`,
      goal: '≤ read_csv + to_sql; then ≤ read_csv alone',
      met: ourImport <= pdTotal
    })
    section.headline.push({
      what: '`ptm inspect` (its first profile of the dataset)',
      rows: num(rows),
      ours: `${secs(ourInspect)} s`,
      reference: `pandas read_csv + describe + corr ${secs(pdEda)} s`,
      ratio: ratio(ourInspect / pdEda),
      goal: '≤ pandas',
      met: ourInspect <= pdEda
    })
    section.checks.push(
      {
        what: `ptm import ÷ pandas read_csv + to_sql, ${num(rows)} rows`,
        target: '≤ 1 (then ≤ read_csv alone)',
        value: `${(ourImport / pdTotal).toFixed(2)} (÷ read_csv alone ${(ourImport / pdRead).toFixed(2)})`,
        met: ourImport <= pdTotal
      },
      {
        what: `ptm inspect ÷ pandas read_csv + describe + corr, ${num(rows)} rows`,
        target: '≤ 1',
        value: (ourInspect / pdEda).toFixed(2),
        met: ourInspect <= pdEda
      }
    )
    section.data.pandas = { imports: pdImports, inspects: pdInspects }
  })

  // Breakdown of the profile: reading the dataset's columns back from the store, then the statistics.
  await attempt(section, 'profile breakdown', async () => {
    const id = imports[imports.length - 1]?.json.datasetId
    if (id === undefined) return
    const parts = await runStep<{ rows: number; loadSeconds: number; profileSeconds: number }>('profile', [
      db,
      id
    ])
    const t = addTable(
      section,
      ['Piece of ptm inspect (in one process)', 'Seconds'],
      'Breakdown: the profile'
    )
    t.push(['load the dataset from the store (DatasetRepo.loadTable)', secs(parts.result.loadSeconds)])
    t.push([
      'column statistics, per-class boxes, correlations (profileTable)',
      secs(parts.result.profileSeconds)
    ])
    section.data.profileParts = parts.result
  })
  section.notes.push(
    "Ours: whole commands (node out/cli/ptm.js, cold), the import into a new store each run, `inspect` computing the dataset's profile for the first time (later calls read it back). pandas: the timed parts of bench/reference/pd_import.py and pd_inspect.py (interpreter start-up and imports excluded)."
  )
  return section
}

/** A run without its stdout (the JSON file keeps the figures, not the printed profile). */
function strip<T extends { stdout: string }>(run: T): T {
  return { ...run, stdout: '' }
}
