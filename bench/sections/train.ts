import { forestArgs, type BenchConfig } from '../lib/config'
import { ptm, type PtmRun } from '../lib/command'
import { withoutColumn } from '../lib/csvFiles'
import { dataPath, ensureFixture, ID_COLUMN, rememberModel, SEED, TARGET } from '../lib/fixtures'
import { runPython, type PythonOutput } from '../lib/proc'
import {
  addTable,
  attempt,
  mb,
  median,
  newSection,
  num,
  ratio,
  secs,
  signed,
  type SectionResult
} from '../lib/report'

/** What `ptm train --json` prints (the parts the bench reads). */
interface TrainJson {
  modelId: number
  evaluation: {
    evaluatedOn: string
    metrics: { auc: number; accuracy: number; numRows: number; numPositive: number }
    rows: { total: number; train: number; test: number; synthetic: number }
    seconds: { preparing: number; smote: number; training: number; evaluating: number }
  }
}

/** The JSON line of sk_forest.py. */
interface SkForest {
  rows: number
  train_rows: number
  smote_s: number
  fit_s: number
  acc: number
  auc: number
}

/** The JSON line of xgb_rf.py. */
interface XgbRf {
  rows: number
  fit_s: number
  acc: number
  auc: number
}

/** Standard error of an AUC (Hanley & McNeil 1982) for a test set with these class counts. */
export function aucStandardError(auc: number, positives: number, negatives: number): number {
  const q1 = auc / (2 - auc)
  const q2 = (2 * auc * auc) / (1 + auc)
  const v =
    (auc * (1 - auc) + (positives - 1) * (q1 - auc * auc) + (negatives - 1) * (q2 - auc * auc)) /
    (positives * negatives)
  return Math.sqrt(v)
}

const skArgs = (csv: string, config: BenchConfig, extra: (string | number)[]): (string | number)[] => {
  const t = config.train
  return [csv, TARGET, ...extra, '--seed', SEED, '--trees', t.trees, '--depth', t.depth].concat([
    '--jobs',
    t.threads,
    '--drop',
    ID_COLUMN
  ])
}

const xgbArgs = (csv: string, config: BenchConfig): (string | number)[] => {
  const t = config.train
  return [csv, TARGET, '--seed', SEED, '--trees', t.trees, '--depth', t.depth, '--jobs', t.threads]
}

/** Where our whole command's time went, from its own --json phases. */
function phaseRow(label: string, run: PtmRun<TrainJson>): string[] {
  const s = run.json.evaluation.seconds
  const inside = s.preparing + s.smote + s.training + s.evaluating
  return [
    label,
    secs(run.wallSeconds),
    secs(s.preparing),
    secs(s.smote),
    secs(s.training),
    secs(s.evaluating),
    secs(run.wallSeconds - inside),
    secs(run.cpuSeconds),
    mb(run.peakRssMb)
  ]
}

const PHASE_COLUMNS = [
  'ptm train (breakdown)',
  'Whole s',
  'Load + prepare s',
  'SMOTE s',
  'Forest (+ folds) s',
  'Calibrate + evaluate s',
  'Start-up, load, store s',
  'CPU s',
  'Peak RSS MB'
]

/**
 * Training as a user runs it. The headline: `ptm train --no-smote --test-size 0` on a store
 * holding 80,000 generated rows, whole command, against scikit-learn's fit alone (and
 * XGBoost's) on as many rows of the same generator, alternating. Then the product's
 * default training (SMOTE, 80/20) beside scikit-learn + SMOTE, with AUCs and the spec's
 * leaky recipe; then many rows beside XGBoost.
 */
