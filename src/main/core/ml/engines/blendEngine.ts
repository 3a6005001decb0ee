import type { TrainParams } from '../../../../shared/params/trainParams'
import type { FlatTree } from '../../model/FlatTree'
import type { TreeEnsemble } from '../../model/TreeEnsemble'
import type { Engine, EngineTrainInput } from './Engine'
import { gbmEngine } from './gbmEngine'
import { scorecardEngine } from './scorecardEngine'

/**
 * The mean of two models' log-odds: our gradient-boosted trees and the points scorecard,
 * each fitted with its own settings (the two read disjoint fields of the training
 * parameters, so one parameter set holds both). Both add leaf margins and apply the
 * logistic link, so half of each tree's leaves plus half of each bias is one ensemble of
 * the same kind: scoring, TreeSHAP reasons (additive over trees), the compiled batch walk,
 * storage and ONNX export take it as any boosted model. Why it exists: on 800 to 8,000
 * training rows `auto`'s cross-validation cannot tell a scorecard from boosting reliably
 * (bench/real/autoSelection.ts), and the blend of the two ranked better on the held-out rows
 * than either alone on every real file measured.
 *
 * Like the scorecard it fits on the real rows only, and it reads missing values itself.
 */
export const blendEngine: Engine = {
  id: 'blend',
  label: 'Blend: boosted trees + points scorecard',
  keepsMissing: true,
  acceptsSmote: false,
  describe: (p) =>
    `Blend: boosted trees ${p.rounds}×depth ${p.gbmDepth}` +
    (p.leaves < 2 ** p.gbmDepth ? `, ${p.leaves} leaves` : '') +
    ` + scorecard, up to ${p.maxBins} bins`,
  estimateSeconds(fitRows: number, p: TrainParams) {
    const seconds =
      gbmEngine.estimateSeconds(fitRows, p).seconds + scorecardEngine.estimateSeconds(fitRows, p).seconds
    return { seconds, note: 'Boosted trees and a scorecard, each fitted as on its own, then averaged.' }
  },
  foldParams: (p) => p,
  concurrentFits: (p) => gbmEngine.concurrentFits?.(p) ?? 1,
  // More complex than either part: it is both.
  complexity: (p) => (gbmEngine.complexity?.(p) ?? 2) + (scorecardEngine.complexity?.(p) ?? 1),
  async train(input: EngineTrainInput) {
    const boosted = await gbmEngine.train(input)
    const scorecard = await scorecardEngine.train(input)
    return {
      ensemble: meanOfMargins([boosted.ensemble, scorecard.ensemble]),
      outOfBag: null,
      notes: [...boosted.notes, ...scorecard.notes]
    }
  }
}

/**
 * One ensemble whose margin is the mean of the given ensembles' margins: every tree with
 * its node values scaled by 1/n, the biases averaged. Each must sum margins under the
 * logistic link (a forest's averaged probabilities are not margins).
 */
export function meanOfMargins(ensembles: TreeEnsemble[]): TreeEnsemble {
  const n = ensembles.length
  for (const e of ensembles) {
    if (e.combine.aggregate !== 'sum' || e.combine.link !== 'logistic')
      throw new Error('only ensembles that sum log-odds margins can be blended')
  }
  const numFeatures = ensembles[0].numFeatures
  const featureImportance = new Float64Array(numFeatures)
  for (const e of ensembles)
    for (let f = 0; f < numFeatures; f++) featureImportance[f] += e.featureImportance[f] / n
  const scaled = (t: FlatTree): FlatTree => ({ ...t, value: t.value.map((v) => v / n) })
  return {
    numFeatures,
    trees: ensembles.flatMap((e) => e.trees.map(scaled)),
    featureImportance,
    combine: {
      aggregate: 'sum',
      bias: ensembles.reduce((s, e) => s + e.combine.bias, 0) / n,
      link: 'logistic'
    }
  }
}
