import type { TrainParams } from '../../src/main/core/model/ModelArtifact'
import { SEED } from './fixtures'

export type SectionName = 'data' | 'train' | 'gbm' | 'score' | 'predict' | 'real'
export const SECTIONS: SectionName[] = ['data', 'train', 'gbm', 'score', 'predict', 'real']

/** Sizes of one run: the full run measures what the issues ask for; --quick only checks the harness. */
export interface BenchConfig {
  quick: boolean
  /** Side-by-side repetitions of the headline comparisons (ours and the reference alternate; medians reported). */
  repeat: number
  data: { sizes: number[] }
  train: {
    /** The headline comparison: ours vs scikit-learn and XGBoost on the same CSV. */
    rows: number
    trees: number
    depth: number
    threads: number
    /** Other sizes for our engine alone (scikit-learn too where listed in skSizes). */
    sizes: number[]
    skSizes: number[]
    /** The reference engine (ml-random-forest) vs ours on small data. */
    reference: { rows: number; trees: number }
  }
  score: { sizes: number[] }
  predict: { requests: number; warmup: number }
  /** Real public credit files (bench/real/): splits per file, files, our variants, reference n_jobs. */
  real: { splits: number; datasets: string[]; variants: string[]; jobs: number }
}

const REAL_DATASETS = ['german-credit', 'credit-scoring', 'lending-club']
const REAL_VARIANTS = ['ours', 'ours_nosmote', 'ours_gbm', 'ours_scorecard', 'ours_auto']

export function benchConfig(quick: boolean, repeat: number): BenchConfig {
  return quick
    ? {
        quick,
        repeat,
        data: { sizes: [20_000] },
        train: {
          rows: 20_000,
          trees: 40,
          depth: 15,
          threads: 2,
          sizes: [5_000],
          skSizes: [],
          reference: { rows: 500, trees: 5 }
        },
        score: { sizes: [20_000] },
        predict: { requests: 500, warmup: 50 },
        real: { splits: 2, datasets: ['german-credit'], variants: REAL_VARIANTS, jobs: 2 }
      }
    : {
        quick,
        repeat,
        data: { sizes: [100_000, 1_000_000] },
        train: {
          rows: 100_000,
          trees: 200,
          depth: 15,
          threads: 2,
          sizes: [10_000, 1_000_000],
          skSizes: [10_000],
          reference: { rows: 2_000, trees: 20 }
        },
        score: { sizes: [100_000, 1_000_000] },
        predict: { requests: 2_000, warmup: 50 },
        real: { splits: 5, datasets: REAL_DATASETS, variants: REAL_VARIANTS, jobs: 2 }
      }
}

/** Our training parameters for the headline comparison (the product's defaults otherwise: SMOTE on, isotonic calibration, 80/20). */
export function mainTrainParams(config: BenchConfig): Partial<TrainParams> {
  return {
    trees: config.train.trees,
    maxDepth: config.train.depth,
    threads: config.train.threads,
    seed: SEED
  }
}
