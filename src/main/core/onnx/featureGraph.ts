import type { EngineeringSpec, FeatureSpec, ModelArtifact } from '../model/ModelArtifact'
import { attr, GraphBuilder, ML_DOMAIN } from './GraphBuilder'
import { TensorType } from './onnxProto'

/**
 * Adds the model's feature matrix X (double [N, F], in the artifact's feature order) from
 * the raw input values (double [N, 1] per number, NaN = missing; string [N, 1] per
 * category): the engineered features (featureEngineering.ts), label encoding, then
 * imputation and standard scaling (preprocess.ts's buildFeatureMatrix) in one vectorised
 * step. Returns X's name.
 *
 * Exactness: every step is the product's double arithmetic, operation for operation:
 * scaling is (x − mean) · (1 / std) with 1 / std computed here as buildFeatureMatrix
 * computes it; category codes pass through scaling as (code − 0) · 1.
 *
 * An artifact that keeps missing values (artifact.keepsMissing: its engine reads NaN) skips
 * the imputation, and a missing category ("") is NaN rather than the most frequent code,
 * as buildFeatureMatrix does for it.
 */
export function addFeatureMatrix(g: GraphBuilder, artifact: ModelArtifact): string {
  const { features } = artifact
  const keepMissing = artifact.keepsMissing === true
  const columns = features.map((f) => addFeatureColumn(g, artifact, f, keepMissing))
  const width = features.length
  const row = (hint: string, values: number[]): string => g.doubles(hint, values, [1, width])
  const raw = g.node('Concat', columns, { attributes: [attr.int('axis', 1)], hint: 'features_raw' })
  const fill = row(
    'fill',
    features.map((f) => (f.kind === 'numeric' ? f.median : f.fill))
  )
  const imputed = keepMissing
    ? raw
    : g.node('Where', [g.node('IsNaN', [raw]), fill, raw], { hint: 'features_imputed' })
  const mean = row(
    'mean',
    features.map((f) => (f.kind === 'numeric' ? f.mean : 0))
  )
  const inverseStd = row(
    'inverse_std',
    features.map((f) => (f.kind === 'numeric' ? 1 / f.std : 1))
  )
  return g.node('Mul', [g.node('Sub', [imputed, mean]), inverseStd], { hint: 'features' })
}

/** One feature's column before imputation: double [N, 1], NaN where the value is missing. */
function addFeatureColumn(
  g: GraphBuilder,
  artifact: ModelArtifact,
  feature: FeatureSpec,
  keepMissing: boolean
): string {
  if (feature.source === 'input') {
    requireInput(artifact, feature.name, feature.kind)
    if (feature.kind === 'numeric') return feature.name
    const codes = addCategoryCodes(g, feature.name, feature.levels, feature.fill)
    return keepMissing ? missingCategoryAsNaN(g, feature.name, codes) : codes
  }
  const { engineering } = artifact
  const numericInput = (name: string): string => requireInput(artifact, name, 'numeric')
  if (feature.kind === 'numeric' && feature.name === 'Loan_to_Balance_Ratio' && engineering.loanToBalance) {
    const { loan, balance } = engineering.loanToBalance
    return addLoanToBalance(g, numericInput(loan), numericInput(balance))
  }
  if (feature.kind === 'numeric' && feature.name === 'High_Credit_Risk' && engineering.highCreditRisk) {
    const { score, cut } = engineering.highCreditRisk
    return addHighCreditRisk(g, numericInput(score), cut)
  }
  if (feature.kind === 'categorical' && feature.name === 'Age_Group' && engineering.ageGroup) {
    return addAgeGroupCodes(g, numericInput(engineering.ageGroup.age), engineering.ageGroup, feature)
  }
  throw new Error(
    `ONNX export: engineered feature ${feature.name} has no rule in the model's engineering spec`
  )
}

/**
 * Label encoding of a category input: the index of its value among the sorted training
 * levels; any other text (never seen in training, empty or a missing-value token) gets
 * the most frequent level's code, as scoring gives missing and unseen categories.
 */
