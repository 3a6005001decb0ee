import { describe, expect, it } from 'vitest'
import { fitScorecard, type ScorecardOptions } from '../../../../../src/main/core/ml/scorecard/fitScorecard'
import { explainScorecardOf } from '../../../../../src/main/core/ml/scorecard/explainScorecard'
import { featureIndexOf, scorecardEnsemble } from '../../../../../src/main/core/ml/scorecard/scorecardTrees'
import { informationValue, weightOfEvidence } from '../../../../../src/main/core/ml/scorecard/woe'
import { deserializeEnsemble, serializeEnsemble } from '../../../../../src/main/core/model/ensembleFormat'
import {
  scoreToDefaultProbability,
  type Characteristic,
  type ScorecardTable
} from '../../../../../src/main/core/model/ScorecardTable'
import {
  ensembleMargins,
  predictEnsemble,
  type TreeEnsemble
} from '../../../../../src/main/core/model/TreeEnsemble'
import { CompiledForest } from '../../../../../src/main/core/scoring/CompiledForest'
import { forestShapPrepared, prepareForestShap } from '../../../../../src/main/core/scoring/linearTreeShap'
import { rawValue, scorecardData, type ScorecardData } from './scorecardData'

const OPTIONS: ScorecardOptions = {
  pdo: 20,
  basePoints: 600,
  baseOdds: 50,
  minBinShare: 0.05,
  maxBins: 8,
  minIv: 0.02,
  l2: 1,
  binTrend: 'monotone'
}

const data = scorecardData(6000, 21)
const n = data.y.length
/**
 * The scorecard fitted to `data`, fitted in each test that reads it: Stryker counts only what a
 * test runs as covered by it, so a fit made when the file was collected left these checks out
 * of the mutation run.
 */
function fitted(): { table: ScorecardTable; notes: string[]; ensemble: TreeEnsemble } {
  const { table, notes } = fitScorecard(data.columns, data.y, data.features, OPTIONS)
  return { table, notes, ensemble: scorecardEnsemble(table, data.features) }
}

/**
 * The bin of a row found from the printed table alone, in the characteristic's own units:
 * a number in (from, to], a category in the bin listing it, missing in the last bin. It
 * does not use the trees' thresholds, so it checks that the table and the trees agree.
 */
function printedBin(c: Characteristic, d: ScorecardData, r: number): number {
  const v = rawValue(d, featureIndexOf(c, d.features), r)
  if (v === null) return c.bins.length - 1
  const k = c.bins.findIndex((b) =>
    typeof v === 'number'
      ? !b.missing &&
        (b.from === null || b.from === undefined || v > b.from) &&
        (b.to === null || b.to === undefined || v <= b.to)
      : (b.categories ?? []).includes(v)
  )
  if (k < 0) throw new Error(`row ${r}: ${c.feature} = ${v} is in no printed bin`)
  return k
}

/** P(default) from the logistic regression as the table states it: 1 − σ(intercept + Σ coefficient × WoE). */
function logisticProbability(t: ScorecardTable, d: ScorecardData, r: number): number {
  let lnOddsRepay = t.intercept
  for (const c of t.characteristics) lnOddsRepay += c.coefficient * c.bins[printedBin(c, d, r)].woe
  return 1 / (1 + Math.exp(lnOddsRepay))
}

