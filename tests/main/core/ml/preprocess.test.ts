import { describe, expect, it } from 'vitest'
import {
  buildFeatureMatrix,
  ColumnSummaries,
  describeInputs,
  fitFeatureSpecs,
  sortedNonMissing,
  type RawInputs
} from '../../../../src/main/core/ml/preprocess'
import type { FeatureSpec } from '../../../../src/main/core/model/ModelArtifact'

// Five rows; rows 0–3 are the training rows, row 4 is held out (its values must not reach any fit).
const raw: RawInputs = {
  numRows: 5,
  numeric: new Map([
    ['x', Float64Array.from([1, 2, NaN, 4, 100])],
    ['flat', Float64Array.from([5, 5, 5, 5, 9])],
    ['empty', Float64Array.from([NaN, NaN, NaN, NaN, 3])]
  ]),
  categorical: new Map<string, (string | null)[]>([
    ['t', ['b', 'a', null, 'b', 'c']],
    ['none', [null, null, null, null, 'z']]
  ])
}
const train = Int32Array.from([0, 1, 2, 3])
// x on the training rows, imputed with their median 2: [1, 2, 2, 4] → mean 2.25,
// population variance (1.5625 + 0.0625 + 0.0625 + 3.0625) / 4 = 1.1875.
const STD_X = Math.sqrt(1.1875)

describe('fitFeatureSpecs (SimpleImputer + StandardScaler, most-frequent + ordinal encoding)', () => {
  const { features, dropped } = fitFeatureSpecs(raw, train, new Set(['flat']))

  it('fits median, mean and population std on the imputed training rows only', () => {
    const x = features.find((f) => f.name === 'x')
    expect(x).toMatchObject({ kind: 'numeric', source: 'input', median: 2, mean: 2.25 })
    if (x?.kind !== 'numeric') throw new Error('numeric spec expected')
    expect(x.std).toBeCloseTo(STD_X, 15)
  })

  it('scales a constant column by 1 and marks engineered columns', () => {
    expect(features.find((f) => f.name === 'flat')).toEqual({
      name: 'flat',
      kind: 'numeric',
      source: 'engineered',
      median: 5,
      mean: 5,
      std: 1
    })
  })

  it('encodes categories by their sorted training levels and fills with the most frequent', () => {
    expect(features.find((f) => f.name === 't')).toEqual({
      name: 't',
      kind: 'categorical',
      source: 'input',
      levels: ['a', 'b'],
      fill: 1
    })
  })

  it('leaves out columns with no training value', () => {
    expect(dropped).toEqual(['empty', 'none'])
    expect(features.map((f) => f.name)).toEqual(['x', 'flat', 't'])
  })

  it('breaks a tie for the most frequent level by the first in sorted order', () => {
    const tie: RawInputs = {
      numRows: 4,
      numeric: new Map(),
      categorical: new Map([['t', ['y', 'x', 'x', 'y']]])
    }
    expect(fitFeatureSpecs(tie, Int32Array.from([0, 1, 2, 3]), new Set()).features[0]).toMatchObject({
      fill: 0
    })
    const later: RawInputs = {
      numRows: 3,
      numeric: new Map(),
      categorical: new Map([['t', ['y', 'x', 'y']]])
    }
    expect(fitFeatureSpecs(later, Int32Array.from([0, 1, 2]), new Set()).features[0]).toMatchObject({
      levels: ['x', 'y'],
      fill: 1
    })
  })
})

describe('buildFeatureMatrix', () => {
  const { features } = fitFeatureSpecs(raw, train, new Set())

  it('imputes, centres and scales numbers, counting the imputed rows', () => {
    const m = buildFeatureMatrix(features, raw)
    const expected = [1, 2, 2, 4, 100].map((v) => (v - 2.25) / STD_X)
    m.columns[0].forEach((z, i) => expect(z).toBeCloseTo(expected[i], 14))
    expect([...m.columns[1]]).toEqual([0, 0, 0, 0, 4])
    expect(m.imputed[0]).toBe(1)
    expect(m.imputed[1]).toBe(0)
  })

  it('encodes categories, filling missing and unseen ones with the most frequent code', () => {
    const m = buildFeatureMatrix(features, raw)
    expect([...m.columns[2]]).toEqual([1, 0, 1, 1, 1])
    expect(m.imputed[2]).toBe(1)
    expect(m.unseen).toEqual([0, 0, 1])
  })

  it('fills a column the inputs lack entirely', () => {
    const m = buildFeatureMatrix(features, { numRows: 2, numeric: new Map(), categorical: new Map() })
    expect([...m.columns[0]]).toEqual([(2 - 2.25) / STD_X, (2 - 2.25) / STD_X])
    expect([...m.columns[2]]).toEqual([1, 1])
    expect(m.imputed).toEqual([2, 2, 2])
  })

  it('keeps extreme inputs finite and on their side', () => {
    const spec = (mean: number, std: number): FeatureSpec[] => [
      { name: 'v', kind: 'numeric', source: 'input', median: 0, mean, std }
    ]
    const values = (...v: number[]): RawInputs => ({
      numRows: v.length,
      numeric: new Map([['v', Float64Array.from(v)]]),
      categorical: new Map()
    })
    // (1e308 − (−1e308)) overflows, as does its quotient: the side is kept.
    expect([...buildFeatureMatrix(spec(-1e308, 1), values(1e308, -1e308, 0)).columns[0]]).toEqual([
      Number.MAX_VALUE,
      0,
      1e308
    ])
    expect([...buildFeatureMatrix(spec(1e308, 1), values(-1e308)).columns[0]]).toEqual([-Number.MAX_VALUE])
    // Divided first it fits: 1e308 / 0.5 overflows, 1e308 / 0.5 − 1e308 / 0.5 does not.
    expect([...buildFeatureMatrix(spec(1e308, 0.5), values(1e308)).columns[0]]).toEqual([0])
    // A subnormal std: 1 / 5e-324 is Infinity; the value equal to the mean stays at 0.
    expect([...buildFeatureMatrix(spec(1, 5e-324), values(2, 1, 0)).columns[0]]).toEqual([
      Number.MAX_VALUE,
      0,
      -Number.MAX_VALUE
    ])
  })
})

