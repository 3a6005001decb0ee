import type { LgdPolicy } from '../../../shared/validation'
import { InputError } from '../base/errors'

/**
 * Exposure at default and loss given default per row, the two ₹ inputs of expected loss.
 *
 * LGD defaults (house values, not regulatory ones; set them from the bank's own recovery
 * data): a single 45 % when the data says nothing about security, the figure Basel's
 * foundation approach prescribes for senior unsecured claims and the customary flat
 * assumption; with a Collateral column, 25 % for a secured loan (the pledge is sold, costs
 * and haircuts take a quarter) and 65 % for an unsecured retail loan, which recovers far
 * less than a corporate claim. Both straddle the flat 45 %.
 */
export const DEFAULT_LGD_POLICY: LgdPolicy = { secured: 0.25, unsecured: 0.65, flat: 0.45 }

/** Net interest margin per period on the exposure, 3 % by default. */
export const DEFAULT_MARGIN = 0.03

const SECURED = new Set(['yes', 'y', 'true', '1', 'secured'])
const UNSECURED = new Set(['no', 'n', 'false', '0', 'unsecured'])

export interface LgdRows {
  lgd: Float64Array
  source: 'collateral' | 'flat'
  /** Rows whose collateral cell was empty and got the flat LGD. */
  missing: number
}

/**
 * LGD of every row: from a yes/no collateral column when there is one (an empty cell gets the
 * flat LGD), else the flat LGD for all. A value that is neither yes nor no is refused.
 */
export function lgdPerRow(
  collateral: readonly (string | null)[] | null,
  numRows: number,
  policy: LgdPolicy = DEFAULT_LGD_POLICY,
  column = 'Collateral'
): LgdRows {
  checkPolicy(policy)
  const lgd = new Float64Array(numRows)
  if (collateral === null) return { lgd: lgd.fill(policy.flat), source: 'flat', missing: 0 }
  if (collateral.length !== numRows) {
    throw new Error(`lgdPerRow: ${collateral.length} collateral values for ${numRows} rows.`)
  }
  let missing = 0
  for (let i = 0; i < numRows; i++) {
    const raw = collateral[i]
    const value = raw === null ? '' : raw.trim().toLowerCase()
    if (value === '') {
      lgd[i] = policy.flat
      missing++
    } else if (SECURED.has(value)) lgd[i] = policy.secured
    else if (UNSECURED.has(value)) lgd[i] = policy.unsecured
    else {
      throw new InputError(
        `Row ${i + 1}, column ${column}: "${raw}" is not a collateral flag. Write Yes or No (or leave it empty to use the flat LGD of ${policy.flat}).`,
        { row: i + 1, column }
      )
    }
  }
  return { lgd, source: 'collateral', missing }
}

/** The exposure of every row, checked: a finite amount of at least 0 ₹. */
export function exposurePerRow(values: Float64Array, column: string): Float64Array {
  for (let i = 0; i < values.length; i++) {
    const v = values[i]
    if (!(Number.isFinite(v) && v >= 0)) {
      throw new InputError(
        `Row ${i + 1}, column ${column}: the exposure ${Number.isNaN(v) ? 'is empty' : `${v} is not an amount of 0 ₹ or more`}. Fill in the loan amount, or name another column with --ead.`,
        { row: i + 1, column }
      )
    }
  }
  return values
}

function checkPolicy(policy: LgdPolicy): void {
  for (const [name, value] of Object.entries(policy)) {
    if (!(value >= 0 && value <= 1)) {
      throw new InputError(`LGD ${name} = ${value} is not a share between 0 and 1 (e.g. 0.45 for 45 %).`)
    }
  }
}
