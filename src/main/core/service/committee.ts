import type {
  StrategyReport,
  StrategyTarget,
  SwapRow,
  SwapSetView,
  ValidationPack
} from '../../../shared/validation'
import { InputError } from '../base/errors'
import { normaliseColumnName } from '../data/columnNames'
import { parseNumber } from '../data/csv/parseNumber'
import type { LoadedModel } from '../scoring/loadModel'
import { DEFAULT_LGD_POLICY, DEFAULT_MARGIN, lgdPerRow } from '../validation/exposure'
import { buildStrategy, swapRows, swapSet, type PortfolioRows } from '../validation/strategy'
import { buildValidationPack } from '../validation/validationPack'
import type { Population } from './population'

/** What a committee asks of `ptm strategy` (and the Strategy screen). */
export interface StrategyRequest {
  /** Flat loss given default when the data has no collateral column (0.45). */
  lgd?: number
  /** The column holding the exposure; the model's loan-amount column when omitted. */
  ead?: string
  /** Net interest margin per period (0.03). */
  margin?: number
  target?: StrategyTarget
}

export type { StrategyReport }

/**
 * The cut-off strategy of a model on a scored population: for every cut-off, approvals,
 * bad rates, expected loss (PD × LGD × EAD) and profit, and the recommended cut-off for a
 * target. LGD comes from a Collateral column when the data has one.
 */
export function strategyOf(
  model: LoadedModel,
  population: Population,
  request: StrategyRequest
): StrategyReport {
  const { artifact } = model
  const { rows, lgd, policy, eadColumn } = portfolioOf(model, population, request)
  const result = buildStrategy(rows, {
    margin: request.margin ?? DEFAULT_MARGIN,
    threshold: artifact.threshold,
    grades: artifact.riskGrades,
    target: request.target,
    lgd: { policy, source: lgd.source, missing: lgd.missing },
    eadColumn
  })
  return {
    model: { id: model.id, name: model.name, threshold: artifact.threshold },
    data: { label: population.label, rows: population.pd.length, skipped: population.skipped },
    result
  }
}

/**
 * Who moves between two cut-offs: the counts, bad rates and losses of the applicants
 * approved only under `to` (swapped in) and only under `from` (swapped out), and up to
 * `limit` of each, riskiest first, so a committee sees whom the change concerns.
 */
export function swapSetOf(
  model: LoadedModel,
  population: Population,
  request: StrategyRequest & { from: number; to: number; limit?: number }
): SwapSetView {
  const { rows } = portfolioOf(model, population, request)
  const set = swapSet(rows, request.from, request.to)
  const { swapIn, swapOut } = swapRows(rows.pd, request.from, request.to)
  const limit = request.limit ?? 50
  const list = (indices: Int32Array): SwapRow[] =>
    Array.from(indices)
      .sort((a, b) => rows.pd[b] - rows.pd[a])
      .slice(0, limit)
      .map((i) => ({
        line: population.lines[i],
        id: population.ids?.[i] ?? null,
        pd: rows.pd[i],
        outcome: rows.outcome ? rows.outcome[i] : null,
        exposure: rows.ead[i]
      }))
  return { ...set, swapInRows: list(swapIn), swapOutRows: list(swapOut) }
}

/** The population as a portfolio: PDs, outcomes, exposures (EAD) and losses given default (LGD). */
function portfolioOf(model: LoadedModel, population: Population, request: StrategyRequest) {
  const eadColumn = request.ead ?? loanAmountColumn(model, population)
  const ead = exposures(population, eadColumn)
  const collateralName = [...population.columns.keys()].find(
    (c) => normaliseColumnName(c) === normaliseColumnName('Collateral')
  )
  const policy = { ...DEFAULT_LGD_POLICY, flat: request.lgd ?? DEFAULT_LGD_POLICY.flat }
  const lgd = lgdPerRow(
    collateralName ? population.columns.get(collateralName)! : null,
    population.pd.length,
    policy,
    collateralName
  )
  const rows: PortfolioRows = { pd: population.pd, outcome: population.outcome, ead, lgd: lgd.lgd }
  return { rows, lgd, policy, eadColumn }
}

