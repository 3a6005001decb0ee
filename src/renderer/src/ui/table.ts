/**
 * A table column as data: which field, its header, its width and how its cells read. One
 * small table component (DataTable.vue) draws any list of these, so screens declare their
 * columns instead of pasting `<el-table-column>` blocks.
 */
export interface TableColumn<Row> {
  /** The row's field shown when there is no `format` or slot; also the cell slot's name (`cell-<prop>`). */
  prop: string
  label: string
  width?: number
  minWidth?: number
  /** Numbers are right-aligned and drawn in tabular figures. */
  numeric?: boolean
  align?: 'left' | 'center' | 'right'
  /** The cell's text; a `cell-<prop>` slot, when given, draws the cell instead. */
  format?: (row: Row) => string
  /** Cut long text with an ellipsis and show it whole on hover. */
  tooltip?: boolean
  fixed?: 'left' | 'right'
  /** An actions column: the buttons of each row, drawn as small links. */
  actions?: (row: Row) => RowAction[]
  /** Each cell drawn as a small tag (a kind, a status, a light); a `cell-<prop>` slot still wins. */
  tag?: (row: Row) => CellTag
  /** A small muted line under the cell's text, which then reads in bold (a test and its figures). */
  detail?: (row: Row) => string
}

/** A cell's tag: its words and its colour. */
export interface CellTag {
  text: string
  type: 'primary' | 'success' | 'info' | 'warning' | 'danger'
  /** Filled with its colour (a traffic light) rather than tinted. */
  dark?: boolean
}

/** A button in a row's actions column. */
export interface RowAction {
  text: string
  /** Its accessible name, which says which row it acts on ("Delete Synthetic loans"). */
  label: string
  type?: 'primary' | 'danger'
  loading?: boolean
  disabled?: boolean
  run: () => unknown
}

/** The el-table-column props of a column spec (numbers right-aligned, in tabular figures). */
export function columnProps<Row>(column: TableColumn<Row>) {
  return {
    label: column.label,
    width: column.width,
    minWidth: column.minWidth,
    align: column.align ?? (column.numeric ? 'right' : 'left'),
    className: column.numeric ? 'num' : undefined,
    fixed: column.fixed,
    showOverflowTooltip: column.tooltip
  }
}

/** The text of a cell: its `format`, else the field as text (absent fields read as empty). */
export function cellText<Row>(column: TableColumn<Row>, row: Row): string {
  if (column.format) return column.format(row)
  const value: unknown = (row as Record<string, unknown>)[column.prop]
  return value === null || value === undefined ? '' : String(value)
}

/** The rows of one page (pages count from 1). */
export function pageOf<Row>(rows: readonly Row[], page: number, pageSize: number): Row[] {
  return rows.slice((page - 1) * pageSize, page * pageSize)
}

/** The page to show once the rows changed: the same one while it still has rows, else the first. */
export function keptPage(page: number, pageSize: number, total: number): number {
  return (page - 1) * pageSize >= total ? 1 : page
}

/** The row-actions column, fixed at the table's right edge so its buttons stay in view. */
export function actionsColumn<Row>(
  label: string,
  width: number,
  actions: (row: Row) => RowAction[]
): TableColumn<Row> {
  return { prop: 'actions', label, width, fixed: 'right', actions }
}
