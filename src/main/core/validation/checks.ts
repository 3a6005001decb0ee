/** Checks shared by the validation modules: rows line up, labels are 0/1, PDs are probabilities. */

/** Throws unless `pd` holds probabilities and `outcome` (when given) 0/1 labels, one per row. */
export function checkRows(where: string, pd: Float64Array, outcome?: Uint8Array | null): void {
  if (outcome && outcome.length !== pd.length) {
    throw new Error(
      `${where}: ${pd.length} probabilities but ${outcome.length} outcomes; they must be one per row.`
    )
  }
  for (let i = 0; i < pd.length; i++) {
    if (!(pd[i] >= 0 && pd[i] <= 1)) {
      throw new Error(
        `${where}: the PD of row ${i + 1} is ${pd[i]}, not a probability in [0, 1]; score every row first.`
      )
    }
    if (outcome && outcome[i] > 1) {
      throw new Error(
        `${where}: the outcome of row ${i + 1} is ${outcome[i]}; outcomes must be 0 (repaid) or 1 (defaulted).`
      )
    }
  }
}

/** a / b, or null when b is 0. */
export function ratio(a: number, b: number): number | null {
  return b === 0 ? null : a / b
}
