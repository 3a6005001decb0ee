import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  accumulateDrift,
  emptyDriftCounts,
  expectedShares,
  fitDriftBins,
  populationStabilityIndex,
  psiStatus
} from '../../../../src/main/core/ml/drift'
import type { DriftBins } from '../../../../src/main/core/model/ModelArtifact'
import { expectClose } from '../../../helpers/expectClose'

const all = (n: number): Int32Array => Int32Array.from({ length: n }, (_, i) => i)

describe('fitDriftBins', () => {
  it('cuts a numeric column at its training deciles (numpy linear) and shares the rows out, missing apart', () => {
    // 1…10 and one missing: decile q sits at position 9q of the sorted values, so the edges
    // are 1.9, 2.8, …, 9.1; each value lands alone in the bin its edge closes (x ≤ edge).
    const values = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, NaN])
    const [bins] = fitDriftBins(
      { numRows: 11, numeric: new Map([['x', values]]), categorical: new Map() },
      all(11)
    )
    expect(bins.kind).toBe('numeric')
    if (bins.kind !== 'numeric') return
    expectClose(bins.edges, [1.9, 2.8, 3.7, 4.6, 5.5, 6.4, 7.3, 8.2, 9.1], 1e-12)
    expectClose(bins.shares, new Array(10).fill(1 / 11), 1e-12)
    expect(bins.missingShare).toBeCloseTo(1 / 11, 15)
  })

  it('uses only the training rows it is given', () => {
    const values = Float64Array.from([100, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    const [bins] = fitDriftBins(
      { numRows: 11, numeric: new Map([['x', values]]), categorical: new Map() },
      Int32Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    )
    if (bins.kind !== 'numeric') throw new Error('numeric bins expected')
    expectClose(bins.edges, [1.9, 2.8, 3.7, 4.6, 5.5, 6.4, 7.3, 8.2, 9.1], 1e-12)
    expect(bins.missingShare).toBe(0)
  })

  it('merges equal deciles into one edge', () => {
    const values = Float64Array.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 5])
    const [bins] = fitDriftBins(
      { numRows: 10, numeric: new Map([['x', values]]), categorical: new Map() },
      all(10)
    )
    if (bins.kind !== 'numeric') throw new Error('numeric bins expected')
    // Deciles 0.1…0.8 are 0; the 0.9 decile is at position 8.1: 0 + 0.1 × 5 = 0.5.
    expectClose(bins.edges, [0, 0.5], 1e-12)
    expectClose(bins.shares, [0.9, 0, 0.1], 1e-12)
  })

  it('shares categories by count (ties by name), with missing apart and nothing left over', () => {
    const text = ['b', 'a', 'a', null, 'c', 'a', 'b', 'c']
    const [bins] = fitDriftBins(
      { numRows: 8, numeric: new Map(), categorical: new Map([['t', text]]) },
      all(8)
    )
    expect(bins).toEqual({
      name: 't',
      kind: 'categorical',
      levels: ['a', 'b', 'c'],
      shares: [3 / 8, 2 / 8, 2 / 8],
      otherShare: 0,
      missingShare: 1 / 8
    })
  })

  it('ranks any column’s categories by count, ties by name, over the rows given only', () => {
    const texts = fc.array(fc.option(fc.constantFrom('a', 'B', 'b', 'é', '10', '9', ''), { nil: null }), {
      minLength: 1,
      maxLength: 200
    })
    fc.assert(
      fc.property(
        texts.chain((text) => fc.tuple(fc.constant(text), fc.subarray(text.map((_, i) => i)))),
        ([text, picked]) => {
          const rows = Int32Array.from(picked)
          const [bins] = fitDriftBins(
            { numRows: text.length, numeric: new Map(), categorical: new Map([['t', text]]) },
            rows
          )
          // Written out: a count per level over the rows, then sorted by count and name.
          const counts = new Map<string, number>()
          for (const r of rows) if (text[r] !== null) counts.set(text[r]!, (counts.get(text[r]!) ?? 0) + 1)
          const levels = [...counts.keys()].sort(
            (a, b) => counts.get(b)! - counts.get(a)! || (a < b ? -1 : 1)
          )
          const n = rows.length || 1
          expect(bins).toEqual({
            name: 't',
            kind: 'categorical',
            levels,
            shares: levels.map((l) => counts.get(l)! / n),
            otherShare: expect.any(Number),
            missingShare: rows.filter((r) => text[r] === null).length / n
          })
        }
      )
    )
  })

  it('keeps the 30 most frequent categories and counts the rest as "other", missing apart', () => {
    // Level k (k = 0…31) appears 40 − k times: levels 30 and 31 (10 + 9 rows) become "other";
    // two rows have no category.
    const text: (string | null)[] = [null, null]
    for (let k = 0; k < 32; k++) for (let i = 0; i < 40 - k; i++) text.push(`L${String(k).padStart(2, '0')}`)
    const [bins] = fitDriftBins(
      { numRows: text.length, numeric: new Map(), categorical: new Map([['t', text]]) },
      all(text.length)
    )
    if (bins.kind !== 'categorical') throw new Error('categorical bins expected')
    expect(bins.levels).toHaveLength(30)
    expect(bins.levels[0]).toBe('L00')
    expect(bins.levels[29]).toBe('L29')
    expect(bins.otherShare).toBeCloseTo(19 / text.length, 12)
    expect(bins.missingShare).toBe(2 / text.length)
  })
})

