import type { FeatureSpec } from '../../model/ModelArtifact'
import { roundPoints, type Characteristic, type ScorecardTable } from '../../model/ScorecardTable'
import { binRouter } from './binRouter'
import { draftCharacteristic, type CharacteristicDraft } from './characteristics'
import { fitLogisticL2 } from './logisticRegression'
import { selectCharacteristics, varianceInflation } from './selection'
import type { BinningOptions } from './woeBinning'

/** The settings of a scorecard (from the training parameters). */
export interface ScorecardOptions {
  pdo: number
  basePoints: number
  baseOdds: number
  minBinShare: number
  maxBins: number
  minIv: number
  l2: number
  /**
   * 'monotone': each numeric characteristic's default rate rises or falls across its bins,
   * whichever fits; 'shaped': a single peak or valley too, where it pays for its turn. On
   * CreditScoring the valleys it found cost 0.005 held-out AUC, so monotone is the default.
   */
  binTrend: 'monotone' | 'shaped'
}

/** Fewest repayers and fewest defaulters in a bin (and in a missing bin with a WoE of its own). */
export const MIN_CLASS_COUNT = 5

/**
 * Fits a points scorecard on training rows (model feature columns, NaN = missing; y 1 =
 * default): every feature binned into WoE bins, selected by information value and
 * correlation, a logistic regression of repaying on the selected WoE columns, the
 * characteristics whose coefficient works against their own binning (≤ 0) left out one at a
 * time and the rest refitted, then points on the PDO scale. Returns the table (the artifact
 * section that the trees and reasons are built from) and notes for the training log.
 */
export function fitScorecard(
  columns: Float64Array[],
  y: Uint8Array,
  features: FeatureSpec[],
  o: ScorecardOptions
): { table: ScorecardTable; notes: string[] } {
  const binning: BinningOptions = {
    minBinShare: o.minBinShare,
    minClass: MIN_CLASS_COUNT,
    maxBins: o.maxBins,
    trends:
      o.binTrend === 'shaped' ? ['ascending', 'descending', 'peak', 'valley'] : ['ascending', 'descending']
  }
  const drafts = features.map((f, i) => draftCharacteristic(columns[i], y, f, i, binning))
  const woe = drafts.map((d) => woeColumn(d, features[d.featureIndex], columns[d.featureIndex]))
  const selection = selectCharacteristics(
    drafts.map((d, i) => ({ feature: d.feature, iv: d.iv, woe: woe[i] })),
    o.minIv
  )
  const notes = [...selection.notes]
  const dropped: ScorecardTable['dropped'] = selection.dropped.map((d) => ({
    feature: drafts[d.index].feature,
    iv: drafts[d.index].iv,
    reason: d.reason
  }))
  const repaid = y.map((v) => 1 - v)
  let kept = selection.kept
  let fit = fitLogisticL2(
    kept.map((i) => woe[i]),
    repaid,
    o.l2
  )
  for (;;) {
    const wrong = kept.filter((_, j) => !(fit.coefficients[j] > 0))
    if (wrong.length === 0 || kept.length === 1) break
    // The weakest of the wrong-signed goes first; the others may right themselves without it.
    const out = wrong.reduce((a, b) => (drafts[b].iv < drafts[a].iv ? b : a))
    const coefficient = fit.coefficients[kept.indexOf(out)]
    dropped.push({
      feature: drafts[out].feature,
      iv: drafts[out].iv,
      reason: `its coefficient came out ${coefficient.toFixed(3)} (≤ 0): beside the others it works against its own binning`
    })
    kept = kept.filter((i) => i !== out)
    fit = fitLogisticL2(
      kept.map((i) => woe[i]),
      repaid,
      o.l2
    )
  }
  if (!(fit.coefficients[0] > 0)) {
    notes.push(
      `The only characteristic left, ${drafts[kept[0]].feature}, has a coefficient of ${fit.coefficients[0].toFixed(3)} (≤ 0): its points run against its binning.`
    )
  }
  for (const d of dropped) notes.push(`${d.feature} is left out: ${d.reason}.`)
  const vif = varianceInflation(kept.map((i) => woe[i]))
  kept.forEach((i, j) => {
    const v = vif[j]
    if (v !== null && v > 5)
      notes.push(`${drafts[i].feature}'s WoE has a variance inflation factor of ${v.toFixed(1)}.`)
  })
  const factor = o.pdo / Math.LN2
  const offset = o.basePoints - factor * Math.log(o.baseOdds)
  // The intercept's points are spread evenly over the characteristics.
  const share = (offset + factor * fit.intercept) / kept.length
  const characteristics: Characteristic[] = kept.map((i, j) => {
    const d = drafts[i]
    const coefficient = fit.coefficients[j]
    return {
      feature: d.feature,
      kind: d.kind,
      trend: d.trend,
      iv: d.iv,
      coefficient,
      vif: vif[j],
      ...(d.splits ? { splits: d.splits } : {}),
      bins: d.bins.map((b) => {
        const margin = -coefficient * b.woe
        const pointsExact = share - factor * margin
        return { ...b, margin, pointsExact, points: roundPoints(pointsExact) }
      }),
      notes: d.notes
    }
  })
  const table: ScorecardTable = {
    pdo: o.pdo,
    basePoints: o.basePoints,
    baseOdds: o.baseOdds,
    factor,
    offset,
    intercept: fit.intercept,
    characteristics,
    dropped
  }
  return { table, notes }
}

/** The WoE of each row's bin. */
function woeColumn(d: CharacteristicDraft, feature: FeatureSpec, column: Float64Array): Float64Array {
  const route = binRouter(d, feature)
  const out = new Float64Array(column.length)
  for (let i = 0; i < column.length; i++) out[i] = d.bins[route(column[i])].woe
  return out
}
