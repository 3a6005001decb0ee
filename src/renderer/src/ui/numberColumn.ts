import type { TableColumn } from './table'

/**
 * A fixed-width number column whose cells read `format(row)`: the commonest column of the
 * committee and data tables, so they state only what differs.
 */
export function numberColumn<Row>(
  prop: string,
  label: string,
  width: number,
  format: (row: Row) => string
): TableColumn<Row> {
  return { prop, label, width, numeric: true, format }
}
