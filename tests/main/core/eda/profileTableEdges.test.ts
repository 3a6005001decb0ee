import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Column } from '../../../../src/main/core/data/Table'
import {
  boxStats,
  mostFrequent,
  pearsonMatrix,
  profileColumn,
  profileTable,
  type CategoricalProfile,
  type NumericProfile
} from '../../../../src/main/core/eda/profileTable'

// Edge cases of the profile, each worked by hand (or by numpy where it says so).

function numeric(values: number[], target: number[]): NumericProfile {
  const profile = profileColumn(
    { name: 'x', kind: 'numeric', values: Float64Array.from(values) },
    Uint8Array.from(target)
  )
  if (profile.kind !== 'numeric') throw new Error('expected a numeric profile')
  return profile
}

/** A text column from its cells (null: missing), levels in order of first appearance. */
function text(cells: (string | null)[], kind: 'categorical' | 'identifier' = 'categorical'): Column {
  const levels = [...new Set(cells.filter((c): c is string => c !== null))]
  return {
    name: 'g',
    kind,
    levels,
    codes: Int32Array.from(cells, (c) => (c === null ? -1 : levels.indexOf(c)))
  }
}

function categorical(cells: (string | null)[], target: number[], kind?: 'identifier'): CategoricalProfile {
  const profile = profileColumn(text(cells, kind), Uint8Array.from(target))
  if (profile.kind === 'numeric') throw new Error('expected a categorical profile')
  return profile
}

