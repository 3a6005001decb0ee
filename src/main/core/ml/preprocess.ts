import { meanAndStd, quantileSorted } from '../base/stats'
import type { FeatureSpec, InputField } from '../model/ModelArtifact'

/**
 * Raw model inputs in columnar form: numbers as Float64Array (NaN = missing), categories
 * as strings (null = missing). Training builds it from the dataset table; scoring builds
 * it from CSV chunks or JSON, so both go through the same transform below.
 */
export interface RawInputs {
  numRows: number
  numeric: Map<string, Float64Array>
  categorical: Map<string, (string | null)[]>
}

/** Describes each raw input column over the training rows: range and median, or categories. */
export function describeInputs(
  raw: RawInputs,
  rows: Int32Array,
  summaries: ColumnSummaries = new ColumnSummaries()
): InputField[] {
  const share = (count: number): number => (rows.length ? count / rows.length : 0)
  return mapInputs<InputField>(
    raw,
    rows,
    summaries,
    (name, sorted) => {
      const q = (p: number): number | null => (sorted.length ? quantileSorted(sorted, p) : null)
      return {
        name,
        kind: 'numeric',
        min: sorted.length ? sorted[0] : null,
        max: sorted.length ? sorted[sorted.length - 1] : null,
        p01: q(0.01),
        p99: q(0.99),
        median: q(0.5),
        missingShare: share(rows.length - sorted.length)
      }
    },
    (name, { levels, counts, missing }) => ({
      name,
      kind: 'categorical',
      categories: levels,
      mostFrequent: mostFrequent(levels, counts),
      missingShare: share(missing)
    })
  )
}

/**
 * Maps each raw input column, the numbers then the categories (RawInputs' order), with its
 * summary over `rows`: the sorted non-missing values of a number, the level counts of a category.
 */
export function mapInputs<T>(
  raw: RawInputs,
  rows: Int32Array,
  summaries: ColumnSummaries,
  numeric: (name: string, sorted: Float64Array, values: Float64Array) => T,
  categorical: (name: string, counts: LevelCounts) => T
): T[] {
  const out: T[] = []
  for (const [name, values] of raw.numeric) out.push(numeric(name, summaries.sorted(values, rows), values))
  for (const [name, values] of raw.categorical) out.push(categorical(name, summaries.levels(values, rows)))
  return out
}

/**
 * Fits the spec's preprocessing on the training rows only: median imputation and
 * standard scaling for numbers, most-frequent imputation and label encoding (sorted
 * levels) for categories. Columns with no training value at all are left out (they
 * carry no information), and listed in `dropped`.
 */
export function fitFeatureSpecs(
  raw: RawInputs,
  rows: Int32Array,
  engineered: Set<string>,
  summaries: ColumnSummaries = new ColumnSummaries()
): { features: FeatureSpec[]; dropped: string[] } {
  const features: FeatureSpec[] = []
  const dropped: string[] = []
  const source = (name: string): 'input' | 'engineered' => (engineered.has(name) ? 'engineered' : 'input')
  for (const [name, values] of raw.numeric) {
    const sorted = summaries.sorted(values, rows)
    if (sorted.length === 0) {
      dropped.push(name)
      continue
    }
    const median = quantileSorted(sorted, 0.5)
    // Mean and std of the imputed training column, as StandardScaler after SimpleImputer
    // (finite for extreme values such as ±1e308: meanAndStd scales them first).
    const { mean, std } = meanAndStd(rows.length, (i) => {
      const x = values[rows[i]]
      return x === x ? x : median
    })
    features.push({ name, kind: 'numeric', source: source(name), median, mean, std: std > 0 ? std : 1 })
  }
  for (const [name, values] of raw.categorical) {
    const { levels, counts } = summaries.levels(values, rows)
    if (levels.length === 0) {
      dropped.push(name)
      continue
    }
    const top = mostFrequent(levels, counts)!
    features.push({ name, kind: 'categorical', source: source(name), levels, fill: levels.indexOf(top) })
  }
  return { features, dropped }
}

export interface FeatureMatrix {
  /** One column per feature, in the order of the feature specs. */
  columns: Float64Array[]
  /** Per feature: rows whose value was missing (imputed, or left NaN with keepMissing). */
  imputed: number[]
  /** Per categorical feature: rows whose category was never seen in training (encoded as the most frequent). */
  unseen: number[]
}

/**
 * Applies the fitted preprocessing to raw inputs, giving the model's feature columns. With
 * `keepMissing` (an engine that reads missing values itself, artifact.keepsMissing) a
 * missing value stays NaN instead of taking the median or the most frequent level; an
 * unseen category still takes the most frequent level's code either way.
 */