export async function trainSection(
  config: BenchConfig,
  python: { ok: boolean; reason?: string }
): Promise<SectionResult> {
  const t = config.train
  const section = newSection('train', `Train: ${t.trees} trees, depth ${t.depth}, ${t.threads} threads`)
  const side = addTable(
    section,
    ['Run', 'Rows fitted', 'Ours whole command s', 'Reference fit s', 'Ratio'],
    'Side by side (alternating)'
  )
  const phases = addTable(section, PHASE_COLUMNS, 'Where our whole command goes (its own --json phases)')
  const args = forestArgs(config)

  await attempt(section, `${num(t.rows)}-row headline`, async () => {
    const store = await ensureFixture(t.rows)
    // The same generator and seed: its first rows are the store's rows (row i depends only on the seed and i).
    const csvRows = Math.round(t.rows / 0.8)
    const big = await ensureFixture(csvRows)
    const noId = await withoutColumn(big.csv, dataPath(`gen-${csvRows}.noid.csv`), ID_COLUMN)
    const ours: PtmRun<TrainJson>[] = []
    const sk: PythonOutput<SkForest>[] = []
    const xgb: PythonOutput<XgbRf>[] = []
    for (let r = 0; r < config.repeat; r++) {
      ours.push(
        await ptm<TrainJson>(store.db, [
          'train',
          '--dataset',
          store.datasetId,
          '--no-smote',
          '--test-size',
          0,
          ...args
        ])
      )
      phases.push(phaseRow(`--no-smote --test-size 0, ${num(t.rows)} rows, run ${r + 1}`, ours[r]))
      if (!python.ok) continue
      sk.push(await runPython<SkForest>('sk_forest.py', skArgs(big.csv, config, [])))
      xgb.push(await runPython<XgbRf>('xgb_rf.py', xgbArgs(noId, config)))
    }
    const ourWall = median(ours.map((o) => o.wallSeconds))
    section.data.headline = { rows: t.rows, ours: ours.map((o) => ({ ...o, stdout: undefined })) }
    if (!python.ok) {
      section.notes.push(`scikit-learn / XGBoost not measured: ${python.reason}`)
      return
    }
    const skFit = median(sk.map((s) => s.result.fit_s))
    const xgbFit = median(xgb.map((s) => s.result.fit_s))
    side.push([
      `ptm train vs scikit-learn fit (median of ${config.repeat})`,
      num(t.rows),
      secs(ourWall),
      secs(skFit),
      ratio(ourWall / skFit)
    ])
    side.push([
      `ptm train vs XGBoost RF fit`,
      num(t.rows),
      secs(ourWall),
      secs(xgbFit),
      ratio(ourWall / xgbFit)
    ])
    section.headline.push({
      what: `\`ptm train --no-smote --test-size 0\` (${t.trees}×${t.depth})`,
      rows: num(t.rows),
      ours: `${secs(ourWall)} s`,
      reference: `scikit-learn fit alone ${secs(skFit)} s; XGBoost RF fit ${secs(xgbFit)} s`,
      ratio: `${ratio(ourWall / skFit)} scikit-learn, ${ratio(ourWall / xgbFit)} XGBoost`,
      goal: '≤ 0.25× scikit-learn; then ≤ XGBoost',
      met: ourWall / skFit <= 0.25
    })
    section.checks.push({
      what: `ptm train whole command ÷ scikit-learn fit, ${num(t.rows)} rows, no SMOTE`,
      target: '≤ 0.25',
      value: (ourWall / skFit).toFixed(3),
      met: ourWall / skFit <= 0.25
    })
    section.data.headline = {
      ...(section.data.headline as object),
      sklearn: sk,
      xgboost: xgb,
      ratio: ourWall / skFit,
      xgbRatio: ourWall / xgbFit
    }
  })

  // The product's default training (SMOTE on the training rows, 80/20): its model is the one
  // the score and predict sections use.
  await attempt(section, `default training on ${num(t.modelRows)} rows`, async () => {
    const store = await ensureFixture(t.modelRows)
    const ours = await ptm<TrainJson>(store.db, ['train', '--dataset', store.datasetId, ...args])
    rememberModel(store, args, ours.json.modelId)
    phases.push(phaseRow(`defaults (SMOTE, 80/20), ${num(t.modelRows)} rows`, ours))
    const e = ours.json.evaluation
    section.data.defaults = { rows: t.modelRows, ours: { ...ours, stdout: undefined } }
    if (!python.ok) return
    const sk = await runPython<SkForest>('sk_forest.py', skArgs(store.csv, config, ['--smote']))
    const leaky = await runPython<SkForest>('sk_forest.py', skArgs(store.csv, config, ['--seed-leaky']))
    const aucs = addTable(
      section,
      ['Default training', 'Rows', 'Whole command s', 'SMOTE s', 'Fit s', 'Held-out AUC', 'Accuracy'],
      `Honest evaluation on ${num(t.modelRows)} rows (each stack's own stratified 80/20 split)`
    )
    aucs.push([
      'ours: ptm train (SMOTE, calibrated; accuracy at its F1 threshold)',
      num(e.rows.total),
      secs(ours.wallSeconds),
      secs(e.seconds.smote),
      secs(e.seconds.training),
      e.metrics.auc.toFixed(4),
      e.metrics.accuracy.toFixed(4)
    ])
    aucs.push([
      'scikit-learn RF + imblearn SMOTE (sk_forest.py --smote)',
      num(sk.result.rows),
      secs(sk.processSeconds),
      secs(sk.result.smote_s),
      secs(sk.result.fit_s),
      sk.result.auc.toFixed(4),
      sk.result.acc.toFixed(4)
    ])
    aucs.push([
      "the spec's recipe, SMOTE before the split (--seed-leaky): inflated",
      num(leaky.result.rows),
      secs(leaky.processSeconds),
      '–',
      secs(leaky.result.fit_s),
      leaky.result.auc.toFixed(4),
      leaky.result.acc.toFixed(4)
    ])
    const pos = e.metrics.numPositive
    const neg = e.metrics.numRows - pos
    const se = Math.hypot(
      aucStandardError(e.metrics.auc, pos, neg),
      aucStandardError(sk.result.auc, pos, neg)
    )
    section.notes.push(
      `Held-out AUC ours − scikit-learn ${signed(e.metrics.auc - sk.result.auc)} (standard error of the difference ≈ ${se.toFixed(4)}, Hanley–McNeil, the two test sets taken as independent).`
    )
    section.data.defaults = { ...(section.data.defaults as object), sklearn: sk, leaky }
  })

  if (t.bigRows > 0) {
    await attempt(section, `${num(t.bigRows)}-row training`, async () => {
      const store = await ensureFixture(t.bigRows)
      const noId = await withoutColumn(store.csv, dataPath(`gen-${t.bigRows}.noid.csv`), ID_COLUMN)
      const ours = await ptm<TrainJson>(store.db, [
        'train',
        '--dataset',
        store.datasetId,
        '--no-smote',
        ...args
      ])
      phases.push(phaseRow(`--no-smote, 80/20, ${num(t.bigRows)} rows`, ours))
      section.data.big = { rows: t.bigRows, ours: { ...ours, stdout: undefined } }
      if (!python.ok) return
      const xgb = await runPython<XgbRf>('xgb_rf.py', xgbArgs(noId, config))
      side.push([
        `ptm train --no-smote vs XGBoost RF fit`,
        num(t.bigRows * 0.8),
        secs(ours.wallSeconds),
        secs(xgb.result.fit_s),
        ratio(ours.wallSeconds / xgb.result.fit_s)
      ])
      section.headline.push({
        what: `\`ptm train --no-smote\` (80/20)`,
        rows: num(t.bigRows),
        ours: `${secs(ours.wallSeconds)} s, ${mb(ours.peakRssMb)} MB`,
        reference: `XGBoost RF fit alone ${secs(xgb.result.fit_s)} s`,
        ratio: ratio(ours.wallSeconds / xgb.result.fit_s),
        goal: '≤ XGBoost (later)',
        met: null
      })
      section.data.big = { ...(section.data.big as object), xgboost: xgb }
    })
  }

  section.notes.push(
    `Ours: the whole \`ptm train\` command (node out/cli/ptm.js, cold: start-up, loading the dataset from the store, preparing, the forest, honest scores, calibration, evaluation with permutation importance, storing the model and its compiled form). The references: the scripts' fit_s, RandomForestClassifier.fit / XGBRFClassifier.fit alone (their start-up, CSV reading, encoding and prediction excluded).`,
    `The headline store holds the first ${num(t.rows)} rows of the generator at seed ${SEED}; the scripts read the ${num(Math.round(t.rows / 0.8))}-row file of the same generator and fit on their 80 % (${num(t.rows)} rows).`
  )
  return section
}
