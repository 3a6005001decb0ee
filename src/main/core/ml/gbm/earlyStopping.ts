import { binColumns, type BinMapper } from '../binning'
import type { BoostedTree } from './BoostedTree'

/** Rows that decide when to stop: never fitted on. */
export interface GbmValidation {
  columns: Float64Array[]
  y: Uint8Array
  /**
   * Added to the validation margins before the loss is measured: logit(real rate) −
   * logit(fit rate) when the fit rows were rebalanced (SMOTE), the prior correction that
   * makes a balanced model's margins log-odds of the real rows again. 0 otherwise.
   */
  marginOffset: number
}

/**
 * Early stopping (XGBoost's early_stopping_rounds on its log-loss): the validation rows'
 * margins follow the model round by round (each tree's leaf added, the rows binned once
 * with the training rows' edges), their mean log-loss is recorded, and training stops
 * `patience` rounds after the last new minimum. The first minimum's round count is kept.
 */
export class ValidationTracker {
  private readonly bins: Uint8Array[]
  private readonly margin: Float64Array
  private readonly y: Uint8Array
  private readonly history: number[] = []
  private best = Infinity
  bestRounds = 0

  constructor(
    validation: GbmValidation,
    mapper: BinMapper,
    bias: number,
    private readonly patience: number
  ) {
    this.bins = binColumns(mapper, validation.columns)
    this.y = validation.y
    this.margin = new Float64Array(validation.y.length).fill(bias + validation.marginOffset)
  }

  /** Adds a round's tree; true when training should stop. */
  addTree(tree: BoostedTree): boolean {
    const { margin, y, bins } = this
    let loss = 0
    for (let r = 0; r < y.length; r++) {
      const m = (margin[r] += tree.value[tree.leafOf(bins, r)])
      loss += softplus(y[r] === 1 ? -m : m)
    }
    loss /= y.length
    this.history.push(loss)
    if (loss < this.best) {
      this.best = loss
      this.bestRounds = this.history.length
    }
    return this.patience > 0 && this.history.length - this.bestRounds >= this.patience
  }

  losses(): Float64Array {
    return Float64Array.from(this.history)
  }
}

/** log(1 + e^x) without overflow. */
function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x))
}
