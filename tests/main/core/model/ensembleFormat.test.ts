import { describe, expect, it } from 'vitest'
import {
  deserializeEnsemble,
  readEnsembleHeader,
  serializeEnsemble,
  serializedTrees
} from '../../../../src/main/core/model/ensembleFormat'
import type { FlatTree } from '../../../../src/main/core/model/FlatTree'
import { FOREST_COMBINE, type TreeEnsemble } from '../../../../src/main/core/model/TreeEnsemble'
import { TREE_A, TREE_B } from '../../../fixtures/smallTrees'

const forest: TreeEnsemble = {
  numFeatures: 2,
  trees: [TREE_A, TREE_B],
  featureImportance: Float64Array.of(0.25, 0.75),
  combine: FOREST_COMBINE
}
const boosted: TreeEnsemble = { ...forest, combine: { aggregate: 'sum', bias: -1.5, link: 'logistic' } }

/** Bytes per node: feature, left, right (i32), missingLeft (u8), threshold, value, cover (f64). */
const NODE = 4 + 4 + 4 + 1 + 8 + 8 + 8

function withTree(tree: Partial<FlatTree>): TreeEnsemble {
  return { ...forest, trees: [{ ...TREE_A, ...tree }] }
}

describe('serializeEnsemble: the stored layout', () => {
  it('writes a forest as version 1: header, importance, then each tree’s arrays', () => {
    const buf = serializeEnsemble(forest)
    expect(buf.length).toBe(16 + 2 * 8 + (4 + 5 * NODE) + (4 + 3 * NODE))
    expect(buf.toString('latin1', 0, 4)).toBe('PTMF')
    expect([buf.readUInt32LE(4), buf.readUInt32LE(8), buf.readUInt32LE(12)]).toEqual([1, 2, 2])
    expect([buf.readDoubleLE(16), buf.readDoubleLE(24)]).toEqual([0.25, 0.75])
    // Tree A: node count, then feature[5], left[5], right[5], missingLeft[5], threshold[5], value[5], cover[5].
    let at = 32
    expect(buf.readUInt32LE(at)).toBe(5)
    at += 4
    expect([0, 1, 2, 3, 4].map((i) => buf.readInt32LE(at + 4 * i))).toEqual([0, -1, 1, -1, -1])
    at += 20
    expect([0, 1, 2, 3, 4].map((i) => buf.readInt32LE(at + 4 * i))).toEqual([1, -1, 3, -1, -1])
    at += 40
    expect([...buf.subarray(at, at + 5)]).toEqual([1, 0, 0, 0, 0])
    at += 5
    expect(buf.readDoubleLE(at)).toBe(2)
    at += 40
    expect(buf.readDoubleLE(at)).toBe(0.4)
    at += 80
    expect(buf.readUInt32LE(at)).toBe(3)
  })

  it('writes any other ensemble as version 2, with how its trees combine', () => {
    const buf = serializeEnsemble(boosted)
    expect(buf.length).toBe(serializeEnsemble(forest).length + 16)
    expect(buf.readUInt32LE(4)).toBe(2)
    expect([buf.readUInt32LE(16), buf.readUInt32LE(20), buf.readDoubleLE(24)]).toEqual([1, 1, -1.5])
    const meanLogistic = serializeEnsemble({
      ...forest,
      combine: { aggregate: 'mean', bias: 0, link: 'logistic' }
    })
    expect([meanLogistic.readUInt32LE(16), meanLogistic.readUInt32LE(20)]).toEqual([0, 1])
    const sumIdentity = serializeEnsemble({
      ...forest,
      combine: { aggregate: 'sum', bias: 0, link: 'identity' }
    })
    expect([sumIdentity.readUInt32LE(16), sumIdentity.readUInt32LE(20)]).toEqual([1, 0])
  })

  it('reads back exactly what it wrote, forests and others', () => {
    for (const model of [forest, boosted]) {
      const back = deserializeEnsemble(serializeEnsemble(model))
      expect(back.numFeatures).toBe(2)
      expect(back.combine).toEqual(model.combine)
      expect([...back.featureImportance]).toEqual([0.25, 0.75])
      expect(back.trees).toEqual(model.trees)
    }
    const header = readEnsembleHeader(serializeEnsemble(boosted))
    expect(header).toMatchObject({ numFeatures: 2, numTrees: 2, treesAt: 16 + 16 + 16 })
  })

  it('lets boosted trees hold any finite value, forests only probabilities', () => {
    const margins = { ...boosted, trees: [{ ...TREE_B, value: Float64Array.of(-0.3, -2, 4) }] }
    expect(deserializeEnsemble(serializeEnsemble(margins)).trees[0].value[1]).toBe(-2)
    expect(() =>
      deserializeEnsemble(serializeEnsemble(withTree({ value: Float64Array.of(0.4, 1.5, 0.7, 0.6, 0.9) })))
    ).toThrow('tree 0: node 1 has value 1.5')
    expect(() =>
      deserializeEnsemble(
        serializeEnsemble({ ...margins, trees: [{ ...TREE_B, value: Float64Array.of(0, Infinity, 1) }] })
      )
    ).toThrow('tree 0: node 1 has value Infinity')
  })
})

