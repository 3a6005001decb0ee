import type { TreeEnsemble } from '../model/TreeEnsemble'
import { attr, doubleTensor, GraphBuilder, ML_DOMAIN, uint8Tensor } from './GraphBuilder'

/**
 * The attributes of one `ai.onnx.ml` TreeEnsemble node (operator set 5): interior nodes
 * and leaves in parallel arrays, as the operator stores them. Split values and leaf
 * weights are doubles, so the graph compares and adds exactly what our trees hold. Any
 * engine whose model is trees (the forest, gradient boosting) describes itself in this form.
 */
export interface TreeEnsembleSpec {
  /** How the trees' leaf values combine: the mean (a random forest) or the sum (boosting). */
  aggregate: 'average' | 'sum'
  /** Index into the nodes_* arrays of each tree's root. */
  treeRoots: number[]
  nodes: {
    featureIds: Int32Array
    splits: Float64Array
    /** 0 BRANCH_LEQ (x <= split goes to the true branch), 1 BRANCH_LT (x < split). */
    modes: Uint8Array
    trueIds: Int32Array
    /** 1 when trueIds points into the leaves, 0 when at another interior node. */
    trueLeafs: Uint8Array
    falseIds: Int32Array
    falseLeafs: Uint8Array
    /** 1 when a missing value (NaN) takes the true branch. */
    missingTracksTrue: Uint8Array
  }
  leafWeights: Float64Array
}

/** Node modes of TreeEnsemble (nodes_modes): x <= split, and x < split, take the true branch. */
export const BRANCH_LEQ = 0
export const BRANCH_LT = 1

/**
 * A model's trees as one TreeEnsemble node, averaging (a forest: its probability) or
 * summing (boosting, a scorecard: the margin before the bias) the leaves as the model does.
 * FlatTree sends x <= threshold left and NaN left when missingLeft, which is exactly
 * BRANCH_LEQ with the left child as the true branch and missingLeft as the missing flag. A
 * tree that is a single leaf becomes one stub node whose two branches reach that leaf (the
 * operator's documented encoding).
 */
export function ensembleToTreeEnsemble(forest: TreeEnsemble): TreeEnsembleSpec {
  let numInterior = 0
  let numLeaves = 0
  for (const tree of forest.trees) {
    const size = tree.feature.length
    let interior = 0
    for (let n = 0; n < size; n++) if (tree.feature[n] >= 0) interior++
    numInterior += Math.max(1, interior)
    numLeaves += size - interior
  }
  const spec = emptySpec(forest.combine.aggregate === 'mean' ? 'average' : 'sum', numInterior, numLeaves)
  const { nodes } = spec
  let nextInterior = 0
  let nextLeaf = 0
  for (const tree of forest.trees) {
    const { feature, threshold, missingLeft, left, right, value } = tree
    const size = feature.length
    // Where each FlatTree node lands: its index among the interior nodes or among the leaves.
    const slot = new Int32Array(size)
    for (let n = 0; n < size; n++) slot[n] = feature[n] >= 0 ? nextInterior++ : nextLeaf++
    if (feature[0] < 0) {
      // A single leaf: one stub interior node whose both branches reach it.
      const stub = nextInterior++
      spec.treeRoots.push(stub)
      nodes.trueIds[stub] = slot[0]
      nodes.falseIds[stub] = slot[0]
      nodes.trueLeafs[stub] = 1
      nodes.falseLeafs[stub] = 1
      spec.leafWeights[slot[0]] = value[0]
      continue
    }
    spec.treeRoots.push(slot[0])
    for (let n = 0; n < size; n++) {
      const at = slot[n]
      if (feature[n] < 0) {
        spec.leafWeights[at] = value[n]
        continue
      }
      nodes.featureIds[at] = feature[n]
      nodes.splits[at] = threshold[n]
      nodes.modes[at] = BRANCH_LEQ
      nodes.missingTracksTrue[at] = missingLeft[n]
      nodes.trueIds[at] = slot[left[n]]
      nodes.trueLeafs[at] = feature[left[n]] < 0 ? 1 : 0
      nodes.falseIds[at] = slot[right[n]]
      nodes.falseLeafs[at] = feature[right[n]] < 0 ? 1 : 0
    }
  }
  return spec
}

/** A spec with room for `numInterior` interior nodes and `numLeaves` leaves, all zero. */
export function emptySpec(
  aggregate: TreeEnsembleSpec['aggregate'],
  numInterior: number,
  numLeaves: number
): TreeEnsembleSpec {
  return {
    aggregate,
    treeRoots: [],
    nodes: {
      featureIds: new Int32Array(numInterior),
      splits: new Float64Array(numInterior),
      modes: new Uint8Array(numInterior),
      trueIds: new Int32Array(numInterior),
      trueLeafs: new Uint8Array(numInterior),
      falseIds: new Int32Array(numInterior),
      falseLeafs: new Uint8Array(numInterior),
      missingTracksTrue: new Uint8Array(numInterior)
    },
    leafWeights: new Float64Array(numLeaves)
  }
}

/**
 * Adds a TreeEnsemble node reading `features` (double [N, F]) and returns its output,
 * double [N, 1]. With double input the operator keeps double splits, weights and sums.
 */
export function addTreeEnsemble(
  g: GraphBuilder,
  features: string,
  spec: TreeEnsembleSpec,
  hint: string
): string {
  const { nodes } = spec
  return g.node('TreeEnsemble', [features], {
    domain: ML_DOMAIN,
    hint,
    attributes: [
      attr.int('aggregate_function', spec.aggregate === 'average' ? 0 : 1),
      attr.int('n_targets', 1),
      attr.int('post_transform', 0),
      attr.ints('tree_roots', spec.treeRoots),
      attr.ints('nodes_featureids', nodes.featureIds),
      attr.tensor('nodes_splits', doubleTensor(nodes.splits)),
      attr.tensor('nodes_modes', uint8Tensor(nodes.modes)),
      attr.ints('nodes_truenodeids', nodes.trueIds),
      attr.ints('nodes_trueleafs', nodes.trueLeafs),
      attr.ints('nodes_falsenodeids', nodes.falseIds),
      attr.ints('nodes_falseleafs', nodes.falseLeafs),
      attr.ints('nodes_missing_value_tracks_true', nodes.missingTracksTrue),
      attr.ints('leaf_targetids', new Int32Array(spec.leafWeights.length)),
      attr.tensor('leaf_weights', doubleTensor(spec.leafWeights))
    ]
  })
}
