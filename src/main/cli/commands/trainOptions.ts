import type { Command } from 'commander'
import { InvalidArgumentError } from 'commander'
import type { TrainParams } from '../../core/model/ModelArtifact'
import { DEFAULT_TRAIN_PARAMS } from '../../core/ml/trainModel'
import { collectPairs, intOption } from '../common/parseOptions'

export interface TrainCliOptions {
  dataset?: number
  engine: 'forest' | 'ml-random-forest'
  trees: number
  depth: number
  minLeaf: number
  maxFeatures: string
  smote: boolean
  smoteK: number
  testSize: number
  seed: number
  calibration: 'isotonic' | 'platt' | 'none'
  highRiskCut: number
  map?: Record<string, string>
  threads: number
}

function testSizeOption(text: string): number {
  const v = Number(text)
  if (!Number.isFinite(v) || v < 0 || v >= 0.9)
    throw new InvalidArgumentError(`expected a share from 0 to 0.9, got "${text}"`)
  return v
}

function maxFeaturesOption(text: string): string {
  if (['sqrt', 'log2', 'all'].includes(text) || /^[1-9]\d*$/.test(text)) return text
  throw new InvalidArgumentError(`expected sqrt, log2, all or a whole number, got "${text}"`)
}

/** The options of the commands that prepare or train (preprocess, feature, train, all). */
export function addTrainOptions(command: Command, withForest = true): Command {
  command
    .option('--dataset <id>', 'dataset id (default: the latest)', intOption(1))
    .option(
      '--test-size <share>',
      'share of rows held out for evaluation (0 = evaluate out-of-bag)',
      testSizeOption,
      DEFAULT_TRAIN_PARAMS.testSize
    )
    .option(
      '--seed <s>',
      'random seed for the split, SMOTE and the forest',
      intOption(0, 2 ** 32 - 1),
      DEFAULT_TRAIN_PARAMS.seed
    )
    .option(
      '--map <role=column>',
      'use a column for an engineered feature role: Credit_Score, Loan_Amount, Account_Balance, Age (repeatable)',
      collectPairs
    )
    .option(
      '--high-risk-cut <score>',
      'High_Credit_Risk = 1 below this credit score',
      Number,
      DEFAULT_TRAIN_PARAMS.highRiskCut
    )
  if (!withForest) return command
  return command
    .option(
      '--engine <engine>',
      'forest (ours, fast) or ml-random-forest (reference; slow on large data)',
      'forest'
    )
    .option('--trees <n>', 'number of trees', intOption(1, 5000), DEFAULT_TRAIN_PARAMS.trees)
    .option('--depth <n>', 'maximum tree depth', intOption(1, 64), DEFAULT_TRAIN_PARAMS.maxDepth)
    .option(
      '--min-leaf <n>',
      'minimum samples per leaf',
      intOption(1, 100_000),
      DEFAULT_TRAIN_PARAMS.minSamplesLeaf
    )
    .option(
      '--max-features <rule>',
      'features tried per split: sqrt, log2, all or a number',
      maxFeaturesOption,
      'sqrt'
    )
    .option('--no-smote', 'do not balance the training rows with SMOTE')
    .option('--smote-k <k>', 'SMOTE neighbours', intOption(1, 50), DEFAULT_TRAIN_PARAMS.smoteK)
    .option('--calibration <method>', 'isotonic, platt or none', 'isotonic')
    .option('--threads <n>', 'worker threads for training', intOption(1, 64), DEFAULT_TRAIN_PARAMS.threads)
}

/** Turns parsed CLI options into training parameters. */
export function toTrainParams(o: TrainCliOptions): TrainParams {
  if (o.engine !== undefined && o.engine !== 'forest' && o.engine !== 'ml-random-forest') {
    throw new InvalidArgumentError(`--engine must be forest or ml-random-forest, got "${o.engine}"`)
  }
  if (o.calibration !== undefined && !['isotonic', 'platt', 'none'].includes(o.calibration)) {
    throw new InvalidArgumentError(`--calibration must be isotonic, platt or none, got "${o.calibration}"`)
  }
  const mf = o.maxFeatures ?? 'sqrt'
  return {
    ...DEFAULT_TRAIN_PARAMS,
    engine: o.engine ?? 'forest',
    trees: o.trees ?? DEFAULT_TRAIN_PARAMS.trees,
    maxDepth: o.depth ?? DEFAULT_TRAIN_PARAMS.maxDepth,
    minSamplesLeaf: o.minLeaf ?? DEFAULT_TRAIN_PARAMS.minSamplesLeaf,
    maxFeatures: /^\d+$/.test(mf) ? Number(mf) : (mf as 'sqrt' | 'log2' | 'all'),
    smote: o.smote ?? true,
    smoteK: o.smoteK ?? DEFAULT_TRAIN_PARAMS.smoteK,
    testSize: o.testSize,
    seed: o.seed,
    calibration: o.calibration ?? 'isotonic',
    highRiskCut: o.highRiskCut,
    map: o.map ?? {},
    threads: o.threads ?? DEFAULT_TRAIN_PARAMS.threads
  }
}
