import type { TreeEnsemble } from '../model/TreeEnsemble'
import type { GraphBuilder } from './GraphBuilder'
import { addTreeEnsemble, ensembleToTreeEnsemble } from './treeEnsemble'

/**
 * What the model adds to the exported graph: the nodes from the feature matrix to the
 * score the calibration reads. Every engine's model is a TreeEnsemble (the engine seam,
 * ml/engines/Engine.ts), so this is written once: one `ai.onnx.ml` TreeEnsemble node that
 * averages or sums the leaves (a forest, boosting, a scorecard's per-characteristic trees),
 * the bias added, and the logistic link as a Sigmoid where the ensemble has one.
 * Everything before (inputs, engineering, encoding, imputation, scaling) and after
 * (calibration, decision, grade) is shared too.
 */
export interface OnnxEngineGraph {
  /** Adds the nodes reading `features` (double [N, F]); returns the score (double [N, 1]). */
  addRawScore(g: GraphBuilder, features: string): string
}

/** The graph part of a model's trees: exact, whatever engine learned them. */
export function engineGraphOf(ensemble: TreeEnsemble): OnnxEngineGraph {
  const spec = ensembleToTreeEnsemble(ensemble)
  const { bias, link } = ensemble.combine
  return {
    addRawScore(g, features) {
      let margin = addTreeEnsemble(g, features, spec, link === 'identity' ? 'forest_probability' : 'margin')
      if (bias !== 0) margin = g.node('Add', [margin, g.scalar(bias)], { hint: 'margin' })
      return link === 'identity' ? margin : g.node('Sigmoid', [margin], { hint: 'score' })
    }
  }
}
