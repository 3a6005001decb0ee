import { mkdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { CsvInputError } from '../../../../../src/main/core/data/csv/CsvInputError'
import { sniffCsv } from '../../../../../src/main/core/data/csv/sniffCsv'
import { useTempDir } from '../../../../helpers/tempDir'

// The refusals a user reads when a file is not loan CSV, word for word: what was wrong, where
// (file, line, column) and what to do (README, "Troubleshooting").

describe('sniffCsv refusals, word for word', () => {
  const tmp = useTempDir()

  /** The message sniffCsv refuses `content` (written as `name`) with. */
  async function refusal(name: string, content: string | Buffer): Promise<string> {
    const error: unknown = await sniffCsv(tmp.write(name, content)).then(
      () => undefined,
      (e: unknown) => e
    )
    if (!(error instanceof CsvInputError)) throw new Error(`${name} was not refused`)
    return `${error.code} ${error.message}`
  }

  const EXPORT_AGAIN = 'Export the loan table again, including its header row and data rows.'
  const NAME_COLUMNS =
    'Insert a first row with a name for every column (e.g. loan_id, income, defaulted) and import again.'
  const RENAME_DUPLICATE =
    'Rename one column of each pair in the first row so every column name is different, and import again.'

  it('says why an empty file is empty', async () => {
    expect(await refusal('empty.csv', '')).toBe(
      `EMPTY_FILE empty.csv: the file is empty (0 bytes). ${EXPORT_AGAIN}`
    )
    expect(await refusal('blank.csv', ' \n\n')).toBe(
      `EMPTY_FILE blank.csv: the file holds only blank lines and spaces. ${EXPORT_AGAIN}`
    )
    expect(await refusal('cells.csv', ',,\n,,\n')).toBe(
      `EMPTY_FILE cells.csv: the file holds only empty cells, no column names and no data. ${EXPORT_AGAIN}`
    )
  })

  it('gives up on a first line past the 64 KiB sample, naming line 1', async () => {
    expect(await refusal('long.csv', 'x'.repeat(64 * 1024 + 10) + '\n1\n')).toBe(
      'UNREADABLE long.csv, line 1: no complete line was found in the first 64 KiB, so this is probably not a CSV file or a quote (") is never closed. Open the file in a text editor, check the first line, and save it as CSV.'
    )
  })

  it('tells a ZIP archive from an Excel workbook by its name', async () => {
    expect(await refusal('data.zip', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x41]))).toBe(
      'EXCEL_FILE data.zip: this is a ZIP archive, not a CSV file. Unzip it and import the CSV file inside.'
    )
    expect(await refusal('DATA.ZIP', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x41]))).toContain('ZIP archive')
  })

  it('refuses a folder, saying to choose the file inside', async () => {
    const folder = tmp.path('loans')
    mkdirSync(folder)
    const error: unknown = await sniffCsv(folder).then(
      () => undefined,
      (e: unknown) => e
    )
    expect((error as CsvInputError).message).toBe(
      'loans: this is a folder, not a file. Choose the CSV file inside it.'
    )
  })

  it('quotes three numbers of a header of numbers, with an ellipsis only past three', async () => {
    expect(await refusal('four.csv', '1,2,3,4\n5,6,7,8\n')).toBe(
      `NO_HEADER four.csv, line 1: the first row (1, 2, 3, …) holds numbers, not column names. ${NAME_COLUMNS}`
    )
    expect(await refusal('three.csv', '1,2,3\n4,5,6\n')).toBe(
      `NO_HEADER three.csv, line 1: the first row (1, 2, 3) holds numbers, not column names. ${NAME_COLUMNS}`
    )
    // One name among numbers is a header.
    expect((await sniffCsv(tmp.write('mixed.csv', '1,b,3\n4,5,6\n'))).header).toEqual(['1', 'b', '3'])
  })

  it('names the control character in a column name and the column, counting from 1', async () => {
    const rename = (c: number): string =>
      `Rename column ${c} in the first row to plain text (letters, digits, spaces, punctuation) and try again.`
    expect(await refusal('cr.csv', 'id,"a\rb"\n1,2\n')).toBe(
      `BAD_COLUMN_NAME cr.csv, line 1, column 2: the name of column 2 holds a control character (carriage return U+000D), which no column name may have. ${rename(2)}`
    )
    expect(await refusal('c1.csv', 'id,a\u0085b\n1,2\n')).toContain(
      'column 2 holds a control character (control character U+0085)'
    )
    expect(await refusal('first.csv', '"a\u0001",b\n1,2\n')).toContain('column 1: the name of column 1 holds')
    // U+00A0 (no-break space) is printable: a name may hold it.
    expect((await sniffCsv(tmp.write('nbsp.csv', 'id,a\u00a0b\n1,2\n'))).header).toEqual(['id', 'a\u00a0b'])
  })

  it('names the line of a duplicate header after blank lines, whatever the line ends', async () => {
    for (const [name, text] of [
      ['lf.csv', '\n\nid,x,id\n1,2,3\n'],
      ['crlf.csv', '\r\n\r\nid,x,id\r\n1,2,3\r\n'],
      ['cr.csv', '\r\rid,x,id\r1,2,3\r']
    ])
      expect(await refusal(name, text)).toBe(
        `DUPLICATE_COLUMNS ${name}, line 3, column 3: columns 1 ("id") and 3 ("id") have the same name. ${RENAME_DUPLICATE}`
      )
  })
})

describe('sniffCsv formats', () => {
  const tmp = useTempDir()

  it('recognises UTF-16BE without a byte order mark by its zero high bytes', async () => {
    const bytes = Buffer.from('\u0000i\u0000d\u0000,\u0000x\u0000\n\u00001\u0000,\u00002\u0000\n', 'latin1')
    expect(await sniffCsv(tmp.write('be.csv', bytes))).toMatchObject({
      encoding: 'utf-16be',
      bom: false,
      header: ['id', 'x'],
      lineEnding: 'lf'
    })
  })

  it('reads a doubled quote inside a quoted header name as one quote', async () => {
    expect((await sniffCsv(tmp.write('q.csv', 'id,"say ""hi""",x\n1,2,3\n'))).header).toEqual([
      'id',
      'say "hi"',
      'x'
    ])
  })

  it('names the header of a CR-only file and reports its line ending', async () => {
    expect(await sniffCsv(tmp.write('mac.csv', 'a;b\r1;2\r'))).toMatchObject({
      delimiter: ';',
      header: ['a', 'b'],
      lineEnding: 'cr'
    })
  })
})
