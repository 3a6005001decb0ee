import { describe, expect, it } from 'vitest'
import { CsvInputError } from '../../../../../src/main/core/data/csv/CsvInputError'
import { nameUnnamedColumns, sniffCsv } from '../../../../../src/main/core/data/csv/sniffCsv'
import { useTempDir } from '../../../../helpers/tempDir'

// How sniffCsv chooses between delimiters that split the lines equally well, and where a
// header stops being a header: each case worked out by hand from the rule in the comment.

describe('sniffCsv choices', () => {
  const tmp = useTempDir()
  const sniff = (name: string, text: string) => sniffCsv(tmp.write(name, text))

  it('takes the delimiter that gives more fields when two split every line alike', async () => {
    // ',' splits each line in 2, ';' in 3: both on every line, so ';' (more fields) wins.
    const format = await sniff('tie.csv', 'a;b,c;d\n1;2,3;4\n5;6,7;8\n')
    expect(format.delimiter).toBe(';')
    expect(format.header).toEqual(['a', 'b,c', 'd'])
  })

  it('takes the earlier delimiter (, before ;) when both give as many fields on every line', async () => {
    const format = await sniff('order.csv', 'a,b;c\n1,2;3\n')
    expect(format.delimiter).toBe(',')
    expect(format.header).toEqual(['a', 'b;c'])
  })

  it('counts a tie of field counts as the larger count', async () => {
    // ';' gives 2 fields on one line and 1 on the other: the mode is 2 (the larger of the tie),
    // so ';' splits the lines, where a mode of 1 would leave the file one comma column.
    const format = await sniff('mode.csv', 'a;b\nc\n')
    expect(format.delimiter).toBe(';')
    expect(format.header).toEqual(['a', 'b'])
  })

  it('prefers the delimiter consistent on more lines over one giving more fields', async () => {
    // ',' gives 2 fields on all three lines; '|' gives 4 on one line and 1 on the others.
    const format = await sniff('consistent.csv', 'a,b|c|d|e\n1,2\n3,4\n')
    expect(format.delimiter).toBe(',')
  })

  it('names a C1 control character at the top of its range in a column name', async () => {
    const error = await sniff('c1.csv', 'a,b\u009f\n1,2\n').then(
      () => undefined,
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(CsvInputError)
    expect((error as CsvInputError).message).toContain(
      'the name of column 2 holds a control character (control character U+009F), which no column name may have'
    )
    await expect(sniff('a1.csv', 'a,b\u00a1\n1,2\n')).resolves.toMatchObject({ header: ['a', 'b\u00a1'] })
  })
})

describe('nameUnnamedColumns', () => {
  it('names a minority of empty names after their position, as pandas does', () => {
    expect(nameUnnamedColumns(['a', '', 'b'])).toEqual(['a', 'Unnamed_2', 'b'])
    expect(nameUnnamedColumns(['', 'a', 'b', ''])).toEqual(['', 'a', 'b', ''])
    expect(nameUnnamedColumns(['', 'a', 'b', 'c', ''])).toEqual(['Unnamed_1', 'a', 'b', 'c', 'Unnamed_5'])
  })

  it('leaves a row with half or more of its names empty as it is (no header)', () => {
    expect(nameUnnamedColumns(['a', '', '', 'b'])).toEqual(['a', '', '', 'b'])
    expect(nameUnnamedColumns(['a', 'b'])).toEqual(['a', 'b'])
  })
})
