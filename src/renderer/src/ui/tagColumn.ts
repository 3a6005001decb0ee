import type { CellTag, TableColumn } from './table'

/**
 * A fixed-width column whose cells are small tags (a column's kind, a test's light, a loan
 * newly approved or declined); its cells read as the tags' words wherever text is wanted.
 */
export function tagColumn<Row>(
  prop: string,
  label: string,
  width: number,
  tag: (row: Row) => CellTag
): TableColumn<Row> {
  return { prop, label, width, tag, format: (row) => tag(row).text }
}
