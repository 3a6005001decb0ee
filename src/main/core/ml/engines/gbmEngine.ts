import { countPositives, gather, gather8 } from '../../base/arrays'
import { deriveSeed, Rng } from '../../base/random'
import type { TrainParams } from '../../../../shared/params/trainParams'
import { trainGbm, type GbmTrainer, type GbmValidation } from '../gbm/trainGbm'
import { trainGbmInWorker } from '../gbm/trainGbmInWorker'
import { stratifiedSplit } from '../split'
import type { Engine, EngineTrainInput } from './Engine'

/** Seed salt of the early-stopping split (the pipeline uses 1 for its split, 2 for SMOTE, 4 for folds). */
const VALIDATION_SALT = 6
/** Fewest validation rows of each class for early stopping to be worth its noise. */
const MIN_VALIDATION_PER_CLASS = 5

/**
 * Our gradient-boosted trees (ml/gbm): XGBoost's and LightGBM's algorithm on the forest's
 * binned data, with category-set splits and missing values learned (keepsMissing: NaN
 * reaches the trees, and each split sends it the side that lowers the loss most; SMOTE's
 * synthetic rows have none, as balanceRows makes them from imputed values). Early stopping
 * holds a stratified share of the real training rows out; the trees are fitted on the rest
 * (and, with SMOTE, on synthetic rows made from the rest alone), so no synthetic row made
 * from a held-out row is ever fitted on. No out-of-bag record: the pipeline cross-fits.
 */
export const gbmEngine: Engine = {
  id: 'gbm',
  label: 'Gradient-boosted trees (ours)',
  keepsMissing: true,
  describe: (p) =>
    `Boosted trees ${p.rounds}×depth ${p.gbmDepth}` +
    (p.leaves < 2 ** p.gbmDepth ? `, ${p.leaves} leaves` : ''),
  estimateSeconds(fitRows: number, p: TrainParams) {
    // Measured with bench/gbmBench.ts on one thread: ~16 ns per (row × leaf) of a round's
    // sample, plus ~0.3 ms per round; early stopping ended the generated and real runs
    // at about 60 % of 500 rounds. Boosting keeps no out-of-bag record, so the pipeline
    // adds five cross-fitted fold models on 80 % of the rows: about five fits in all.
    const leaves = Math.min(p.leaves, 2 ** p.gbmDepth)
    const perRound = 3e-4 + fitRows * leaves * p.subsample * 1.6e-8
    const rounds = p.earlyStopping > 0 ? 0.6 * p.rounds : p.rounds
    return {
      seconds: 0.5 + 5 * rounds * perRound,
      note: 'Our gradient-boosted trees on one thread, with five cross-fitted fold models for the calibration.'
    }
  },
  // Each fold model holds out its own early-stopping share of the fold's training rows.
  foldParams: (p) => p,
  // The defaults first (XGBoost's usual shallow trees), then shallower and deeper trees;
  // early stopping picks the rounds of each.
  candidates: (p) => [
    { ...p, engine: 'gbm', gbmDepth: 3, leaves: 8 },
    { ...p, engine: 'gbm', gbmDepth: 2, leaves: 4 },
    { ...p, engine: 'gbm', gbmDepth: 5, leaves: 16, minChildWeight: Math.max(p.minChildWeight, 5) }
  ],
  // Between a scorecard and a forest (Engine.complexity): more leaves and rounds, more complex.
  complexity: (p) => 2 + p.rounds * Math.min(p.leaves, 2 ** p.gbmDepth) * 1e-7,
  // A fit is sequential (round after round) on one thread; with more threads, each fit runs
  // on a worker of its own and the cross-fitting folds run side by side.
  concurrentFits: (p) => p.threads,
  train: trainGbmEngine
}

async function trainGbmEngine(input: EngineTrainInput) {
  const { params, y } = input
  const notes: string[] = []
  const held = params.earlyStopping > 0 ? validationRows(y, params) : null
  if (params.earlyStopping > 0 && held === null) {
    notes.push(
      `Early stopping was skipped: a ${Math.round(params.validationShare * 100)} % share of the training rows would hold fewer than ${MIN_VALIDATION_PER_CLASS} rows of a class; all ${params.rounds} rounds were fitted on every training row.`
    )
  }
  const fit = input.fitRows(held?.fitOn)
  if (fit.y.length > fit.numReal) {
    notes.push(
      'Boosting was fitted on SMOTE rows: on the real credit files measured (bench/gbmRealData.ts) this lowered held-out AUC by 0.01–0.06 against the same engine without SMOTE; train it with --no-smote.'
    )
  }
  let validation: GbmValidation | null = null
  if (held) {
    validation = {
      columns: input.columns.map((c) => gather(c, held.rows)),
      y: gather8(y, held.rows),
      marginOffset: priorShift(fit.y, fit.numReal)
    }
  }
  const train: GbmTrainer = params.threads > 1 ? trainGbmInWorker : trainGbm
  const model = await train(
    fit.columns,
    fit.y,
    {
      rounds: params.rounds,
      learningRate: params.learningRate,
      maxDepth: params.gbmDepth,
      maxLeaves: params.leaves,
      subsample: params.subsample,
      colsample: params.colsample,
      l2: params.l2,
      minChildWeight: params.minChildWeight,
      earlyStoppingRounds: held ? params.earlyStopping : 0,
      seed: params.seed,
      categorical: Uint8Array.from(input.features, (f) => (f.kind === 'categorical' ? 1 : 0))
    },
    validation,
    { signal: input.signal, onProgress: input.onProgress }
  )
  if (held) {
    notes.push(
      `Boosting kept ${model.roundsKept} of ${model.roundsRun} rounds run (of at most ${params.rounds}): the best log-loss on ${held.rows.length} held-out training rows, which were not fitted on.`
    )
  }
  return { ensemble: model.ensemble, outOfBag: null, notes }
}

/** The early-stopping rows (a stratified share of the real training rows) and the rest, or null when too few. */
function validationRows(y: Uint8Array, params: TrainParams): { rows: Int32Array; fitOn: Int32Array } | null {
  const split = stratifiedSplit(y, params.validationShare, new Rng(deriveSeed(params.seed, VALIDATION_SALT)))
  const positives = countPositives(y, split.test)
  const fitPositives = countPositives(y, split.train)
  if (Math.min(positives, split.test.length - positives) < MIN_VALIDATION_PER_CLASS) return null
  if (fitPositives === 0 || fitPositives === split.train.length) return null
  return { rows: split.test, fitOn: split.train }
}

/**
 * logit(real rate) − logit(fit rate): what turns the margins of a model fitted on rows
 * rebalanced by SMOTE back into log-odds of the real rows (the prior correction for
 * resampling), so that the early-stopping loss measures the rows as they are. 0 without SMOTE.
 */
function priorShift(fitY: Uint8Array, numReal: number): number {
  if (fitY.length === numReal) return 0
  const logit = (positives: number, n: number): number => Math.log(positives / (n - positives))
  return logit(countPositives(fitY.subarray(0, numReal)), numReal) - logit(countPositives(fitY), fitY.length)
}
