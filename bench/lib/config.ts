export type SectionName = 'startup' | 'train' | 'gbm' | 'score' | 'data' | 'predict' | 'smote' | 'real'
export const SECTIONS: SectionName[] = [
  'startup',
  'train',
  'gbm',
  'score',
  'data',
  'predict',
  'smote',
  'real'
]

/**
 * Sizes of one run: the full run measures what issue 12 asks for (whole commands beside the
 * reference stacks); --quick only checks the harness. `repeat` is how many times each
 * headline pair runs, ours and the reference alternating (medians reported).
 */
export interface BenchConfig {
  quick: boolean
  repeat: number
  startup: { runs: number }
  train: {
    /** Rows of the store's dataset `ptm train --no-smote --test-size 0` runs on (scikit-learn fits as many: 80 % of `rows / 0.8`). */
    rows: number
    trees: number
    depth: number
    threads: number
    /** The product's default training (SMOTE, 80/20) beside scikit-learn + SMOTE: its model also scores. */
    modelRows: number
    /** `ptm train --no-smote` beside XGBoost's random forest on many rows (0: not run). */
    bigRows: number
  }
  score: { rows: number }
  data: { rows: number }
  predict: { requests: number; warmup: number; clients: number; concurrentRequests: number; skCalls: number }
  smote: { rows: number }
  /**
   * Real public credit files (bench/real/): splits per file, files, our variants, reference
   * n_jobs, and the seed offsets each of our variants is trained with on every split (its
   * figure per split is the mean over them: one forest's or boosting's seed moves a held-out
   * AUC by about 0.007 on a file with ~100 bad test loans).
   */
  real: { splits: number; datasets: string[]; variants: string[]; jobs: number; seeds: number[] }
}

const REAL_DATASETS = ['german-credit', 'credit-scoring', 'lending-club']
const REAL_VARIANTS = ['ours', 'ours_smote', 'ours_gbm', 'ours_scorecard', 'ours_blend', 'ours_auto']

export function benchConfig(quick: boolean, repeat: number | undefined): BenchConfig {
  return quick
    ? {
        quick,
        repeat: repeat ?? 1,
        startup: { runs: 3 },
        train: { rows: 8_000, trees: 40, depth: 15, threads: 2, modelRows: 10_000, bigRows: 0 },
        score: { rows: 20_000 },
        data: { rows: 20_000 },
        predict: { requests: 200, warmup: 20, clients: 16, concurrentRequests: 400, skCalls: 50 },
        smote: { rows: 20_000 },
        real: { splits: 2, datasets: ['german-credit'], variants: REAL_VARIANTS, jobs: 2, seeds: [0] }
      }
    : {
        quick,
        repeat: repeat ?? 2,
        startup: { runs: 10 },
        train: { rows: 80_000, trees: 200, depth: 15, threads: 2, modelRows: 100_000, bigRows: 1_000_000 },
        score: { rows: 1_000_000 },
        data: { rows: 1_000_000 },
        predict: { requests: 2_000, warmup: 50, clients: 16, concurrentRequests: 8_000, skCalls: 500 },
        smote: { rows: 1_000_000 },
        real: { splits: 5, datasets: REAL_DATASETS, variants: REAL_VARIANTS, jobs: 2, seeds: [0, 100, 200] }
      }
}

/** `ptm train` options of the forest the bench compares (the product's defaults otherwise: SMOTE on, isotonic, 80/20). */
export function forestArgs(config: BenchConfig): string[] {
  const t = config.train
  return ['--trees', `${t.trees}`, '--depth', `${t.depth}`, '--threads', `${t.threads}`, '--seed', '42']
}
