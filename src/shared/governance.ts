import type { Dictionary } from './dictionary'
import type { Policy } from './policy'

/**
 * How a model is governed, as the screens and the CLI show it: its purpose, its policy
 * checks and data dictionary (with whether they are the defaults), and the maker–checker
 * record of making it active.
 */

/** One request to make a model active, and what the second person decided. */
export interface ActivationInfo {
  id: number
  modelId: number
  status: 'pending' | 'confirmed' | 'rejected' | 'automatic'
  requestedBy: string
  requestNote: string
  requestedAt: string
  decidedBy: string | null
  decisionNote: string | null
  decidedAt: string | null
}

/** A model's governance in full. */
export interface ModelGovernanceInfo {
  modelId: number
  /** What the model is for, in words ("Retail loans — default risk"); null until the analyst writes it. */
  purpose: string | null
  policy: Policy
  policyIsDefault: boolean
  /** One entry per field of the model (inputs and engineered features). */
  dictionary: Dictionary
  dictionaryIsDefault: boolean
  updatedBy: string | null
  updatedAt: string | null
  pendingActivation: ActivationInfo | null
  activations: ActivationInfo[]
}
