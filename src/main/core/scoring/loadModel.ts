import { corruptModel, WorkbenchError } from '../base/errors'
import { deserializeEnsemble } from '../model/ensembleFormat'
import { type TreeEnsemble } from '../model/TreeEnsemble'
import { ModelArtifactSchema, type ModelArtifact } from '../model/ModelArtifact'
import { prepareForestShap, type PreparedForestShap } from './linearTreeShap'

/** A model ready to score: its validated artifact and its forest. */
export interface LoadedModel {
  id: number
  name: string
  artifact: ModelArtifact
  ensemble: TreeEnsemble
  /**
   * The forest checked and measured once for exact TreeSHAP reasons (forestShapPrepared),
   * so that explaining one applicant does not walk all 200 trees again first. Optional:
   * a model built by hand may leave it out, and forestShap then prepares on every call.
   */
  shap?: PreparedForestShap
}

/** A model as stored: its artifact read, its forest still bytes (see ModelRepo.loadStored). */
export interface StoredModel {
  id: number
  name: string
  artifact: ModelArtifact
  forestBytes: Buffer
}

/** Validates a stored artifact and forest; throws MODEL_CORRUPT naming what is wrong. */
export function parseModel(id: number, name: string, artifactJson: string, forestBlob: Buffer): LoadedModel {
  const artifact = parseArtifact(id, artifactJson)
  let forest: TreeEnsemble
  try {
    forest = deserializeEnsemble(forestBlob)
  } catch (error) {
    throw corruptForest(id, error)
  }
  checkFeatureCount(id, forest.numFeatures, artifact)
  return { id, name, artifact, ensemble: forest, shap: prepareForestShap(forest) }
}

/** The error for a stored forest that cannot be read, naming the model (MODEL_CORRUPT). */
export function corruptForest(id: number, error: unknown): WorkbenchError {
  const problem =
    error instanceof WorkbenchError && typeof error.details?.problem === 'string'
      ? error.details.problem
      : error instanceof Error
        ? error.message
        : String(error)
  return corruptModel(problem, id)
}

/** Refuses a forest whose feature count is not the artifact's. */
export function checkFeatureCount(id: number, numFeatures: number, artifact: ModelArtifact): void {
  if (numFeatures !== artifact.features.length) {
    throw corruptModel(
      `its forest expects ${numFeatures} features but its artifact lists ${artifact.features.length}`,
      id
    )
  }
}

/** A model's artifact, validated against the schema. */
export function parseArtifact(id: number, artifactJson: string): ModelArtifact {
  let raw: unknown
  try {
    raw = JSON.parse(artifactJson)
  } catch {
    throw new WorkbenchError(
      'MODEL_CORRUPT',
      `Model ${id}: its artifact is not valid JSON (corrupt). Retrain the model.`
    )
  }
  const parsed = ModelArtifactSchema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new WorkbenchError(
      'MODEL_CORRUPT',
      `Model ${id}: its artifact is corrupt or from an unknown version (${issue.path.join('.') || 'artifact'}: ${issue.message}). Retrain the model.`
    )
  }
  return parsed.data
}