describe('accumulateDrift', () => {
  const numeric: DriftBins = {
    name: 'x',
    kind: 'numeric',
    edges: [10, 20],
    shares: [0.3, 0.3, 0.3],
    missingShare: 0.1
  }
  const categorical: DriftBins = {
    name: 't',
    kind: 'categorical',
    levels: ['a', 'b'],
    shares: [0.5, 0.3],
    otherShare: 0.1,
    missingShare: 0.1
  }

  it('counts numbers into the training bins (x ≤ edge closes a bin), then missing, over chunks', () => {
    const counts = emptyDriftCounts(numeric)
    expect(counts).toEqual({ name: 'x', counts: [0, 0, 0, 0], total: 0 })
    accumulateDrift(numeric, counts, Float64Array.from([-5, 10, 10.5, 20, 21, NaN]), undefined, 6)
    accumulateDrift(numeric, counts, Float64Array.from([15, 99]), undefined, 2)
    // Slot 2 is after the last edge; slot 3 (edges + 1) holds the missing values.
    expect(counts.counts).toEqual([2, 3, 2, 1])
    expect(counts.total).toBe(8)
  })

  it('counts a column the batch does not have as missing', () => {
    const counts = emptyDriftCounts(numeric)
    accumulateDrift(numeric, counts, undefined, undefined, 3)
    expect(counts.counts).toEqual([0, 0, 0, 3])
  })

  it('counts categories into their levels, unseen ones as "other", then missing', () => {
    const counts = emptyDriftCounts(categorical)
    expect(counts.counts).toEqual([0, 0, 0, 0])
    accumulateDrift(categorical, counts, undefined, ['b', 'a', 'z', null, 'b', 'y'], 6)
    expect(counts.counts).toEqual([1, 2, 2, 1])
    accumulateDrift(categorical, counts, undefined, undefined, 2)
    expect(counts.counts).toEqual([1, 2, 2, 3])
    expect(counts.total).toBe(8)
  })

  it('lays out the training shares as the counts are laid out', () => {
    expect(expectedShares(numeric)).toEqual([0.3, 0.3, 0.3, 0.1])
    expect(expectedShares(categorical)).toEqual([0.5, 0.3, 0.1, 0.1])
  })
})

describe('populationStabilityIndex (hand-worked)', () => {
  it('sums (actual − expected) · ln(actual / expected) over the bins', () => {
    // (0.3 − 0.5)·ln(0.6) + (0.7 − 0.5)·ln(1.4) = 0.102165… + 0.067294… = 0.169459…
    const psi = populationStabilityIndex([0.5, 0.5], { name: 'x', counts: [30, 70], total: 100 })
    expect(psi).toBeCloseTo(0.2 * Math.log(1 / 0.6) + 0.2 * Math.log(1.4), 14)
    expect(psi).toBeCloseTo(0.16946, 5)
  })

  it('is 0 for a batch distributed exactly as training', () => {
    expect(populationStabilityIndex([0.25, 0.75], { name: 'x', counts: [5, 15], total: 20 })).toBe(0)
  })

  it('floors an empty share at 0.0001 and skips bins empty on both sides', () => {
    // Bin 3 is new in the batch: (0.1 − 0.0001)·ln(0.1 / 0.0001); bin 4 is empty in both.
    const psi = populationStabilityIndex([0.5, 0.5, 0, 0], { name: 'x', counts: [40, 50, 10, 0], total: 100 })
    const expected = 0.1 * Math.log(0.5 / 0.4) + 0 + (0.1 - 1e-4) * Math.log(0.1 / 1e-4)
    expect(psi).toBeCloseTo(expected, 12)
    expect(psi).toBeCloseTo(0.7124, 4)
  })

  it('floors a share the batch lacks, too', () => {
    // Expected 0.2 in a bin the batch never fills: (0.0001 − 0.2)·ln(0.0001 / 0.2).
    const psi = populationStabilityIndex([0.8, 0.2], { name: 'x', counts: [10, 0], total: 10 })
    expect(psi).toBeCloseTo(0.2 * Math.log(1 / 0.8) + (1e-4 - 0.2) * Math.log(1e-4 / 0.2), 12)
  })

  it('is 0 for an empty batch', () => {
    expect(populationStabilityIndex([0.5, 0.5], { name: 'x', counts: [0, 0], total: 0 })).toBe(0)
  })

  it('reads the bank rule of thumb: below 0.1 stable, to 0.25 a shift, above a major shift', () => {
    expect(psiStatus(0)).toBe('stable')
    expect(psiStatus(0.0999)).toBe('stable')
    expect(psiStatus(0.1)).toBe('shift')
    expect(psiStatus(0.2499)).toBe('shift')
    expect(psiStatus(0.25)).toBe('major shift')
    expect(psiStatus(3)).toBe('major shift')
  })
})
