/**
 * Our engines beside XGBoost on a real credit file, on the same splits:
 *
 *   npx tsx bench/gbmRealData.ts FILE.csv TARGET POSITIVE [--splits 5] [--rounds 500]
 *                                [--engines gbm,gbm-smote,forest-smote,forest]
 *
 * The file is imported as `ptm import` would (so both stacks see the same values, missing
 * cells included); for each seed 42, 43, … the product's own stratified 80/20 split is
 * taken, the imported rows are written with a `test` column, and on those rows:
 * Workbench.trainModel with engines gbm and forest, SMOTE off and on, all with
 * calibration 'none' (so the AUC is the engine's, not moved by isotonic ties), and
 * bench/reference/xgb_gbm.py with the same boosting settings (text columns as categories,
 * one thread). Prints a JSON line per run and a table of mean held-out AUCs.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { stringify } from 'csv-stringify/sync'
import type { Table } from '../src/main/core/data/Table'
import { Workbench } from '../src/main/core/service/Workbench'
import { prepareFeatures } from '../src/main/core/training/prepareFeatures'
import { DEFAULT_TRAIN_PARAMS, type TrainParamsInput } from '../src/shared/params/trainParams'

const PYTHON = process.env.PTM_BENCH_PYTHON ?? '/usr/bin/python3'

/** Our runs, by the key `--engines` names them with. */
const RUNS: [string, string, TrainParamsInput][] = [
  ['gbm', 'gbm (ours), no SMOTE', { engine: 'gbm', smote: false }],
  ['gbm-smote', 'gbm (ours), SMOTE', { engine: 'gbm', smote: true }],
  ['forest-smote', 'forest (ours), SMOTE', { engine: 'forest', smote: true }],
  ['forest', 'forest (ours), no SMOTE', { engine: 'forest', smote: false }]
]

/** The imported rows as CSV (numbers, category labels, empty for missing), target 0/1, and the test flag. */
function splitCsv(table: Table, isTest: Uint8Array): string {
  const header = [
    ...table.columns.filter((c) => c.kind !== 'identifier').map((c) => c.name),
    'target',
    'test'
  ]
  const rows: string[][] = [header]
  for (let r = 0; r < table.numRows; r++) {
    const row: string[] = []
    for (const c of table.columns) {
      if (c.kind === 'numeric') row.push(Number.isNaN(c.values[r]) ? '' : String(c.values[r]))
      else if (c.kind === 'categorical') row.push(c.codes[r] < 0 ? '' : c.levels[c.codes[r]])
    }
    row.push(String(table.target[r]), String(isTest[r]))
    rows.push(row)
  }
  return stringify(rows)
}

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length
const sd = (xs: number[]): number => {
  const m = mean(xs)
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / Math.max(1, xs.length - 1))
}

async function main(): Promise<void> {
  const [file, target, positive, ...rest] = process.argv.slice(2)
  if (!file || !target || !positive)
    throw new Error('usage: gbmRealData.ts FILE.csv TARGET POSITIVE [--splits 5] [--rounds 500]')
  const option = (name: string, fallback: number): number => {
    const i = rest.indexOf(name)
    return i >= 0 ? Number(rest[i + 1]) : fallback
  }
  const splits = option('--splits', 5)
  const enginesAt = rest.indexOf('--engines')
  const engines = enginesAt >= 0 ? rest[enginesAt + 1].split(',') : RUNS.map(([key]) => key)
  const rounds = option('--rounds', 500)
  const dir = mkdtempSync(join(tmpdir(), 'gbm-real-'))
  const wb = Workbench.open(':memory:')
  try {
    const imported = await wb.importCsv({ path: file, target, positive })
    const id = imported.dataset.id
    const table = wb.datasets.loadTable(id)
    const runs: Record<string, number[]> = {}
    const record = (name: string, auc: number, extra: Record<string, unknown> = {}): void => {
      ;(runs[name] ??= []).push(auc)
      console.log(JSON.stringify({ run: name, auc: Number(auc.toFixed(4)), ...extra }))
    }
    for (let s = 0; s < splits; s++) {
      const seed = 42 + s
      const split = prepareFeatures(table, { ...DEFAULT_TRAIN_PARAMS, seed }).split
      const isTest = new Uint8Array(table.numRows)
      for (const r of split.test) isTest[r] = 1
      const csv = join(dir, `split-${seed}.csv`)
      writeFileSync(csv, splitCsv(table, isTest))
      const ours = RUNS.filter(([key]) => engines.includes(key)).map(
        ([, name, params]) => [name, params] as const
      )
      for (const [name, params] of ours) {
        const t0 = performance.now()
        const { evaluation } = await wb.trainModel(id, {
          ...params,
          rounds,
          seed,
          calibration: 'none',
          threads: 1
        })
        record(name, evaluation.metrics.auc, {
          seed,
          seconds: Number(((performance.now() - t0) / 1000).toFixed(2))
        })
      }
      const xgb = JSON.parse(
        execFileSync(PYTHON, [
          join(__dirname, 'reference', 'xgb_gbm.py'),
          csv,
          'target',
          '--test-column',
          'test',
          '--seed',
          String(seed),
          '--rounds',
          String(rounds),
          '--jobs',
          '1'
        ]).toString()
      ) as { auc: number; fit_s: number; rounds_kept: number }
      record('XGBoost hist (same settings)', xgb.auc, {
        seed,
        fitSeconds: xgb.fit_s,
        roundsKept: xgb.rounds_kept
      })
    }
    console.log(
      `\n${file}: ${table.numRows} rows, ${splits} stratified 80/20 splits (seeds 42..${41 + splits})`
    )
    const xgb = runs['XGBoost hist (same settings)']
    for (const [name, aucs] of Object.entries(runs)) {
      const diffs = aucs.map((a, i) => a - xgb[i])
      console.log(
        `${name.padEnd(34)} mean AUC ${mean(aucs).toFixed(4)} ± ${sd(aucs).toFixed(4)}   vs XGBoost ${(mean(diffs) >= 0 ? '+' : '') + mean(diffs).toFixed(4)} ± ${sd(diffs).toFixed(4)}`
      )
    }
  } finally {
    wb.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((e: unknown) => {
  console.error(e)
  process.exit(1)
})
