import { describe, expect, it } from 'vitest'
import { CsvRecordTable, tokenizeCsv } from '../../../../src/main/core/data/csv/tokenizeCsv'
import { Rng } from '../../../../src/main/core/base/random'
import { readCategory, readNumber } from '../../../../src/main/core/scoring/parseApplicants'
import { CategoryCells, parseCsvInputs } from '../../../../src/main/core/scoring/parseCsvInputs'
import { AMOUNT, artifactWith, parseAmountRegion, REGION } from '../../../fixtures/csvInputs'

const parse = parseAmountRegion

describe('parseCsvInputs', () => {
  it('reads every number exactly as readNumber does, plain decimals from their bytes included', () => {
    const rng = new Rng(17)
    const cells: string[] = []
    for (let i = 0; i < 3000; i++) {
      const digits = 1 + Math.floor(rng.next() * 17)
      let text = ''
      for (let d = 0; d < digits; d++) text += Math.floor(rng.next() * 10)
      const dot = Math.floor(rng.next() * (digits + 2))
      if (dot <= digits) text = text.slice(0, dot) + '.' + text.slice(dot)
      if (rng.next() < 0.3) text = '-' + text
      cells.push(text)
    }
    cells.push(
      '0',
      '-0',
      '007',
      '.5',
      '-.5',
      '12.',
      '1e5',
      '₹1,50,000',
      '(250)',
      '12.5%',
      ' 42 ',
      'NA',
      '',
      '-'
    )
    // Each cell quoted, and as written where it holds no comma (the delimiter).
    const plain = cells.filter((c) => !c.includes(','))
    const all = [...cells, ...plain]
    const parsed = parse([...cells.map((c) => `"${c}",East`), ...plain.map((c) => `${c},East`)].join('\n'))
    const values = parsed.raw.numeric.get('Amount')!
    all.forEach((cell, r) => {
      const x = readNumber(cell)
      if (x === undefined) expect(parsed.failed[r], cell).toBe(1)
      else expect(values[r], `row ${r}: ${cell}`).toBe(x)
    })
  })

  it('reads categories as readCategory does, remembering spellings across chunks', () => {
    const categories = [new CategoryCells(), new CategoryCells()]
    const cells = ['East', ' East ', '"East"', 'NA', '', '"North, upper"', 'naïve', 'East', 'n/a']
    const csv = cells.map((c) => `1,${c}`).join('\n')
    for (let pass = 0; pass < 2; pass++) {
      const got = parse(csv, categories).raw.categorical.get('Region')!
      expect(got).toEqual(['East', 'East', 'East', null, null, 'North, upper', 'naïve', 'East', null])
      expect(got).toEqual(cells.map((c) => readCategory(c.replace(/^"(.*)"$/, '$1')) ?? null))
    }
  })

  it('reads a high-cardinality column past the remembered spellings correctly', () => {
    const categories = [new CategoryCells(), new CategoryCells()]
    const names = Array.from({ length: 2000 }, (_, i) => `Branch ${i}`)
    const got = parse(names.map((n) => `1,${n}`).join('\n'), categories).raw.categorical.get('Region')!
    expect(got).toEqual(names)
  })

  it('fails a ragged record for its field count alone, and text in a number naming the field', () => {
    const parsed = parse('1,East\n2\nlots,North\n')
    expect(Array.from(parsed.failed)).toEqual([0, 1, 1])
    expect(parsed.errors.get(1)).toEqual(['has 1 fields, the header has 2'])
    expect(parsed.errors.get(2)).toEqual(['Amount: "lots" is not a number'])
  })

  it('gives a ragged record no values, and names every bad field of a row', () => {
    const SCORE = { ...AMOUNT, name: 'Score' }
    const bytes = Buffer.from('1,East,7\n2\nlots,North,high\n')
    const table = new CsvRecordTable()
    tokenizeCsv(bytes, 0, bytes.length, 0x2c, true, table)
    const parsed = parseCsvInputs(
      artifactWith([AMOUNT, REGION, SCORE]),
      bytes,
      table,
      Int32Array.of(0, 1, 2),
      3
    )
    expect(Array.from(parsed.raw.numeric.get('Amount')!)).toEqual([1, NaN, NaN])
    expect(parsed.raw.categorical.get('Region')).toEqual(['East', null, 'North'])
    expect(Array.from(parsed.raw.numeric.get('Score')!)).toEqual([7, NaN, NaN])
    expect([...parsed.errors.keys()]).toEqual([1, 2])
    expect(parsed.errors.get(2)).toEqual(['Amount: "lots" is not a number', 'Score: "high" is not a number'])
  })
})
