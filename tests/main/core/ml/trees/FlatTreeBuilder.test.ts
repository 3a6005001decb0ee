import { describe, expect, it } from 'vitest'
import { FlatTreeBuilder } from '../../../../../src/main/core/ml/trees/FlatTreeBuilder'

describe('FlatTreeBuilder', () => {
  it('builds a hand-made stump: leaves with no children, the split as set, arrays of the tree’s size', () => {
    const b = new FlatTreeBuilder()
    const root = b.addNode(0, 10)
    const left = b.addNode(0.2, 6)
    const right = b.addNode(0.8, 4)
    b.setSplit(root, 2, 1.5, 1, left, right)
    expect(b.size).toBe(3)
    expect(b.finish()).toEqual({
      feature: Int32Array.of(2, -1, -1),
      threshold: Float64Array.of(1.5, 0, 0),
      missingLeft: Uint8Array.of(1, 0, 0),
      left: Int32Array.of(1, -1, -1),
      right: Int32Array.of(2, -1, -1),
      value: Float64Array.of(0, 0.2, 0.8),
      cover: Float64Array.of(10, 6, 4)
    })
  })

  it('values internal nodes as the cover-weighted mean of their children, bottom up, and the plain mean at zero cover', () => {
    const b = new FlatTreeBuilder()
    const root = b.addNode(0, 10)
    const inner = b.addNode(0, 10)
    const unreached = b.addNode(0, 0)
    b.setSplit(root, 0, 0, 0, inner, unreached)
    b.setSplit(inner, 1, 0, 0, b.addNode(0.1, 4), b.addNode(0.4, 6))
    b.setSplit(unreached, 1, 0, 0, b.addNode(0.5, 0), b.addNode(0.7, 0))
    b.setValue(unreached, 99)
    b.fillInternalValues()
    const { value } = b.finish()
    // inner: (0.1 × 4 + 0.4 × 6) ÷ 10 = 0.28 (not the plain mean 0.25); the node no row
    // reaches: (0.5 + 0.7) ÷ 2 = 0.6; root: (0.28 × 10 + 0.6 × 0) ÷ 10 = 0.28.
    expect(value[inner]).toBeCloseTo(0.28, 15)
    expect(value[unreached]).toBeCloseTo(0.6, 15)
    expect(value[root]).toBeCloseTo(0.28, 15)
    expect(Array.from(value.subarray(3))).toEqual([0.1, 0.4, 0.5, 0.7])
  })

  it('grows past its capacity keeping every node, and starts afresh after reset', () => {
    const b = new FlatTreeBuilder(2)
    for (let i = 0; i < 5; i++) b.addNode(i / 10, i)
    expect(b.size).toBe(5)
    const tree = b.finish()
    expect(Array.from(tree.value)).toEqual([0, 0.1, 0.2, 0.3, 0.4])
    expect(Array.from(tree.cover)).toEqual([0, 1, 2, 3, 4])
    expect(Array.from(tree.left)).toEqual([-1, -1, -1, -1, -1])
    b.reset()
    expect(b.size).toBe(0)
    b.addNode(0.5, 7)
    expect(b.finish()).toEqual({
      feature: Int32Array.of(-1),
      threshold: Float64Array.of(0),
      missingLeft: Uint8Array.of(0),
      left: Int32Array.of(-1),
      right: Int32Array.of(-1),
      value: Float64Array.of(0.5),
      cover: Float64Array.of(7)
    })
  })

  it('overwrites a node’s value', () => {
    const b = new FlatTreeBuilder()
    const leaf = b.addNode(0.25, 3)
    b.setValue(leaf, -0.75)
    expect(Array.from(b.finish().value)).toEqual([-0.75])
  })

  it('clears a reused node’s split when it is added again as a leaf', () => {
    const b = new FlatTreeBuilder(4)
    b.addNode(0, 2)
    b.setSplit(0, 3, 2.5, 1, 1, 2)
    b.reset()
    b.addNode(0.3, 2)
    const tree = b.finish()
    expect([tree.feature[0], tree.threshold[0], tree.missingLeft[0], tree.left[0], tree.right[0]]).toEqual([
      -1, 0, 0, -1, -1
    ])
  })
})
