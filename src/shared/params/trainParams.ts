import { z } from 'zod'
import { param, metaOf, numberBounds } from './paramMeta'
import { ENGINEERING_ROLES, type EngineeringRole } from './engineeringRoles'

/**
 * Every setting of training, once: type, bounds, default, CLI flag, label and help. The
 * CLI's options (`ptm train`, `ptm all`, `ptm preprocess`, `ptm feature`), the IPC input
 * of `models/train`, the Train form and its limits, and the core's defaults are all read
 * from here, so they cannot disagree.
 */

/** The model engines (learners behind the engine seam). */
// Stored artifacts and the auto search list engines in this order: new ones are appended.
export const ENGINES = ['forest', 'ml-random-forest', 'scorecard', 'gbm', 'blend'] as const
export type EngineId = (typeof ENGINES)[number]

/**
 * What a user can choose: an engine, or `auto` — cross-validate a small search over the
 * engines within a time budget and keep the best honest one (core/training/autoSearch.ts).
 */
export const ENGINE_CHOICES = [...ENGINES, 'auto'] as const
export type EngineChoice = (typeof ENGINE_CHOICES)[number]

/** Engines that grow a random forest, which read the forest settings. */
const FOREST_ENGINES = ['forest', 'ml-random-forest'] as const
/** The points scorecard, which reads the binning and points settings (the blend holds one). */
const SCORECARD_ENGINES = ['scorecard', 'blend'] as const
/** The gradient-boosting engine, which reads the boosting settings (the blend holds one). */
const BOOSTING_ENGINES = ['gbm', 'blend'] as const

export const CALIBRATIONS = ['isotonic', 'platt', 'none'] as const
export const BIN_TRENDS = ['monotone', 'shaped'] as const
export const MAX_FEATURES_RULES = ['sqrt', 'log2', 'all'] as const

export { ENGINEERING_ROLES, type EngineeringRole }

const seedSchema = z.number().int().min(0).max(4_294_967_295)

/** Settings of the split and feature preparation, shared by preprocess, feature and train. */
export const prepareParamShape = {
  testSize: param(z.number().min(0).max(0.9).default(0.2), {
    flag: '--test-size',
    placeholder: '<share>',
    label: 'Held-out share',
    help: 'share of rows held out for evaluation (0 = evaluate on out-of-sample training scores)',
    percent: true
  }),
  seed: param(seedSchema.default(42), {
    flag: '--seed',
    placeholder: '<s>',
    label: 'Random seed',
    help: 'seed of the split, SMOTE and the model: the same seed gives the same model'
  }),
  highRiskCut: param(z.number().finite().default(600), {
    flag: '--high-risk-cut',
    placeholder: '<score>',
    label: 'High-risk score cut',
    help: 'High_Credit_Risk = 1 below this credit score'
  }),
  map: param(z.partialRecord(z.enum(ENGINEERING_ROLES), z.string().min(1)).default({}), {
    flag: '--map',
    placeholder: '<role=column>',
    label: 'Engineered-feature columns',
    help: `use a column for an engineered feature role: ${ENGINEERING_ROLES.join(', ')} (repeatable)`
  })
}

