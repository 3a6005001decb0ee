import type Database from 'better-sqlite3'
import type { Column, ColumnKind, ColumnSpec, Table } from '../data/Table'

type Cell = string | number | null

/**
 * A dataset's columns as stored (table dataset_column_data, migration 8): each column as the
 * typed array DatasetRepo.loadTable hands to training, profiling and validation (numbers as
 * f64 with NaN for missing, text as i32 codes in order of first appearance with -1 for
 * missing, levels as JSON), and the source lines; read back in a few BLOB reads.
 *
 * Two formats:
 * - ROWS_AND_COPY (1): datasets imported before migration 12 also have a rows table
 *   (`dataset_<id>`), which is the dataset; this copy holds the target as 0/1 bytes only.
 * - COLUMNS (2): the columns are the dataset, written once, with no rows table. The target
 *   keeps its values (numbers as f64, text as codes and levels), so every row can be given
 *   back cell for cell (export, the training-data hash). Writing each row again through
 *   SQL took more of an import than reading the file did (docs/performance.md).
 */
const ROWS_AND_COPY = 1
const COLUMNS = 2

/** Position under which the source lines are stored. */
const LINES = -1

/** Builds one column's typed array from the cells the writer appends, exactly as loadTable reads them back. */
abstract class ColumnBuilder {
  protected size = 0
  abstract add(cell: Cell): void
  /** The column's bytes and, for text, its levels; `distinct`: no value was appended twice. */
  abstract finish(distinct: boolean): { data: Uint8Array; levels: string[] | null }
  /** Whether finish depends on `distinct`. */
  // Stryker disable next-line BlockStatement,BooleanLiteral: a column that waits is written by write instead of writeSettled: the same bytes, later
  awaitsDistinct(): boolean {
    return false
  }
}

/** Grows typed arrays by doubling; `finish` gives the filled part. */
function grown<T extends Float64Array | Int32Array | Uint8Array>(array: T, size: number): T {
  if (size < array.length) return array
  const bigger = new (array.constructor as new (n: number) => T)(Math.max(1024, array.length * 2))
  bigger.set(array)
  return bigger
}

function bytesOf(array: Float64Array | Int32Array | Uint8Array, size: number): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, size * array.BYTES_PER_ELEMENT)
}

class NumericBuilder extends ColumnBuilder {
  private values = new Float64Array(0)
  add(cell: Cell): void {
    this.values = grown(this.values, this.size)
    // Stryker disable next-line ConditionalExpression,StringLiteral: Number() of a number is that number; the test only spares the call
    this.values[this.size++] = typeof cell === 'number' ? cell : cell === null ? NaN : Number(cell)
  }
  finish(): { data: Uint8Array; levels: null } {
    return { data: bytesOf(this.values, this.size), levels: null }
  }
}

/**
 * Text as codes in order of first appearance. An identifier column is appended without a
 * lookup (each value its own level), as if distinct, and coded properly at `finish` only if
 * the import's survey could not vouch that it is: looking up a million distinct IDs in a Map
 * was a quarter of an import's main thread, and the survey already checks them on its own
 * thread.
 */
class TextBuilder extends ColumnBuilder {
  private codes = new Int32Array(0)
  private levels: string[] = []
  private readonly index: Map<string, number> | null

  constructor(appendOnly: boolean) {
    super()
    this.index = appendOnly ? null : new Map()
  }

  add(cell: Cell): void {
    this.codes = grown(this.codes, this.size)
    if (cell === null || cell === '') {
      this.codes[this.size++] = -1
      return
    }
    const key = String(cell)
    if (this.index === null) {
      this.codes[this.size++] = this.levels.push(key) - 1
      return
    }
    let code = this.index.get(key)
    if (code === undefined) {
      code = this.levels.length
      this.levels.push(key)
      this.index.set(key, code)
    }
    this.codes[this.size++] = code
  }

  override awaitsDistinct(): boolean {
    // Stryker disable next-line ConditionalExpression: a coded column written later, by write, holds the same bytes
    return this.index === null
  }

  /** `distinct`: no value was appended twice (then appended levels are already the codes). */
  finish(distinct: boolean): { data: Uint8Array; levels: string[] } {
    if (this.index === null && !distinct) this.recode()
    return { data: bytesOf(this.codes, this.size), levels: this.levels }
  }

  /** Codes appended values as `add` with a lookup would have: one level per distinct value, in order of first appearance. */
  private recode(): void {
    const appended = this.levels
    const index = new Map<string, number>()
    this.levels = []
    // Stryker disable next-line EqualityOperator: codes[size] is past the column (never written, so 0, a level already seen) and not stored
    for (let r = 0; r < this.size; r++) {
      if (this.codes[r] < 0) continue
      const key = appended[this.codes[r]]
      let code = index.get(key)
      if (code === undefined) {
        code = this.levels.length
        this.levels.push(key)
        index.set(key, code)
      }
      this.codes[r] = code
    }
  }
}