/** What a committee asks of `ptm validate` (and the Validation screen). */
export interface ValidateRequest {
  /** Columns to compare segments on; they need not be model inputs. */
  segments?: string[]
  /** Bootstrap replicates for the confidence intervals (1,000). */
  replicates?: number
}

/**
 * The validation pack of a model on a population; `reference` (the model's held-out rows,
 * when the population is a newer file) adds the stability tests.
 */
export function validationOf(
  model: LoadedModel,
  population: Population,
  reference: Population | null,
  request: ValidateRequest,
  generatedAt: string
): ValidationPack {
  const { artifact } = model
  const segments = (request.segments ?? []).map((name) => {
    const found = [...population.columns.keys()].find(
      (c) => normaliseColumnName(c) === normaliseColumnName(name)
    )
    if (!found) {
      throw new InputError(
        `--segment ${name}: the data has no such column (its columns: ${[...population.columns.keys()].join(', ')}).`
      )
    }
    return { name: found, values: population.columns.get(found)! }
  })
  let exposure: Float64Array | null = null
  try {
    exposure = exposures(population, loanAmountColumn(model, population))
  } catch {
    // Concentration by exposure is optional: without a loan amount it is by count only.
  }
  const pack = buildValidationPack({
    model: {
      id: model.id,
      name: model.name,
      threshold: artifact.threshold,
      grades: artifact.riskGrades,
      drift: artifact.drift
    },
    data: {
      label: population.label,
      pd: population.pd,
      ids: population.ids,
      outcome: population.outcome,
      exposure,
      inputs: population.inputs
    },
    reference: reference ? { label: reference.label, pd: reference.pd, ids: reference.ids } : null,
    segments,
    options: { replicates: request.replicates, seed: artifact.params.seed },
    generatedAt
  })
  if (population.skipped.length) {
    pack.notes.push(
      `${population.skipped.length} row${population.skipped.length > 1 ? 's were' : ' was'} left out; the first: line ${population.skipped[0].line}: ${population.skipped[0].reason}.`
    )
  }
  return pack
}

/** The model's loan-amount column: the one its Loan_to_Balance_Ratio read, else one named Loan_Amount. */
function loanAmountColumn(model: LoadedModel, population: Population): string {
  const fromModel = model.artifact.engineering.loanToBalance?.loan
  const candidates = fromModel ? [fromModel, 'Loan_Amount'] : ['Loan_Amount']
  for (const want of candidates) {
    const found = [...population.columns.keys()].find(
      (c) => normaliseColumnName(c) === normaliseColumnName(want)
    )
    if (found) return found
  }
  throw new InputError(
    'The data has no loan amount column for the exposure; name the column that holds it with --ead COLUMN.'
  )
}

/** The exposure of every row from a column of amounts; an empty or negative amount is refused with its line. */
function exposures(population: Population, column: string): Float64Array {
  const found = [...population.columns.keys()].find(
    (c) => normaliseColumnName(c) === normaliseColumnName(column)
  )
  if (!found) {
    throw new InputError(
      `--ead ${column}: the data has no such column (its columns: ${[...population.columns.keys()].join(', ')}).`
    )
  }
  const values = population.columns.get(found)!
  const out = new Float64Array(values.length)
  for (let i = 0; i < values.length; i++) {
    const v = values[i] === null ? NaN : parseNumber(values[i]!)
    if (!(Number.isFinite(v) && v >= 0)) {
      throw new InputError(
        `Line ${population.lines[i]}, column ${found}: the exposure ${values[i] === null ? 'is empty' : `"${values[i]}" is not an amount of 0 ₹ or more`}. Fill it in, or name another column with --ead.`,
        { line: population.lines[i], column: found }
      )
    }
    out[i] = v
  }
  return out
}
