import { join } from 'node:path'
import type { TrainParams } from '../../src/main/core/model/ModelArtifact'
import type { BenchConfig } from '../lib/config'
import { withoutColumn } from '../lib/csvFiles'
import { dataPath, ensureFixture, ID_COLUMN, SEED, TARGET } from '../lib/fixtures'
import { ROOT, runProcess, runPython, runStep, tail, type PythonOutput, type StepOutput } from '../lib/proc'
import { addTable, attempt, newSection, num, ratio, secs, signed, type SectionResult } from '../lib/report'

/** What bench/steps/train.ts prints for one in-process training. */
interface OurTrain {
  modelId: number
  seconds: number
  phases: { preparing: number; smote: number; training: number; evaluating: number }
  rows: { total: number; train: number; test: number; synthetic: number }
  auc: number
  testRows: number
  testPositives: number
  accuracy: number
  averagePrecision: number
  brier: number
}

/** What bench/gbmBench.ts prints (one JSON line per repetition). */
interface OurKernel {
  trainRows: number
  fitSeconds: number
  fitCpuSeconds: number
  roundsRun: number
  roundsKept: number
  meanNodesPerTree: number
  auc: number
}

/** What bench/reference/xgb_gbm.py prints. */
interface XgbGbm {
  rows: number
  train_rows: number
  fit_s: number
  fit_cpu_s: number
  auc: number
  rounds_kept: number
}

const XGB_GBM = 'bench/reference/xgb_gbm.py'
const best = (values: number[]): number => Math.min(...values)

/** Runs bench/gbmBench.ts in a fresh process; its last JSON line. */
async function ourKernel(args: (string | number)[]): Promise<OurKernel> {
  const script = join(ROOT, 'bench', 'gbmBench.ts')
  const { stdout, stderr, code } = await runProcess(process.execPath, [
    '--import',
    'tsx',
    script,
    ...args.map(String)
  ])
  const line = stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .pop()
  if (code !== 0 || !line)
    throw new Error(`gbmBench.ts ${args.join(' ')} failed (exit ${code}):\n${tail(stderr || stdout)}`)
  return JSON.parse(line) as OurKernel
}

/**
 * Gradient boosting (issue 13): our `gbm` engine beside XGBoost's `hist` with the same
 * settings (the product's boosting defaults), first the fitting kernels alone on the same
 * generated rows and split, then whole training commands on the generated dataset.
 */
