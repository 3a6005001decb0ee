import type { ColumnKind } from './Table'
import { isMissingToken, isNoneWord, parseNumber } from './csv/parseNumber'

/** Share of non-missing values that must read as numbers for a column to be numeric; the rest are reported per line. */
export const NUMERIC_SHARE = 0.95
/** A text column with more distinct values than this, and mostly unique, is free text or a reference, not a category. */
const MAX_CATEGORY_LEVELS = 200
/** Distinct values remembered per column while profiling the file for inference. */
const DISTINCT_CAP = 2000

const ID_NAME = /(^|[_\s.-])(id|no|num|number|code|ref|key|account|acct|pan|aadhaar|index)$|^unnamed/i

/** Counts what one column of a CSV holds, one value at a time, in bounded memory. */
export class ColumnProfiler {
  /** Values that are neither missing spellings nor "None". */
  nonMissing = 0
  /** "None" cells: a missing number in a numeric column, a category in a text column. */
  noneWords = 0
  numeric = 0
  integers = 0
  /** Values seen, while there are at most DISTINCT_CAP of them. */
  private readonly distinct = new Map<string, number>()
  private distinctOverflow = false
  /** Every value seen, kept only while the column is still unique per row and may be an identifier. */
  private seen: Set<string> | null
  unique = true

  constructor(readonly name: string) {
    this.seen = new Set()
  }

  add(raw: string): void {
    const text = raw.trim()
    if (isMissingToken(text)) return
    if (isNoneWord(text)) this.noneWords++
    else {
      this.nonMissing++
      const value = parseNumber(text)
      if (!Number.isNaN(value)) {
        this.numeric++
        if (Number.isInteger(value)) this.integers++
      }
    }
    if (!this.distinctOverflow) {
      this.distinct.set(text, (this.distinct.get(text) ?? 0) + 1)
      if (this.distinct.size > DISTINCT_CAP) this.distinctOverflow = true
    }
    if (this.seen) {
      if (this.seen.has(text)) {
        this.unique = false
        this.seen = null
      } else if (this.mayBeIdentifier()) {
        this.seen.add(text)
      } else {
        // A numeric column without an identifier-like name is never an identifier:
        // stop paying memory for the uniqueness check.
        this.seen = null
        this.unique = false
      }
    }
  }

  private mayBeIdentifier(): boolean {
    return this.numeric < this.nonMissing || ID_NAME.test(this.name)
  }

  /** Distinct values seen, or undefined when there were too many to keep. */
  distinctValues(): Map<string, number> | undefined {
    return this.distinctOverflow ? undefined : this.distinct
  }

  /** The kind this column most plausibly is. */
  inferKind(): Exclude<ColumnKind, 'target'> {
    if (this.nonMissing === 0) return 'categorical'
    // The share of numbers among the other values decides; "None" then is a missing number
    // in a numeric column and one more category in a text column.
    const numericShare = this.numeric / this.nonMissing
    const manyRows = this.nonMissing >= 20
    if (numericShare >= NUMERIC_SHARE) {
      const allIntegers = this.integers === this.numeric
      if (manyRows && this.unique && allIntegers && ID_NAME.test(this.name)) return 'identifier'
      return 'numeric'
    }
    if (manyRows && this.unique) return 'identifier'
    const levels = this.distinctOverflow ? Infinity : this.distinct.size
    if (levels > MAX_CATEGORY_LEVELS && levels > 0.5 * this.nonMissing) return 'identifier'
    return 'categorical'
  }
}
