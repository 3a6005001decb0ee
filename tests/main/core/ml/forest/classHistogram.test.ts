import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  buildClassHistograms,
  ClassHistograms,
  clearSlot
} from '../../../../../src/main/core/ml/forest/classHistogram'

/** A node's rows and the features it draws: bins per feature, a permutation, a row range. */
const nodes = fc
  .record({
    numFeatures: fc.integer({ min: 1, max: 11 }),
    numRows: fc.integer({ min: 1, max: 40 }),
    maxBin: fc.integer({ min: 1, max: 70 })
  })
  .chain(({ numFeatures, numRows, maxBin }) =>
    fc.record({
      bins: fc.array(fc.uint8Array({ minLength: numRows, maxLength: numRows, max: maxBin }), {
        minLength: numFeatures,
        maxLength: numFeatures
      }),
      perm: fc.shuffledSubarray(
        Array.from({ length: numFeatures }, (_, f) => f),
        { minLength: numFeatures, maxLength: numFeatures }
      ),
      first: fc.integer({ min: 0, max: numFeatures - 1 }),
      count: fc.integer({ min: 1, max: numFeatures }),
      order: fc.shuffledSubarray(
        Array.from({ length: numRows }, (_, r) => r),
        { minLength: numRows, maxLength: numRows }
      ),
      weights: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: numRows, maxLength: numRows }),
      labels: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: numRows, maxLength: numRows }),
      start: fc.integer({ min: 0, max: numRows }),
      length: fc.integer({ min: 0, max: numRows }),
      sparse: fc.boolean(),
      maxBin: fc.constant(maxBin)
    })
  )
  .map((n) => ({
    ...n,
    count: Math.min(n.count, n.perm.length - n.first),
    end: Math.min(n.order.length, n.start + n.length)
  }))

type Node = typeof nodes extends fc.Arbitrary<infer N> ? N : never

/** Histograms node n's drawn features into a ClassHistograms of `slots` slots. */
function build(n: Node, slots: number): { h: ClassHistograms; bins: Uint8Array[]; order: Int32Array } {
  const h = new ClassHistograms(slots, n.maxBin)
  const bins = n.bins.map((b) => Uint8Array.from(b))
  const order = Int32Array.from(n.order)
  const orderWy = Int32Array.from(n.order, (r) => (n.weights[r] << 1) | n.labels[r])
  const perm = Int32Array.from(n.perm)
  buildClassHistograms(h, bins, perm, n.first, n.count, order, orderWy, n.start, n.end, n.sparse)
  return { h, bins, order }
}

describe('buildClassHistograms', () => {
  it('puts each drawn feature’s weights by class and bin in its slot, marks the bins a sparse node touches, and leaves the other slots zero', () => {
    fc.assert(
      fc.property(nodes, (n) => {
        const slots = n.count + 2
        const { h, bins, order } = build(n, slots)
        for (let slot = 0; slot < slots; slot++) {
          const want = new Int32Array(h.stride)
          const touched = new Int32Array(8)
          if (slot < n.count) {
            const b = bins[n.perm[n.first + slot]]
            for (let i = n.start; i < n.end; i++) {
              const r = order[i]
              want[2 * b[r] + n.labels[r]] += n.weights[r]
              if (n.sparse) touched[b[r] >>> 5] |= 1 << (b[r] & 31)
            }
          }
          const at = slot * h.stride
          expect(Array.from(h.hist.subarray(at, at + h.stride))).toEqual(Array.from(want))
          expect(Array.from(h.touched.subarray(slot * 8, slot * 8 + 8))).toEqual(Array.from(touched))
        }
      })
    )
  })

  it('leaves every real slot zero again after clearSlot, sparse or not', () => {
    fc.assert(
      fc.property(nodes, (n) => {
        const { h } = build(n, n.count)
        for (let slot = 0; slot < n.count; slot++) clearSlot(h, slot, n.maxBin, n.sparse)
        expect(h.hist.subarray(0, n.count * h.stride).every((x) => x === 0)).toBe(true)
        expect(h.touched.subarray(0, n.count * 8).every((x) => x === 0)).toBe(true)
      })
    )
  })
})
