import type Database from 'better-sqlite3'
import { notFound, WorkbenchError } from '../base/errors'
import type { ColumnKind, ColumnSpec, Column, Table } from '../data/Table'
import type { DatasetDetail, DatasetSummary, ImportReport } from '../../../shared/dto'
import { ColumnCopyWriter, readColumnCopy, storedRows, type StoredDataset } from './columnCopy'

export type { RejectedLine, ImportReport, DatasetSummary, DatasetDetail } from '../../../shared/dto'

export const MAX_REPORTED_LINES = 1000

export interface DatasetMeta {
  name: string
  source: 'generated' | 'imported'
  sourceFile?: string
  sourceSha256?: string
  targetColumn: string
  positiveClass: string
  params?: Record<string, unknown>
}

type Cell = string | number | null

/** SQL identifier for any name (used for older datasets' columns, stored under their header). */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`
}

/**
 * The most columns a dataset can have: SQLite's limit of columns in a table
 * (SQLITE_MAX_COLUMN, 2000 in better-sqlite3's build) less the rows table's own `_line`.
 * Datasets are no longer written as a rows table (see columnCopy.ts), but `ptm export` and
 * any dataset written before must still fit one, and no bank file comes near it.
 */
export const MAX_DATASET_COLUMNS = 1999

/**
 * Column i's name in its dataset's rows table. Headers are never SQL names: whatever a
 * bank's file calls a column (`_line`, `rowid`, `"`, a keyword, 10,000 characters, two
 * names differing only in case), it is stored as `c<i>` and its header kept as data in
 * `dataset_columns`, so no name can clash with another or with the table's own columns.
 */
export function sqlColumnName(position: number): string {
  return `c${position + 1}`
}

/** A column as the rows table holds it. */
interface StoredColumn {
  name: string
  kind: ColumnKind
  /** Its SQL name, quoted; NULL in the catalog (older datasets) means its header. */
  sql: string
}

export function datasetTableName(id: number): string {
  return `dataset_${id}`
}

interface DatasetRow {
  id: number
  name: string
  source: 'generated' | 'imported'
  source_file: string | null
  source_sha256: string | null
  row_count: number
  column_count: number
  target_column: string
  positive_class: string
  positive_count: number
  rejected_rows: number
  import_report: string
  params: string
  created_at: string
}

function toSummary(r: DatasetRow): DatasetSummary {
  return {
    id: r.id,
    name: r.name,
    source: r.source,
    sourceFile: r.source_file,
    sourceSha256: r.source_sha256,
    rows: r.row_count,
    columns: r.column_count,
    targetColumn: r.target_column,
    positiveClass: r.positive_class,
    positiveCount: r.positive_count,
    defaultRate: r.row_count > 0 ? r.positive_count / r.row_count : 0,
    rejectedRows: r.rejected_rows,
    createdAt: r.created_at
  }
}

/**
 * Writes one dataset inside one transaction: nothing of it is visible, and nothing is
 * left behind, until `commit`. A crash or `rollback` part-way leaves the database as
 * it was (SQLite rolls the open transaction back on the next open). The rows are kept
 * as columns (columnCopy.ts) and written once, at commit.
 */
export class DatasetWriter {
  private readonly copy: ColumnCopyWriter
  private rows = 0
  private positives = 0
  private open = true
  readonly id: number
  private readonly targetIndex: number
  private readonly positiveNumber: number

  constructor(
    private readonly db: Database.Database,
    private readonly meta: DatasetMeta,
    columns: ColumnSpec[],
    targetIsNumeric: boolean
  ) {
    this.targetIndex = columns.findIndex((c) => c.kind === 'target')
    if (this.targetIndex < 0) throw new Error('DatasetWriter: no target column among the columns')
    if (columns.length > MAX_DATASET_COLUMNS) {
      throw new WorkbenchError(
        'TOO_MANY_COLUMNS',
        `${meta.sourceFile ?? meta.name}: ${columns.length} columns; a dataset holds at most ${MAX_DATASET_COLUMNS} (SQLite's limit of 2000 columns per table, one kept for the line number). Remove the columns you do not need and import again.`,
        { columns: columns.length, limit: MAX_DATASET_COLUMNS }
      )
    }
    this.positiveNumber = Number(meta.positiveClass)
    this.copy = new ColumnCopyWriter(columns, targetIsNumeric)
    db.exec('BEGIN IMMEDIATE')
    try {
      const info = db
        .prepare(
          `INSERT INTO datasets (name, source, source_file, source_sha256, row_count, column_count,
             target_column, positive_class, positive_count, params)
           VALUES (?, ?, ?, ?, 0, ?, ?, ?, 0, ?)`
        )
        .run(
          meta.name,
          meta.source,
          meta.sourceFile ?? null,
          meta.sourceSha256 ?? null,
          columns.length,
          meta.targetColumn,
          meta.positiveClass,
          JSON.stringify(meta.params ?? {})
        )
      this.id = Number(info.lastInsertRowid)
      const addColumn = db.prepare(
        'INSERT INTO dataset_columns (dataset_id, position, name, kind, sql_name) VALUES (?, ?, ?, ?, ?)'
      )
      columns.forEach((c, i) => addColumn.run(this.id, i, c.name, c.kind, sqlColumnName(i)))
    } catch (error) {
      db.exec('ROLLBACK')
      // Stryker disable next-line BooleanLiteral: the constructor throws, so no caller holds this writer
      this.open = false
      throw error
    }
  }

