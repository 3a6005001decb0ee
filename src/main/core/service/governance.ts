import type { ApplicantRef } from '../../../shared/dto'
import type { ModelGovernanceInfo } from '../../../shared/governance'
import { InputError } from '../base/errors'
import type { ModelArtifact } from '../model/ModelArtifact'
import { modelGovernance, type Governance } from '../policy/modelDefaults'
import type { GovernanceRepo } from '../storage/GovernanceRepo'

/**
 * A model's governance as scoring reads it and the screens show it: the stored policy and
 * dictionary (the dataset's dictionary edits under the model's own), else the defaults.
 */
export function governanceOf(
  repo: GovernanceRepo,
  modelId: number,
  artifact: ModelArtifact,
  datasetId: number | null
): Governance & { info: ModelGovernanceInfo } {
  const stored = repo.settings(modelId)
  const datasetDictionary = datasetId === null ? null : repo.datasetDictionary(datasetId)
  const resolved = modelGovernance(artifact, { ...stored, datasetDictionary })
  return {
    ...resolved,
    info: {
      modelId,
      purpose: stored.purpose,
      policy: resolved.policy,
      policyIsDefault: stored.policy === null,
      dictionary: resolved.dictionary,
      dictionaryIsDefault: stored.dictionary === null && datasetDictionary === null,
      updatedBy: stored.updatedBy,
      updatedAt: stored.updatedAt,
      pendingActivation: repo.pending(modelId) ?? null,
      activations: repo.activations(modelId)
    }
  }
}

/** Longest text kept of each part of an applicant reference. */
const MAX_REF_CHARS = 120

/**
 * The applicant reference of a request: an object with name, customerId (or customer_id)
 * and applicationNo (or application_no), or one text. Anything else is refused naming the field.
 */
export function readApplicantRef(value: unknown, field = 'Applicant_Ref'): ApplicantRef | null {
  if (value === undefined || value === null) return null
  const clean = (v: unknown, part: string): string | undefined => {
    if (v === undefined || v === null) return undefined
    if (typeof v !== 'string' && typeof v !== 'number')
      throw new InputError(`${field}.${part}: expected text, got ${Array.isArray(v) ? 'a list' : typeof v}.`)
    // Control characters (line breaks, NUL) would break the one line a reference is shown on.
    const s = [...String(v)]
      .map((c) => (c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127 ? ' ' : c))
      .join('')
      .trim()
    return s ? s.slice(0, MAX_REF_CHARS) : undefined
  }
  if (typeof value === 'string' || typeof value === 'number') {
    const text = clean(value, 'text')
    return text ? { text } : null
  }
  if (typeof value !== 'object' || Array.isArray(value))
    throw new InputError(`${field}: expected text or an object with name, customerId and applicationNo.`)
  const o = value as Record<string, unknown>
  const ref: ApplicantRef = {
    name: clean(o.name, 'name'),
    customerId: clean(o.customerId ?? o.customer_id, 'customerId'),
    applicationNo: clean(o.applicationNo ?? o.application_no, 'applicationNo'),
    text: clean(o.text, 'text')
  }
  const kept = Object.fromEntries(Object.entries(ref).filter(([, v]) => v !== undefined)) as ApplicantRef
  return Object.keys(kept).length ? kept : null
}
