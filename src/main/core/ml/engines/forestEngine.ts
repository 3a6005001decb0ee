import type { TrainParams } from '../../../../shared/params/trainParams'
import { trainForest } from '../forest/trainForest'
import type { Engine } from './Engine'

/**
 * Our random forest (ml/forest): LightGBM-style histogram trees with scikit-learn's rules,
 * on worker threads. Its out-of-bag scores come with it.
 */
export const forestEngine: Engine = {
  id: 'forest',
  label: 'Random forest (ours)',
  describe: (p) => `Forest ${p.trees}×${p.maxDepth}`,
  estimateSeconds(fitRows: number, p: TrainParams) {
    // Fitted on npm run bench and the e2e runs: ~1.5 s to start, ~20 ms per tree of fixed
    // cost and ~0.5 µs per (row × tree) shared by the threads.
    const threads = Math.max(1, Math.min(p.threads, 2))
    const seconds = 1.5 + (p.trees * 0.02 + fitRows * p.trees * 0.5e-6) / threads
    return {
      seconds,
      note: `Our histogram forest engine, on ${threads} worker thread${threads > 1 ? 's' : ''}.`
    }
  },
  // A small grid around the user's forest (the spec's 200×15 by default): shallower trees
  // with bigger leaves often rank better on a few thousand rows, deeper ones on many.
  candidates: (p) => [
    { ...p, engine: 'forest', maxDepth: 15, minSamplesLeaf: 1 },
    { ...p, engine: 'forest', maxDepth: 10, minSamplesLeaf: 5 },
    { ...p, engine: 'forest', maxDepth: 20, minSamplesLeaf: 3 }
  ],
  complexity: (p) => 3 + p.trees * (2 ** Math.min(p.maxDepth, 20) / p.minSamplesLeaf) * 1e-9,
  foldParams: (p, folds) => ({ ...p, trees: Math.min(p.trees, Math.max(50, Math.ceil(p.trees / folds))) }),
  async train({ fitRows, params, signal, onProgress }) {
    const fit = fitRows()
    const trained = await trainForest(
      fit.columns,
      fit.y,
      {
        trees: params.trees,
        maxDepth: params.maxDepth,
        minSamplesLeaf: params.minSamplesLeaf,
        maxFeatures: params.maxFeatures,
        seed: params.seed,
        threads: params.threads
      },
      { signal, onProgress }
    )
    return { ensemble: trained.forest, outOfBag: trained.oobProbability.subarray(0, fit.numReal), notes: [] }
  }
}
