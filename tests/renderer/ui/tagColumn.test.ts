import { describe, expect, it } from 'vitest'
import { tagColumn } from '../../../src/renderer/src/ui/tagColumn'
import { cellText, columnProps } from '../../../src/renderer/src/ui/table'

describe('tagColumn', () => {
  it('draws each cell as the tag the row gives, at the given width, and reads as the tag words', () => {
    const column = tagColumn<{ change: 'in' | 'out' }>('change', 'Change', 150, (r) =>
      r.change === 'in'
        ? { text: 'Newly approved', type: 'success' }
        : { text: 'Newly declined', type: 'danger' }
    )
    expect(columnProps(column)).toMatchObject({
      label: 'Change',
      width: 150,
      align: 'left',
      className: undefined
    })
    expect(column.tag?.({ change: 'out' })).toEqual({ text: 'Newly declined', type: 'danger' })
    expect(cellText(column, { change: 'in' })).toBe('Newly approved')
  })
})
