import { describe, expect, it } from 'vitest'
import {
  axisPointerValue,
  clickedCutoff,
  STRATEGY_PANELS,
  strategyChartOption
} from '../../../../src/renderer/src/features/strategy/strategyCharts'
import { point } from './fixtures'

interface AxisShape {
  gridIndex: number
  max: number
  min?: number
  axisPointer: { value: number; handle: { show: boolean } }
}
interface SeriesShape {
  name: string
  xAxisIndex: number
  data: [number, number | null][]
  markLine?: { data: { xAxis: number }[] }
}

const curve = [
  point(0.05, {
    approvalRate: 0.3,
    badRate: 0.01,
    expectedBadRate: 0.02,
    expectedLoss: 1e5,
    expectedProfit: 4e5
  }),
  point(0.1, {
    approvalRate: 0.6,
    badRate: 0.03,
    expectedBadRate: 0.04,
    expectedLoss: 5e5,
    expectedProfit: 6e5
  }),
  point(0.2, {
    approvalRate: 0.99,
    badRate: 0.07,
    expectedBadRate: 0.08,
    expectedLoss: 2e6,
    expectedProfit: -1e5
  }),
  point(1, { approvalRate: 1, badRate: 0.1, expectedBadRate: 0.1, expectedLoss: 3e6, expectedProfit: -9e5 })
]
const option = strategyChartOption({ curve, chosen: 0.1, threshold: 0.2, recommended: 0.05 })
const xAxes = option.xAxis as AxisShape[]
const yAxes = option.yAxis as AxisShape[]
const series = option.series as SeriesShape[]

describe('the strategy chart', () => {
  it('draws four panels over one cut-off axis that ends past the 98 % approval point', () => {
    expect(STRATEGY_PANELS).toBe(4)
    expect((option.grid as unknown[]).length).toBe(4)
    expect(xAxes.map((a) => [a.gridIndex, a.max])).toEqual([
      [0, 0.25],
      [1, 0.25],
      [2, 0.25],
      [3, 0.25]
    ])
  })

  it('puts approvals, both bad rates, the loss and the profit each on its panel, point by point', () => {
    expect(series.map((s) => [s.name, s.xAxisIndex])).toEqual([
      ['Approved', 0],
      ['Bad rate, observed', 1],
      ['Bad rate, expected', 1],
      ['Expected loss', 2],
      ['Expected profit', 3]
    ])
    expect(series[0].data).toEqual([
      [0.05, 0.3],
      [0.1, 0.6],
      [0.2, 0.99],
      [1, 1]
    ])
    expect(series[4].data.map(([, v]) => v)).toEqual([4e5, 6e5, -1e5, -9e5])
  })

  it('lets the profit panel go below zero while the share panels start at zero', () => {
    expect(yAxes.map((a) => a.min)).toEqual([0, 0, undefined, undefined])
  })

  it('marks the chosen cut-off, the current threshold and the recommended cut-off on every panel', () => {
    const marked = series.filter((s) => s.markLine)
    expect(marked.map((s) => s.xAxisIndex)).toEqual([0, 1, 2, 3])
    for (const s of marked) expect(s.markLine!.data.map((d) => d.xAxis)).toEqual([0.1, 0.2, 0.05])
  })

  it('has one handle, under the bottom axis, at the chosen cut-off', () => {
    expect(xAxes.map((a) => a.axisPointer.handle.show)).toEqual([false, false, false, true])
    expect(xAxes.every((a) => a.axisPointer.value === 0.1)).toBe(true)
  })

  it('draws one mark with both names when the recommendation is the current threshold', () => {
    const same = strategyChartOption({ curve, chosen: 0.1, threshold: 0.2, recommended: 0.2 })
    const top = (
      same.series as { markLine: { data: { xAxis: number; label: { formatter: string } }[] } }[]
    )[0]
    expect(top.markLine.data.map((d) => d.xAxis)).toEqual([0.1, 0.2])
    expect(top.markLine.data[1].label.formatter).toBe('now and recommended 20.0 %')
  })

  it('leaves out the recommended mark when there is no recommendation', () => {
    const bare = strategyChartOption({ curve, chosen: 0.1, threshold: 0.2, recommended: null })
    expect((bare.series as SeriesShape[])[0].markLine!.data.map((d) => d.xAxis)).toEqual([0.1, 0.2])
  })
})

describe('reading where the user put the cut-off', () => {
  it('takes the x value of an axis-pointer event', () => {
    expect(axisPointerValue({ axesInfo: [{ axisDim: 'x', axisIndex: 3, value: 0.085 }] })).toBe(0.085)
    expect(
      axisPointerValue({
        axesInfo: [
          { axisDim: 'y', value: 3 },
          { axisDim: 'x', value: '0.2' }
        ]
      })
    ).toBe(0.2)
  })

  it('ignores events that carry no x value', () => {
    expect(axisPointerValue(null)).toBeNull()
    expect(axisPointerValue({ axesInfo: [] })).toBeNull()
    expect(axisPointerValue({ axesInfo: [{ axisDim: 'x', value: 'n/a' }] })).toBeNull()
  })

  it('turns a click on a panel into its cut-off, kept within 0–100 %', () => {
    const asked: number[] = []
    const convert = (grid: number): number[] | null => {
      asked.push(grid)
      return grid === 2 ? [0.31, 12345] : null
    }
    expect(clickedCutoff({ offsetX: 400, offsetY: 250 }, 4, convert)).toBe(0.31)
    expect(asked).toEqual([0, 1, 2])
    expect(clickedCutoff({ offsetX: 1, offsetY: 1 }, 4, () => [1.4, 0])).toBe(1)
    expect(clickedCutoff({ offsetX: 1, offsetY: 1 }, 4, () => null)).toBeNull()
    expect(clickedCutoff('not an event', 4, () => [0.5])).toBeNull()
  })
})