/** Settings of the model itself. */
export const modelParamShape = {
  engine: param(z.enum(ENGINE_CHOICES).default('forest'), {
    flag: '--engine',
    placeholder: '<engine>',
    label: 'Engine',
    help: "forest (ours, the spec's), gbm (gradient-boosted trees, ours), scorecard (logistic points scorecard), blend (the mean log-odds of gbm and scorecard), ml-random-forest (reference; slow on large data), or auto (cross-validate the engines and keep the champion)"
  }),
  trees: param(z.number().int().min(1).max(5000).default(200), {
    flag: '--trees',
    placeholder: '<n>',
    label: 'Trees',
    help: 'number of trees',
    engines: FOREST_ENGINES
  }),
  maxDepth: param(z.number().int().min(1).max(64).default(15), {
    flag: '--depth',
    placeholder: '<n>',
    label: 'Maximum depth',
    help: 'maximum tree depth',
    engines: FOREST_ENGINES
  }),
  minSamplesLeaf: param(z.number().int().min(1).max(100_000).default(1), {
    flag: '--min-leaf',
    placeholder: '<n>',
    label: 'Minimum rows per leaf',
    help: 'minimum samples per leaf',
    engines: FOREST_ENGINES
  }),
  maxFeatures: param(
    z.union([z.enum(MAX_FEATURES_RULES), z.number().int().min(1).max(10_000)]).default('sqrt'),
    {
      flag: '--max-features',
      placeholder: '<rule>',
      label: 'Features per split',
      help: 'features tried per split: sqrt, log2, all or a number',
      engines: FOREST_ENGINES
    }
  ),
  // Off by default: measured on three real credit files (bench/real), SMOTE-NC costs our
  // forest 0.010–0.015 held-out AUC and gains nothing once the probabilities are calibrated
  // (class imbalance changes a forest's scale, not its ranking). Kept for the spec's recipe.
  smote: param(z.boolean().default(false), {
    flag: '--smote',
    label: 'Balance with SMOTE',
    help: 'balance the training rows with SMOTE-NC (inside the training split, and inside each cross-fitting fold, only)'
  }),
  smoteK: param(z.number().int().min(1).max(50).default(5), {
    flag: '--smote-k',
    placeholder: '<k>',
    label: 'SMOTE neighbours',
    help: 'SMOTE neighbours'
  }),
  calibration: param(z.enum(CALIBRATIONS).default('isotonic'), {
    flag: '--calibration',
    placeholder: '<method>',
    label: 'Calibration',
    help: 'isotonic, platt or none'
  }),
  budgetSeconds: param(z.number().int().min(10).max(86_400).default(180), {
    flag: '--budget-s',
    placeholder: '<seconds>',
    label: 'Search budget (s)',
    help: 'time the auto search may spend cross-validating candidates, shared among the engines',
    engines: ['auto']
  }),
  threads: param(z.number().int().min(1).max(64).default(2), {
    flag: '--threads',
    placeholder: '<n>',
    label: 'Threads',
    help: 'worker threads for training (more than the machine has cores is clamped)'
  }),
  pdo: param(z.number().gt(0).max(1000).default(20), {
    flag: '--pdo',
    placeholder: '<points>',
    label: 'Points to double the odds',
    help: 'scorecard points that double the odds of repaying',
    engines: SCORECARD_ENGINES
  }),
  basePoints: param(z.number().finite().default(600), {
    flag: '--base-points',
    placeholder: '<points>',
    label: 'Base score',
    help: 'scorecard score at which the odds of repaying are --base-odds to 1',
    engines: SCORECARD_ENGINES
  }),
  baseOdds: param(z.number().gt(0).max(1e6).default(50), {
    flag: '--base-odds',
    placeholder: '<odds>',
    label: 'Odds at the base score',
    help: 'odds of repaying at --base-points (50 = 50:1)',
    engines: SCORECARD_ENGINES
  }),
  minBinShare: param(z.number().min(0.01).max(0.5).default(0.05), {
    flag: '--min-bin-share',
    placeholder: '<share>',
    label: 'Smallest bin',
    help: 'fewest training rows in a scorecard bin, as a share of all (the missing bin is apart)',
    engines: SCORECARD_ENGINES,
    percent: true
  }),
  maxBins: param(z.number().int().min(2).max(20).default(8), {
    flag: '--max-bins',
    placeholder: '<n>',
    label: 'Most bins',
    help: 'most bins of a scorecard characteristic, the missing bin not counted',
    engines: SCORECARD_ENGINES
  }),
  minIv: param(z.number().min(0).max(1).default(0.02), {
    flag: '--min-iv',
    placeholder: '<iv>',
    label: 'Least information value',
    help: 'scorecard characteristics with less information value are left out',
    engines: SCORECARD_ENGINES
  }),
  binTrend: param(z.enum(BIN_TRENDS).default('monotone'), {
    flag: '--bin-trend',
    placeholder: '<trend>',
    label: 'Bin trend',
    help: "scorecard bins' default rate: monotone (rising or falling) or shaped (also one peak or valley where the data bend clearly)",
    engines: SCORECARD_ENGINES
  }),
  // One setting for both engines that penalise (same flag, bounds and default): the
  // scorecard's coefficients and a boosted tree's leaf values.
  l2: param(z.number().min(0).max(1e6).default(1), {
    flag: '--l2',
    placeholder: '<lambda>',
    label: 'L2 penalty',
    help: "L2 penalty: on a scorecard's coefficients (1 = scikit-learn's C = 1), on a boosted tree's leaf values (XGBoost's lambda)",
    engines: [...new Set([...SCORECARD_ENGINES, ...BOOSTING_ENGINES])]
  })
}

/**
 * Settings of gradient boosting (engine gbm). The defaults are XGBoost's usual settings for
 * tabular credit data: shallow trees, a small learning rate, row and column subsampling,
 * and as many rounds as early stopping on a share of the training rows finds useful. Their
 * L2 penalty on leaf values is the shared `l2` (modelParamShape).
 */
