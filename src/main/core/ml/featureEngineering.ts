import { normaliseColumnName } from '../data/columnNames'
import { ENGINEERING_ROLES, type EngineeringRole } from '../../../shared/params/engineeringRoles'
import type { EngineeringSpec } from '../model/ModelArtifact'
import type { RawInputs } from './preprocess'

export { ENGINEERING_ROLES, type EngineeringRole }

/** Default cut for High_Credit_Risk: CIBIL-style scores below 600 are commonly treated as sub-prime. */
export const DEFAULT_HIGH_RISK_CUT = 600
/** Age_Group brackets: upper bounds (inclusive) and labels; the last bracket is open-ended. */
export const AGE_BRACKETS = { upper: [25, 35, 45, 60], labels: ['18-25', '26-35', '36-45', '46-60', '60+'] }

/**
 * Which numeric input column plays each role: the user's `--map ROLE=column` first,
 * else a column whose name matches the role (ignoring case, spaces and underscores).
 */
export function resolveRoles(
  numericColumns: string[],
  map: Partial<Record<EngineeringRole, string>> = {}
): { roles: Partial<Record<EngineeringRole, string>>; problems: string[] } {
  const roles: Partial<Record<EngineeringRole, string>> = {}
  const problems: string[] = []
  for (const role of ENGINEERING_ROLES) {
    const mapped = map[role]
    if (mapped !== undefined) {
      if (!numericColumns.includes(mapped))
        problems.push(`--map ${role}=${mapped}: "${mapped}" is not a numeric column of the dataset`)
      else roles[role] = mapped
      continue
    }
    const match = numericColumns.find((c) => normaliseColumnName(c) === normaliseColumnName(role))
    if (match) roles[role] = match
  }
  return { roles, problems }
}

/** Which engineered features a dataset gets, from the roles found and the columns it already has. */
export function planEngineering(
  roles: Partial<Record<EngineeringRole, string>>,
  existingColumns: string[],
  highRiskCut = DEFAULT_HIGH_RISK_CUT
): EngineeringSpec {
  const has = (name: string): boolean =>
    existingColumns.some((c) => normaliseColumnName(c) === normaliseColumnName(name))
  const spec: EngineeringSpec = {}
  if (roles.Loan_Amount && roles.Account_Balance && !has('Loan_to_Balance_Ratio')) {
    spec.loanToBalance = { loan: roles.Loan_Amount, balance: roles.Account_Balance }
  }
  if (roles.Credit_Score && !has('High_Credit_Risk'))
    spec.highCreditRisk = { score: roles.Credit_Score, cut: highRiskCut }
  if (roles.Age && !has('Age_Group')) spec.ageGroup = { age: roles.Age, ...AGE_BRACKETS }
  return spec
}

export interface EngineeredColumns {
  numeric: Map<string, Float64Array>
  categorical: Map<string, (string | null)[]>
  /** Rows whose Loan_to_Balance_Ratio is undefined (zero, negative or missing balance, or overflowing): imputed, not Infinity. */
  undefinedRatioRows: number
}

/**
 * Computes the engineered features from raw numeric inputs (NaN = missing). A zero or
 * missing balance gives a missing ratio (later imputed like any missing value), never
 * Infinity; a missing score or age gives a missing flag or group.
 */
export function engineerFeatures(
  spec: EngineeringSpec,
  numeric: Map<string, Float64Array>,
  numRows: number
): EngineeredColumns {
  const out: EngineeredColumns = { numeric: new Map(), categorical: new Map(), undefinedRatioRows: 0 }
  if (spec.loanToBalance) {
    const loan = numeric.get(spec.loanToBalance.loan)!
    const balance = numeric.get(spec.loanToBalance.balance)!
    const ratio = new Float64Array(numRows)
    for (let i = 0; i < numRows; i++) {
      const b = balance[i]
      const r = loan[i] / b
      // A ratio that overflows (1e308 / 0.5) is as undefined as one over a zero balance.
      if (b > 0 && r - r === 0) ratio[i] = r
      else {
        ratio[i] = NaN
        out.undefinedRatioRows++
      }
    }
    out.numeric.set('Loan_to_Balance_Ratio', ratio)
  }
  if (spec.highCreditRisk) {
    const score = numeric.get(spec.highCreditRisk.score)!
    const cut = spec.highCreditRisk.cut
    const flag = new Float64Array(numRows)
    for (let i = 0; i < numRows; i++) flag[i] = score[i] !== score[i] ? NaN : score[i] < cut ? 1 : 0
    out.numeric.set('High_Credit_Risk', flag)
  }
  if (spec.ageGroup) {
    const age = numeric.get(spec.ageGroup.age)!
    const { upper, labels } = spec.ageGroup
    const group: (string | null)[] = new Array(numRows)
    for (let i = 0; i < numRows; i++) {
      const a = age[i]
      if (a !== a) {
        group[i] = null
        continue
      }
      let b = 0
      while (b < upper.length && a > upper[b]) b++
      group[i] = labels[b]
    }
    out.categorical.set('Age_Group', group)
  }
  return out
}

/** Adds the engineered features of `spec` to raw inputs (a new RawInputs; the given one is not changed). */
export function withEngineered(raw: RawInputs, spec: EngineeringSpec): RawInputs {
  const eng = engineerFeatures(spec, raw.numeric, raw.numRows)
  return {
    numRows: raw.numRows,
    numeric: new Map([...raw.numeric, ...eng.numeric]),
    categorical: new Map([...raw.categorical, ...eng.categorical])
  }
}
