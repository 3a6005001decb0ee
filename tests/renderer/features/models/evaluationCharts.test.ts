import { describe, expect, it } from 'vitest'
import type { BinaryEvaluation, CalibrationBin } from '../../../../src/shared/evaluation'
import {
  calibrationOption,
  confusionCells,
  ksOption,
  precisionRecallOption,
  probabilityHistogramOption,
  rocOption
} from '../../../../src/renderer/src/features/models/evaluationCharts'

describe('evaluation charts', () => {
  it('shades each confusion cell by the share of its actual class', () => {
    const cells = confusionCells({ tn: 90, fp: 10, fn: 5, tp: 15 })
    expect(cells.map((c) => [c.actual, c.predicted, c.count])).toEqual([
      [0, 0, 90],
      [0, 1, 10],
      [1, 0, 5],
      [1, 1, 15]
    ])
    expect(cells.map((c) => c.shareOfActual)).toEqual([0.9, 0.1, 0.25, 0.75])
    expect(confusionCells({ tn: 0, fp: 0, fn: 0, tp: 0 }).every((c) => c.shareOfActual === 0)).toBe(true)
  })

  it('overlays one ROC curve per model, with the AUC in its name, and the chance line', () => {
    const metrics = {
      auc: 0.8123,
      roc: { fpr: [0, 0.5, 1], tpr: [0, 0.9, 1], thresholds: [2, 0.4, 0], auc: 0.8123 }
    } as BinaryEvaluation
    const option = rocOption([
      { label: '#1', color: 'blue', metrics },
      { label: '#2', color: 'orange', metrics }
    ])
    const series = option.series as { name: string; data: number[][] }[]
    expect(series.map((s) => s.name)).toEqual(['#1: AUC 0.812', '#2: AUC 0.812', 'Chance'])
    expect(series[0].data).toEqual([
      [0, 0],
      [0.5, 0.9],
      [1, 1]
    ])
  })

  it('marks the threshold between the histogram bins it falls in', () => {
    const option = probabilityHistogramOption(
      { edges: [0, 0.25, 0.5, 0.75, 1], negative: [8, 1, 1, 0], positive: [1, 1, 2, 4] },
      0.5
    )
    const series = option.series as { data: number[]; markLine?: { data: { xAxis: number }[] } }[]
    // Shares within each class, not counts: the classes are unbalanced.
    expect(series[0].data).toEqual([0.8, 0.1, 0.1, 0])
    expect(series[1].data).toEqual([0.125, 0.125, 0.25, 0.5])
    // Bin i is centred at i on a category axis: 0.5 lies between bins 1 and 2.
    expect(series[1].markLine?.data[0].xAxis).toBe(1.5)
  })
})

describe('curve chart tooltips and layout', () => {
  const metrics = {
    auc: 0.8123,
    averagePrecision: 0.61,
    positiveRate: 0.2,
    roc: { fpr: [0, 0.5, 1], tpr: [0, 0.9, 1], thresholds: [2, 0.4, 0], auc: 0.8123 },
    precisionRecall: { precision: [0.6, 0.3], recall: [0.5, 1], thresholds: [0.4] }
  } as BinaryEvaluation
  const models = [{ label: '#1', color: 'blue', metrics }]
  const formatter = (option: { tooltip?: unknown }): ((params: unknown) => string) =>
    (option.tooltip as { formatter: (params: unknown) => string }).formatter

  it('tells the threshold and both rates of a hovered ROC point, and nothing on the chance line', () => {
    const option = rocOption(models)
    const tip = formatter(option)
    expect(tip({ seriesIndex: 0, dataIndex: 1 })).toBe(
      '<b>#1</b><br>Flag when p ≥ 40.0 %<br>Defaulters caught: 90.0 %<br>Good borrowers flagged: 50.0 %'
    )
    expect(tip({ seriesIndex: 0, dataIndex: 0 })).toContain('Flag when p ≥ never')
    expect(tip({ seriesIndex: 1, dataIndex: 0 })).toBe('')
    expect(option.grid).toEqual({ left: 60, right: 20, top: 40, bottom: 76 })
    expect(option.xAxis).toMatchObject({
      name: 'False positive rate (good borrowers flagged)',
      min: 0,
      max: 1
    })
  })

  it('says "Flag nobody" past the last precision-recall threshold, and draws the no-skill line at the default rate', () => {
    const option = precisionRecallOption(models)
    expect(formatter(option)({ seriesIndex: 0, dataIndex: 1 })).toBe(
      '<b>#1</b><br>Flag nobody<br>Defaulters caught (recall): 100.0 %<br>Flagged who default (precision): 30.0 %'
    )
    const series = option.series as { name: string; data: number[][] }[]
    expect(series[1]).toMatchObject({
      name: 'No skill (default rate 20.0 %)',
      data: [
        [0, 0.2],
        [1, 0.2]
      ]
    })
  })

  it('marks the KS gap and leaves room for its label', () => {
    const option = ksOption({
      ks: 0.42,
      threshold: 0.3,
      curve: { thresholds: [0.1, 0.3, 0.9], cdfPositive: [0.05, 0.2, 1], cdfNegative: [0.3, 0.62, 1] }
    })
    expect(option.grid).toEqual({ left: 60, right: 28, top: 60, bottom: 76 })
    expect((option.tooltip as { trigger: string }).trigger).toBe('axis')
    expect(formatter(option)([{ dataIndex: 1 }])).toBe(
      '<b>Cut-off 30.0 %</b><br>Defaulters below: 20.0 %<br>Repaid below: 62.0 %<br>Gap: 42.0 %'
    )
    const [defaulted] = option.series as { markLine: { label: { formatter: string }; data: unknown[] } }[]
    expect(defaulted.markLine.label.formatter).toBe('KS 0.420 at 30.0 %')
    expect(defaulted.markLine.data).toEqual([{ xAxis: 0.3 }])
  })

  it('describes the hovered calibration bin, skipping empty bins', () => {
    const bin = (lower: number, count: number): CalibrationBin => ({
      lower,
      upper: lower + 0.5,
      count,
      meanPredicted: lower + 0.2,
      fractionPositive: lower + 0.1
    })
    const option = calibrationOption([{ label: '#1', color: 'blue', bins: [bin(0, 0), bin(0.5, 40)] }])
    // The empty bin is not drawn, so point 0 is the second bin.
    expect(formatter(option)({ seriesIndex: 0, dataIndex: 0 })).toBe(
      '<b>#1</b><br>Probabilities 50 % – 100 %: 40 loans<br>Predicted on average: 70.0 %<br>Actually defaulted: 60.0 %'
    )
    expect(formatter(option)({ seriesIndex: 0, dataIndex: 1 })).toBe('')
  })
})