export async function gbmSection(
  config: BenchConfig,
  python: { ok: boolean; reason?: string }
): Promise<SectionResult> {
  const section = newSection('gbm', 'Gradient boosting: gbm (ours) vs XGBoost hist')
  const rows = config.train.rows
  const repeat = Math.max(1, config.repeat)
  const kernelRuns = addTable(
    section,
    ['Run', 'Categories', 'Train rows', 'Fit s', 'Fit CPU s', 'Rounds kept', 'Held-out AUC'],
    `Kernels alone: the same ${num(rows)} generated rows and split, early stopping on 15 % of the training rows`
  )
  const compare = addTable(
    section,
    ['Comparison', 'Ours', 'XGBoost', 'Ratio / difference', 'Target'],
    'Side by side'
  )
  const commands = addTable(
    section,
    ['Command', 'Process s', 'Train call s', 'Fit s', 'Held-out AUC'],
    `Whole training commands on the generated ${num(rows)}-row dataset`
  )

  const csv = dataPath(`gbm-kernel-${rows}.csv`)
  for (const categories of ['native', 'codes'] as const) {
    await attempt(section, `kernels, categories ${categories}`, async () => {
      const ours: OurKernel[] = []
      const x1: XgbGbm[] = []
      const x2: XgbGbm[] = []
      for (let r = 0; r < repeat; r++) {
        const runOurs = async (): Promise<void> => {
          ours.push(
            await ourKernel(['--rows', rows, '--seed', SEED, '--categorical', categories, '--csv', csv])
          )
        }
        const runXgb = async (jobs: number, into: XgbGbm[]): Promise<void> => {
          if (!python.ok) return
          const out = await runPython<XgbGbm>(XGB_GBM, [
            csv,
            'default',
            '--test-column',
            'test',
            '--seed',
            SEED,
            '--categorical',
            categories,
            '--jobs',
            jobs
          ])
          into.push(out.result)
        }
        // Alternating order, so neither side always runs on a warmer or quieter machine.
        if (r % 2 === 0) {
          await runOurs()
          await runXgb(1, x1)
          await runXgb(2, x2)
        } else {
          await runXgb(2, x2)
          await runXgb(1, x1)
          await runOurs()
        }
      }
      for (const o of ours)
        kernelRuns.push([
          'gbm (ours), 1 thread',
          categories,
          num(o.trainRows),
          secs(o.fitSeconds),
          secs(o.fitCpuSeconds),
          num(o.roundsKept),
          o.auc.toFixed(4)
        ])
      for (const [label, runs] of [
        ['XGBoost hist, 1 thread', x1],
        ['XGBoost hist, 2 threads', x2]
      ] as const) {
        for (const x of runs)
          kernelRuns.push([
            label,
            categories,
            num(x.train_rows),
            secs(x.fit_s),
            secs(x.fit_cpu_s),
            num(x.rounds_kept),
            x.auc.toFixed(4)
          ])
      }
      section.data[`kernel-${categories}`] = { rows, ours, xgboost1: x1, xgboost2: x2 }
      if (!python.ok) return
      const ourFit = best(ours.map((o) => o.fitSeconds))
      const xgbFit = best([...x1, ...x2].map((x) => x.fit_s))
      const diff = ours[0].auc - x1[0].auc
      compare.push([
        `fit seconds, categories ${categories} (best of ${repeat})`,
        secs(ourFit),
        `${secs(xgbFit)} (faster of 1 and 2 threads)`,
        ratio(ourFit / xgbFit),
        '≤ 1×'
      ])
      compare.push([
        `fit CPU seconds, categories ${categories}`,
        secs(best(ours.map((o) => o.fitCpuSeconds))),
        secs(best(x1.map((x) => x.fit_cpu_s))),
        ratio(best(ours.map((o) => o.fitCpuSeconds)) / best(x1.map((x) => x.fit_cpu_s))),
        '–'
      ])
      compare.push([
        `held-out AUC, categories ${categories}`,
        ours[0].auc.toFixed(4),
        x1[0].auc.toFixed(4),
        signed(diff),
        '≥ −0.01'
      ])
      section.checks.push({
        what: `gbm fit time ÷ XGBoost hist, ${num(rows)} rows, categories ${categories}`,
        target: '≤ 1',
        value: (ourFit / xgbFit).toFixed(3),
        met: ourFit <= xgbFit
      })
      section.checks.push({
        what: `gbm held-out AUC − XGBoost, same rows, categories ${categories}`,
        target: '≥ −0.01',
        value: signed(diff),
        met: diff >= -0.01
      })
    })
  }

  await attempt(section, 'whole training commands', async () => {
    const fixture = await ensureFixture(rows)
    const noIdCsv = await withoutColumn(fixture.csv, dataPath(`gen-${rows}.noid.csv`), ID_COLUMN)
    const ourRun = async (label: string, params: Partial<TrainParams>): Promise<StepOutput<OurTrain>> => {
      const out = await runStep<OurTrain>('train', [
        fixture.db,
        fixture.datasetId,
        JSON.stringify({ seed: SEED, ...params })
      ])
      commands.push([
        label,
        secs(out.processSeconds),
        secs(out.result.seconds),
        secs(out.result.phases.training),
        out.result.auc.toFixed(4)
      ])
      return out
    }
    const gbmPlain = await ourRun('ptm train --engine gbm (no SMOTE, the default)', {
      engine: 'gbm',
      smote: false
    })
    const gbm = await ourRun('ptm train --engine gbm --smote', { engine: 'gbm', smote: true })
    const forest = await ourRun('ptm train --smote (forest 200×15)', { engine: 'forest', smote: true })
    section.data.commands = { gbm: gbm.result, gbmNoSmote: gbmPlain.result, forest: forest.result }
    if (!python.ok) return
    let xgb: PythonOutput<XgbGbm> | null = null
    for (const jobs of [1, 2]) {
      const out = await runPython<XgbGbm>(XGB_GBM, [noIdCsv, TARGET, '--seed', SEED, '--jobs', jobs])
      commands.push([
        `xgb_gbm.py --jobs ${jobs} (no SMOTE)`,
        secs(out.processSeconds),
        '–',
        secs(out.result.fit_s),
        out.result.auc.toFixed(4)
      ])
      if (!xgb || out.processSeconds < xgb.processSeconds) xgb = out
    }
    if (!xgb) return
    compare.push([
      'whole command seconds, gbm --no-smote vs xgb_gbm.py',
      secs(gbmPlain.processSeconds),
      secs(xgb.processSeconds),
      ratio(gbmPlain.processSeconds / xgb.processSeconds),
      '–'
    ])
    compare.push([
      'held-out AUC, gbm --no-smote vs xgb_gbm.py (own splits)',
      gbmPlain.result.auc.toFixed(4),
      xgb.result.auc.toFixed(4),
      signed(gbmPlain.result.auc - xgb.result.auc),
      '–'
    ])
    compare.push([
      'held-out AUC, gbm vs our forest (same split, SMOTE on)',
      gbm.result.auc.toFixed(4),
      `${forest.result.auc.toFixed(4)} (our forest)`,
      signed(gbm.result.auc - forest.result.auc),
      '–'
    ])
    section.data.commands = { ...(section.data.commands as object), xgboost: xgb.result }
  })

  section.notes.push(
    'Settings of both stacks: the product’s boosting defaults (500 rounds at most, learning rate 0.05, depth 3, row and column samples 0.8, λ 1, minimum child weight 1, early stopping after 50 rounds on a stratified 15 % of the training rows, the model cut back to the best round). XGBoost: tree_method hist, base score = the training default rate (as our bias), max_cat_to_onehot 4.',
    'Kernels: bench/gbmBench.ts (trainGbm on one thread) and bench/reference/xgb_gbm.py on the same CSV and split (its `test` column); categories native = category-set splits in both (ours: LightGBM’s gradient-sorted sets; XGBoost: enable_categorical), codes = thresholds on the level codes in both. Fit s is the fit call alone; CPU s counts all threads.',
    'Whole commands: `ptm train` is Workbench.trainModel in a fresh process (bench/steps/train.ts): split, preparation, SMOTE, the engine, five cross-fitted fold models for the calibration (SMOTE on) or none (SMOTE off: cross-fitting still, as gbm keeps no out-of-bag record), calibration, evaluation and storage; Process s includes Node and tsx start-up. xgb_gbm.py reads the CSV, encodes, splits with train_test_split and fits once (no calibration). AUCs of whole commands are on each stack’s own split.'
  )
  return section
}
