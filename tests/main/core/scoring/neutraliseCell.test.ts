import { describe, expect, it } from 'vitest'
import { neutraliseCell } from '../../../../src/main/core/scoring/neutraliseCell'

describe('neutraliseCell', () => {
  it.each([
    '=HYPERLINK("http://x","click")',
    '=1+1',
    '+1+1',
    '-2+3',
    "-1+cmd|' /C calc'!A0",
    '@SUM(A1)',
    '\tcmd',
    '\r=1+1',
    '- 250',
    '-A1',
    '+',
    '-'
  ])('prefixes %j with an apostrophe so Excel shows it as text', (cell) => {
    expect(neutraliseCell(cell)).toBe(`'${cell}`)
  })

  it.each(['-250', '-250.75', '+42', '-1,50,000', '-1.5e3', '0', 'Salaried', 'C-1001', ''])(
    'leaves %j unchanged: a plain number or text is not a formula',
    (cell) => {
      expect(neutraliseCell(cell)).toBe(cell)
    }
  )
})