/** A dataset's columns as a DatasetWriter appends its rows, written when it commits (format COLUMNS). */
export class ColumnCopyWriter {
  private readonly builders: ColumnBuilder[]
  private lines = new Int32Array(0)
  private size = 0
  /** The columns that do not await `distinct` are written (writeSettled). */
  private settled = false

  /** `targetIsNumeric`: the target's cells are numbers (else text), as the import plan found them. */
  constructor(columns: ColumnSpec[], targetIsNumeric: boolean) {
    this.builders = columns.map((c) =>
      c.kind === 'numeric' || (c.kind === 'target' && targetIsNumeric)
        ? new NumericBuilder()
        : // Stryker disable next-line ConditionalExpression: any text column appended without a lookup is coded at finish: the same codes, only slower
          new TextBuilder(c.kind === 'identifier')
    )
  }

  /** Appends one row's cells (in column order) and its source line. */
  add(cells: ArrayLike<Cell>, line: number): void {
    if (this.settled) throw new Error('ColumnCopyWriter: rows added after the columns were written')
    for (let c = 0; c < this.builders.length; c++) this.builders[c].add(cells[c])
    this.lines = grown(this.lines, this.size)
    this.lines[this.size++] = line
  }

  /**
   * Writes the columns of dataset `id` that are final already: all but the identifier
   * columns, whose coding waits for `distinct` (inside the writer's transaction). Import
   * calls it while its survey is still reading, to take the writing off the critical path;
   * no row can be added after it.
   */
  writeSettled(db: Database.Database, id: number): void {
    // Stryker disable next-line ArrayDeclaration: the columns written here do not read `distinct`
    this.writeColumns(db, id, (builder) => !builder.awaitsDistinct(), [])
    this.insert(db).run(id, LINES, COLUMNS, bytesOf(this.lines, this.size), null)
    this.settled = true
  }

  /**
   * Writes the columns of dataset `id` not written yet (inside the writer's transaction).
   * `distinct[c]`: no value of column c was appended twice (import's survey checks it);
   * unknown when absent.
   */
  // Stryker disable next-line ArrayDeclaration: a default of anything but `true`s reads as "not vouched distinct"
  write(db: Database.Database, id: number, distinct: readonly boolean[] = []): void {
    if (!this.settled) this.writeSettled(db, id)
    this.writeColumns(db, id, (builder) => builder.awaitsDistinct(), distinct)
  }

  private writeColumns(
    db: Database.Database,
    id: number,
    which: (builder: ColumnBuilder) => boolean,
    distinct: readonly boolean[]
  ): void {
    const insert = this.insert(db)
    this.builders.forEach((builder, position) => {
      if (!which(builder)) return
      const { data, levels } = builder.finish(distinct[position] === true)
      insert.run(id, position, COLUMNS, data, levels === null ? null : JSON.stringify(levels))
    })
  }

  private insert(db: Database.Database): Database.Statement {
    return db.prepare(
      'INSERT INTO dataset_column_data (dataset_id, position, format, data, levels) VALUES (?, ?, ?, ?, ?)'
    )
  }
}

/** What is stored of a dataset: its specs (in order), row count and target. */
export interface StoredDataset {
  specs: { name: string; kind: ColumnKind }[]
  numRows: number
  target: { name: string; positiveClass: string }
}

/** One stored column, as read back: numbers, or text codes with their levels. */
type StoredColumn =
  | { kind: 'numbers'; values: Float64Array }
  | { kind: 'text'; codes: Int32Array; levels: string[] }
  | { kind: 'outcomes'; positive: Uint8Array }

/** The stored columns (in spec order), their format and the source lines; undefined when any is missing or of the wrong size. */
function readStored(
  db: Database.Database,
  id: number,
  dataset: StoredDataset
): { format: number; columns: StoredColumn[]; lines: Int32Array } | undefined {
  const { specs, numRows } = dataset
  const rows = db
    .prepare(
      'SELECT position, format, data, levels FROM dataset_column_data WHERE dataset_id = ? ORDER BY position'
    )
    .all(id) as { position: number; format: number; data: Buffer; levels: string | null }[]
  if (rows.length !== specs.length + 1) return undefined
  const format = rows[0].format
  if ((format !== ROWS_AND_COPY && format !== COLUMNS) || rows.some((r) => r.format !== format))
    return undefined
  const byPosition = new Map(rows.map((r) => [r.position, r]))
  const lines = typed(byPosition.get(LINES)?.data, Int32Array, numRows)
  if (!lines) return undefined
  const columns: StoredColumn[] = []
  for (let position = 0; position < specs.length; position++) {
    const row = byPosition.get(position)
    if (!row) return undefined
    let column: StoredColumn | undefined
    if (specs[position].kind === 'target' && format === ROWS_AND_COPY) {
      const positive = typed(row.data, Uint8Array, numRows)
      column = positive && { kind: 'outcomes', positive }
    } else if (row.levels === null) {
      const values = typed(row.data, Float64Array, numRows)
      column = values && { kind: 'numbers', values }
    } else {
      const codes = typed(row.data, Int32Array, numRows)
      column = codes && { kind: 'text', codes, levels: JSON.parse(row.levels) as string[] }
    }
    if (!column) return undefined
    columns.push(column)
  }
  return { format, columns, lines }
}

