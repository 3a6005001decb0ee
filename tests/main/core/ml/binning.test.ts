import { describe, expect, it } from 'vitest'
import { BIN_SAMPLE_ROWS, binColumns, binOf, fitBins } from '../../../../src/main/core/ml/binning'
import { Rng } from '../../../../src/main/core/base/random'

describe('fitBins', () => {
  it('gives each distinct value its own bin with edges halfway between neighbours, NaN in the last bin', () => {
    const mapper = fitBins([Float64Array.of(3, 1, 2, 2, NaN)])
    expect(Array.from(mapper.upperEdges[0])).toEqual([1.5, 2.5, Infinity])
    expect(mapper.numValueBins[0]).toBe(3)
    expect(mapper.missingBin[0]).toBe(3)
    const [bins] = binColumns(mapper, [Float64Array.of(1, 2, 3, NaN, 0.5, 1.5, 1.6, 10)])
    expect(Array.from(bins)).toEqual([0, 1, 2, 3, 0, 0, 1, 2])
  })

  it('limits a many-valued feature to maxBins bins holding about equal numbers of rows', () => {
    const rng = new Rng(1)
    const column = Float64Array.from({ length: 10_000 }, () => rng.normal())
    const mapper = fitBins([column], undefined, 10)
    expect(mapper.numValueBins[0]).toBe(10)
    const counts = new Array<number>(11).fill(0)
    for (const b of binColumns(mapper, [column])[0]) counts[b]++
    for (let b = 0; b < 10; b++) expect(Math.abs(counts[b] - 1000)).toBeLessThanOrEqual(2)
    expect(counts[10]).toBe(0)
  })

  it('gives a value that alone holds more than a bin share a bin of its own', () => {
    const rng = new Rng(2)
    // Half the rows are exactly 0.25, the rest spread over [0, 1).
    const column = Float64Array.from({ length: 2000 }, (_, i) => (i % 2 === 0 ? 0.25 : rng.next()))
    const mapper = fitBins([column], undefined, 8)
    const edges = mapper.upperEdges[0]
    const b = binOf(edges, mapper.numValueBins[0], 0.25)
    const [bins] = binColumns(mapper, [column])
    let mismatches = 0
    for (let r = 0; r < column.length; r++) if ((bins[r] === b) !== (column[r] === 0.25)) mismatches++
    expect(mismatches).toBe(0)
  })

  it('keeps "bin <= b" equivalent to "x <= upperEdges[b]" for every non-missing value', () => {
    const rng = new Rng(3)
    const values = Float64Array.from({ length: 3000 }, (_, i) => {
      if (i % 50 === 0) return NaN
      if (i % 7 === 0) return Math.round(rng.normal() * 3) // heavy duplicates
      if (i === 1) return -Infinity
      if (i === 2) return Infinity
      return rng.normal() * 1e6
    })
    for (const maxBins of [2, 16, 255]) {
      const mapper = fitBins([values], undefined, maxBins)
      const edges = mapper.upperEdges[0]
      const numBins = mapper.numValueBins[0]
      expect(numBins).toBeLessThanOrEqual(maxBins)
      for (let b = 1; b < numBins; b++) expect(edges[b]).toBeGreaterThan(edges[b - 1])
      expect(edges[numBins - 1]).toBe(Infinity)
      const [bins] = binColumns(mapper, [values])
      let mismatches = 0
      for (let r = 0; r < values.length; r++) {
        if (Number.isNaN(values[r])) {
          if (bins[r] !== numBins) mismatches++
          continue
        }
        for (let b = 0; b < numBins; b++) if (bins[r] <= b !== values[r] <= edges[b]) mismatches++
      }
      expect(mismatches).toBe(0)
    }
  })

  it('orders extreme, signed, subnormal and infinite values the same for small and large columns', () => {
    const pool = [-1e300, -3.5, -0, 0, 1e-310, 2, Infinity, -Infinity]
    const expected = [-Infinity, -5e299, -1.75, 5e-311, 1, 2, Infinity]
    // 16 rows take the built-in sort, 5000 rows the radix sort.
    for (const numRows of [16, 5000]) {
      const rng = new Rng(numRows)
      const column = Float64Array.from({ length: numRows }, (_, i) =>
        i < pool.length ? pool[i] : pool[rng.int(pool.length)]
      )
      expect(Array.from(fitBins([column]).upperEdges[0])).toEqual(expected)
    }
  })

  it('puts -0 and +0 in the same bin', () => {
    const mapper = fitBins([Float64Array.of(-0, 0, 1, -1)])
    expect(mapper.numValueBins[0]).toBe(3)
    const [bins] = binColumns(mapper, [Float64Array.of(-0, 0)])
    expect(bins[0]).toBe(bins[1])
  })

  it('makes an all-missing feature a single value bin with every row in the missing bin', () => {
    const mapper = fitBins([Float64Array.of(NaN, NaN, NaN)])
    expect(mapper.numValueBins[0]).toBe(1)
    expect(Array.from(mapper.upperEdges[0])).toEqual([Infinity])
    expect(Array.from(binColumns(mapper, [Float64Array.of(NaN, 5)])[0])).toEqual([1, 0])
  })

  it('places edges from the given rows only', () => {
    const column = Float64Array.of(1, 2, 3, 100, 200)
    const mapper = fitBins([column], [0, 1, 2])
    expect(Array.from(mapper.upperEdges[0])).toEqual([1.5, 2.5, Infinity])
  })

  it('still gives every common value its own bin when rows beyond the sample size are subsampled', () => {
    const numRows = BIN_SAMPLE_ROWS + 50_000
    const column = Float64Array.from({ length: numRows }, (_, i) => (i * 7919) % 100)
    const mapper = fitBins([column])
    expect(mapper.numValueBins[0]).toBe(100)
  })

  it('rejects a bad maxBins and columns of different lengths', () => {
    expect(() => fitBins([Float64Array.of(1)], undefined, 256)).toThrow(/maxBins/)
    expect(() => fitBins([Float64Array.of(1)], undefined, 1)).toThrow(/maxBins/)
    expect(() => fitBins([Float64Array.of(1, 2), Float64Array.of(1)])).toThrow(/column 1 has 1 rows/)
    expect(() => binColumns(fitBins([Float64Array.of(1)]), [])).toThrow(/expected 1 columns/)
  })
})
