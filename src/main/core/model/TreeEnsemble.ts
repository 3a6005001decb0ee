import type { FlatTree } from './FlatTree'

/**
 * What every engine's trained model is at scoring time: trees over the model's feature
 * columns and how their leaf values combine into one score in [0, 1]. A random forest
 * averages class frequencies; gradient boosting adds leaf margins to a bias and applies the
 * logistic link; a points scorecard is one small tree per characteristic, summed the same
 * way. Scoring, exact reasons (TreeSHAP), the compiled batch walk, storage and export read
 * only this, so they never ask which engine made it.
 */
export interface TreeEnsemble {
  numFeatures: number
  trees: FlatTree[]
  /** Share of the model's splitting (or weight) per feature, summing to 1 (all zero when unknown). */
  featureImportance: Float64Array
  combine: EnsembleCombine
}

/** How the trees' leaf values become a score: `link(bias + aggregate(leaf values))`. */
export interface EnsembleCombine {
  /** 'mean' averages the trees (a forest); 'sum' adds them (boosting, scorecards). */
  aggregate: 'mean' | 'sum'
  /** Added to the aggregate (a boosted model's initial margin); 0 for a forest. */
  bias: number
  /** 'identity' when the aggregate already is a probability; 'logistic' for a log-odds margin. */
  link: 'identity' | 'logistic'
}

/** A random forest: the mean of the trees' class frequencies is the score. */
export const FOREST_COMBINE: EnsembleCombine = { aggregate: 'mean', bias: 0, link: 'identity' }

/** True for the forest combination, whose stored form is the original (version 1) layout. */
export function isForestCombine(c: EnsembleCombine): boolean {
  return c.aggregate === 'mean' && c.bias === 0 && c.link === 'identity'
}

/** The score of a margin: the link function. */
export function linkScore(link: EnsembleCombine['link'], margin: number): number {
  return link === 'identity' ? margin : 1 / (1 + Math.exp(-margin))
}

/**
 * The margins (before the link) of `numRows` rows of column-major features (NaN = missing).
 * For a forest this is the mean of the leaf values, summed tree by tree and divided once,
 * exactly as the stored forests have always been scored.
 */
export function ensembleMargins(
  ensemble: TreeEnsemble,
  columns: ArrayLike<number>[],
  numRows: number
): Float64Array {
  if (columns.length < ensemble.numFeatures) {
    throw new Error(`the model needs ${ensemble.numFeatures} feature columns, got ${columns.length}`)
  }
  for (let f = 0; f < ensemble.numFeatures; f++) {
    if (columns[f].length < numRows)
      throw new Error(`column ${f} has ${columns[f].length} rows, expected ${numRows}`)
  }
  const out = new Float64Array(numRows)
  // Tree by tree (the tree's arrays stay in cache), with FlatTree.leafIndex inlined: a
  // call per row and tree costs more than the descent itself on shallow trees.
  for (const tree of ensemble.trees) {
    const { feature, threshold, missingLeft, left, right, value } = tree
    for (let r = 0; r < numRows; r++) {
      let node = 0
      while (feature[node] >= 0) {
        const x = columns[feature[node]][r]
        const goLeft = x !== x ? missingLeft[node] === 1 : x <= threshold[node]
        node = goLeft ? left[node] : right[node]
      }
      out[r] += value[node]
    }
  }
  const { aggregate, bias } = ensemble.combine
  if (aggregate === 'mean') {
    const numTrees = ensemble.trees.length
    for (let r = 0; r < numRows; r++) out[r] /= numTrees
  }
  if (bias !== 0) for (let r = 0; r < numRows; r++) out[r] += bias
  return out
}

/** Scores in [0, 1] of `numRows` rows: the margins through the link. */
export function predictEnsemble(
  ensemble: TreeEnsemble,
  columns: ArrayLike<number>[],
  numRows: number
): Float64Array {
  const margins = ensembleMargins(ensemble, columns, numRows)
  if (ensemble.combine.link === 'identity') return margins
  for (let r = 0; r < numRows; r++) margins[r] = linkScore('logistic', margins[r])
  return margins
}

/** The score of one feature vector; the same sums, in the same order, as predictEnsemble. */
export function predictEnsembleVector(ensemble: TreeEnsemble, x: ArrayLike<number>): number {
  if (x.length < ensemble.numFeatures) {
    throw new Error(`the model needs ${ensemble.numFeatures} features, got ${x.length}`)
  }
  let sum = 0
  for (const tree of ensemble.trees) {
    const { feature, threshold, missingLeft, left, right, value } = tree
    let node = 0
    while (feature[node] >= 0) {
      const v = x[feature[node]]
      const goLeft = v !== v ? missingLeft[node] === 1 : v <= threshold[node]
      node = goLeft ? left[node] : right[node]
    }
    sum += value[node]
  }
  const { aggregate, bias, link } = ensemble.combine
  const margin = (aggregate === 'mean' ? sum / ensemble.trees.length : sum) + bias
  return linkScore(link, margin)
}

/**
 * The margin of the model's average training row: the trees' root values (each the
 * cover-weighted mean of its leaves) combined as the leaves are. It is where exact reasons
 * start from: base + Σ contributions = the row's margin.
 */
export function expectedMargin(ensemble: Pick<TreeEnsemble, 'trees' | 'combine'>): number {
  let s = 0
  for (const t of ensemble.trees) s += t.value[0]
  const { aggregate, bias } = ensemble.combine
  return (aggregate === 'mean' ? s / ensemble.trees.length : s) + bias
}
