/**
 * What `auto` would pick, and what each pick is worth on the held-out rows: for each split
 * file and seed, every candidate of the search is cross-validated on train.csv (REPEATS times,
 * the folds and the fold models drawn from seed + 10000·r), then trained on the whole of
 * train.csv as `auto` keeps it and scored on test.csv. Selection rules are then compared
 * offline (autoSelection.py) on the same candidates: no rule is judged on a run of its own.
 *
 *   npx tsx bench/real/autoSelection.ts --dataset NAME [--splits 0-4] [--seeds 0,100,200]
 *        [--repeats 3] [--grid product|wide] [--out DIR]
 *
 * The split files must exist (reference.py splits). One JSON line per (split, seed) on stdout;
 * the test rows' probabilities of every candidate go to DIR/NAME-split-k-seed-s.json, for
 * blends. Seed of split k is k + s, as ours.ts's `--seed k` for s = 0.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { allEngines, type Engine } from '../../src/main/core/ml/engines'
import { Workbench } from '../../src/main/core/service/Workbench'
import { searchChampion } from '../../src/main/core/training/autoSearch'
import { TrainParamsSchema, type TrainParams } from '../../src/shared/params/trainParams'
import { readManifest, REAL_CACHE, splitDir } from './manifest'

/** Extra candidates beside the engines' own, for `--grid wide`. */
function wideGrid(engine: Engine, p: TrainParams): TrainParams[] {
  const own = engine.candidates!(p)
  if (engine.id === 'gbm')
    return [
      ...own,
      // XGBoost's reference settings: 300 rounds at η 0.05, no early stopping.
      { ...p, engine: 'gbm', gbmDepth: 3, leaves: 8, rounds: 300, earlyStopping: 0 },
      { ...p, engine: 'gbm', gbmDepth: 4, leaves: 16, minChildWeight: Math.max(p.minChildWeight, 3) },
      { ...p, engine: 'gbm', gbmDepth: 3, leaves: 8, learningRate: 0.02, rounds: 1500 }
    ]
  if (engine.id === 'scorecard')
    return [
      ...own,
      { ...p, engine: 'scorecard', smote: false, maxBins: 8, minBinShare: 0.05, binTrend: 'shaped' },
      { ...p, engine: 'scorecard', smote: false, maxBins: 10, minBinShare: 0.03 }
    ]
  if (engine.id === 'forest') return [...own, { ...p, engine: 'forest', maxDepth: 8, minSamplesLeaf: 10 }]
  return own
}

/** Rank-based AUC (Mann-Whitney, ties one half), written out so the check does not lean on the product's metrics. */
function auc(y: Uint8Array, p: Float64Array): number {
  const order = Array.from(p.keys()).sort((a, b) => p[a] - p[b])
  let rankSum = 0
  let positives = 0
  for (let i = 0; i < order.length;) {
    let j = i
    while (j + 1 < order.length && p[order[j + 1]] === p[order[i]]) j++
    const rank = (i + j + 2) / 2
    for (let t = i; t <= j; t++) {
      if (y[order[t]] !== 1) continue
      rankSum += rank
      positives++
    }
    i = j + 1
  }
  const negatives = y.length - positives
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives)
}

