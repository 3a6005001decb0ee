import type Database from 'better-sqlite3'
import type { Column, ColumnKind, ColumnSpec, Table } from '../data/Table'

type Cell = string | number | null

/**
 * The columnar copy of a dataset (table dataset_column_data, migration 7): each column as
 * the typed array DatasetRepo.loadTable builds from the rows (numbers as f64 with NaN for
 * missing, text as i32 codes in order of first appearance with -1 for missing, the target
 * as 0/1 bytes), and the source lines. Written by the DatasetWriter in the transaction that
 * writes the rows; read back in a few BLOB reads instead of a million rows through SQL
 * (training, profiling and validation load whole datasets). The rows table stays the
 * dataset: a copy of another format, or none (datasets imported before it), is never read.
 */
const FORMAT = 1

/** Position under which the source lines are stored. */
const LINES = -1

/** Builds one column's typed array from the cells the writer appends, exactly as loadTable reads them back. */
abstract class ColumnBuilder {
  protected size = 0
  abstract add(cell: Cell): void
  /** The column's bytes and, for text, its levels. */
  abstract finish(): { data: Uint8Array; levels: string[] | null }
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
    this.values[this.size++] = typeof cell === 'number' ? cell : cell === null ? NaN : Number(cell)
  }
  finish(): { data: Uint8Array; levels: null } {
    return { data: bytesOf(this.values, this.size), levels: null }
  }
}

class TextBuilder extends ColumnBuilder {
  private codes = new Int32Array(0)
  private readonly levels: string[] = []
  private readonly index = new Map<string, number>()
  add(cell: Cell): void {
    this.codes = grown(this.codes, this.size)
    if (cell === null || cell === '') {
      this.codes[this.size++] = -1
      return
    }
    const key = String(cell)
    let code = this.index.get(key)
    if (code === undefined) {
      code = this.levels.length
      this.levels.push(key)
      this.index.set(key, code)
    }
    this.codes[this.size++] = code
  }
  finish(): { data: Uint8Array; levels: string[] } {
    return { data: bytesOf(this.codes, this.size), levels: this.levels }
  }
}

class TargetBuilder extends ColumnBuilder {
  private values = new Uint8Array(0)
  private readonly positiveNumber: number
  constructor(private readonly positive: string) {
    super()
    this.positiveNumber = Number(positive)
  }
  add(cell: Cell): void {
    this.values = grown(this.values, this.size)
    const positive = cell === this.positive || (typeof cell === 'number' && cell === this.positiveNumber)
    this.values[this.size++] = positive ? 1 : 0
  }
  finish(): { data: Uint8Array; levels: null } {
    return { data: bytesOf(this.values, this.size), levels: null }
  }
}

/** The columnar copy of the rows a DatasetWriter appends, written when it commits. */
export class ColumnCopyWriter {
  private readonly builders: ColumnBuilder[]
  private lines = new Int32Array(0)
  private size = 0

  constructor(columns: ColumnSpec[], positiveClass: string) {
    this.builders = columns.map((c) =>
      c.kind === 'target'
        ? new TargetBuilder(positiveClass)
        : c.kind === 'numeric'
          ? new NumericBuilder()
          : new TextBuilder()
    )
  }

  /** Appends one row's cells (in column order) and its source line. */
  add(cells: ArrayLike<Cell>, line: number): void {
    for (let c = 0; c < this.builders.length; c++) this.builders[c].add(cells[c])
    this.lines = grown(this.lines, this.size)
    this.lines[this.size++] = line
  }

  /** Writes the copy of dataset `id` (inside the writer's transaction). */
  write(db: Database.Database, id: number): void {
    const insert = db.prepare(
      'INSERT INTO dataset_column_data (dataset_id, position, format, data, levels) VALUES (?, ?, ?, ?, ?)'
    )
    this.builders.forEach((builder, position) => {
      const { data, levels } = builder.finish()
      insert.run(id, position, FORMAT, data, levels === null ? null : JSON.stringify(levels))
    })
    insert.run(id, LINES, FORMAT, bytesOf(this.lines, this.size), null)
  }
}

/**
 * The dataset's table from its columnar copy, or undefined when it has none of this
 * format (then loadTable reads the rows). `specs` are the dataset's columns in order.
 */
export function readColumnCopy(
  db: Database.Database,
  id: number,
  specs: { name: string; kind: ColumnKind }[],
  numRows: number,
  target: { name: string; positiveClass: string }
): Table | undefined {
  const rows = db
    .prepare(
      'SELECT position, format, data, levels FROM dataset_column_data WHERE dataset_id = ? ORDER BY position'
    )
    .all(id) as { position: number; format: number; data: Buffer; levels: string | null }[]
  if (rows.length !== specs.length + 1 || rows.some((r) => r.format !== FORMAT)) return undefined
  const byPosition = new Map(rows.map((r) => [r.position, r]))
  const lines = typed(byPosition.get(LINES)?.data, Int32Array, numRows)
  if (!lines) return undefined
  const columns: Column[] = []
  let targetValues: Uint8Array | undefined
  for (let position = 0; position < specs.length; position++) {
    const spec = specs[position]
    const row = byPosition.get(position)
    if (!row) return undefined
    if (spec.kind === 'target') targetValues = typed(row.data, Uint8Array, numRows)
    else if (spec.kind === 'numeric') {
      const values = typed(row.data, Float64Array, numRows)
      if (!values) return undefined
      columns.push({ name: spec.name, kind: 'numeric', values })
    } else {
      const codes = typed(row.data, Int32Array, numRows)
      if (!codes || row.levels === null) return undefined
      columns.push({ name: spec.name, kind: spec.kind, codes, levels: JSON.parse(row.levels) as string[] })
    }
  }
  if (!targetValues) return undefined
  return {
    numRows,
    columns,
    target: targetValues,
    targetName: target.name,
    positiveClass: target.positiveClass,
    lines
  }
}

/** A BLOB as a typed array of `length` elements (copied: BLOB buffers need not be aligned), or undefined when its size differs. */
function typed<T extends Float64Array | Int32Array | Uint8Array>(
  data: Buffer | undefined,
  type: { new (n: number): T; BYTES_PER_ELEMENT: number },
  length: number
): T | undefined {
  if (!data || data.length !== length * type.BYTES_PER_ELEMENT) return undefined
  const out = new type(length)
  new Uint8Array(out.buffer).set(data)
  return out
}