describe('deserializeEnsemble refuses damaged bytes, saying what is wrong', () => {
  const good = serializeEnsemble(forest)

  it.each([
    ['a short header', () => good.subarray(0, 10), 'only 10 bytes, shorter than the header'],
    [
      'another magic',
      () => Buffer.concat([Buffer.from('XXXX'), good.subarray(4)]),
      'it does not start with PTMF'
    ],
    ['an unknown version', () => patched(good, (b) => b.writeUInt32LE(3, 4)), 'format version 3'],
    ['no features', () => patched(good, (b) => b.writeUInt32LE(0, 8)), 'it has no features'],
    ['no trees', () => patched(good, (b) => b.writeUInt32LE(0, 12)), 'it has no trees'],
    ['a cut importance', () => good.subarray(0, 20), 'truncated in the feature importance'],
    [
      'an importance above 1',
      () => patched(good, (b) => b.writeDoubleLE(1.5, 16)),
      'importance of feature 0'
    ],
    [
      'a negative importance',
      () => patched(good, (b) => b.writeDoubleLE(-0.1, 24)),
      'importance of feature 1'
    ],
    ['a cut tree', () => good.subarray(0, good.length - 3), 'truncated in tree 1'],
    ['a missing tree', () => good.subarray(0, 32 + 4 + 5 * NODE), 'truncated in tree 1'],
    ['an empty tree', () => patched(good, (b) => b.writeUInt32LE(0, 32)), 'tree 0 has no nodes'],
    [
      'bytes after the last tree',
      () => Buffer.concat([good, Buffer.alloc(2)]),
      '2 unexpected bytes after the last tree'
    ]
  ])('refuses %s', (_what, bytes, message) => {
    expect(() => deserializeEnsemble(bytes())).toThrow(message)
  })

  it('refuses a version 2 header that is cut or combines in an unknown way', () => {
    const v2 = serializeEnsemble(boosted)
    expect(() => deserializeEnsemble(v2.subarray(0, 20))).toThrow('truncated in the header')
    expect(() => deserializeEnsemble(patched(v2, (b) => b.writeUInt32LE(2, 16)))).toThrow(
      'its combination is unknown'
    )
    expect(() => deserializeEnsemble(patched(v2, (b) => b.writeUInt32LE(2, 20)))).toThrow(
      'its combination is unknown'
    )
    expect(() => deserializeEnsemble(patched(v2, (b) => b.writeDoubleLE(NaN, 24)))).toThrow(
      'its combination is unknown'
    )
  })

  it.each([
    ['a cover below 0', { cover: Float64Array.of(4, -1, 2, 1, 1) }, 'node 1 has cover -1'],
    ['an infinite cover', { cover: Float64Array.of(Infinity, 2, 2, 1, 1) }, 'node 0 has cover Infinity'],
    [
      'a missing-left flag of 2',
      { missingLeft: Uint8Array.of(2, 0, 0, 0, 0) },
      'node 0 has missing-left flag 2'
    ],
    ['a leaf with a child', { left: Int32Array.of(1, 2, 3, -1, -1) }, 'leaf 1 has children'],
    ['a leaf with a right child', { right: Int32Array.of(2, -1, 4, 4, -1) }, 'leaf 3 has children'],
    [
      'a feature past the last',
      { feature: Int32Array.of(2, -1, 1, -1, -1) },
      'node 0 splits on feature 2 of 2'
    ],
    ['a feature below −1', { feature: Int32Array.of(-2, -1, 1, -1, -1) }, 'node 0 splits on feature -2 of 2'],
    ['a NaN threshold', { threshold: Float64Array.of(NaN, 0, 5, 0, 0) }, 'node 0 has threshold NaN'],
    [
      'a left child before its parent',
      { left: Int32Array.of(1, -1, 2, -1, -1) },
      'node 2 has left child 2 of 5'
    ],
    ['a left child past the tree', { left: Int32Array.of(5, -1, 3, -1, -1) }, 'node 0 has left child 5 of 5'],
    [
      'a right child before its parent',
      { right: Int32Array.of(0, -1, 4, -1, -1) },
      'node 0 has right child 0 of 5'
    ],
    [
      'a right child past the tree',
      { right: Int32Array.of(2, -1, 5, -1, -1) },
      'node 2 has right child 5 of 5'
    ]
  ] as const)('refuses a tree with %s', (_what, change, message) => {
    expect(() => deserializeEnsemble(serializeEnsemble(withTree(change)))).toThrow(`tree 0: ${message}`)
  })

  it('checks each tree as it yields it, so a damaged second tree stops after the first', () => {
    const damaged = serializeEnsemble({
      ...forest,
      trees: [TREE_A, { ...TREE_B, feature: Int32Array.of(9, -1, -1) }]
    })
    const trees = serializedTrees(damaged)
    expect(trees.next().value).toEqual(TREE_A)
    expect(() => trees.next()).toThrow('tree 1: node 0 splits on feature 9 of 2')
  })

  it('names a stored model as damaged (MODEL_CORRUPT)', () => {
    expect(() => deserializeEnsemble(good.subarray(0, 4))).toThrow(
      expect.objectContaining({ code: 'MODEL_CORRUPT' })
    )
  })
})

function patched(buf: Buffer, change: (copy: Buffer) => void): Buffer {
  const copy = Buffer.from(buf)
  change(copy)
  return copy
}
