import { describe, expect, it } from 'vitest'
import { FOREST_COMBINE, type TreeEnsemble } from '../../../../src/main/core/model/TreeEnsemble'
import type { FlatTree } from '../../../../src/main/core/model/FlatTree'
import { batchValue, GraphBuilder } from '../../../../src/main/core/onnx/GraphBuilder'
import { TensorType } from '../../../../src/main/core/onnx/onnxProto'
import { addTreeEnsemble, ensembleToTreeEnsemble } from '../../../../src/main/core/onnx/treeEnsemble'
import { encodeTestModel, runDoubleModel } from '../../../helpers/onnxRuntime'

function tree(
  nodes: {
    feature: number
    threshold?: number
    missingLeft?: 0 | 1
    left?: number
    right?: number
    value: number
  }[]
): FlatTree {
  return {
    feature: Int32Array.from(nodes, (n) => n.feature),
    threshold: Float64Array.from(nodes, (n) => n.threshold ?? 0),
    missingLeft: Uint8Array.from(nodes, (n) => n.missingLeft ?? 0),
    left: Int32Array.from(nodes, (n) => n.left ?? -1),
    right: Int32Array.from(nodes, (n) => n.right ?? -1),
    value: Float64Array.from(nodes, (n) => n.value),
    cover: Float64Array.from(nodes, () => 1)
  }
}

/**
 * Tree A: x0 <= 0.3 (missing goes left) ? 0.2 : (x1 <= 1e-300 (missing goes right) ? 0.9 : 1/3).
 * Tree B: a single leaf, 0.5.
 */
const FOREST: TreeEnsemble = {
  numFeatures: 2,
  featureImportance: new Float64Array(2),
  combine: FOREST_COMBINE,
  trees: [
    tree([
      { feature: 0, threshold: 0.3, missingLeft: 1, left: 1, right: 2, value: 0.4 },
      { feature: -1, value: 0.2 },
      { feature: 1, threshold: 1e-300, missingLeft: 0, left: 3, right: 4, value: 0.6 },
      { feature: -1, value: 0.9 },
      { feature: -1, value: 1 / 3 }
    ]),
    tree([{ feature: -1, value: 0.5 }])
  ]
}

/** A model with one input X (double [N, 2]) and the forest's probability as output P. */
function forestModel(forest: TreeEnsemble): Uint8Array {
  const g = new GraphBuilder(['X', 'P'])
  const p = addTreeEnsemble(g, 'X', ensembleToTreeEnsemble(forest), 'p')
  g.node('Identity', [p], { output: 'P' })
  return encodeTestModel(
    g.build('t', [batchValue('X', TensorType.DOUBLE, 2)], [batchValue('P', TensorType.DOUBLE, 1)])
  )
}

describe('ensembleToTreeEnsemble', () => {
  it('lays out interior nodes and leaves apart, with a stub node for a single-leaf tree', () => {
    const spec = ensembleToTreeEnsemble(FOREST)
    expect(spec.aggregate).toBe('average')
    expect(spec.treeRoots).toEqual([0, 2])
    expect(Array.from(spec.nodes.featureIds)).toEqual([0, 1, 0])
    expect(Array.from(spec.nodes.splits)).toEqual([0.3, 1e-300, 0])
    expect(Array.from(spec.nodes.trueIds)).toEqual([0, 1, 3])
    expect(Array.from(spec.nodes.trueLeafs)).toEqual([1, 1, 1])
    expect(Array.from(spec.nodes.falseIds)).toEqual([1, 2, 3])
    expect(Array.from(spec.nodes.falseLeafs)).toEqual([0, 1, 1])
    expect(Array.from(spec.nodes.missingTracksTrue)).toEqual([1, 0, 0])
    expect(Array.from(spec.leafWeights)).toEqual([0.2, 0.9, 1 / 3, 0.5])
  })

  it('in ONNX Runtime sends x <= split left in double precision, NaN by the missing flag, and averages the trees', async () => {
    const p = await runDoubleModel(forestModel(FOREST), [
      [0.3, 0], // on the split: left
      [0.30000000000000004, 1e-300], // one ulp above the split (a float would round it onto it): right, then left
      [0.4, 2e-300], // right, right (2e-300 is 0 as a float)
      [NaN, 5], // missing goes left at the root
      [0.4, NaN] // missing goes right at the second node
    ])
    const expected = [(0.2 + 0.5) / 2, (0.9 + 0.5) / 2, (1 / 3 + 0.5) / 2, (0.2 + 0.5) / 2, (1 / 3 + 0.5) / 2]
    p.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 15))
  })
})
