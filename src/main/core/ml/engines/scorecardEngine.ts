import type { TrainParams } from '../../../../shared/params/trainParams'
import { explainScorecardOf } from '../scorecard/explainScorecard'
import { fitScorecard, type ScorecardOptions } from '../scorecard/fitScorecard'
import { scorecardEnsemble } from '../scorecard/scorecardTrees'
import type { Engine } from './Engine'

/**
 * The industry's logistic points scorecard (ml/scorecard): WoE bins per characteristic,
 * selection by information value, an L2 logistic regression on the WoE columns, points on
 * the PDO scale; expressed as one small tree per characteristic, so the pipeline, scoring,
 * storage and export take it as any ensemble. It reads missing values itself (a missing
 * bin per characteristic) and explains a score by the points each characteristic lost
 * against its best bin. It keeps no out-of-bag record: the pipeline cross-fits.
 *
 * It fits on the real rows only (acceptsSmote: false): SMOTE's synthetic rows shift every
 * bin's WoE and the intercept towards the balanced odds, so the points would no longer
 * state the real odds, and its interpolated rows blur the bins: on 10,000 generated rows it
 * cost 0.064 held-out AUC (0.838 → 0.771). Scorecards are not built on resampled rows.
 */
export const scorecardEngine: Engine = {
  id: 'scorecard',
  label: 'Points scorecard (WoE logistic regression)',
  keepsMissing: true,
  acceptsSmote: false,
  explainer: explainScorecardOf,
  describe: (p, artifact) => {
    const n = artifact?.scorecard?.characteristics.length
    return n === undefined
      ? `Scorecard, up to ${p.maxBins} bins (${p.basePoints} at ${p.baseOdds}:1, ${p.pdo} PDO)`
      : `Scorecard, ${n} characteristic${n === 1 ? '' : 's'}`
  },
  estimateSeconds: (fitRows) => ({
    // Six fits (the model and the five cross-fitted fold models the pipeline needs for
    // calibration); one fit measured 0.47 s on 8,000 rows and 2.5 s on 80,000 (19 features).
    seconds: 6 * (0.05 + fitRows * 3e-5),
    note: 'The scorecard fits in seconds; the pipeline fits it six times (five folds score the training rows for calibration).'
  }),
  // The bank's own scale is kept; the search varies how finely characteristics are binned.
  candidates: (p) => [
    { ...p, engine: 'scorecard', smote: false, maxBins: 8, minBinShare: 0.05 },
    { ...p, engine: 'scorecard', smote: false, maxBins: 5, minBinShare: 0.08 }
  ],
  // The simplest model there is: a table of points a person can add up.
  complexity: (p) => 1 + p.maxBins * 1e-3,
  async train({ fitRows, features, params, onProgress }) {
    onProgress?.(0, 1)
    const fit = fitRows()
    const { table, notes } = fitScorecard(fit.columns, fit.y, features, scorecardOptions(params))
    onProgress?.(1, 1)
    return {
      ensemble: scorecardEnsemble(table, features),
      outOfBag: null,
      notes,
      artifact: { scorecard: table }
    }
  }
}

/** The scorecard's settings among the training parameters. */
export function scorecardOptions(p: TrainParams): ScorecardOptions {
  return {
    pdo: p.pdo,
    basePoints: p.basePoints,
    baseOdds: p.baseOdds,
    minBinShare: p.minBinShare,
    maxBins: p.maxBins,
    minIv: p.minIv,
    l2: p.l2,
    binTrend: p.binTrend
  }
}
