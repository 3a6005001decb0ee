/**
 * Times our boosted trees (trainGbm, the engine's kernel) on generated loan-like rows and,
 * with --csv, writes the same rows with this run's split so that XGBoost can be run on them
 * side by side (`test` column = held-out rows):
 *
 *   npx tsx bench/gbmBench.ts [--rows 100000] [--features 16] [--rounds 500] [--depth 3]
 *       [--leaves 8] [--eta 0.05] [--subsample 0.8] [--colsample 0.8] [--l2 1]
 *       [--min-child-weight 1] [--early-stopping 50] [--validation-share 0.15] [--seed 42]
 *       [--categorical native|codes] [--repeat 1] [--csv FILE]
 *   /usr/bin/python3 bench/reference/xgb_gbm.py FILE default --test-column test --depth 3 ...
 *
 * Rows: numeric features (normal, skewed, few-valued, some with 10 % NaN whose absence
 * itself raises the risk) and two text categories (12 and 40 levels) whose effect is not
 * monotone in the level's code. Ours gets the categories as codes of the sorted levels and
 * NaN as missing, as the pipeline gives the engine, split on sets of categories (or, with
 * --categorical codes, on thresholds of the codes); XGBoost gets the text as pandas
 * categories (xgb_gbm.py --categorical native|codes alike). Prints one JSON line per repetition.
 */
import { writeFileSync } from 'node:fs'
import { deriveSeed, Rng } from '../src/main/core/base/random'
import { trainGbm, type GbmOptions } from '../src/main/core/ml/gbm/trainGbm'
import { evaluateBinary } from '../src/main/core/ml/metrics'
import { stratifiedSplit } from '../src/main/core/ml/split'
import { predictEnsemble } from '../src/main/core/model/TreeEnsemble'

const NUMBER_OPTIONS = [
  'rows',
  'features',
  'rounds',
  'depth',
  'leaves',
  'eta',
  'subsample',
  'colsample',
  'l2',
  'min-child-weight',
  'early-stopping',
  'seed',
  'repeat',
  'validation-share'
] as const
type Options = Record<(typeof NUMBER_OPTIONS)[number], number> & {
  csv: string | null
  categorical: 'native' | 'codes'
}

function parseArgs(argv: string[]): Options {
  const o: Options = {
    rows: 100_000,
    features: 16,
    rounds: 500,
    depth: 3,
    leaves: 8,
    eta: 0.05,
    subsample: 0.8,
    colsample: 0.8,
    l2: 1,
    'min-child-weight': 1,
    'early-stopping': 50,
    seed: 42,
    repeat: 1,
    'validation-share': 0.15,
    csv: null,
    categorical: 'native'
  }
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '')
    if (key === 'csv') o.csv = argv[i + 1]
    else if (key === 'categorical' && (argv[i + 1] === 'native' || argv[i + 1] === 'codes'))
      o.categorical = argv[i + 1] as 'native' | 'codes'
    else if ((NUMBER_OPTIONS as readonly string[]).includes(key))
      o[key as (typeof NUMBER_OPTIONS)[number]] = Number(argv[i + 1])
    else throw new Error(`unknown option ${argv[i]}`)
  }
  return o
}

const LEVELS_A = Array.from({ length: 12 }, (_, i) => `region_${String.fromCharCode(97 + i)}`)
const LEVELS_B = Array.from({ length: 40 }, (_, i) => `branch_${String(i).padStart(2, '0')}`)

interface Loans {
  numeric: Float64Array[]
  categories: [number[], number[]]
  y: Uint8Array
}

function makeLoans(rows: number, numericFeatures: number, seed: number): Loans {
  const rng = new Rng(seed)
  const numeric = Array.from({ length: numericFeatures }, () => new Float64Array(rows))
  const catA: number[] = []
  const catB: number[] = []
  const riskA = LEVELS_A.map(() => rng.normal() * 0.6)
  const riskB = LEVELS_B.map(() => rng.normal() * 0.4)
  const y = new Uint8Array(rows)
  for (let r = 0; r < rows; r++) {
    for (let f = 0; f < numericFeatures; f++) {
      const z = rng.normal()
      let x = f % 4 === 1 ? Math.exp(z) * 1000 : f % 4 === 2 ? Math.floor(rng.next() * 12) : z
      if (f % 5 === 3 && rng.next() < 0.1) x = NaN
      numeric[f][r] = x
    }
    const a = rng.int(LEVELS_A.length)
    const b = rng.int(LEVELS_B.length)
    catA.push(a)
    catB.push(b)
    const c = (f: number): number => {
      const v = numeric[f % numericFeatures][r]
      return v === v ? v : 0
    }
    const missing3 = numeric[3 % numericFeatures][r] !== numeric[3 % numericFeatures][r] ? 0.8 : 0
    const score =
      1.2 * c(0) -
      0.4 * Math.log(c(1) / 1000 + 1e-9) +
      0.25 * (c(2) - 6) +
      (c(3) > 0.5 ? 1 : -0.3) +
      missing3 +
      0.9 * c(4) * c(8) +
      Math.sin(2 * c(12)) +
      riskA[a] +
      riskB[b] -
      2.2
    y[r] = rng.next() < 1 / (1 + Math.exp(-score)) ? 1 : 0
  }
  return { numeric, categories: [catA, catB], y }
}

