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
    '-',
    // A number after a tab or carriage return still starts with a formula character.
    '\t42',
    '\t-42',
    '\r-7',
    // Only plain numbers are left alone: a percentage or a sign before a dot is prefixed.
    '-12.5%',
    '-.5'
  ])('prefixes %j with an apostrophe so Excel shows it as text', (cell) => {
    expect(neutraliseCell(cell)).toBe(`'${cell}`)
  })

  it.each([
    '-250',
    '-250.75',
    '+42',
    '-1,50,000',
    '-1.5e3',
    '-1.5e-3',
    '+2.5E+10',
    '-250 ',
    '-250\t',
    '0',
    'Salaried',
    'C-1001',
    ''
  ])('leaves %j unchanged: a plain number or text is not a formula', (cell) => {
    expect(neutraliseCell(cell)).toBe(cell)
  })
})
