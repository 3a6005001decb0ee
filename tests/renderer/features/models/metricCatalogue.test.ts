import { describe, expect, it } from 'vitest'
import type { BinaryEvaluation } from '../../../../src/shared/evaluation'
import {
  betterOf,
  COMPARISON_FIGURES,
  EVALUATED_ROWS,
  formatMetric,
  metric,
  metricLegend,
  METRICS,
  MODEL_FACTS,
  THRESHOLD
} from '../../../../src/renderer/src/features/models/metricCatalogue'

/** An evaluation with a distinct value in every field the catalogue reads. */
const evaluation = {
  numRows: 600,
  threshold: 0.382,
  auc: 0.8161,
  gini: 0.6322,
  ks: { ks: 0.5131 },
  averagePrecision: 0.4249,
  brier: 0.07553,
  logLoss: 0.2781,
  accuracy: 0.91,
  report: { class1: { f1: 0.4812 } }
} as unknown as BinaryEvaluation

describe('metric catalogue', () => {
  it('names each measure once, with a label, a help sentence and a direction', () => {
    const names = METRICS.map((m) => m.name)
    expect(new Set(names).size).toBe(names.length)
    expect(names).toEqual(['auc', 'gini', 'ks', 'averagePrecision', 'brier', 'logLoss', 'accuracy', 'f1'])
    for (const m of METRICS) {
      expect(m.label).not.toBe('')
      expect(m.help).toMatch(/\.$/)
      expect(m.better === 'higher' || m.better === 'lower').toBe(true)
    }
    // Errors are better low; every other measure is better high.
    expect(METRICS.filter((m) => m.better === 'lower').map((m) => m.name)).toEqual(['brier', 'logLoss'])
  })

  it('reads and writes each figure of an evaluation as the screens show it', () => {
    const shown = Object.fromEntries(MODEL_FACTS.map((f) => [f.name, f.format(f.of(evaluation))]))
    expect(shown).toEqual({
      auc: '0.816',
      gini: '0.632',
      ks: '0.513',
      averagePrecision: '0.425',
      brier: '0.0755',
      logLoss: '0.278',
      accuracy: '91.0 %',
      f1: '0.481',
      threshold: '38.2 %'
    })
    expect(EVALUATED_ROWS.format(EVALUATED_ROWS.of(evaluation))).toBe('600')
    expect(formatMetric('auc', 0.5)).toBe('0.500')
  })

  it('shows the threshold on one model and the evaluated rows beside another', () => {
    expect(MODEL_FACTS.at(-1)).toBe(THRESHOLD)
    expect(COMPARISON_FIGURES.at(-1)).toBe(EVALUATED_ROWS)
    expect(MODEL_FACTS.slice(0, -1)).toEqual(COMPARISON_FIGURES.slice(0, -1))
  })

  it('picks the better of two models by the measure’s direction', () => {
    expect(betterOf(metric('auc'), 0.81, 0.79)).toBe(0)
    expect(betterOf(metric('auc'), 0.79, 0.81)).toBe(1)
    expect(betterOf(metric('brier'), 0.07, 0.08)).toBe(0)
    expect(betterOf(metric('logLoss'), 0.3, 0.2)).toBe(1)
  })

  it('calls no winner where the two read the same, or where the figure has no better side', () => {
    // 0.8161 and 0.8164 both read 0.816: a difference the screen cannot show is no difference.
    expect(betterOf(metric('auc'), 0.8161, 0.8164)).toBeNull()
    expect(betterOf(metric('auc'), 0.8161, 0.8166)).toBe(1)
    expect(betterOf(EVALUATED_ROWS, 600, 400)).toBeNull()
    expect(betterOf(THRESHOLD, 0.3, 0.4)).toBeNull()
  })

  it('writes a legend of the named measures, short labels first', () => {
    expect(metricLegend(['auc', 'brier'])).toBe(
      'AUC: Chance that a defaulter scores above a repayer: 0.5 is guessing, 1 is perfect. Brier: Mean squared error of the probabilities: lower is better.'
    )
  })
})
