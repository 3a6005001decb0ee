/**
 * Times trainForest on synthetic loan-like data (default: 100,000 rows x 20 features,
 * 200 trees, depth 15, 2 threads) and reports held-out AUC on a seeded 80/20 split.
 *
 *   npx tsx bench/forestBench.ts [--rows N] [--features F] [--trees T] [--depth D]
 *                                [--threads K] [--seed S] [--csv /tmp/forest.csv]
 *
 * --csv also writes the same rows (column `default` is the target, column `test` marks
 * this run's held-out rows) so that the reference can be run on them side by side:
 *   /usr/bin/python3 /work/shared/bench/sk_forest.py /tmp/forest.csv default --drop test
 */
import { writeFileSync } from 'node:fs'
import { Rng } from '../src/main/core/base/random'
import { predictEnsemble } from '../src/main/core/model/TreeEnsemble'
import { trainForest } from '../src/main/core/ml/forest/trainForest'

interface Args {
  rows: number
  features: number
  trees: number
  depth: number
  threads: number
  seed: number
  csv: string | null
}

function parseArgs(argv: string[]): Args {
  const args: Args = { rows: 100_000, features: 20, trees: 200, depth: 15, threads: 2, seed: 42, csv: null }
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '')
    const value = argv[i + 1]
    if (key === 'csv') args.csv = value
    else if (
      key === 'rows' ||
      key === 'features' ||
      key === 'trees' ||
      key === 'depth' ||
      key === 'threads' ||
      key === 'seed'
    ) {
      args[key] = Number(value)
    } else throw new Error(`unknown option ${argv[i]}`)
  }
  return args
}

/** Loan-like rows: continuous, skewed, integer-valued and partly missing features; non-linear default risk. */
function makeData(rows: number, features: number, seed: number): { columns: Float64Array[]; y: Uint8Array } {
  const rng = new Rng(seed)
  const columns = Array.from({ length: features }, () => new Float64Array(rows))
  const y = new Uint8Array(rows)
  for (let r = 0; r < rows; r++) {
    for (let f = 0; f < features; f++) {
      const z = rng.normal()
      let x: number
      if (f % 4 === 1)
        x = Math.exp(z) * 1000 // skewed, like income
      else if (f % 4 === 2)
        x = Math.floor(rng.next() * 12) // few distinct values, like a grade
      else x = z
      if (f % 5 === 3 && rng.next() < 0.1) x = NaN
      columns[f][r] = x
    }
    const c = (f: number): number => {
      const v = columns[f % features][r]
      return v === v ? v : 0
    }
    const score =
      1.2 * c(0) -
      0.8 * Math.log(c(1) / 1000 + 1e-9) * 0.5 +
      0.25 * (c(2) - 6) +
      (c(3) > 0.5 ? 1 : -0.3) +
      0.9 * c(4) * c(8) +
      Math.sin(2 * c(12)) -
      1.6
    y[r] = rng.next() < 1 / (1 + Math.exp(-score)) ? 1 : 0
  }
  return { columns, y }
}

function auc(score: Float64Array, y: Uint8Array): number {
  const idx = Array.from(score.keys()).sort((a, b) => score[a] - score[b])
  let rankSumPos = 0
  let numPos = 0
  for (let i = 0; i < idx.length;) {
    let j = i
    while (j + 1 < idx.length && score[idx[j + 1]] === score[idx[i]]) j++
    const rank = (i + j) / 2 + 1
    for (let k = i; k <= j; k++) {
      if (y[idx[k]] === 1) {
        rankSumPos += rank
        numPos++
      }
    }
    i = j + 1
  }
  const numNeg = y.length - numPos
  return (rankSumPos - (numPos * (numPos + 1)) / 2) / (numPos * numNeg)
}

function subset(
  columns: Float64Array[],
  y: Uint8Array,
  rows: number[]
): { columns: Float64Array[]; y: Uint8Array } {
  return {
    columns: columns.map((c) => Float64Array.from(rows, (r) => c[r])),
    y: Uint8Array.from(rows, (r) => y[r])
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2))
  const { columns, y } = makeData(args.rows, args.features, args.seed)
  // Seeded 80/20 split.
  const rng = new Rng(args.seed + 1)
  const isTest = Uint8Array.from({ length: args.rows }, () => (rng.next() < 0.8 ? 0 : 1))
  const train: number[] = []
  const test: number[] = []
  for (let r = 0; r < args.rows; r++) (isTest[r] === 1 ? test : train).push(r)
  if (args.csv !== null) {
    const header = [...columns.map((_, f) => `x${f}`), 'default', 'test'].join(',')
    const lines = [header]
    for (let r = 0; r < args.rows; r++) {
      const values = columns.map((c) => (Number.isNaN(c[r]) ? '' : String(c[r])))
      lines.push([...values, String(y[r]), String(isTest[r])].join(','))
    }
    writeFileSync(args.csv, lines.join('\n') + '\n')
  }
  const tr = subset(columns, y, train)
  const te = subset(columns, y, test)

  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  const { forest, oobProbability } = await trainForest(tr.columns, tr.y, {
    trees: args.trees,
    maxDepth: args.depth,
    minSamplesLeaf: 1,
    maxFeatures: 'sqrt',
    seed: args.seed,
    threads: args.threads
  })
  const fitSeconds = (performance.now() - t0) / 1000
  // CPU time of all threads: a steadier measure than wall time on a shared, busy machine.
  const cpu = process.cpuUsage(cpu0)
  const fitCpuSeconds = (cpu.user + cpu.system) / 1e6
  const t1 = performance.now()
  const p = predictEnsemble(forest, te.columns, te.y.length)
  const predictSeconds = (performance.now() - t1) / 1000
  let nodes = 0
  for (const t of forest.trees) nodes += t.feature.length
  let oobRows = 0
  for (const v of oobProbability) if (!Number.isNaN(v)) oobRows++
  const oobIdx = Array.from(oobProbability.keys()).filter((r) => !Number.isNaN(oobProbability[r]))
  const oobAuc = auc(
    Float64Array.from(oobIdx, (r) => oobProbability[r]),
    Uint8Array.from(oobIdx, (r) => tr.y[r])
  )
  console.log(
    JSON.stringify({
      rows: args.rows,
      trainRows: train.length,
      features: args.features,
      trees: args.trees,
      depth: args.depth,
      threads: args.threads,
      fitSeconds: Number(fitSeconds.toFixed(3)),
      fitCpuSeconds: Number(fitCpuSeconds.toFixed(3)),
      trainRowsPerSecond: Math.round(train.length / fitSeconds),
      predictSeconds: Number(predictSeconds.toFixed(3)),
      meanNodesPerTree: Math.round(nodes / forest.trees.length),
      auc: Number(auc(p, te.y).toFixed(4)),
      oobAuc: Number(oobAuc.toFixed(4)),
      oobRows
    })
  )
}

main().catch((e: unknown) => {
  console.error(e)
  process.exit(1)
})
