import { describe, expect, it } from 'vitest'
import type { ModelArtifact } from '../../../../src/main/core/model/ModelArtifact'
import { attributeToFields, featureSources } from '../../../../src/main/core/scoring/fieldReasons'
import { Workbench } from '../../../../src/main/core/service/Workbench'
import { useTrainedTemplate } from '../../../fixtures/trainedDatabase'

describe('reasons by the fields an applicant gave', () => {
  const template = useTrainedTemplate({ rows: 2000, seed: 5 })
  let artifact: ModelArtifact | undefined
  const model = (): ModelArtifact => {
    if (!artifact) {
      const service = Workbench.open(template.template())
      artifact = service.models.load(template.ids().modelId).artifact
      service.close()
    }
    return artifact
  }
  const input = (name: string): number => model().inputs.findIndex((f) => f.name === name)
  const feature = (name: string): number => model().features.findIndex((f) => f.name === name)

  it('maps each engineered feature back to the fields it is computed from', () => {
    const sources = featureSources(model())
    expect(sources[feature('Loan_to_Balance_Ratio')]).toEqual([
      input('Loan_Amount'),
      input('Account_Balance')
    ])
    expect(sources[feature('High_Credit_Risk')]).toEqual([input('Credit_Score')])
    expect(sources[feature('Age_Group')]).toEqual([input('Age')])
    expect(sources[feature('Region')]).toEqual([input('Region')])
  })

  // Hand-computed: scale 0.5; ratio 0.2 → 0.1 split 0.05 / 0.05; score 0.1 → 0.05, flag −0.04 → −0.02.
  const phi = (): Float64Array => {
    const p = new Float64Array(model().features.length)
    p[feature('Loan_to_Balance_Ratio')] = 0.2
    p[feature('Credit_Score')] = 0.1
    p[feature('High_Credit_Risk')] = -0.04
    p[feature('Past_Delinquencies')] = 0.3
    return p
  }

  it('splits an engineered feature equally between its sources when all were given', () => {
    const a = model()
    const { reasons, notProvided } = attributeToFields(
      a,
      featureSources(a),
      phi(),
      0.5,
      () => true,
      () => 1
    )
    const byField = Object.fromEntries(reasons.map((r) => [r.feature, r.contribution]))
    expect(byField.Loan_Amount).toBeCloseTo(0.05, 12)
    expect(byField.Account_Balance).toBeCloseTo(0.05, 12)
    expect(byField.Credit_Score).toBeCloseTo(0.03, 12)
    expect(byField.Past_Delinquencies).toBeCloseTo(0.15, 12)
    expect(reasons[0].feature).toBe('Past_Delinquencies')
    expect(notProvided).toEqual({ fields: [], contribution: 0 })
  })

  it('pools every feature with a source not given into one share, and names no such field', () => {
    const a = model()
    const missing = new Set([input('Account_Balance'), input('Past_Delinquencies')])
    const { reasons, notProvided } = attributeToFields(
      a,
      featureSources(a),
      phi(),
      0.5,
      (i) => !missing.has(i),
      () => 1
    )
    const byField = Object.fromEntries(reasons.map((r) => [r.feature, r.contribution]))
    // The ratio needs the balance: all of its 0.1 is pooled, none goes to the loan amount.
    expect(byField.Loan_Amount).toBeUndefined()
    expect(byField.Account_Balance).toBeUndefined()
    expect(byField.Past_Delinquencies).toBeUndefined()
    expect(byField.Credit_Score).toBeCloseTo(0.03, 12)
    expect(notProvided.fields.sort()).toEqual(['Account_Balance', 'Past_Delinquencies'])
    expect(notProvided.contribution).toBeCloseTo(0.1 + 0.15, 12)
  })

  it('gives an engineered feature no source when its fields are not inputs, and pools its contribution', () => {
    const a = model()
    const age = a.features[feature('Age_Group')]
    const ageGroup = a.engineering.ageGroup
    if (ageGroup === undefined) throw new Error('the trained model has no Age_Group')
    // An engineered feature the mapping does not know, and an Age_Group built from a column
    // that is not among the inputs: neither has a field to credit.
    const odd: ModelArtifact = {
      ...a,
      engineering: { ...a.engineering, ageGroup: { ...ageGroup, age: 'Not_An_Input' } },
      features: [...a.features, { ...age, name: 'Unknown_Engineered' }]
    }
    const sources = featureSources(odd)
    expect(sources[feature('Age_Group')]).toEqual([])
    expect(sources[odd.features.length - 1]).toEqual([])
    // With the real Age_Group spec, the unknown feature still maps to no field (not to the age).
    const unknownOnly = featureSources({ ...odd, engineering: a.engineering })
    expect(unknownOnly[feature('Age_Group')]).toEqual([input('Age')])
    expect(unknownOnly[odd.features.length - 1]).toEqual([])
    const p = new Float64Array(odd.features.length)
    p[feature('Age_Group')] = 0.2
    p[odd.features.length - 1] = -0.06
    p[feature('Credit_Score')] = 0.1
    const { reasons, notProvided } = attributeToFields(
      odd,
      sources,
      p,
      0.5,
      () => true,
      () => 1
    )
    // 0.5 × (0.2 − 0.06) = 0.07 pooled; only the credit score (0.05) is a field's reason.
    expect(reasons.map((r) => [r.feature, r.direction])).toEqual([['Credit_Score', 'raises']])
    expect(reasons[0].contribution).toBeCloseTo(0.05, 12)
    expect(notProvided.fields).toEqual([])
    expect(notProvided.contribution).toBeCloseTo(0.07, 12)
  })

  it('skips a contribution that is not a finite number instead of spreading NaN', () => {
    const a = model()
    const p = phi()
    p[feature('Region')] = Number.NaN
    p[feature('Age_Group')] = Number.POSITIVE_INFINITY
    const missing = new Set([input('Past_Delinquencies')])
    const { reasons, notProvided } = attributeToFields(
      a,
      featureSources(a),
      p,
      0.5,
      (i) => !missing.has(i),
      () => 1
    )
    expect(reasons.map((r) => r.feature)).not.toContain('Region')
    expect(reasons.map((r) => r.feature)).not.toContain('Age')
    expect(reasons.every((r) => Number.isFinite(r.contribution))).toBe(true)
    expect(notProvided.contribution).toBeCloseTo(0.15, 12)
  })
})
