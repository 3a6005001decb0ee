import type Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ColumnSpec, NumericColumn, TextColumn } from '../../../../src/main/core/data/Table'
import { ColumnCopyWriter, readColumnCopy, storedRows } from '../../../../src/main/core/storage/columnCopy'
import { openDatabase } from '../../../../src/main/core/storage/openDatabase'

// The stored columns on their own, byte by byte: the expected arrays are written out by hand.

const SPECS: ColumnSpec[] = [
  { name: 'amount', kind: 'numeric' },
  { name: 'region', kind: 'categorical' },
  { name: 'Default', kind: 'target' },
  { name: 'id', kind: 'identifier' }
]
const TARGET = { name: 'Default', positiveClass: 'yes' }

describe('a dataset stored as its columns, format 2', () => {
  let db: Database.Database
  beforeEach(() => {
    db = openDatabase(':memory:')
    db.prepare(
      `INSERT INTO datasets (name, source, row_count, column_count, target_column, positive_class, positive_count)
       VALUES ('d', 'imported', 0, 4, 'Default', 'yes', 0)`
    ).run()
  })
  afterEach(() => db.close())

  /** Writes rows (cells in SPECS order) with lines 2, 3, …, as dataset 1. */
  const write = (
    rows: (string | number | null)[][],
    targetIsNumeric = false,
    distinct: boolean[] = []
  ): void => {
    const writer = new ColumnCopyWriter(SPECS, targetIsNumeric)
    rows.forEach((cells, i) => writer.add(cells, i + 2))
    writer.write(db, 1, distinct)
  }
  const read = (numRows: number, specs = SPECS, target = TARGET): ReturnType<typeof readColumnCopy> =>
    readColumnCopy(db, 1, { specs, numRows, target })
  const stored = (): { position: number; format: number; bytes: number; levels: string | null }[] =>
    db
      .prepare(
        'SELECT position, format, length(data) AS bytes, levels FROM dataset_column_data WHERE dataset_id = 1 ORDER BY position'
      )
      .all() as { position: number; format: number; bytes: number; levels: string | null }[]

  const ROWS: (string | number | null)[][] = [
    [1500, 'North', 'yes', 'A-1'],
    ['12.5', '', 'no', 'A-2'],
    [null, 'South', 'Yes', 7],
    [-0.25, null, 1, 'A-1'],
    ['x', 'North', 'yes ', '7']
  ]

  it('stores each column under its position with format 2, the lines under −1, levels only for text, the target as its values', () => {
    write(ROWS)
    expect(stored()).toEqual([
      { position: -1, format: 2, bytes: 5 * 4, levels: null },
      { position: 0, format: 2, bytes: 5 * 8, levels: null },
      { position: 1, format: 2, bytes: 5 * 4, levels: '["North","South"]' },
      { position: 2, format: 2, bytes: 5 * 4, levels: '["yes","no","Yes","1","yes "]' },
      { position: 3, format: 2, bytes: 5 * 4, levels: '["A-1","A-2","7"]' }
    ])
  })

  it('keeps an identifier’s values as appended when they are known distinct, and codes them by first appearance otherwise', () => {
    const rows = ROWS.map((cells, i) => [...cells.slice(0, 3), i === 2 ? null : `B-${i % 3}`])
    write(rows, false, [false, false, false, true])
    // Vouched distinct (wrongly, here): each value its own level, as appended.
    expect(stored()[4].levels).toBe('["B-0","B-1","B-0","B-1"]')
    db.prepare('DELETE FROM dataset_column_data').run()
    write(rows)
    const id = read(5)!.columns[2] as TextColumn
    expect([...id.codes]).toEqual([0, 1, -1, 0, 1])
    expect(id.levels).toEqual(['B-0', 'B-1'])
  })

  it('takes no row once the settled columns are written', () => {
    const writer = new ColumnCopyWriter(SPECS, false)
    writer.add(ROWS[0], 2)
    writer.writeSettled(db, 1)
    expect(() => writer.add(ROWS[1], 3)).toThrow(
      'ColumnCopyWriter: rows added after the columns were written'
    )
    // The identifier waited for the survey's verdict; write adds it (and only it) to the others.
    expect(stored().map((r) => r.position)).toEqual([-1, 0, 1, 2])
    writer.write(db, 1)
    expect(stored().map((r) => r.position)).toEqual([-1, 0, 1, 2, 3])
  })

  it('counts no missing target as positive when no row holds the positive class', () => {
    write([
      [1, 'a', 'no', 'x'],
      [2, 'a', null, 'y']
    ])
    expect([...read(2)!.target]).toEqual([0, 0])
  })

  it('reads a copy of format 1 (datasets written before migration 12): the target as 0/1 bytes', () => {
    const insert = db.prepare(
      'INSERT INTO dataset_column_data (dataset_id, position, format, data, levels) VALUES (1, ?, 1, ?, ?)'
    )
    const bytes = (a: Float64Array | Int32Array | Uint8Array): Buffer => Buffer.from(a.buffer)
    insert.run(-1, bytes(Int32Array.of(2, 3, 4)), null)
    insert.run(0, bytes(Float64Array.of(1, NaN, 3)), null)
    insert.run(1, bytes(Int32Array.of(0, -1, 0)), '["North"]')
    insert.run(2, bytes(Uint8Array.of(1, 0, 1)), null)
    insert.run(3, bytes(Int32Array.of(0, 1, 2)), '["a","b","c"]')
    const table = read(3)!
    expect([...table.target]).toEqual([1, 0, 1])
    expect([...table.lines]).toEqual([2, 3, 4])
    expect((table.columns[0] as NumericColumn).values).toEqual(Float64Array.of(1, NaN, 3))
    expect((table.columns[2] as TextColumn).levels).toEqual(['a', 'b', 'c'])
    // Its rows are not given back from the copy: that version's rows table holds them.
    expect(storedRows(db, 1, { specs: SPECS, numRows: 3, target: TARGET })).toBeUndefined()
  })

  it('reads back numbers (NaN for missing), codes in order of first appearance (−1 for missing), the 0/1 target and the lines', () => {
    write(ROWS)
    const table = read(5)
    expect(table).toBeDefined()
    const [amount, region, id] = table!.columns as [NumericColumn, TextColumn, TextColumn]
    expect(amount).toEqual({
      name: 'amount',
      kind: 'numeric',
      values: Float64Array.of(1500, 12.5, NaN, -0.25, NaN)
    })
    expect(region).toEqual({
      name: 'region',
      kind: 'categorical',
      codes: Int32Array.of(0, -1, 1, -1, 0),
      levels: ['North', 'South']
    })
    expect(id).toEqual({
      name: 'id',
      kind: 'identifier',
      codes: Int32Array.of(0, 1, 2, 0, 2),
      levels: ['A-1', 'A-2', '7']
    })
    // Only the exact positive class is positive: not "Yes", not "yes ", and not the number 1 when the class is "yes".
    expect([...table!.target]).toEqual([1, 0, 0, 0, 0])
    expect([...table!.lines]).toEqual([2, 3, 4, 5, 6])
    expect(table).toMatchObject({ numRows: 5, targetName: 'Default', positiveClass: 'yes' })
  })

  it('stores a numeric target as numbers, positive where it equals the positive class as a number', () => {
    write(
      [
        [1, 'a', 1, 'x'],
        [1, 'a', 0, 'x'],
        [1, 'a', 1.5, 'x'],
        [1, 'a', 1, 'x']
      ],
      true
    )
    expect(stored()[3]).toEqual({ position: 2, format: 2, bytes: 4 * 8, levels: null })
    expect([...read(4, SPECS, { name: 'Default', positiveClass: '1' })!.target]).toEqual([1, 0, 0, 1])
  })

  it('grows past its first 1,024 rows and keeps every value', () => {
    const n = 2500
    write(
      Array.from({ length: n }, (_, i) => [
        i * 0.5,
        i % 3 === 0 ? 'p' : 'q',
        i % 7 === 0 ? 'yes' : 'no',
        `r${i}`
      ])
    )
    const table = read(n)!
    const [amount, region, id] = table.columns as [NumericColumn, TextColumn, TextColumn]
    expect(amount.values).toHaveLength(n)
    expect([amount.values[0], amount.values[1023], amount.values[1024], amount.values[2499]]).toEqual([
      0, 511.5, 512, 1249.5
    ])
    expect([region.codes[0], region.codes[1], region.codes[2047], region.codes[2499]]).toEqual([0, 1, 1, 0])
    expect(id.levels).toHaveLength(n)
    expect(id.codes[2499]).toBe(2499)
    expect(table.target.reduce((s, v) => s + v, 0)).toBe(Math.ceil(n / 7))
    expect([table.lines[0], table.lines[2499]]).toEqual([2, 2501])
  })

  it('is missing (undefined) when the dataset has no copy', () => {
    expect(read(0)).toBeUndefined()
  })

  it('is ignored when a column, the lines or the target is missing, the format differs, or a size is off', () => {
    const cases: [string, string, ColumnSpec[]?][] = [
      ['another format', 'UPDATE dataset_column_data SET format = 3 WHERE position = 3'],
      ['an unknown format throughout', 'UPDATE dataset_column_data SET format = 3'],
      ['the lines moved', 'UPDATE dataset_column_data SET position = 9 WHERE position = -1'],
      [
        'text where numbers should be',
        'UPDATE dataset_column_data SET levels = \'["a"]\', data = zeroblob(20) WHERE position = 0'
      ],
      ['two formats', 'UPDATE dataset_column_data SET format = 1 WHERE position = 3'],
      ['a column missing', 'DELETE FROM dataset_column_data WHERE position = 3'],
      ['the lines missing', 'DELETE FROM dataset_column_data WHERE position = -1'],
      ['a column moved', 'UPDATE dataset_column_data SET position = 9 WHERE position = 1'],
      ['the lines the wrong size', "UPDATE dataset_column_data SET data = X'00' WHERE position = -1"],
      ['numbers the wrong size', "UPDATE dataset_column_data SET data = X'0000' WHERE position = 0"],
      ['codes the wrong size', "UPDATE dataset_column_data SET data = X'0000' WHERE position = 1"],
      ['the target the wrong size', "UPDATE dataset_column_data SET data = X'00' WHERE position = 2"],
      [
        'numbers where text should be',
        'UPDATE dataset_column_data SET levels = NULL, data = zeroblob(40) WHERE position = 1'
      ],
      ['text without levels', 'UPDATE dataset_column_data SET levels = NULL WHERE position = 3'],
      [
        'no target among the columns',
        'SELECT 1',
        SPECS.map((s) => (s.kind === 'target' ? { ...s, kind: 'numeric' } : s))
      ]
    ]
    for (const [what, damage, specs] of cases) {
      db.prepare('DELETE FROM dataset_column_data').run()
      write(ROWS)
      db.prepare(damage).run()
      expect(read(5, specs), what).toBeUndefined()
    }
    db.prepare('DELETE FROM dataset_column_data').run()
    write(ROWS)
    expect(read(5)).toBeDefined()
    expect(read(4), 'asked for another row count').toBeUndefined()
  })
})
