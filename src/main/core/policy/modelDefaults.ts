import { resolveDictionary, type Dictionary, type FieldShape } from '../../../shared/dictionary'
import type { Policy } from '../../../shared/policy'
import type { ModelArtifact } from '../model/ModelArtifact'
import { defaultPolicy } from './defaultPolicy'

/** The columns a model's dictionary describes: its input fields and its engineered features. */
export function modelFieldShapes(artifact: ModelArtifact): FieldShape[] {
  const inputs = new Set(artifact.inputs.map((f) => f.name))
  const shapes: FieldShape[] = artifact.inputs.map((f) =>
    f.kind === 'numeric'
      ? { name: f.name, kind: 'numeric', min: f.min, max: f.max }
      : { name: f.name, kind: 'categorical' }
  )
  for (const f of artifact.features) {
    if (!inputs.has(f.name))
      shapes.push({ name: f.name, kind: f.kind === 'numeric' ? 'numeric' : 'categorical' })
  }
  return shapes
}

/** What scoring reads besides the model: its policy checks and its data dictionary. */
export interface Governance {
  policy: Policy
  dictionary: Dictionary
}

/**
 * A model's dictionary (defaults, then the dataset's edits, then the model's) and policy
 * (the stored one, else the defaults derived from that dictionary).
 */
export function modelGovernance(
  artifact: ModelArtifact,
  stored: {
    policy?: Policy | null
    dictionary?: Dictionary | null
    datasetDictionary?: Dictionary | null
  } = {}
): Governance {
  const dictionary = resolveDictionary(
    modelFieldShapes(artifact),
    stored.datasetDictionary,
    stored.dictionary
  )
  return { dictionary, policy: stored.policy ?? defaultPolicy(artifact.inputs, dictionary) }
}
