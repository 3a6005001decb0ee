import { fitDriftBins } from '../../../../src/main/core/ml/drift'
import { DEFAULT_RISK_GRADES } from '../../../../src/main/core/model/ModelArtifact'
import type { RawInputs } from '../../../../src/main/core/ml/preprocess'
import { Rng } from '../../../../src/main/core/base/random'
import type { ValidationInput } from '../../../../src/main/core/validation/validationPack'

/**
 * A seeded portfolio for the pack's tests and the PDF: PDs from a logistic score of income
 * and credit score, outcomes drawn from the PDs (so the model is calibrated), a reference
 * month and a newer one whose incomes have fallen, a Gender column whose women's PDs the
 * "model" inflates by 60 % (a planted unfairness) and a Region column with none.
 */
export interface Population {
  ids: string[]
  pd: Float64Array
  outcome: Uint8Array
  exposure: Float64Array
  collateral: string[]
  gender: string[]
  region: string[]
  inputs: RawInputs
}

export function simulatePopulation(seed: number, rows: number, incomeShift = 0): Population {
  const rng = new Rng(seed)
  const ids: string[] = []
  const pd = new Float64Array(rows)
  const outcome = new Uint8Array(rows)
  const exposure = new Float64Array(rows)
  const income = new Float64Array(rows)
  const score = new Float64Array(rows)
  const collateral: string[] = []
  const gender: string[] = []
  const region: string[] = []
  const purpose: (string | null)[] = []
  const regions = ['North', 'South', 'East', 'West']
  const purposes = ['Home', 'Vehicle', 'Personal', 'Gold']
  for (let i = 0; i < rows; i++) {
    ids.push(`${seed}-${i}`)
    income[i] = Math.exp(10.5 + 0.5 * rng.normal()) * (1 - incomeShift)
    score[i] = Math.round(Math.min(900, Math.max(300, 690 + 70 * rng.normal())))
    gender.push(rng.next() < 0.4 ? 'F' : 'M')
    region.push(regions[rng.int(4)])
    purpose.push(purposes[rng.int(4)])
    collateral.push(rng.next() < 0.5 ? 'Yes' : 'No')
    exposure[i] = Math.round((income[i] * (1 + 3 * rng.next())) / 1000) * 1000
    const logit = -2.3 - 0.012 * (score[i] - 690) - 0.6 * Math.log(income[i] / 36000)
    const truePd = 1 / (1 + Math.exp(-logit))
    outcome[i] = rng.next() < truePd ? 1 : 0
    // The planted unfairness: the model over-states women's risk by 60 %.
    pd[i] = Math.min(1, gender[i] === 'F' ? truePd * 1.6 : truePd)
  }
  return {
    ids,
    pd,
    outcome,
    exposure,
    collateral,
    gender,
    region,
    inputs: {
      numRows: rows,
      numeric: new Map([
        ['Income', income],
        ['Credit_Score', score]
      ]),
      categorical: new Map([['Loan_Purpose', purpose]])
    }
  }
}

/** The pack's input: a model whose drift bins come from the reference month, validated on a newer month. */
export function simulatedValidationInput(rows = 4000): ValidationInput {
  const reference = simulatePopulation(11, rows)
  const current = simulatePopulation(12, rows, 0.4)
  // The newer file shares half its accounts with the reference (re-scored customers).
  for (let i = 0; i < rows; i += 2) current.ids[i] = reference.ids[i]
  return {
    model: {
      id: 7,
      name: 'Forest, June retrain',
      threshold: 0.18,
      grades: DEFAULT_RISK_GRADES,
      drift: fitDriftBins(
        reference.inputs,
        Int32Array.from({ length: rows }, (_, i) => i)
      )
    },
    data: {
      label: 'July applications',
      pd: current.pd,
      outcome: current.outcome,
      ids: current.ids,
      exposure: current.exposure,
      inputs: current.inputs
    },
    reference: { label: 'held-out rows', pd: reference.pd, ids: reference.ids },
    segments: [
      { name: 'Gender', values: current.gender },
      { name: 'Region', values: current.region }
    ],
    options: { replicates: 300, seed: 5 },
    generatedAt: '2026-07-31T06:00:00.000Z'
  }
}