function addCategoryCodes(g: GraphBuilder, input: string, levels: string[], fill: number): string {
  const codes = g.node('LabelEncoder', [input], {
    domain: ML_DOMAIN,
    hint: `${input}_code`,
    attributes: [
      attr.strings('keys_strings', levels),
      attr.ints(
        'values_int64s',
        levels.map((_, i) => i)
      ),
      attr.int('default_int64', fill)
    ]
  })
  return toDouble(g, codes)
}

/** The codes with NaN where the category input is missing (""): a LabelEncoder flags "" (string Equal needs opset 19). */
function missingCategoryAsNaN(g: GraphBuilder, input: string, codes: string): string {
  const flag = g.node('LabelEncoder', [input], {
    domain: ML_DOMAIN,
    hint: `${input}_missing`,
    attributes: [
      attr.strings('keys_strings', ['']),
      attr.ints('values_int64s', [1]),
      attr.int('default_int64', 0)
    ]
  })
  const missing = g.node('Greater', [toDouble(g, flag), g.scalar(0)])
  return g.node('Where', [missing, nan(g), codes], { hint: `${input}_code_or_missing` })
}

/** Loan ÷ balance where the balance is > 0; NaN (imputed later) for a zero, negative or missing balance. */
function addLoanToBalance(g: GraphBuilder, loan: string, balance: string): string {
  const positive = g.node('Greater', [balance, g.scalar(0)])
  return g.node('Where', [positive, g.node('Div', [loan, balance]), nan(g)], {
    hint: 'Loan_to_Balance_Ratio'
  })
}

/** 1 when the score is below the cut, 0 otherwise, NaN when the score is missing. */
function addHighCreditRisk(g: GraphBuilder, score: string, cut: number): string {
  const below = toDouble(g, g.node('Less', [score, g.scalar(cut)]))
  return g.node('Where', [g.node('IsNaN', [score]), nan(g), below], { hint: 'High_Credit_Risk' })
}

/**
 * The Age_Group code straight from the age: bracket b = the number of upper bounds the age
 * exceeds (featureEngineering's loop over sorted bounds), then the code of label b among
 * the feature's levels (the most frequent level's code for a label training never saw);
 * NaN for a missing age, imputed later like any missing category.
 */
function addAgeGroupCodes(
  g: GraphBuilder,
  age: string,
  groups: NonNullable<EngineeringSpec['ageGroup']>,
  feature: Extract<FeatureSpec, { kind: 'categorical' }>
): string {
  const { upper, labels } = groups
  for (let k = 1; k < upper.length; k++) {
    if (!(upper[k] > upper[k - 1])) throw new Error('ONNX export: Age_Group bounds are not increasing')
  }
  if (labels.length !== upper.length + 1)
    throw new Error('ONNX export: Age_Group needs one label per bracket')
  const exceeded = g.node(
    'Cast',
    [g.node('Greater', [age, g.doubles('age_upper', upper, [1, upper.length])])],
    {
      attributes: [attr.int('to', TensorType.INT64)]
    }
  )
  const bracket = g.node('ReduceSum', [exceeded, g.int64s('axis_1', [1])], { hint: 'age_bracket' })
  const codeOfBracket = labels.map((label) => {
    const code = feature.levels.indexOf(label)
    return code >= 0 ? code : feature.fill
  })
  const code = toDouble(g, g.node('Gather', [g.int64s('age_group_codes', codeOfBracket), bracket]))
  return g.node('Where', [g.node('IsNaN', [age]), nan(g), code], { hint: 'Age_Group_code' })
}

function requireInput(artifact: ModelArtifact, name: string, kind: 'numeric' | 'categorical'): string {
  const input = artifact.inputs.find((i) => i.name === name)
  if (!input || input.kind !== kind) {
    throw new Error(`ONNX export: feature ${name} needs a ${kind} input column of that name`)
  }
  return name
}

function toDouble(g: GraphBuilder, value: string): string {
  return g.node('Cast', [value], { attributes: [attr.int('to', TensorType.DOUBLE)] })
}

function nan(g: GraphBuilder): string {
  return g.scalar(NaN)
}
