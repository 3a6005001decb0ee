import type { GbmOptions } from '../../../../../src/main/core/ml/gbm/trainGbm'

/** Settings that switch every random and stopping part off, so a model can be checked by hand. */
export function plainGbmOptions(numFeatures: number, over: Partial<GbmOptions> = {}): GbmOptions {
  return {
    rounds: 2,
    learningRate: 0.5,
    maxDepth: 1,
    maxLeaves: 2,
    subsample: 1,
    colsample: 1,
    l2: 1,
    minChildWeight: 0.1,
    earlyStoppingRounds: 0,
    seed: 1,
    categorical: new Uint8Array(numFeatures),
    ...over
  }
}
