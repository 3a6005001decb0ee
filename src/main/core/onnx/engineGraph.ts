import { InputError } from '../errors'
import type { Forest } from '../ml/forest'
import type { ModelArtifact } from '../ml/ModelArtifact'
import type { GraphBuilder } from './GraphBuilder'
import { addTreeEnsemble, forestToTreeEnsemble } from './treeEnsemble'

/**
 * What one engine adds to the exported graph: the nodes from the feature matrix to the
 * raw score that the calibration reads (for the forest, the mean of the trees' leaf
 * frequencies). Everything before (inputs, engineering, encoding, imputation, scaling)
 * and after (calibration, decision, grade) is shared by every engine. This is the
 * `export` part of the coming engine interface: gradient boosting will add a summing
 * TreeEnsemble of margins and a Sigmoid, a points scorecard a MatMul and an Add.
 */
export interface OnnxEngineGraph {
  /** The engine's name, as stored with the model. */
  engine: string
  /** Adds the nodes reading `features` (double [N, F]); returns the raw score (double [N, 1]). */
  addRawScore(g: GraphBuilder, features: string): string
}

/**
 * The graph part of a model's engine, or a user error for an engine that has none: a model
 * is exported exactly or refused, never approximated.
 */
export function engineGraphOf(modelId: number, artifact: ModelArtifact, forest: Forest): OnnxEngineGraph {
  const engine: string = artifact.params.engine
  switch (engine) {
    // The reference engine's trees are stored converted to our FlatTree form (referenceEngine.ts),
    // so its model is the same averaging forest.
    case 'forest':
    case 'ml-random-forest': {
      const spec = forestToTreeEnsemble(forest)
      return {
        engine,
        addRawScore: (g, features) => addTreeEnsemble(g, features, spec, 'forest_probability')
      }
    }
    default:
      throw new InputError(
        `Model ${modelId} was trained with the "${engine}" engine, which cannot be exported to ONNX yet. Export a model trained with --engine forest.`,
        { modelId, engine }
      )
  }
}