describe('numeric profile edges', () => {
  it('gives a column of only missing values no moments, no histogram and no boxes', () => {
    expect(numeric([NaN, NaN, NaN], [1, 0, 1])).toEqual({
      name: 'x',
      kind: 'numeric',
      count: 0,
      missing: 3,
      distinct: 0,
      mean: NaN,
      std: NaN,
      min: NaN,
      q1: NaN,
      median: NaN,
      q3: NaN,
      max: NaN,
      histogram: { edges: [], counts: [], countsByClass: [[], []] },
      boxByClass: [null, null],
      missingDefaultRate: 2 / 3
    })
  })

  it('gives a constant column one bin [v, v] holding every value, and no standard deviation for one value', () => {
    const constant = numeric([5, 5, NaN, 5], [0, 1, 0, 0])
    expect(constant).toMatchObject({ count: 3, missing: 1, distinct: 1, mean: 5, std: 0, min: 5, max: 5 })
    expect(constant.histogram).toEqual({ edges: [5, 5], counts: [3], countsByClass: [[2], [1]] })
    expect(constant.missingDefaultRate).toBe(0)
    expect(numeric([7], [0])).toMatchObject({ count: 1, mean: 7, std: NaN })
  })

  it('gives the mean and sample standard deviation of a few values', () => {
    // 1 and 3: mean 2, variance (1 + 1) / 1. 2, 4 and 9: mean 5, variance (9 + 1 + 16) / 2 = 13.
    expect(numeric([1, 3], [0, 1])).toMatchObject({ mean: 2, std: Math.SQRT2 })
    const three = numeric([2, NaN, 4, 9], [0, 1, 0, 0])
    expect(three.mean).toBe(5)
    expect(three.std).toBeCloseTo(Math.sqrt(13), 14)
  })

  it('keeps the mean and sample standard deviation finite for values ±1e308 apart', () => {
    // Mean 0; sample variance (2 × 1e616) / 1, so std = √2 × 1e308 (numpy's std overflows here).
    const p = numeric([-1e308, 1e308], [0, 1])
    expect(p.mean).toBe(0)
    expect(p.std / (Math.SQRT2 * 1e308)).toBeCloseTo(1, 14)
    // A third value, 0: variance (1e616 + 1e616) / 2, so std = 1e308.
    expect(numeric([-1e308, 0, 1e308], [0, 0, 0]).std / 1e308).toBeCloseTo(1, 14)
  })

  it('places the bins of ±1e308 by the scaled values: edges −1e308, −1e308/3, 1e308/3, 1e308', () => {
    const p = numeric([1e308, -1e308, 0], [1, 0, 0])
    const [a, b, c, d] = p.histogram.edges
    expect(a).toBe(-1e308)
    expect(b / (-1e308 / 3)).toBeCloseTo(1, 14)
    expect(c / (1e308 / 3)).toBeCloseTo(1, 14)
    expect(d).toBe(1e308)
    expect(p.histogram.counts).toEqual([1, 1, 1])
    expect(p.histogram.countsByClass).toEqual([
      [1, 1, 0],
      [0, 0, 1]
    ])
  })

  it('puts a value just below an edge in the bin below it, where the division rounds it up (as numpy.histogram does)', () => {
    // Four bins of width 0.7625 over [−2.3, 0.75]: the third edge is −2.3 + 2 × 0.7625 =
    // −0.7749999999999999, and (−0.775 + 2.3) / 0.7625 rounds to exactly 2.
    // numpy.histogram([-2.3, -0.775, 0, 0.75], bins=4) counts [1, 1, 0, 2].
    const p = numeric([-2.3, -0.775, 0, 0.75], [0, 1, 0, 0])
    expect(p.histogram.edges[2]).toBe(-0.7749999999999999)
    expect(p.histogram.counts).toEqual([1, 1, 0, 2])
    expect(p.histogram.countsByClass).toEqual([
      [1, 0, 0, 2],
      [0, 1, 0, 0]
    ])
  })

  it('leaves missing values out of the histogram', () => {
    const p = numeric([1, NaN, 2, NaN], [1, 1, 0, 1])
    expect(p.histogram.counts).toEqual([1, 1])
    expect(p.histogram.countsByClass).toEqual([
      [0, 1],
      [1, 0]
    ])
    expect(Object.keys(p.histogram.counts)).toEqual(['0', '1'])
    expect(Object.keys(p.histogram.countsByClass[1])).toEqual(['0', '1'])
  })

  it('gives the mean of a box whose plain sum overflows', () => {
    // 1e308 + 1.5e308 overflows; their mean is 1.25e308.
    expect(boxStats(Float64Array.of(1e308, 1.5e308))!.mean / 1.25e308).toBeCloseTo(1, 14)
  })

  it('puts a whisker on a value exactly at a fence', () => {
    // −2, 1, 2, 3, 6: q1 = 1, q3 = 3, IQR 2 → fences −2 and 6, both values of the column.
    expect(boxStats(Float64Array.from([-2, 1, 2, 3, 6]))).toEqual({
      count: 5,
      min: -2,
      q1: 1,
      median: 2,
      q3: 3,
      max: 6,
      mean: 2,
      lowerWhisker: -2,
      upperWhisker: 6
    })
  })
})

describe('categorical profile edges', () => {
  it('orders categories by count, ties by name, with each default rate', () => {
    const p = categorical(['b', 'c', 'a', 'c', null, 'a', 'b', 'd'], [1, 0, 0, 1, 1, 0, 0, 0])
    expect(p.top).toEqual([
      { value: 'a', count: 2, defaults: 0, defaultRate: 0 },
      { value: 'b', count: 2, defaults: 1, defaultRate: 0.5 },
      { value: 'c', count: 2, defaults: 1, defaultRate: 0.5 },
      { value: 'd', count: 1, defaults: 0, defaultRate: 0 }
    ])
    expect(p).toMatchObject({ count: 7, missing: 1, distinct: 4, missingDefaultRate: 1 })
  })

  it('lists 30 categories in full, and past 30 sums the rest as "(other)"', () => {
    // Level i (i = 0 … 31) appears 40 − i times; its first row defaults.
    const cells: string[] = []
    const target: number[] = []
    for (let i = 0; i < 32; i++)
      for (let r = 0; r < 40 - i; r++) {
        cells.push(`L${String(i).padStart(2, '0')}`)
        target.push(r === 0 ? 1 : 0)
      }
    const thirtyTwo = categorical(cells, target)
    expect(thirtyTwo.top).toHaveLength(31)
    expect(thirtyTwo.top[29]).toEqual({ value: 'L29', count: 11, defaults: 1, defaultRate: 1 / 11 })
    // L30 (10 rows) and L31 (9 rows), one default each.
    expect(thirtyTwo.top[30]).toEqual({ value: '(other)', count: 19, defaults: 2, defaultRate: 2 / 19 })
    const thirtyRows = cells.findIndex((c) => c === 'L30')
    const thirty = categorical(cells.slice(0, thirtyRows), target.slice(0, thirtyRows))
    expect(thirty.top).toHaveLength(30)
    expect(thirty.top.map((t) => t.value)).not.toContain('(other)')
  })

  it('lists no categories for an identifier', () => {
    expect(categorical(['a', 'b', null], [0, 1, 1], 'identifier')).toEqual({
      name: 'g',
      kind: 'identifier',
      count: 2,
      missing: 1,
      distinct: 2,
      top: [],
      missingDefaultRate: 1
    })
  })
})

