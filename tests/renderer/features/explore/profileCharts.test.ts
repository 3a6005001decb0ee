import { describe, expect, it } from 'vitest'
import type { CategoricalProfile, DatasetProfile, NumericProfile } from '../../../../src/shared/dto'
import {
  barChartHeight,
  boxByClassOption,
  categoryRateOption,
  columnsWithMissing,
  correlationOption,
  histogramOption,
  missingOption,
  targetCorrelations
} from '../../../../src/renderer/src/features/explore/profileCharts'

const income: NumericProfile = {
  name: 'Annual_Income',
  kind: 'numeric',
  count: 90,
  missing: 10,
  distinct: 80,
  mean: 500_000,
  std: 100_000,
  min: 100_000,
  q1: 300_000,
  median: 450_000,
  q3: 700_000,
  max: 1_000_000,
  histogram: {
    edges: [100_000, 400_000, 700_000, 1_000_000],
    counts: [40, 30, 20],
    countsByClass: [
      [30, 28, 20],
      [10, 2, 0]
    ]
  },
  boxByClass: [
    { count: 78, min: 1, q1: 2, median: 3, q3: 4, max: 5, mean: 3, lowerWhisker: 1, upperWhisker: 5 },
    null
  ],
  missingDefaultRate: 0.2
}

const region: CategoricalProfile = {
  name: 'Region',
  kind: 'categorical',
  count: 100,
  missing: 0,
  distinct: 2,
  top: [
    { value: 'North', count: 60, defaults: 6, defaultRate: 0.1 },
    { value: 'South', count: 40, defaults: 8, defaultRate: 0.2 }
  ],
  missingDefaultRate: null
}

const profile: DatasetProfile = {
  numRows: 100,
  target: 'Default',
  positiveClass: '1',
  defaultRate: 0.14,
  positives: 14,
  columns: [income, region],
  correlation: {
    names: ['Annual_Income', 'Default'],
    matrix: [
      [1, -0.3],
      [-0.3, 1]
    ]
  }
}

function series(option: ReturnType<typeof histogramOption>): Record<string, unknown>[] {
  return option.series as Record<string, unknown>[]
}

describe('histogramOption', () => {
  it('stacks the repaid and defaulted counts of each bin', () => {
    const [repaid, defaulted] = series(histogramOption(income))
    expect(repaid).toMatchObject({ name: 'Repaid', data: [30, 28, 20], stack: 'class' })
    expect(defaulted).toMatchObject({ name: 'Defaulted', data: [10, 2, 0], stack: 'class' })
  })

  it('overlays each outcome’s share of its own loans in share mode', () => {
    const [repaid, defaulted] = series(histogramOption(income, 'share'))
    expect(repaid.stack).toBeUndefined()
    expect((defaulted.data as number[]).map((x) => Math.round(x * 100))).toEqual([83, 17, 0])
    expect((repaid.data as number[]).reduce((a, b) => a + b, 0)).toBeCloseTo(1)
  })

  it('labels bins by their lower edge, in rupees for a money column', () => {
    const xAxis = histogramOption(income).xAxis as { data: string[] }
    expect(xAxis.data).toEqual(['₹1 L', '₹4 L', '₹7 L'])
  })
})

describe('boxByClassOption', () => {
  it('draws Tukey boxes per class and leaves a class without values empty', () => {
    const [box] = series(boxByClassOption(income))
    expect(box.data).toEqual([
      expect.objectContaining({ name: 'Repaid', value: [1, 2, 3, 4, 5] }),
      expect.objectContaining({ name: 'Defaulted', value: [] })
    ])
  })
})

describe('categoryRateOption', () => {
  it('shows each category’s default rate, most frequent on top, with the overall rate marked', () => {
    const option = categoryRateOption(region, 0.14)
    expect((option.yAxis as { data: string[] }).data).toEqual(['South', 'North'])
    const [bars] = series(option)
    expect(bars.data).toEqual([0.2, 0.1])
    expect(bars.markLine).toMatchObject({ data: [{ xAxis: 0.14 }] })
  })

  it('makes room for every bar', () => {
    expect(barChartHeight(30)).toBeGreaterThan(barChartHeight(5))
    expect(barChartHeight(1)).toBe(220)
  })
})

describe('correlationOption', () => {
  it('places r of every pair on the grid, rounded, with NaN left blank', () => {
    const option = correlationOption({
      names: ['a', 'b'],
      matrix: [
        [1, Number.NaN],
        [Number.NaN, 1]
      ]
    })
    const [heatmap] = series(option)
    expect(heatmap.data).toEqual([
      [0, 0, 1],
      [1, 0, null],
      [0, 1, null],
      [1, 1, 1]
    ])
    expect(option.visualMap).toMatchObject({ min: -1, max: 1 })
  })
})

describe('missing values', () => {
  it('charts only the columns with missing values, as shares of the rows', () => {
    expect(columnsWithMissing(profile).map((c) => c.name)).toEqual(['Annual_Income'])
    const option = missingOption(profile)
    expect((option.yAxis as { data: string[] }).data).toEqual(['Annual_Income'])
    expect(series(option)[0].data).toEqual([0.1])
  })
})

describe('targetCorrelations', () => {
  it('lists the columns by the strength of their link with the target, either sign, skipping undefined r', () => {
    const correlation = {
      names: ['Age', 'Income', 'Score', 'Flat', 'Default'],
      matrix: [[], [], [], [], [0.1, -0.4, 0.25, Number.NaN, 1]]
    }
    expect(targetCorrelations(correlation)).toEqual([
      { name: 'Income', r: -0.4 },
      { name: 'Score', r: 0.25 },
      { name: 'Age', r: 0.1 }
    ])
    expect(targetCorrelations(correlation, 1)).toEqual([{ name: 'Income', r: -0.4 }])
  })
})
