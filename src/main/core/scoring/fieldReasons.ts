import type { ModelArtifact } from '../model/ModelArtifact'
import type { RawInputs } from '../ml/preprocess'
import { providedFlags } from '../policy/checkApplicants'
import type { Reason } from './reasons'

/**
 * Reasons by the fields an applicant gave, never by fields left out ("missing is never a
 * reason"). The model's features map back to the input fields they are computed from: an
 * input feature to its own field, an engineered one to its sources (Loan_to_Balance_Ratio
 * to the loan amount and the balance, High_Credit_Risk to the credit score, Age_Group to
 * the age). A feature whose sources were all provided gives its contribution to them, in
 * equal parts; a feature with any source not provided was filled in by the model, so its
 * contribution goes to one pooled "not provided" share. Nothing is dropped: base + Σ
 * field reasons + not-provided share = probability, as before grouping.
 */

/** For each model feature, the indices (in artifact.inputs) of the fields it is computed from. */
export function featureSources(artifact: ModelArtifact): number[][] {
  const index = new Map(artifact.inputs.map((f, i) => [f.name, i]))
  const of = (...names: string[]): number[] =>
    names.map((n) => index.get(n)).filter((i): i is number => i !== undefined)
  const { loanToBalance, highCreditRisk, ageGroup } = artifact.engineering
  return artifact.features.map((feature) => {
    if (feature.source === 'input') return of(feature.name)
    if (feature.name === 'Loan_to_Balance_Ratio' && loanToBalance)
      return of(loanToBalance.loan, loanToBalance.balance)
    if (feature.name === 'High_Credit_Risk' && highCreditRisk) return of(highCreditRisk.score)
    if (feature.name === 'Age_Group' && ageGroup) return of(ageGroup.age)
    return []
  })
}

/** The fields of one applicant that were not provided, and the share of the probability they account for. */
export interface NotProvided {
  fields: string[]
  contribution: number
}

/** Per row and input field, 1 when the row provided it. */
export function providedInputs(artifact: ModelArtifact, raw: RawInputs): Uint8Array[] {
  return artifact.inputs.map((field) => providedFlags(raw, field))
}

/**
 * Per row and model feature (row-major), 1 when a source of the feature was not provided:
 * such a feature is never a batch reason.
 */
export function featuresNotProvided(sources: number[][], given: Uint8Array[], numRows: number): Uint8Array {
  const numFeatures = sources.length
  const out = new Uint8Array(numRows * numFeatures)
  for (let f = 0; f < numFeatures; f++) {
    for (const i of sources[f]) {
      const flags = given[i]
      // Stryker disable next-line EqualityOperator: flags[numRows] is undefined (never 0), so nothing is written.
      for (let r = 0; r < numRows; r++) if (flags[r] === 0) out[r * numFeatures + f] = 1
    }
  }
  return out
}

/**
 * One applicant's contributions by input field: `phi` per model feature in margin units,
 * times `scale` to probability points. Returns the provided fields' reasons (non-zero,
 * largest |contribution| first) and the pooled share of the fields not provided.
 */
export function attributeToFields(
  artifact: ModelArtifact,
  sources: number[][],
  phi: ArrayLike<number>,
  scale: number,
  isProvided: (input: number) => boolean,
  valueOf: (input: number) => number | string | null
): { reasons: Reason[]; notProvided: NotProvided } {
  const byField = new Float64Array(artifact.inputs.length)
  let pooled = 0
  // Stryker disable next-line EqualityOperator: phi[phi.length] is undefined, so c is NaN and skipped.
  for (let f = 0; f < phi.length; f++) {
    const c = phi[f] * scale
    if (!Number.isFinite(c)) continue
    const from = sources[f]
    if (from.length === 0 || from.some((i) => !isProvided(i))) pooled += c
    else for (const i of from) byField[i] += c / from.length
  }
  const reasons: Reason[] = []
  const missing: string[] = []
  artifact.inputs.forEach((field, i) => {
    if (!isProvided(i)) {
      missing.push(field.name)
      return
    }
    const contribution = byField[i]
    if (contribution === 0) return
    reasons.push({
      feature: field.name,
      value: valueOf(i),
      contribution,
      // Stryker disable next-line EqualityOperator: a zero contribution has returned above, so ≥ and > agree.
      direction: contribution > 0 ? 'raises' : 'lowers'
    })
  })
  reasons.sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution))
  return { reasons, notProvided: { fields: missing, contribution: pooled } }
}