describe('correlation edges', () => {
  it('gives ±1 for two complete rows', () => {
    const m = pearsonMatrix([
      [1, 2],
      [5, 3]
    ])
    expect(m).toEqual([
      [1, -1],
      [-1, 1]
    ])
  })

  it('gives r of extreme columns by their scaled values', () => {
    // y = −x exactly; x's largest magnitude is its first value, not its last.
    const x = [1e308, -5e307, 1]
    const y = [-1e308, 5e307, -1]
    expect(pearsonMatrix([x, y])[0][1]).toBeCloseTo(-1, 14)
  })

  it('profiles a table with no rows: no defaults, a default rate of 0', () => {
    const profile = profileTable({
      numRows: 0,
      columns: [{ name: 'a', kind: 'numeric', values: new Float64Array(0) }],
      target: new Uint8Array(0),
      targetName: 'Default',
      positiveClass: '1',
      lines: new Int32Array(0)
    })
    expect(profile).toMatchObject({ numRows: 0, positives: 0, defaultRate: 0 })
    expect(profile.correlation.names).toEqual(['a', 'Default'])
  })
})

describe('the most frequent categories', () => {
  it('are those a full sort by count, then by text, puts first, and "(other)" holds the rest', () => {
    fc.assert(
      fc.property(
        // Few counts and short texts: many ties, broken by the text.
        fc.array(fc.tuple(fc.string({ maxLength: 3 }), fc.integer({ min: 0, max: 4 })), { maxLength: 80 }),
        fc.integer({ min: 1, max: 12 }),
        (pairs, k) => {
          const byLevel = new Map(pairs)
          const levels = [...byLevel.keys()]
          const counts = Float64Array.from(levels, (l) => byLevel.get(l)!)
          const sorted = levels
            .map((_, i) => i)
            .sort((a, b) => counts[b] - counts[a] || (levels[a] < levels[b] ? -1 : 1))
          expect(mostFrequent(counts, levels, k)).toEqual(sorted.slice(0, k))
        }
      ),
      { numRuns: 500 }
    )
  })

  it('counts in "(other)" every row of the levels after the first thirty, and lists none for an identifier', () => {
    // 40 levels, level i seen i + 1 times, the odd rows defaults.
    const cells = Array.from({ length: 40 }, (_, i) => Array<string>(i + 1).fill(`L${i}`)).flat()
    const target = cells.map((_, r) => r % 2)
    const profile = profileColumn(text(cells), Uint8Array.from(target)) as CategoricalProfile
    expect(profile.top.slice(0, 3).map((c) => c.value)).toEqual(['L39', 'L38', 'L37'])
    const other = profile.top[30]
    expect(other.value).toBe('(other)')
    // Levels L0..L9: 1 + 2 + … + 10 rows.
    expect(other.count).toBe(55)
    const rowsOfOther = cells.map((c, r) => (Number(c.slice(1)) < 10 ? r : -1)).filter((r) => r >= 0)
    expect(other.defaults).toBe(rowsOfOther.filter((r) => target[r] === 1).length)
    expect(
      (profileColumn(text(cells, 'identifier'), Uint8Array.from(target)) as CategoricalProfile).top
    ).toEqual([])
  })
})