function writeCsv(path: string, loans: Loans, isTest: Uint8Array): void {
  const header = [...loans.numeric.map((_, f) => `x${f}`), 'region', 'branch', 'default', 'test']
  const lines = [header.join(',')]
  for (let r = 0; r < loans.y.length; r++) {
    const values = loans.numeric.map((c) => (Number.isNaN(c[r]) ? '' : String(c[r])))
    values.push(
      LEVELS_A[loans.categories[0][r]],
      LEVELS_B[loans.categories[1][r]],
      String(loans.y[r]),
      String(isTest[r])
    )
    lines.push(values.join(','))
  }
  writeFileSync(path, lines.join('\n') + '\n')
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2))
  const loans = makeLoans(o.rows, o.features, o.seed)
  const split = stratifiedSplit(loans.y, 0.2, new Rng(deriveSeed(o.seed, 1)))
  const isTest = new Uint8Array(o.rows)
  for (const r of split.test) isTest[r] = 1
  if (o.csv) writeCsv(o.csv, loans, isTest)
  // Level codes of the sorted levels (the pipeline's label encoding); the names sort as generated.
  const columns = [...loans.numeric, ...loans.categories.map((c) => Float64Array.from(c))]
  const categorical = new Uint8Array(columns.length)
  if (o.categorical === 'native') categorical.fill(1, columns.length - 2)
  const pick = (rows: Int32Array): { columns: Float64Array[]; y: Uint8Array } => ({
    columns: columns.map((c) => Float64Array.from(rows, (r) => c[r])),
    y: Uint8Array.from(rows, (r) => loans.y[r])
  })
  const train = pick(split.train)
  const test = pick(split.test)
  // Inner validation rows for early stopping: a stratified share of the training rows.
  const inner = stratifiedSplit(train.y, o['validation-share'], new Rng(deriveSeed(o.seed, 3)))
  const sub = (part: { columns: Float64Array[]; y: Uint8Array }, rows: Int32Array) => ({
    columns: part.columns.map((c) => Float64Array.from(rows, (r) => c[r])),
    y: Uint8Array.from(rows, (r) => part.y[r])
  })
  const options: GbmOptions = {
    rounds: o.rounds,
    learningRate: o.eta,
    maxDepth: o.depth,
    maxLeaves: o.leaves,
    subsample: o.subsample,
    colsample: o.colsample,
    l2: o.l2,
    minChildWeight: o['min-child-weight'],
    earlyStoppingRounds: o['early-stopping'],
    seed: o.seed,
    categorical
  }
  for (let rep = 0; rep < o.repeat; rep++) {
    const cpu0 = process.cpuUsage()
    const t0 = performance.now()
    let model
    if (o['early-stopping'] > 0) {
      const fit = sub(train, inner.train)
      const val = sub(train, inner.test)
      model = await trainGbm(fit.columns, fit.y, options, { ...val, marginOffset: 0 })
    } else model = await trainGbm(train.columns, train.y, options)
    const fitSeconds = (performance.now() - t0) / 1000
    const cpu = process.cpuUsage(cpu0)
    const p = predictEnsemble(model.ensemble, test.columns, test.y.length)
    let nodes = 0
    for (const t of model.ensemble.trees) nodes += t.feature.length
    console.log(
      JSON.stringify({
        engine: 'gbm (ours)',
        rows: o.rows,
        trainRows: train.y.length,
        fitSeconds: Number(fitSeconds.toFixed(3)),
        fitCpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(3)),
        roundsRun: model.roundsRun,
        roundsKept: model.roundsKept,
        meanNodesPerTree: Math.round(nodes / Math.max(1, model.ensemble.trees.length)),
        auc: Number(evaluateBinary(test.y, p, 0.5).auc.toFixed(4))
      })
    )
  }
}

main().catch((e: unknown) => {
  console.error(e)
  process.exit(1)
})
