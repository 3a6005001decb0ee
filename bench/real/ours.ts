/**
 * Our product on the real-data split files, as a user runs it: `ptm import` the split's
 * train.csv, `ptm train --test-size 0 [variant options]`, `ptm score` its test.csv; then the
 * scored CSV is measured by reference.py's `evaluate` (the same code that measures the
 * reference stacks). One JSON line per (dataset, split, variant) on stdout.
 *
 *   npx tsx bench/real/ours.ts --dataset NAME [--splits 5] [--variants ours,ours_smote]
 *                              [--seeds 0,100,200]   (seed offsets: each split k is trained with --seed k + s
 *                                                     for each s, so a figure can be averaged over seeds)
 *                              [--split-set FOLDER]  (split files of another folder of splits/, e.g.
 *                                                     a relabelled copy made for a diagnosis)
 *                              [--variant 'label=--min-leaf 5 --no-smote' ...]
 *
 * The split files must exist (reference.py writes them: `reference.py splits` or `run`).
 * New engines are one more entry in OUR_VARIANTS (e.g. `--engine gbm`); a variant the CLI
 * rejects (an engine not built yet) is reported as unavailable, not as a failure.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { readManifest, REAL_CACHE, ROOT, splitDir, type RealDataset } from './manifest'

const PYTHON = process.env.PTM_BENCH_PYTHON ?? '/usr/bin/python3'
const REFERENCE = join(ROOT, 'bench', 'real', 'reference.py')

/** One way of training our product: a name for the tables and the `ptm train` options. */
export interface OurVariant {
  name: string
  label: string
  args: string[]
}

/** The variants the real section runs by default, then the ones engines still to come add. */
export const OUR_VARIANTS: OurVariant[] = [
  { name: 'ours', label: 'ours: forest (defaults: no SMOTE, isotonic)', args: [] },
  { name: 'ours_smote', label: 'ours: forest + SMOTE-NC', args: ['--smote'] },
  { name: 'ours_gbm', label: 'ours: gbm', args: ['--engine', 'gbm'] },
  { name: 'ours_scorecard', label: 'ours: scorecard', args: ['--engine', 'scorecard'] },
  { name: 'ours_blend', label: 'ours: blend (gbm + scorecard)', args: ['--engine', 'blend'] },
  { name: 'ours_auto', label: 'ours: auto (champion)', args: ['--engine', 'auto'] }
]

/** What ours.ts prints per (dataset, split, variant): reference.py's figures plus our timings. */
export interface OurResult {
  dataset: string
  split: number
  /** The `--seed` of the training command: the split's k plus a seed offset. */
  seed: number
  stack: string
  available: boolean
  reason?: string
  auc?: number
  mean_pred?: number
  observed?: number
  ece?: number
  ece_floor?: number
  brier?: number
  test_rows?: number
  /** Preparing + SMOTE + growing the forest, as `train --json` reports them. */
  fit_s?: number
  /** Wall seconds of the whole `ptm train` command (process start-up included). */
  train_command_s?: number
  score_command_s?: number
  /**
   * AUC of the training command's own estimate with `--test-size 0` (out-of-bag or cross-fitted
   * scores, `evaluatedOn`), to set beside the held-out AUC: issue 17 asks them within 0.02.
   */
  estimate_auc?: number
  estimate_on?: string
}

interface PtmRun {
  status: number
  stdout: string
  stderr: string
  seconds: number
}

/** `npm run -s ptm -- ARGS`, the documented way to run the CLI from the repository. */
function ptm(args: string[]): PtmRun {
  const t0 = performance.now()
  const r = spawnSync('npm', ['run', '-s', 'ptm', '--', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024
  })
  return {
    status: r.status ?? -1,
    stdout: r.stdout,
    stderr: r.stderr,
    seconds: (performance.now() - t0) / 1000
  }
}

function ptmJson<T>(args: string[], what: string): { value: T; seconds: number } {
  const r = ptm([...args, '--json'])
  if (r.status !== 0)
    throw new Error(`ptm ${what} failed (exit ${r.status}): ${r.stderr.trim().slice(-1500)}`)
  return { value: JSON.parse(r.stdout) as T, seconds: r.seconds }
}

