import { describe, expect, it } from 'vitest'
import {
  buildGradientHistograms,
  gatherGradients,
  HistogramLayout,
  HistogramPool,
  subtractHistograms
} from '../../../../../src/main/core/ml/gbm/gradientHistogram'

describe('HistogramLayout', () => {
  it('gives each feature two doubles a bin, its missing bin included, one after another', () => {
    const layout = new HistogramLayout(Int32Array.of(2, 3, 1))
    expect(Array.from(layout.width)).toEqual([6, 8, 4])
    expect(Array.from(layout.offset)).toEqual([0, 6, 14])
    expect(layout.size).toBe(18)
  })
})

describe('HistogramPool', () => {
  it('hands out new buffers of the layout’s size, reuses released ones last in first out, and frees all between trees', () => {
    const pool = new HistogramPool(new HistogramLayout(Int32Array.of(2)))
    expect([pool.acquire(), pool.acquire(), pool.acquire()]).toEqual([0, 1, 2])
    expect(pool.buffer(1)).toHaveLength(6)
    pool.release(0)
    pool.release(2)
    expect([pool.acquire(), pool.acquire(), pool.acquire()]).toEqual([2, 0, 3])
    pool.releaseAll()
    // Every buffer free, the lowest index first; none is made anew.
    expect([0, 1, 2, 3, 4].map(() => pool.acquire())).toEqual([0, 1, 2, 3, 4])
  })
})

describe('gatherGradients', () => {
  it('copies the [g, h] of rows order[start, end) to the same positions', () => {
    const gh = Float64Array.of(0.1, 1, 0.2, 2, 0.3, 3, 0.4, 4)
    const ordered = new Float64Array(8).fill(-9)
    gatherGradients(gh, Int32Array.of(3, 0, 2, 1), 1, 3, ordered)
    expect(Array.from(ordered)).toEqual([-9, -9, 0.1, 1, 0.3, 3, -9, -9])
  })
})

describe('buildGradientHistograms', () => {
  // Seven features of two value bins each (bin 2 is missing): one pass of four, one of two, one alone.
  const numFeatures = 7
  const layout = new HistogramLayout(new Int32Array(numFeatures).fill(2))
  const rows = 6
  const bins = Array.from({ length: numFeatures }, (_, f) =>
    Uint8Array.from({ length: rows }, (_, r) => (r + f) % 3)
  )
  const order = Int32Array.of(5, 3, 1, 0, 2, 4)
  const ordered = Float64Array.from({ length: 2 * rows }, (_, k) =>
    k % 2 === 0 ? k / 2 - 2.5 : 0.1 * (k + 1)
  )

  /** The sums written out: for each feature and bin, the rows at positions [start, end) in it. */
  function expected(features: number[], start: number, end: number): Float64Array {
    const hist = new Float64Array(layout.size).fill(Number.NaN)
    for (const f of features) {
      hist.fill(0, layout.offset[f], layout.offset[f] + layout.width[f])
      for (let i = start; i < end; i++) {
        const at = layout.offset[f] + 2 * bins[f][order[i]]
        hist[at] += ordered[2 * i]
        hist[at + 1] += ordered[2 * i + 1]
      }
    }
    return hist
  }

  it.each([
    [[0, 1, 2, 3, 4, 5, 6], 0, 6],
    [[1, 2, 4, 6], 1, 5],
    [[0, 3, 5], 2, 6],
    [[2, 6], 0, 4],
    [[4], 0, 6]
  ])(
    'sums the gradients and hessians of features %j over positions %i to %i, leaving the others',
    (features, start, end) => {
      const hist = new Float64Array(layout.size).fill(Number.NaN)
      // A stale buffer: the features built are cleared first.
      for (const f of features) hist[layout.offset[f]] = 99
      buildGradientHistograms(
        hist,
        layout,
        bins,
        Int32Array.from(features),
        features.length,
        order,
        ordered,
        start,
        end
      )
      const want = expected(features, start, end)
      for (let i = 0; i < layout.size; i++) {
        if (Number.isNaN(want[i])) expect(hist[i]).toBeNaN()
        else expect(hist[i]).toBeCloseTo(want[i], 12)
      }
    }
  )

  it('builds only the first `count` of the features given', () => {
    const hist = new Float64Array(layout.size).fill(Number.NaN)
    buildGradientHistograms(hist, layout, bins, Int32Array.of(1, 2, 3), 2, order, ordered, 0, 6)
    expect(hist[layout.offset[3]]).toBeNaN()
    expect(hist[layout.offset[2] + 1]).not.toBeNaN()
  })
})

describe('subtractHistograms', () => {
  it('subtracts bin by bin over the features given and nowhere else', () => {
    const layout = new HistogramLayout(Int32Array.of(1, 1, 1))
    const into = Float64Array.from({ length: layout.size }, (_, i) => 10 + i)
    const minus = new Float64Array(layout.size).fill(1)
    subtractHistograms(into, minus, layout, Int32Array.of(2, 0, 1), 2)
    expect(Array.from(into)).toEqual([9, 10, 11, 12, 14, 15, 16, 17, 17, 18, 19, 20])
  })
})