export const boostingParamShape = {
  rounds: param(z.number().int().min(1).max(10_000).default(500), {
    flag: '--rounds',
    placeholder: '<n>',
    label: 'Boosting rounds',
    help: 'most boosting rounds (one tree each); early stopping may keep fewer',
    engines: BOOSTING_ENGINES
  }),
  learningRate: param(z.number().gt(0).max(1).default(0.05), {
    flag: '--learning-rate',
    placeholder: '<eta>',
    label: 'Learning rate',
    help: 'shrinkage of every tree (eta)',
    engines: BOOSTING_ENGINES
  }),
  gbmDepth: param(z.number().int().min(1).max(16).default(3), {
    flag: '--gbm-depth',
    placeholder: '<n>',
    label: 'Tree depth (boosting)',
    help: 'maximum depth of a boosted tree',
    engines: BOOSTING_ENGINES
  }),
  leaves: param(z.number().int().min(2).max(4096).default(8), {
    flag: '--leaves',
    placeholder: '<n>',
    label: 'Leaves per tree',
    help: 'most leaves of a boosted tree, grown best-first (2^depth grows full trees of the depth)',
    engines: BOOSTING_ENGINES
  }),
  subsample: param(z.number().gt(0).max(1).default(0.8), {
    flag: '--subsample',
    placeholder: '<share>',
    label: 'Row sample per tree',
    help: 'share of the training rows each boosted tree is fitted on',
    engines: BOOSTING_ENGINES,
    percent: true
  }),
  colsample: param(z.number().gt(0).max(1).default(0.8), {
    flag: '--colsample',
    placeholder: '<share>',
    label: 'Feature sample per tree',
    help: 'share of the features each boosted tree may split on',
    engines: BOOSTING_ENGINES,
    percent: true
  }),
  minChildWeight: param(z.number().min(0).max(1_000_000).default(1), {
    flag: '--min-child-weight',
    placeholder: '<h>',
    label: 'Minimum child weight',
    help: 'least hessian sum in each child of a split',
    engines: BOOSTING_ENGINES
  }),
  earlyStopping: param(z.number().int().min(0).max(10_000).default(50), {
    flag: '--early-stopping',
    placeholder: '<rounds>',
    label: 'Early stopping',
    help: 'stop after this many rounds without improvement on a validation share of the training rows (0 = off, all rows fitted)',
    engines: BOOSTING_ENGINES
  }),
  validationShare: param(z.number().min(0.05).max(0.5).default(0.15), {
    flag: '--validation-share',
    placeholder: '<share>',
    label: 'Early-stopping share',
    help: 'share of the training rows held out to decide when to stop (never fitted on)',
    engines: BOOSTING_ENGINES,
    percent: true
  })
}

// In the order stored artifacts have always listed them.
export const trainParamShape = {
  engine: modelParamShape.engine,
  trees: modelParamShape.trees,
  maxDepth: modelParamShape.maxDepth,
  minSamplesLeaf: modelParamShape.minSamplesLeaf,
  maxFeatures: modelParamShape.maxFeatures,
  smote: modelParamShape.smote,
  smoteK: modelParamShape.smoteK,
  testSize: prepareParamShape.testSize,
  seed: prepareParamShape.seed,
  calibration: modelParamShape.calibration,
  highRiskCut: prepareParamShape.highRiskCut,
  map: prepareParamShape.map,
  threads: modelParamShape.threads,
  // Appended, so that the keys stored artifacts always had keep their places.
  budgetSeconds: modelParamShape.budgetSeconds,
  pdo: modelParamShape.pdo,
  basePoints: modelParamShape.basePoints,
  baseOdds: modelParamShape.baseOdds,
  minBinShare: modelParamShape.minBinShare,
  maxBins: modelParamShape.maxBins,
  minIv: modelParamShape.minIv,
  binTrend: modelParamShape.binTrend,
  l2: modelParamShape.l2,
  // Appended after the scorecard's (l2 above is shared with them).
  ...boostingParamShape
}
export type TrainParamKey = keyof typeof trainParamShape

export const TrainParamsSchema = z.object(trainParamShape).strict()
/** Training settings with every default filled in. */
export type TrainParams = z.output<typeof TrainParamsSchema>
/** Training settings as a caller gives them: any may be left out. */
export type TrainParamsInput = z.input<typeof TrainParamsSchema>

/** The product's defaults: the spec's forest (200 trees, depth 15) with SMOTE, honest 80/20 evaluation. */
export const DEFAULT_TRAIN_PARAMS: TrainParams & { engine: EngineId } = {
  ...TrainParamsSchema.parse({}),
  engine: 'forest'
}

/** Presentation of one training setting (flag, label, help, engines). */
export function trainParamMeta(key: TrainParamKey) {
  return metaOf(trainParamShape[key])
}

/** Bounds of a numeric training setting, for forms and messages. */
export function trainParamBounds(key: TrainParamKey) {
  return numberBounds(trainParamShape[key])
}

/**
 * The settings an engine choice reads itself (those whose meta names it), in the schema's
 * order: the Train form shows these for the chosen engine and sends only them beside the
 * settings every engine shares.
 */
export function engineParamKeys(choice: EngineChoice): TrainParamKey[] {
  return (Object.keys(trainParamShape) as TrainParamKey[]).filter((key) =>
    trainParamMeta(key).engines?.includes(choice)
  )
}
