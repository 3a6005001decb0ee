import { describe, expect, it } from 'vitest'
import {
  actionsColumn,
  cellText,
  columnProps,
  keptPage,
  pageOf,
  type TableColumn
} from '../../../src/renderer/src/ui/table'

interface Row {
  id: number
  name: string
  note?: string | null
}

describe('table columns', () => {
  it('reads a cell from its format, else from the field, absent fields as empty', () => {
    const row: Row = { id: 7, name: 'Branch loans', note: null }
    const byField: TableColumn<Row> = { prop: 'id', label: '#' }
    const formatted: TableColumn<Row> = { prop: 'name', label: 'Name', format: (r) => r.name.toUpperCase() }
    expect(cellText(byField, row)).toBe('7')
    expect(cellText(formatted, row)).toBe('BRANCH LOANS')
    expect(cellText({ prop: 'note', label: 'Note' }, row)).toBe('')
    expect(cellText({ prop: 'actions', label: 'Actions' }, row)).toBe('')
  })

  it('cuts the rows into pages counted from 1, the last one short', () => {
    const rows = Array.from({ length: 45 }, (_, i) => i)
    expect(pageOf(rows, 1, 20)).toEqual(rows.slice(0, 20))
    expect(pageOf(rows, 3, 20)).toEqual([40, 41, 42, 43, 44])
    expect(pageOf(rows, 4, 20)).toEqual([])
  })

  it('keeps the page while it still has rows, else goes back to the first', () => {
    expect(keptPage(3, 20, 45)).toBe(3)
    expect(keptPage(3, 20, 40)).toBe(1)
    expect(keptPage(2, 20, 21)).toBe(2)
    expect(keptPage(1, 20, 0)).toBe(1)
  })
})

describe('columnProps', () => {
  it('right-aligns numbers in tabular figures and passes widths and tooltips on', () => {
    expect(columnProps<Row>({ prop: 'id', label: '#', width: 56, numeric: true })).toEqual({
      label: '#',
      width: 56,
      minWidth: undefined,
      align: 'right',
      className: 'num',
      fixed: undefined,
      showOverflowTooltip: undefined
    })
    const name = columnProps<Row>({
      prop: 'name',
      label: 'Name',
      minWidth: 160,
      tooltip: true,
      fixed: 'left'
    })
    expect(name).toMatchObject({
      align: 'left',
      className: undefined,
      minWidth: 160,
      showOverflowTooltip: true
    })
    expect(columnProps<Row>({ prop: 'id', label: '', numeric: true, align: 'center' }).align).toBe('center')
  })
})

describe('actionsColumn', () => {
  it('is the actions field, fixed at the right, with the given header, width and buttons', () => {
    const buttons = (r: Row) => [{ text: 'Delete', label: `Delete ${r.name}`, run: () => r.id }]
    const column = actionsColumn<Row>('Actions', 290, buttons)
    expect(column).toEqual({
      prop: 'actions',
      label: 'Actions',
      width: 290,
      fixed: 'right',
      actions: buttons
    })
    expect(columnProps(column).fixed).toBe('right')
    expect(column.actions?.({ id: 3, name: 'Loans' })[0].label).toBe('Delete Loans')
  })
})