describe('describeInputs (the input schema shown to users and checked when scoring)', () => {
  it('gives range, 1st and 99th percentiles, median and missing share of numbers on the training rows', () => {
    const [x] = describeInputs(raw, train)
    // Training values 1, 2, 4: p01 at position 0.02 → 1.02, p99 at 1.98 → 3.96.
    expect(x).toEqual({
      name: 'x',
      kind: 'numeric',
      min: 1,
      max: 4,
      p01: 1.02,
      p99: 3.96,
      median: 2,
      missingShare: 0.25
    })
  })

  it('has nulls for a column with no training value', () => {
    const empty = describeInputs(raw, train).find((f) => f.name === 'empty')
    expect(empty).toEqual({
      name: 'empty',
      kind: 'numeric',
      min: null,
      max: null,
      p01: null,
      p99: null,
      median: null,
      missingShare: 1
    })
  })

  it('lists categories sorted, the most frequent and the missing share', () => {
    const fields = describeInputs(raw, train)
    expect(fields.find((f) => f.name === 't')).toEqual({
      name: 't',
      kind: 'categorical',
      categories: ['a', 'b'],
      mostFrequent: 'b',
      missingShare: 0.25
    })
    expect(fields.find((f) => f.name === 'none')).toMatchObject({
      categories: [],
      mostFrequent: null,
      missingShare: 1
    })
  })

  it('has a missing share of 0 without training rows', () => {
    const fields = describeInputs(raw, new Int32Array(0))
    expect(fields.map((f) => f.missingShare)).toEqual([0, 0, 0, 0, 0])
  })
})

describe('sortedNonMissing', () => {
  it('keeps the rows asked for, drops NaN and sorts numerically', () => {
    const values = Float64Array.from([10, NaN, -2, 3, 100])
    expect([...sortedNonMissing(values, [0, 1, 2, 3])]).toEqual([-2, 3, 10])
  })
})

describe('buildFeatureMatrix with a small fixed spec', () => {
  const keptFeatures: FeatureSpec[] = [
    { name: 'Score', kind: 'numeric', source: 'input', median: 650, mean: 600, std: 100 },
    { name: 'Job', kind: 'categorical', source: 'input', levels: ['Business', 'Salaried'], fill: 1 }
  ]
  const keptRaw: RawInputs = {
    numRows: 4,
    numeric: new Map([['Score', Float64Array.of(700, NaN, 500, NaN)]]),
    categorical: new Map<string, (string | null)[]>([['Job', ['Business', null, 'Astronaut', 'Salaried']]])
  }
  it('imputes missing values with the training median and most frequent level by default', () => {
    const m = buildFeatureMatrix(keptFeatures, keptRaw)
    // (x − 600) / 100, a missing score taking the median 650.
    expect(Array.from(m.columns[0])).toEqual([1, 0.5, -1, 0.5])
    expect(Array.from(m.columns[1])).toEqual([0, 1, 1, 1])
    expect(m.imputed).toEqual([2, 1])
    expect(m.unseen).toEqual([0, 1])
  })

  it('leaves missing values NaN for an engine that keeps them, and still maps unseen categories to the most frequent', () => {
    const m = buildFeatureMatrix(keptFeatures, keptRaw, true)
    expect(Array.from(m.columns[0])).toEqual([1, NaN, -1, NaN])
    expect(Array.from(m.columns[1])).toEqual([0, NaN, 1, 1])
    expect(m.imputed).toEqual([2, 1])
    expect(m.unseen).toEqual([0, 1])
  })
})

describe('ColumnSummaries (each column summarised once over one set of rows)', () => {
  it('hands back the same summary for the same column and rows, and summarises again for other rows', () => {
    const summaries = new ColumnSummaries()
    const values = Float64Array.of(3, NaN, 1, 2)
    const text = ['b', null, 'a', 'b']
    const rows = Int32Array.of(0, 1, 2)
    const sorted = summaries.sorted(values, rows)
    const levels = summaries.levels(text, rows)
    expect(Array.from(sorted)).toEqual([1, 3])
    expect(levels).toEqual({ levels: ['a', 'b'], counts: [1, 1], missing: 1 })
    expect(summaries.sorted(values, rows)).toBe(sorted)
    expect(summaries.levels(text, rows)).toBe(levels)
    const others = Int32Array.of(1, 3)
    expect(Array.from(summaries.sorted(values, others))).toEqual([2])
    expect(summaries.levels(text, others)).toEqual({ levels: ['b'], counts: [1], missing: 1 })
  })
})
