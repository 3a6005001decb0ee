import type { ColumnKind } from './Table'
import { isMissingToken, isNoneWord, parseNumber } from './csv/parseNumber'
import { plainDecimalAt, SpellingCache } from './csv/fieldBytes'
import type { CsvRecordTable } from './csv/tokenizeCsv'

/** Share of non-missing values that must read as numbers for a column to be numeric; the rest are reported per line. */
export const NUMERIC_SHARE = 0.95
/** A text column with more distinct values than this, and mostly unique, is free text or a reference, not a category. */
const MAX_CATEGORY_LEVELS = 200
/** Distinct values remembered per column while profiling the file for inference. */
const DISTINCT_CAP = 2000

const ID_NAME = /(^|[_\s.-])(id|no|num|number|code|ref|key|account|acct|pan|aadhaar|index)$|^unnamed/i

/** What a cell is to the profiler. */
const CellKind = { missing: 0, none: 1, text: 2, number: 3, integer: 4 } as const

/** A cell's trimmed text and what it reads as. */
interface ClassifiedCell {
  text: string
  kind: (typeof CellKind)[keyof typeof CellKind]
  /** Its count among the distinct values, once looked up: a remembered spelling counts without a map lookup. */
  counter?: { n: number }
}

/** Trims a cell and says what it is: a missing spelling, "None", a number (integer or not) or text. */
function classifyCell(raw: string): ClassifiedCell {
  const text = raw.trim()
  if (isMissingToken(text)) return { text, kind: CellKind.missing }
  if (isNoneWord(text)) return { text, kind: CellKind.none }
  const value = parseNumber(text)
  if (Number.isNaN(value)) return { text, kind: CellKind.text }
  return { text, kind: Number.isInteger(value) ? CellKind.integer : CellKind.number }
}

/** Counts what one column of a CSV holds, one value at a time, in bounded memory. */
export class ColumnProfiler {
  /** Values that are neither missing spellings nor "None". */
  nonMissing = 0
  /** "None" cells: a missing number in a numeric column, a category in a text column. */
  noneWords = 0
  numeric = 0
  integers = 0
  /** Values seen, while there are at most DISTINCT_CAP of them. */
  /** Count of each distinct value, in order of first appearance. */
  private readonly distinct = new Map<string, { n: number }>()
  private distinctOverflow = false
  private readonly spellings = new SpellingCache(classifyCell)
  /** Every value seen, kept only while the column is still unique per row and may be an identifier. */
  private seen: Set<string> | null
  unique = true

  /** The name reads like an identifier's (ID_NAME), tested once, not per cell. */
  private readonly idLikeName: boolean

  constructor(readonly name: string) {
    this.seen = new Set()
    this.idLikeName = ID_NAME.test(name)
  }

  /** Counts one cell, given as text (as csv-parse gives it: untrimmed). */
  add(raw: string): void {
    this.record(classifyCell(raw))
  }

  /**
   * Counts field `field` of a tokenized chunk, as add(its text) would: each spelling is
   * classified once (SpellingCache), and once neither the distinct values nor the
   * uniqueness check need the text any more, a plain decimal is counted from its bytes.
   */
  addField(bytes: Uint8Array, table: CsvRecordTable, field: number): void {
    if (this.distinctOverflow && this.seen === null) {
      const x = plainDecimalAt(bytes, table, field)
      if (x !== undefined) {
        // NaN: an empty field, which is missing.
        if (x === x) {
          this.nonMissing++
          this.numeric++
          if (Number.isInteger(x)) this.integers++
        }
        return
      }
    }
    this.record(this.spellings.get(bytes, table, field))
  }

  private record(cell: ClassifiedCell): void {
    if (cell.kind === CellKind.missing) return
    const text = cell.text
    if (cell.kind === CellKind.none) this.noneWords++
    else {
      this.nonMissing++
      if (cell.kind !== CellKind.text) {
        this.numeric++
        if (cell.kind === CellKind.integer) this.integers++
      }
    }
    if (!this.distinctOverflow) {
      let counter = cell.counter
      if (counter === undefined) {
        counter = this.distinct.get(text)
        if (counter === undefined) {
          counter = { n: 0 }
          this.distinct.set(text, counter)
          if (this.distinct.size > DISTINCT_CAP) this.distinctOverflow = true
        }
        cell.counter = counter
      }
      counter.n++
    }
    if (this.seen) {
      // A numeric column without an identifier-like name is never an identifier: stop paying
      // memory for the uniqueness check. Else one lookup: the set grows unless `text` was in it.
      const size = this.seen.size
      if (!this.mayBeIdentifier() || this.seen.add(text).size === size) {
        this.seen = null
        this.unique = false
      }
    }
  }

  private mayBeIdentifier(): boolean {
    return this.numeric < this.nonMissing || this.idLikeName
  }

  /** Distinct values seen, or undefined when there were too many to keep. */
  distinctValues(): Map<string, number> | undefined {
    if (this.distinctOverflow) return undefined
    return new Map([...this.distinct].map(([text, counter]) => [text, counter.n]))
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
      if (manyRows && this.unique && allIntegers && this.idLikeName) return 'identifier'
      return 'numeric'
    }
    if (manyRows && this.unique) return 'identifier'
    const levels = this.distinctOverflow ? Infinity : this.distinct.size
    if (levels > MAX_CATEGORY_LEVELS && levels > 0.5 * this.nonMissing) return 'identifier'
    return 'categorical'
  }
}
