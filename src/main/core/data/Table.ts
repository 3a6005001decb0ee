/**
 * Columnar in-memory data (docs/ARCHITECTURE.md rule 5): one typed array per column,
 * row subsets as index arrays, never arrays of row objects.
 */

import type { ColumnKind, ColumnSpec } from '../../../shared/dto'

export type { ColumnKind, ColumnSpec }

/** Numbers; NaN marks a missing value. */
export interface NumericColumn {
  name: string
  kind: 'numeric'
  values: Float64Array
}

/** Text values as codes into `levels`; -1 marks a missing value. */
export interface TextColumn {
  name: string
  kind: 'categorical' | 'identifier'
  codes: Int32Array
  levels: string[]
}

export type Column = NumericColumn | TextColumn

/** A dataset's feature columns, its 0/1 target and the source line of every row. */
export interface Table {
  numRows: number
  columns: Column[]
  /** 1 = the positive class (default), 0 = the other. */
  target: Uint8Array
  targetName: string
  positiveClass: string
  /** Line of the source file (or row number when generated) of each row, for error reports. */
  lines: Int32Array
}

/** The column called `name`, or undefined. */
export function findColumn(table: Pick<Table, 'columns'>, name: string): Column | undefined {
  return table.columns.find((c) => c.name === name)
}