/** Runs every variant on one split: one import of train.csv, then per variant train, score, evaluate. */
export function runSplit(
  dataset: RealDataset,
  k: number,
  variants: OurVariant[],
  splitSet = dataset.name,
  seedOffsets: number[] = [0]
): OurResult[] {
  const folder = splitDir(splitSet, k)
  const train = join(folder, 'train.csv')
  const test = join(folder, 'test.csv')
  if (!existsSync(train) || !existsSync(test))
    throw new Error(
      `${folder} has no train.csv/test.csv: run reference.py splits (or the real bench section) first`
    )
  const work = join(REAL_CACHE, 'ours', splitSet, `split-${k}`)
  rmSync(work, { recursive: true, force: true })
  mkdirSync(work, { recursive: true })
  const db = join(work, 'ptm.db')
  const imported = ptmJson<{ datasetId: number }>(
    ['import', train, '--target', dataset.target, '--positive', dataset.positive, '--db', db],
    'import'
  )
  const runs = seedOffsets.flatMap((offset) => variants.map((variant) => ({ variant, seed: k + offset })))
  return runs.map(({ variant, seed }) => {
    const base = { dataset: dataset.name, split: k, seed, stack: variant.name }
    const trainArgs = ['train', '--db', db, '--dataset', String(imported.value.datasetId)]
    trainArgs.push('--test-size', '0', '--seed', String(seed), ...variant.args, '--json')
    const trained = ptm(trainArgs)
    if (trained.status === 2) {
      const said = trained.stderr.trim().split('\n')[0]
      const reason = said || `ptm train ${variant.args.join(' ')} exited 2 (bad usage) without a message`
      return { ...base, available: false, reason }
    }
    if (trained.status !== 0)
      throw new Error(
        `ptm ${trainArgs.join(' ')} failed (exit ${trained.status}): ${trained.stderr.trim().slice(-1500)}`
      )
    const model = JSON.parse(trained.stdout) as {
      modelId: number
      metrics: { auc: number }
      evaluation: { evaluatedOn: string; seconds: { preparing: number; smote: number; training: number } }
    }
    const s = model.evaluation.seconds
    const scored = join(work, `scored-${variant.name}-seed-${seed}.csv`)
    const scoring = ptmJson<unknown>(
      ['score', test, '--out', scored, '--db', db, '--model', String(model.modelId)],
      'score'
    )
    return {
      ...base,
      available: true,
      ...evaluate(dataset, scored, test),
      fit_s: s.preparing + s.smote + s.training,
      train_command_s: trained.seconds,
      score_command_s: scoring.seconds,
      estimate_auc: model.metrics.auc,
      estimate_on: model.evaluation.evaluatedOn
    }
  })
}

/** reference.py's figures (AUC, calibration) for a scored CSV. */
function evaluate(dataset: RealDataset, scored: string, test: string): Partial<OurResult> {
  const out = execFileSync(
    PYTHON,
    [
      REFERENCE,
      'evaluate',
      '--scored',
      scored,
      '--test',
      test,
      '--target',
      dataset.target,
      '--positive',
      dataset.positive,
      '--prob-column',
      'Default_Probability'
    ],
    { encoding: 'utf8' }
  )
  const r = JSON.parse(out.trim().split('\n').pop()!) as Partial<OurResult>
  const { auc, mean_pred, observed, ece, ece_floor, brier, test_rows } = r
  return { auc, mean_pred, observed, ece, ece_floor, brier, test_rows }
}

/** Parses `label=--opt value ...` into a variant. */
export function parseVariant(text: string): OurVariant {
  const at = text.indexOf('=')
  if (at <= 0) throw new Error(`--variant takes NAME=OPTIONS (e.g. 'leaf5=--min-leaf 5'), got "${text}"`)
  const name = text.slice(0, at)
  return {
    name,
    label: `ours: ${name}`,
    args: text
      .slice(at + 1)
      .split(/\s+/)
      .filter(Boolean)
  }
}

function main(): void {
  const args = process.argv.slice(2)
  const value = (flag: string): string | undefined => {
    const i = args.indexOf(flag)
    return i >= 0 ? args[i + 1] : undefined
  }
  const name = value('--dataset')
  const dataset = readManifest().find((d) => d.name === name)
  if (!dataset) throw new Error(`--dataset must name a dataset of bench/real/datasets.json, got "${name}"`)
  const splits = Number(value('--splits') ?? 5)
  const named = (value('--variants') ?? 'ours,ours_smote').split(',').filter(Boolean)
  const variants = named.map((n) => {
    const v = OUR_VARIANTS.find((x) => x.name === n)
    if (!v) throw new Error(`unknown variant ${n}; known: ${OUR_VARIANTS.map((x) => x.name).join(', ')}`)
    return v
  })
  args.forEach((a, i) => {
    if (a === '--variant') variants.push(parseVariant(args[i + 1] ?? ''))
  })
  const seeds = (value('--seeds') ?? '0').split(',').map(Number)
  for (let k = 0; k < splits; k++)
    for (const result of runSplit(dataset, k, variants, value('--split-set'), seeds))
      console.log(JSON.stringify(result))
}

if (require.main === module) {
  try {
    main()
  } catch (error) {
    console.error((error as Error).message)
    process.exit(1)
  }
}