  /** Appends rows (one cell per column, in column order) with their source lines. */
  append(rows: Cell[][], lines: ArrayLike<number>): void {
    for (let i = 0; i < rows.length; i++) this.appendRow(rows[i], lines[i])
  }

  /** Appends one row (its cells are copied: the caller may reuse the array). */
  appendRow(cells: ArrayLike<Cell>, line: number): void {
    if (!this.open) throw new Error('DatasetWriter: already closed')
    this.copy.add(cells, line)
    const v = cells[this.targetIndex]
    // Stryker disable next-line ConditionalExpression: a cell that is not a number never equals positiveNumber
    if (v === this.meta.positiveClass || (typeof v === 'number' && v === this.positiveNumber))
      this.positives++
    this.rows++
  }

  get rowCount(): number {
    return this.rows
  }

  /**
   * Writes, still uncommitted, the columns that no longer depend on anything (see
   * ColumnCopyWriter.writeSettled); no row can be appended after it. Optional: commit
   * writes whatever is left.
   */
  writeSettledColumns(): void {
    if (!this.open) throw new Error('DatasetWriter: already closed')
    this.copy.writeSettled(this.db, this.id)
  }

  /**
   * Records the counts and report (and the source file's hash, when it was known only once
   * the rows were written), writes the columns and makes the dataset visible. `distinct[c]`:
   * no value of column c was appended twice (see ColumnCopyWriter.write).
   */
  commit(report: ImportReport, sourceSha256?: string, distinct?: readonly boolean[]): DatasetSummary {
    if (!this.open) throw new Error('DatasetWriter: already closed')
    this.db
      .prepare(
        'UPDATE datasets SET row_count = ?, positive_count = ?, rejected_rows = ?, import_report = ? WHERE id = ?'
      )
      .run(this.rows, this.positives, report.rowsRejected, JSON.stringify(report), this.id)
    if (sourceSha256 !== undefined)
      this.db.prepare('UPDATE datasets SET source_sha256 = ? WHERE id = ?').run(sourceSha256, this.id)
    this.copy.write(this.db, this.id, distinct)
    this.db.exec('COMMIT')
    this.open = false
    return new DatasetRepo(this.db).get(this.id)
  }

  /** Drops everything written so far. Safe to call more than once. */
  rollback(): void {
    if (!this.open) return
    this.open = false
    if (this.db.inTransaction) this.db.exec('ROLLBACK')
  }
}

/** A dataset whose stored columns are missing or damaged and that has no rows table to fall back on. */
function damagedDataset(id: number): WorkbenchError {
  return new WorkbenchError(
    'DATABASE_FILE',
    `Dataset ${id}: its stored columns are missing or damaged. Import its file again, or restore the database from a backup.`,
    { datasetId: id }
  )
}

/**
 * The ORDER BY that reads rows in file order: the rowid, under whichever of its aliases
 * no column shadows (an older dataset stored its headers as SQL names, so a header
 * "rowid" hid it); else `_line`, which older tables kept unique and in file order too.
 */
function rowOrder(columns: StoredColumn[]): string {
  const taken = new Set(columns.map((c) => c.sql.toLowerCase()))
  return ['rowid', 'oid', '_rowid_'].find((alias) => !taken.has(`"${alias}"`)) ?? '_line'
}

/** The dataset catalog and each dataset's rows. */
export class DatasetRepo {
  constructor(private readonly db: Database.Database) {}

  /** Starts writing a new dataset (see DatasetWriter). */
  create(meta: DatasetMeta, columns: ColumnSpec[], targetIsNumeric: boolean): DatasetWriter {
    return new DatasetWriter(this.db, meta, columns, targetIsNumeric)
  }

  list(): DatasetSummary[] {
    const rows = this.db.prepare('SELECT * FROM datasets ORDER BY id').all() as DatasetRow[]
    return rows.map(toSummary)
  }

  get(id: number): DatasetDetail {
    const row = this.db.prepare('SELECT * FROM datasets WHERE id = ?').get(id) as DatasetRow | undefined
    if (!row) throw notFound(`There is no dataset ${id}. List the datasets with "ptm datasets".`)
    const columnSpecs = this.db
      .prepare('SELECT name, kind FROM dataset_columns WHERE dataset_id = ? ORDER BY position')
      .all(id) as { name: string; kind: ColumnKind }[]
    return {
      ...toSummary(row),
      columnSpecs,
      importReport: JSON.parse(row.import_report) as ImportReport,
      params: JSON.parse(row.params) as Record<string, unknown>
    }
  }