export function buildFeatureMatrix(
  features: FeatureSpec[],
  raw: RawInputs,
  keepMissing = false
): FeatureMatrix {
  const n = raw.numRows
  const columns: Float64Array[] = []
  const imputed: number[] = []
  const unseen: number[] = []
  for (const f of features) {
    const out = new Float64Array(n)
    let missing = 0
    let unknown = 0
    if (f.kind === 'numeric') {
      const values = raw.numeric.get(f.name)
      const inv = 1 / f.std
      for (let i = 0; i < n; i++) {
        let x = values ? values[i] : NaN
        if (x !== x) {
          missing++
          if (keepMissing) {
            out[i] = NaN
            continue
          }
          x = f.median
        }
        const z = (x - f.mean) * inv
        // z − z is 0 only for a finite z: extreme inputs take the overflow-safe way.
        out[i] = z - z === 0 ? z : standardiseExtreme(x, f.mean, f.std)
      }
    } else {
      const values = raw.categorical.get(f.name)
      const codes = new Map(f.levels.map((l, i) => [l, i]))
      for (let i = 0; i < n; i++) {
        const v = values ? values[i] : null
        if (v === null || v === undefined) {
          out[i] = keepMissing ? NaN : f.fill
          missing++
          continue
        }
        const code = codes.get(v)
        if (code === undefined) {
          out[i] = f.fill
          unknown++
        } else out[i] = code
      }
    }
    columns.push(out)
    imputed.push(missing)
    unseen.push(unknown)
  }
  return { columns, imputed, unseen }
}

/**
 * (x − mean) / std when the plain form overflows (x far beyond the training range, or a
 * subnormal std): divided first, and held within the doubles so that the forest still
 * sends the value to the side it belongs to. A feature value is never ±Infinity or NaN.
 */
function standardiseExtreme(x: number, mean: number, std: number): number {
  const z = x / std - mean / std
  if (z - z === 0) return z
  const side = x / 2 - mean / 2
  return side > 0 ? Number.MAX_VALUE : side < 0 ? -Number.MAX_VALUE : 0
}

/** A category column's levels over some rows (sorted), the rows of each, and the rows without one. */
export interface LevelCounts {
  levels: string[]
  counts: number[]
  missing: number
}

/**
 * Summaries of columns over one set of rows, each made once however often it is asked for:
 * training reads the same sorted training values for the inputs' ranges, the imputation
 * medians and the drift deciles, and the same level counts for the input schema, the
 * encoding and the drift shares. Callers only read what it returns.
 */
export class ColumnSummaries {
  private rows: ArrayLike<number> | null = null
  private readonly sortedOf = new Map<Float64Array, Float64Array>()
  private readonly levelsOf = new Map<(string | null)[], LevelCounts>()

  /** The non-missing values of `values` at `rows`, sorted ascending. */
  sorted(values: Float64Array, rows: ArrayLike<number>): Float64Array {
    return this.summary(this.sortedOf, values, rows, sortedNonMissing)
  }

  /** The levels of `values` at `rows` and their counts. */
  levels(values: (string | null)[], rows: ArrayLike<number>): LevelCounts {
    return this.summary(this.levelsOf, values, rows, countLevels)
  }

  private summary<C, S>(
    made: Map<C, S>,
    column: C,
    rows: ArrayLike<number>,
    make: (column: C, rows: ArrayLike<number>) => S
  ): S {
    if (rows !== this.rows) {
      this.rows = rows
      this.sortedOf.clear()
      this.levelsOf.clear()
    }
    let summary = made.get(column)
    if (summary === undefined) {
      summary = make(column, rows)
      made.set(column, summary)
    }
    return summary
  }
}

/** Non-missing values of `values` at `rows`, sorted ascending. */
export function sortedNonMissing(values: Float64Array, rows: ArrayLike<number>): Float64Array {
  const out = new Float64Array(rows.length)
  let k = 0
  for (let i = 0; i < rows.length; i++) {
    const x = values[rows[i]]
    if (x === x) out[k++] = x
  }
  return out.subarray(0, k).sort()
}

function countLevels(values: (string | null)[], rows: ArrayLike<number>): LevelCounts {
  const counts = new Map<string, number>()
  let missing = 0
  for (let i = 0; i < rows.length; i++) {
    const v = values[rows[i]]
    if (v === null || v === undefined) missing++
    else counts.set(v, (counts.get(v) ?? 0) + 1)
  }
  const levels = [...counts.keys()].sort()
  return { levels, counts: levels.map((l) => counts.get(l)!), missing }
}

function mostFrequent(levels: string[], counts: number[]): string | null {
  let best = -1
  for (let i = 0; i < levels.length; i++) if (best < 0 || counts[i] > counts[best]) best = i
  return best < 0 ? null : levels[best]
}
