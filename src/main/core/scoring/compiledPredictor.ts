import { linkScore, type TreeEnsemble } from '../model/TreeEnsemble'
import { CompiledForest } from './CompiledForest'

/** Scores of `numRows` rows of column-major features (NaN = missing), as predictEnsemble gives them. */
export type Predictor = (columns: ArrayLike<number>[], numRows: number) => Float64Array

/**
 * predictEnsemble, bit for bit, by the compiled WebAssembly walk: the ensemble is compiled
 * once (a fifth of a second for 200 deep trees) and then scores rows some six times faster
 * than the TypeScript walk. For training's many calls over the same model: held-out rows,
 * cross-fitted folds and permutation importance (49 calls over 2,000 rows).
 */
export function compiledPredictor(ensemble: TreeEnsemble): Predictor {
  const compiled = CompiledForest.compile(ensemble)
  const logistic = ensemble.combine.link === 'logistic'
  return (columns, numRows) => {
    const { raw } = compiled.predict(columns, numRows, false)
    if (logistic) for (let r = 0; r < numRows; r++) raw[r] = linkScore('logistic', raw[r])
    return raw
  }
}