function probabilities(scoredCsv: string): Float64Array {
  const rows = parse(readFileSync(scoredCsv, 'utf8'), { columns: true }) as Record<string, string>[]
  return Float64Array.from(rows, (r) => Number(r.Default_Probability))
}

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const value = (flag: string, fallback: string): string => {
    const i = args.indexOf(flag)
    return i >= 0 ? args[i + 1] : fallback
  }
  const dataset = readManifest().find((d) => d.name === value('--dataset', ''))
  if (!dataset) throw new Error('--dataset must name a dataset of bench/real/datasets.json')
  const [first, last] = value('--splits', '0-4').split('-').map(Number)
  const seeds = value('--seeds', '0,100,200').split(',').map(Number)
  const repeats = Number(value('--repeats', '3'))
  const grid = value('--grid', 'product')
  const out = value('--out', join(REAL_CACHE, 'autosel'))
  mkdirSync(out, { recursive: true })
  for (let k = first; k <= (last ?? first); k++) {
    const folder = splitDir(dataset.name, k)
    const test = join(folder, 'test.csv')
    const testRows = parse(readFileSync(test, 'utf8'), { columns: true }) as Record<string, string>[]
    const y = Uint8Array.from(testRows, (r) => (r[dataset.target] === dataset.positive ? 1 : 0))
    for (const s of seeds) {
      const seed = k + s
      const wb = Workbench.open(':memory:')
      const work = join(tmpdir(), `autosel-${process.pid}`)
      mkdirSync(work, { recursive: true })
      try {
        const imported = await wb.importCsv({
          path: join(folder, 'train.csv'),
          target: dataset.target,
          positive: dataset.positive
        })
        const id = imported.dataset.id
        const table = wb.datasets.loadTable(id)
        const base = { engine: 'auto', testSize: 0, budgetSeconds: 3600 } as const
        const candidates = grid === 'wide' ? wideGrid : undefined
        const folds: Map<string, number[][]> = new Map()
        const meta: Map<string, { engine: string; label: string; complexity: number; params: TrainParams }> =
          new Map()
        const t0 = performance.now()
        for (let r = 0; r < repeats; r++) {
          const params = TrainParamsSchema.parse({ ...base, seed: seed + 10000 * r })
          const { leaderboard } = await searchChampion(table, params, { candidates })
          // Candidates are named by engine and place in the engine's list (labels may repeat).
          const same = (a: TrainParams, b: TrainParams): boolean =>
            JSON.stringify({ ...a, seed: 0 }) === JSON.stringify({ ...b, seed: 0 })
          for (const e of leaderboard) {
            const engine = allEngines().find((x) => x.id === e.engine)!
            const i = (candidates ?? ((x: Engine, p: TrainParams) => x.candidates!(p)))(
              engine,
              params
            ).findIndex((c) => same(c, e.params))
            const key = `${e.engine}#${i}`
            ;(folds.get(key) ?? folds.set(key, []).get(key)!).push(e.foldAucs)
            if (r === 0)
              meta.set(key, { engine: e.engine, label: e.label, complexity: e.complexity, params: e.params })
          }
        }
        const cvSeconds = (performance.now() - t0) / 1000
        const result: Record<string, unknown>[] = []
        const probs: Record<string, number[]> = {}
        for (const [key, m] of meta) {
          const trained = await wb.trainModel(id, { ...m.params, seed, testSize: 0 })
          const scored = join(work, `${key.replace('#', '-')}.csv`)
          await wb.scoreFile(test, scored, { modelId: trained.model.id })
          const p = probabilities(scored)
          probs[key] = Array.from(p)
          const { engine, label, complexity, params } = m
          const settings = Object.fromEntries(
            Object.entries(params).filter(([name]) =>
              [
                'trees',
                'maxDepth',
                'minSamplesLeaf',
                'maxFeatures',
                'rounds',
                'learningRate',
                'gbmDepth',
                'leaves',
                'minChildWeight',
                'earlyStopping',
                'maxBins',
                'minBinShare',
                'binTrend'
              ].includes(name)
            )
          )
          result.push({ key, engine, label, complexity, settings, folds: folds.get(key), test: auc(y, p) })
        }
        writeFileSync(
          join(out, `${dataset.name}-split-${k}-seed-${s}.json`),
          JSON.stringify({ y: Array.from(y), probs })
        )
        console.log(
          JSON.stringify({
            dataset: dataset.name,
            split: k,
            seed,
            seedSet: s,
            repeats,
            grid,
            cvSeconds,
            candidates: result
          })
        )
      } finally {
        wb.close()
        rmSync(work, { recursive: true, force: true })
      }
    }
  }
}

main().catch((e: unknown) => {
  console.error(e)
  process.exit(1)
})