  /** The latest dataset, or undefined when there is none. */
  latest(): DatasetSummary | undefined {
    const row = this.db.prepare('SELECT * FROM datasets ORDER BY id DESC LIMIT 1').get() as
      DatasetRow | undefined
    return row ? toSummary(row) : undefined
  }

  /** Deletes a dataset, its rows and its columns in one transaction. */
  delete(id: number): void {
    this.get(id)
    this.db.transaction(() => {
      this.db.exec(`DROP TABLE IF EXISTS ${datasetTableName(id)}`)
      this.db.prepare('DELETE FROM datasets WHERE id = ?').run(id)
    })()
  }

  /** Iterates the rows as arrays of cells in column order (for export), in source order. */
  *iterateRows(id: number): Generator<Cell[]> {
    const detail = this.get(id)
    // A dataset written before migration 12 is its rows table; its copy (format 1) lacks the
    // target's values, so its BLOBs are not even read.
    if (!this.hasRowsTable(id)) {
      const fromColumns = storedRows(this.db, id, this.stored(detail))
      if (!fromColumns) throw damagedDataset(id)
      yield* fromColumns
      return
    }
    const columns = this.storedColumns(id)
    const cols = columns.map((c) => c.sql).join(', ')
    const stmt = this.db
      .prepare(`SELECT ${cols} FROM ${datasetTableName(id)} ORDER BY ${rowOrder(columns)}`)
      .raw(true)
    for (const row of stmt.iterate()) yield row as Cell[]
  }

  /** Whether the dataset has a rows table (it was written before migration 12). */
  private hasRowsTable(id: number): boolean {
    return (
      this.db
        .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")
        .get(datasetTableName(id)) !== undefined
    )
  }

  /** What readColumnCopy and storedRows need to know of a dataset. */
  private stored(detail: DatasetDetail): StoredDataset {
    return {
      specs: detail.columnSpecs,
      numRows: detail.rows,
      target: { name: detail.targetColumn, positiveClass: detail.positiveClass }
    }
  }

  /** The columns of a dataset's rows table, in position order. */
  private storedColumns(id: number): StoredColumn[] {
    const rows = this.db
      .prepare('SELECT name, kind, sql_name FROM dataset_columns WHERE dataset_id = ? ORDER BY position')
      .all(id) as { name: string; kind: ColumnKind; sql_name: string | null }[]
    return rows.map((r) => ({ name: r.name, kind: r.kind, sql: quoteIdent(r.sql_name ?? r.name) }))
  }

  /**
   * Loads the dataset into columnar typed arrays: feature and identifier columns
   * (numeric as Float64Array with NaN for missing, text as codes with -1 for missing),
   * the 0/1 target and the source lines.
   */
  loadTable(id: number): Table {
    const detail = this.get(id)
    const n = detail.rows
    const specs = detail.columnSpecs
    const copy = readColumnCopy(this.db, id, this.stored(detail))
    if (copy) return copy
    if (!this.hasRowsTable(id)) throw damagedDataset(id)
    const targetPos = specs.findIndex((c) => c.kind === 'target')
    const columns: Column[] = []
    const readers: ((cell: Cell, row: number) => void)[] = []
    for (const spec of specs) {
      if (spec.kind === 'target') {
        readers.push(() => undefined)
        continue
      }
      if (spec.kind === 'numeric') {
        const values = new Float64Array(n)
        columns.push({ name: spec.name, kind: 'numeric', values })
        readers.push((cell, row) => {
          // Stryker disable next-line ConditionalExpression,StringLiteral: Number() of a number is that number; the test only spares the call
          values[row] = typeof cell === 'number' ? cell : cell === null ? NaN : Number(cell)
        })
      } else {
        const codes = new Int32Array(n)
        const levels: string[] = []
        const index = new Map<string, number>()
        columns.push({ name: spec.name, kind: spec.kind, codes, levels })
        readers.push((cell, row) => {
          if (cell === null || cell === '') {
            codes[row] = -1
            return
          }
          const key = String(cell)
          let code = index.get(key)
          if (code === undefined) {
            code = levels.length
            levels.push(key)
            index.set(key, code)
          }
          codes[row] = code
        })
      }
    }
    const target = new Uint8Array(n)
    const lines = new Int32Array(n)
    const positive = detail.positiveClass
    const positiveNumber = Number(positive)
    const stored = this.storedColumns(id)
    const cols = stored.map((c) => c.sql).join(', ')
    const stmt = this.db
      .prepare(`SELECT _line, ${cols} FROM ${datasetTableName(id)} ORDER BY ${rowOrder(stored)}`)
      .raw(true)
    let row = 0
    for (const raw of stmt.iterate()) {
      const cells = raw as Cell[]
      lines[row] = cells[0] as number
      for (let c = 0; c < specs.length; c++) readers[c](cells[c + 1], row)
      const t = cells[targetPos + 1]
      // Stryker disable next-line ConditionalExpression: a cell that is not a number never equals positiveNumber
      target[row] = t === positive || (typeof t === 'number' && t === positiveNumber) ? 1 : 0
      row++
    }
    return { numRows: row, columns, target, targetName: detail.targetColumn, positiveClass: positive, lines }
  }
}