describe('fitScorecard', () => {
  it("gives the trees the logistic regression's probability on every row", () => {
    const { table, ensemble } = fitted()
    const p = predictEnsemble(ensemble, data.columns, n)
    for (let r = 0; r < n; r++)
      expect(Math.abs(p[r] - logisticProbability(table, data, r))).toBeLessThan(1e-12)
  })

  it('counts every training row in exactly one printed bin of each characteristic', () => {
    const { table } = fitted()
    for (const c of table.characteristics) {
      const counts = c.bins.map(() => ({ rows: 0, defaults: 0 }))
      for (let r = 0; r < n; r++) {
        const k = printedBin(c, data, r)
        counts[k].rows++
        counts[k].defaults += data.y[r]
      }
      expect(counts).toEqual(c.bins.map((b) => ({ rows: b.count, defaults: b.defaults })))
    }
  })

  it('states WoE and IV as the counts give them, with a small missing bin scored as average', () => {
    const { table } = fitted()
    for (const c of table.characteristics) {
      const counts = c.bins.map((b) => ({ good: b.count - b.defaults, bad: b.defaults }))
      const total = { good: n - data.y.reduce((s, v) => s + v, 0), bad: data.y.reduce((s, v) => s + v, 0) }
      c.bins.forEach((b, k) => {
        const neutral = b.missing && (counts[k].good < 5 || counts[k].bad < 5)
        expect(b.woe).toBeCloseTo(neutral ? 0 : weightOfEvidence(counts[k], total), 12)
      })
      expect(c.iv).toBeCloseTo(
        informationValue(
          counts,
          total,
          c.bins.map((b) => b.woe)
        ),
        12
      )
    }
  })

  it('sums the points of a row to its score, which states the probability', () => {
    const { table, ensemble } = fitted()
    const p = predictEnsemble(ensemble, data.columns, n)
    const m = table.characteristics.length
    for (let r = 0; r < n; r++) {
      let exact = 0
      let printed = 0
      for (const c of table.characteristics) {
        const bin = c.bins[printedBin(c, data, r)]
        exact += bin.pointsExact
        printed += bin.points
      }
      // score = offset + factor × ln(odds of repaying), offset = 600 − 20/ln 2 × ln 50.
      expect(exact).toBeCloseTo(
        600 - (20 / Math.LN2) * Math.log(50) + (20 / Math.LN2) * Math.log((1 - p[r]) / p[r]),
        8
      )
      expect(Math.abs(scoreToDefaultProbability(table, exact) - p[r])).toBeLessThan(1e-12)
      // Printed points are each within half a point of the exact ones.
      expect(Math.abs(printed - exact)).toBeLessThanOrEqual(m / 2)
    }
    // 600 points is 50:1 and 620 is 100:1.
    expect(scoreToDefaultProbability(table, 600)).toBeCloseTo(1 / 51, 12)
    expect(scoreToDefaultProbability(table, 620)).toBeCloseTo(1 / 101, 12)
  })

  it('finds the signal and leaves the noise out', () => {
    const { table, notes } = fitted()
    const kept = table.characteristics.map((c) => c.feature)
    expect(kept).toEqual(expect.arrayContaining(['Score', 'Debt', 'Occupation', 'Age']))
    expect(kept).not.toContain('Noise')
    expect(table.dropped.find((d) => d.feature === 'Noise')?.reason).toMatch(
      /information value .* below 0.02/
    )
    for (const c of table.characteristics) expect(c.coefficient).toBeGreaterThan(0)
    expect(notes.some((s) => /Noise is left out/.test(s))).toBe(true)
  })

  it('bins the score with missing values apart, at their own risk', () => {
    const { table } = fitted()
    const score = table.characteristics.find((c) => c.feature === 'Score')!
    const missing = score.bins[score.bins.length - 1]
    const scored = score.bins.slice(0, -1).map((b) => b.woe)
    expect(missing.missing).toBe(true)
    expect(missing.count).toBeGreaterThan(150)
    // No history is drawn riskier than a 500–650 score and safer than one below 500.
    expect(missing.woe).toBeLessThan(-0.2)
    expect(missing.woe).toBeGreaterThan(Math.min(...scored))
    expect(score.trend).toBe('descending')
    expect(table.characteristics.find((c) => c.feature === 'Debt')!.trend).toBe('ascending')
  })

  it("bins the age's U-shaped risk as a valley only when shapes are allowed", () => {
    const { table } = fitted()
    const age = (t: ScorecardTable): Characteristic => t.characteristics.find((c) => c.feature === 'Age')!
    expect(['ascending', 'descending']).toContain(age(table).trend)
    const shaped = fitScorecard(data.columns, data.y, data.features, { ...OPTIONS, binTrend: 'shaped' }).table
    expect(age(shaped).trend).toBe('valley')
    // The valley's rates fall, then rise.
    const rates = age(shaped)
      .bins.slice(0, -1)
      .map((b) => b.defaults / b.count)
    const low = rates.indexOf(Math.min(...rates))
    expect(low).toBeGreaterThan(0)
    expect(low).toBeLessThan(rates.length - 1)
  })

  it('puts the rare occupations together and sends unseen ones to the most frequent', () => {
    const { table } = fitted()
    const occupation = table.characteristics.find((c) => c.feature === 'Occupation')!
    const binOf = (level: string): number => occupation.bins.findIndex((b) => b.categories?.includes(level))
    expect(binOf('Farmer')).toBe(binOf('Artist'))
    expect(occupation.notes).toContain('Categories not seen in training score as "Salaried".')
  })

  it('explains a row by the points lost against each best bin, adding up to its margin', () => {
    const { table, ensemble } = fitted()
    const explain = explainScorecardOf({ features: data.features, scorecard: table })!
    const margins = ensembleMargins(ensemble, data.columns, n)
    const phi = new Float64Array(data.features.length)
    const x = new Float64Array(data.features.length)
    for (let r = 0; r < n; r += 7) {
      for (let f = 0; f < x.length; f++) x[f] = data.columns[f][r]
      const base = explain(x, phi)
      expect(Math.abs(base + phi.reduce((s, v) => s + v, 0) - margins[r])).toBeLessThan(1e-12)
      for (const c of table.characteristics) {
        const f = featureIndexOf(c, data.features)
        const best = Math.max(...c.bins.map((b) => b.pointsExact))
        const lost = best - c.bins[printedBin(c, data, r)].pointsExact
        expect(phi[f]).toBeGreaterThanOrEqual(0)
        expect(phi[f] * table.factor).toBeCloseTo(lost, 9)
      }
      expect(phi[data.features.findIndex((f) => f.name === 'Noise')]).toBe(0)
    }
  })

  it('is the same table for the same rows', () => {
    const { table } = fitted()
    expect(fitScorecard(data.columns, data.y, data.features, OPTIONS).table).toEqual(table)
  })

  it('scores the same stored, compiled for batches and through TreeSHAP', () => {
    const { ensemble } = fitted()
    const margins = ensembleMargins(ensemble, data.columns, n)
    const stored = deserializeEnsemble(serializeEnsemble(ensemble))
    expect(ensembleMargins(stored, data.columns, n)).toEqual(margins)
    const compiled = CompiledForest.compile(stored).predict(data.columns, n, true)
    expect(compiled.raw).toEqual(margins)
    const shap = prepareForestShap(stored)
    const x = new Float64Array(data.features.length)
    for (let r = 0; r < n; r += 11) {
      for (let f = 0; f < x.length; f++) x[f] = data.columns[f][r]
      const s = forestShapPrepared(shap, x)
      expect(Math.abs(s.base + s.phi.reduce((a, v) => a + v, 0) - margins[r])).toBeLessThan(1e-12)
    }
  })
})
