import { describe, expect, it } from 'vitest'
import { numberColumn } from '../../../src/renderer/src/ui/numberColumn'
import { cellText, columnProps } from '../../../src/renderer/src/ui/table'

describe('numberColumn', () => {
  it('is right-aligned in tabular figures, at the given width, and reads its cells through the format', () => {
    const column = numberColumn<{ csi: number }>('csi', 'CSI', 110, (r) => r.csi.toFixed(3))
    expect(columnProps(column)).toMatchObject({ label: 'CSI', width: 110, align: 'right', className: 'num' })
    expect(cellText(column, { csi: 0.1234 })).toBe('0.123')
  })
})