/** 1 where a target cell is the positive class: the same test the writer's counts use. */
function positives(column: StoredColumn, positiveClass: string, numRows: number): Uint8Array {
  if (column.kind === 'outcomes') return column.positive
  const out = new Uint8Array(numRows)
  if (column.kind === 'numbers') {
    const positive = Number(positiveClass)
    // Stryker disable next-line EqualityOperator: out[numRows] is past the array, a write typed arrays ignore
    for (let r = 0; r < numRows; r++) out[r] = column.values[r] === positive ? 1 : 0
  } else {
    const code = column.levels.indexOf(positiveClass)
    // Stryker disable next-line EqualityOperator: out[numRows] is past the array, a write typed arrays ignore
    for (let r = 0; r < numRows; r++) out[r] = code >= 0 && column.codes[r] === code ? 1 : 0
  }
  return out
}

/**
 * The dataset's table from its stored columns, or undefined when it has none of a known
 * format (then loadTable reads the rows table of a dataset imported before the copy).
 */
export function readColumnCopy(db: Database.Database, id: number, dataset: StoredDataset): Table | undefined {
  const stored = readStored(db, id, dataset)
  if (!stored) return undefined
  const { specs, numRows, target } = dataset
  const columns: Column[] = []
  let targetValues: Uint8Array | undefined
  specs.forEach(({ name, kind }, position) => {
    const column = stored.columns[position]
    if (kind === 'target') targetValues = positives(column, target.positiveClass, numRows)
    else if (kind === 'numeric' && column.kind === 'numbers')
      columns.push({ name, kind, values: column.values })
    else if (kind !== 'numeric' && column.kind === 'text')
      columns.push({ name, kind, codes: column.codes, levels: column.levels })
  })
  if (!targetValues || columns.length !== specs.length - 1) return undefined
  return {
    numRows,
    columns,
    target: targetValues,
    targetName: target.name,
    positiveClass: target.positiveClass,
    lines: stored.lines
  }
}

/**
 * The rows of a dataset stored as columns only (format COLUMNS), cell for cell as they were
 * written (numbers, text, null for missing), in import order, one array at a time; undefined
 * when the dataset has no such columns (it has a rows table).
 */
export function storedRows(
  db: Database.Database,
  id: number,
  dataset: StoredDataset
): Generator<Cell[]> | undefined {
  const stored = readStored(db, id, dataset)
  if (!stored || stored.format !== COLUMNS) return undefined
  const cellOf = stored.columns.map((column): ((r: number) => Cell) => {
    if (column.kind === 'numbers') return (r) => (Number.isNaN(column.values[r]) ? null : column.values[r])
    // Stryker disable next-line ConditionalExpression: the other kind, 0/1 outcomes, is read from format 1 only, which never gets here
    if (column.kind === 'text') return (r) => (column.codes[r] < 0 ? null : column.levels[column.codes[r]])
    // Stryker disable next-line StringLiteral: unreachable, as above
    throw new Error('storedRows: a COLUMNS dataset holds no 0/1 target column')
  })
  return (function* () {
    for (let r = 0; r < dataset.numRows; r++) yield cellOf.map((cell) => cell(r))
  })()
}

/**
 * A BLOB as a typed array of `length` elements, or undefined when its size differs. The
 * BLOB's own memory when it is a whole ArrayBuffer of its own (as better-sqlite3 returns a
 * BLOB: aligned, and nothing else in it); copied otherwise (a BLOB inside a larger buffer need
 * not be aligned). Copying a million-row dataset's columns took ~0.3 s of `ptm inspect`.
 */
function typed<T extends Float64Array | Int32Array | Uint8Array>(
  data: Buffer | undefined,
  type: { new (n: number): T; new (buffer: ArrayBufferLike): T; BYTES_PER_ELEMENT: number },
  length: number
): T | undefined {
  if (!data || data.length !== length * type.BYTES_PER_ELEMENT) return undefined
  if (data.byteOffset === 0 && data.buffer.byteLength === data.length) return new type(data.buffer)
  const out = new type(length)
  new Uint8Array(out.buffer).set(data)
  return out
}
