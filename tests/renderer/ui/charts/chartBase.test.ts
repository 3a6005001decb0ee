import { describe, expect, it } from 'vitest'
import {
  barTooltip,
  columnChart,
  curveChartOption,
  cutOffLine,
  escapeHtml,
  hoveredIndex,
  hoveredSeries,
  itemTooltip,
  percentAxis,
  percentLabels,
  perModelTooltip,
  title
} from '../../../../src/renderer/src/ui/charts/chartBase'

describe('hovered item', () => {
  it('reads the data and series index from an item or the first of an axis tooltip, else -1', () => {
    expect(hoveredIndex({ dataIndex: 4, seriesIndex: 1 })).toBe(4)
    expect(hoveredSeries({ dataIndex: 4, seriesIndex: 1 })).toBe(1)
    expect(hoveredIndex([{ dataIndex: 2 }, { dataIndex: 9 }])).toBe(2)
    for (const params of [undefined, null, {}, [], { dataIndex: '3' }, 7]) {
      expect(hoveredIndex(params)).toBe(-1)
      expect(hoveredSeries(params)).toBe(-1)
    }
  })

  it("writes the hovered item's first line in bold and the rest under it, escaped; nothing off the items", () => {
    const tooltip = itemTooltip(['A&B', 'C'], (name) => [`Grade ${name}`, `<${name.length} loans>`])
    expect(tooltip({ dataIndex: 0 })).toBe('<b>Grade A&#38;B</b><br>&#60;3 loans&#62;')
    expect(tooltip([{ dataIndex: 1 }])).toBe('<b>Grade C</b><br>&#60;1 loans&#62;')
    expect(tooltip({ dataIndex: 2 })).toBe('')
    expect(tooltip(undefined)).toBe('')
  })

  it('escapes what a tooltip would render as HTML', () => {
    expect(escapeHtml(`<b>"A&B's"</b>`)).toBe('&#60;b&#62;&#34;A&#38;B&#39;s&#34;&#60;/b&#62;')
  })
})

describe('scaffolding', () => {
  it('titles every chart top left at 14 px', () => {
    expect(title('ROC curve')).toEqual({ text: 'ROC curve', left: 0, textStyle: { fontSize: 14 } })
  })

  it('labels shares as whole percentages unless told otherwise', () => {
    const labels = percentLabels()
    expect(labels).toMatchObject({ color: '#303133', fontSize: 12 })
    expect(labels.formatter(0.25)).toBe('25 %')
    expect(percentLabels(1).formatter(0.125)).toBe('12.5 %')
  })

  it('draws percent axes from 0 to 1, named along the middle', () => {
    expect(percentAxis('Recall', 28)).toMatchObject({
      type: 'value',
      min: 0,
      max: 1,
      name: 'Recall',
      nameLocation: 'middle',
      nameGap: 28,
      nameTextStyle: { color: '#606266' }
    })
  })

  it('shades the whole band under a bar tooltip', () => {
    const formatter = (): string => 'x'
    expect(barTooltip(formatter)).toEqual({ trigger: 'axis', axisPointer: { type: 'shadow' }, formatter })
  })

  it('marks a cut-off with a silent dashed line labelled at its end', () => {
    expect(cutOffLine('threshold 35.0 %', 6.5)).toEqual({
      symbol: 'none',
      silent: true,
      lineStyle: { color: '#606266', type: 'dashed' },
      label: { formatter: 'threshold 35.0 %', position: 'end' },
      data: [{ xAxis: 6.5 }]
    })
  })
})

describe('curveChartOption', () => {
  const chart = {
    title: 'ROC curve',
    xName: 'False positive rate',
    yName: 'True positive rate',
    trigger: 'item' as const,
    tooltip: (): string => '',
    series: []
  }

  it('lays out a curve chart: legend below, percent axes, no animation', () => {
    const option = curveChartOption(chart)
    expect(option).toMatchObject({
      animation: false,
      title: { text: 'ROC curve' },
      legend: { bottom: 0, textStyle: { color: '#303133', fontSize: 12 } },
      grid: { left: 60, right: 20, top: 40, bottom: 76 },
      tooltip: { trigger: 'item', formatter: chart.tooltip },
      xAxis: { name: 'False positive rate', nameGap: 28, min: 0, max: 1 },
      yAxis: { name: 'True positive rate', nameGap: 44, min: 0, max: 1 },
      series: []
    })
  })

  it('makes room above and to the right for a mark line label when asked', () => {
    expect(curveChartOption({ ...chart, roomForLabel: true }).grid).toEqual({
      left: 60,
      right: 28,
      top: 60,
      bottom: 76
    })
  })
})

describe('columnChart', () => {
  const items = [
    { grade: 'A', n: 3 },
    { grade: 'B<', n: 1 }
  ]
  const frame = (legend: boolean) =>
    columnChart({
      title: 'Loans',
      items,
      category: (i) => `Grade ${i.grade}`,
      lines: (i) => [i.grade, `${i.n} loans`],
      legend
    })

  it('puts the categories along the bottom in order and the hovered one’s lines in the tooltip', () => {
    const option = frame(false)
    expect(option.animation).toBe(false)
    expect(option.title).toEqual(title('Loans'))
    expect(option.xAxis).toMatchObject({ type: 'category', data: ['Grade A', 'Grade B<'] })
    const tooltip = option.tooltip as { trigger: string; formatter: (p: unknown) => string }
    expect(tooltip.trigger).toBe('axis')
    expect(tooltip.formatter([{ dataIndex: 1 }])).toBe('<b>B&#60;</b><br>1 loans')
    expect(option.legend).toBeUndefined()
  })

  it('names the series under the plot, with room for them, only when asked', () => {
    const plain = frame(false).grid as { bottom: number }
    const withLegend = frame(true)
    expect(withLegend.legend).toMatchObject({ bottom: 0 })
    expect((withLegend.grid as { bottom: number }).bottom).toBeGreaterThan(plain.bottom)
  })
})

describe('perModelTooltip', () => {
  const models = [{ label: '#1 <new>' }, { label: '#2' }]
  const tooltip = perModelTooltip(models, (m, i, k) => (i === 9 ? null : [`${m.label} point ${i} of ${k}`]))

  it('names the hovered model in bold, escaped, above its lines', () => {
    expect(tooltip({ seriesIndex: 0, dataIndex: 3 })).toBe('<b>#1 &#60;new&#62;</b><br>#1 <new> point 3 of 0')
    expect(tooltip([{ seriesIndex: 1, dataIndex: 0 }])).toBe('<b>#2</b><br>#2 point 0 of 1')
  })

  it('says nothing for a reference line, an unknown point, or where there are no lines', () => {
    expect(tooltip({ seriesIndex: 2, dataIndex: 0 })).toBe('')
    expect(tooltip({ seriesIndex: 0 })).toBe('')
    expect(tooltip({ seriesIndex: 0, dataIndex: 9 })).toBe('')
  })
})
