import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  boxStats,
  pearsonMatrix,
  profileColumn,
  profileTable,
  type DatasetProfile
} from '../../../../src/main/core/eda/profileTable'
import type { Column, Table } from '../../../../src/main/core/data/Table'
import { Workbench } from '../../../../src/main/core/service/Workbench'
import { expectClose } from '../../../helpers/expectClose'
import { useTempDir } from '../../../helpers/tempDir'

// The oracle: tests/fixtures/oracle/profileOracle.py computed the profile of the same file with
// pandas and numpy (the script says how to regenerate it). Nothing of ours produced these numbers.
const FIXTURES = join(__dirname, '../../../fixtures/oracle')
const CSV = join(FIXTURES, 'loans-600.csv')
const oracle = JSON.parse(readFileSync(join(FIXTURES, 'loans-600.profile.json'), 'utf8')) as {
  numRows: number
  positives: number
  defaultRate: number
  columns: { name: string; kind: string }[]
  correlation: { names: string[]; matrix: (number | null)[][] }
}
const IDENTIFIERS = new Set(['Customer_ID'])
const CATEGORICAL = new Set(['Region', 'Area_Type', 'Employment_Status', 'Loan_Purpose', 'Collateral'])

/** The fixture as a Table, read with a plain split (it holds no quotes), kinds as the README gives them. */
function fixtureTable(): Table {
  const [header, ...lines] = readFileSync(CSV, 'utf8').trim().split('\n')
  const names = header.split(',')
  const rows = lines.map((l) => l.split(','))
  const targetIndex = names.indexOf('Default')
  const columns: Column[] = names.flatMap((name, j): Column[] => {
    if (j === targetIndex) return []
    const cells = rows.map((r) => r[j])
    if (IDENTIFIERS.has(name) || CATEGORICAL.has(name)) {
      const levels = [...new Set(cells.filter((c) => c !== ''))]
      const codes = Int32Array.from(cells, (c) => (c === '' ? -1 : levels.indexOf(c)))
      return [{ name, kind: IDENTIFIERS.has(name) ? 'identifier' : 'categorical', codes, levels }]
    }
    return [{ name, kind: 'numeric', values: Float64Array.from(cells, (c) => (c === '' ? NaN : Number(c))) }]
  })
  return {
    numRows: rows.length,
    columns,
    target: Uint8Array.from(rows, (r) => Number(r[targetIndex])),
    targetName: 'Default',
    positiveClass: '1',
    lines: Int32Array.from(rows, (_, i) => i + 2)
  }
}

describe('profileTable against pandas and numpy', () => {
  // Computed inside each test, not once when the file is collected: Stryker counts only what a
  // test runs as covered by it, so a profile made at collection left these oracles out of the
  // mutation run.
  const profileOf = (): DatasetProfile => profileTable(fixtureTable())

  it('counts rows, defaults and the default rate as pandas does', () => {
    const profile = profileOf()
    expect(profile.numRows).toBe(oracle.numRows)
    expect(profile.positives).toBe(oracle.positives)
    expect(profile.defaultRate).toBe(oracle.defaultRate)
  })

  it.each(oracle.columns.map((c) => [c.name, c] as const))(
    'profiles column %s as pandas does (counts, moments, quartiles, histogram, box plots by class, categories)',
    (name, expected) => {
      const column = profileOf().columns.find((c) => c.name === name)
      expectClose(column, expected, 1e-12, name)
    }
  )

  it('correlates the numeric columns and the target as pandas DataFrame.corr does (pairwise complete)', () => {
    const profile = profileOf()
    expect(profile.correlation.names).toEqual(oracle.correlation.names)
    expectClose(profile.correlation.matrix, oracle.correlation.matrix, 1e-12, 'correlation')
  })

  const tmp = useTempDir()
  it('gives the same profile for the file imported through the workbench', async () => {
    const service = Workbench.open(tmp.path('w.db'))
    try {
      const imported = await service.importCsv({ path: CSV, target: 'Default' })
      const stored = await service.profileDataset(imported.dataset.id)
      expectClose(stored.columns, oracle.columns, 1e-12, 'columns')
      expectClose(stored.correlation, oracle.correlation, 1e-12, 'correlation')
    } finally {
      service.close()
    }
  })
})

describe('profile statistics worked by hand', () => {
  it("places Tukey's whiskers at the most extreme values within 1.5 IQR of the quartiles", () => {
    // Quartiles of 1..8 and 40 (numpy linear): q1 = 3, median 5, q3 = 7, IQR 4 → fences −3 and 13.
    const box = boxStats(Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 40]))
    expect(box).toEqual({
      count: 9,
      min: 1,
      q1: 3,
      median: 5,
      q3: 7,
      max: 40,
      mean: 76 / 9,
      lowerWhisker: 1,
      upperWhisker: 8
    })
  })

  it('reaches the lower whisker past a low outlier', () => {
    // −30, 10, 11, 12, 13: q1 = 10, q3 = 12, IQR 2 → lower fence 7, so the whisker is 10.
    const box = boxStats(Float64Array.from([-30, 10, 11, 12, 13]))
    expect(box?.lowerWhisker).toBe(10)
    expect(box?.upperWhisker).toBe(13)
  })

  it('counts a value that equals a shown edge in the bin that starts at that edge', () => {
    // Four values, four bins of width 0.7 over [0, 2.8]: the third edge is 3 × 0.7 =
    // 2.0999999999999996, and 2.0999999999999996 / 0.7 rounds to 2.9999999999999996.
    const third = 3 * 0.7
    const profile = profileColumn(
      { name: 'x', kind: 'numeric', values: Float64Array.from([0, 1, third, 2.8]) },
      Uint8Array.from([0, 0, 1, 0])
    )
    if (profile.kind !== 'numeric') throw new Error('expected a numeric profile')
    expect(profile.histogram.edges[3]).toBe(third)
    expect(profile.histogram.counts).toEqual([1, 1, 0, 2])
    expect(profile.histogram.countsByClass).toEqual([
      [1, 1, 0, 1],
      [0, 0, 0, 1]
    ])
  })

  it('has no box for no values', () => {
    expect(boxStats(new Float64Array(0))).toBeNull()
  })

  it("computes Pearson's r over the rows both columns have, and NaN for a constant column", () => {
    // Rows 0–3 complete: x = 1,2,3,4 and y = 2,4,5,9; Σdxdy = 11, Σdx² = 5, Σdy² = 26 → r = 11 / √130.
    const x = [1, 2, 3, 4, NaN, 7]
    const y = [2, 4, 5, 9, 1, NaN]
    const flat = [5, 5, 5, 5, 5, 5]
    const m = pearsonMatrix([x, y, flat])
    expect(m[0][1]).toBeCloseTo(11 / Math.sqrt(130), 14)
    expect(m[1][0]).toBe(m[0][1])
    expect(m[0][0]).toBe(1)
    expect(m[0][2]).toBeNaN()
    expect(m[2][1]).toBeNaN()
  })

  it('finds a perfect negative correlation of −1', () => {
    expect(
      pearsonMatrix([
        [1, 2, 3],
        [30, 20, 10]
      ])[0][1]
    ).toBeCloseTo(-1, 15)
  })
})
