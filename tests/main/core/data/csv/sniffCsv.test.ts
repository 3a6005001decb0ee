import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CsvInputError } from '../../../../../src/main/core/data/csv/CsvInputError'
import { readCsvRecords } from '../../../../../src/main/core/data/csv/readCsvRecords'
import { SNIFF_BYTES, sniffCsv } from '../../../../../src/main/core/data/csv/sniffCsv'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sniffCsv-'))
})
afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

function fixture(name: string, content: string | Buffer): string {
  const path = join(dir, name)
  writeFileSync(path, content)
  return path
}

/** Runs `action` and returns the CsvInputError it rejects with. */
async function inputError(action: Promise<unknown>): Promise<CsvInputError> {
  const error: unknown = await action.then(
    () => undefined,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(CsvInputError)
  return error as CsvInputError
}

describe('sniffCsv encoding', () => {
  it('reads a UTF-8 BOM as utf-8 with bom=true and keeps it out of the first column name', async () => {
    const path = fixture(
      'bom.csv',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('loan_id,amount\n1,2\n')])
    )
    const format = await sniffCsv(path)
    expect(format).toMatchObject({ encoding: 'utf-8', bom: true, header: ['loan_id', 'amount'] })
  })

  it('decodes bytes that are not UTF-8 as windows-1252, so 0x80 is € and 0xE9 is é', async () => {
    const bytes = Buffer.concat([
      Buffer.from('Montant ('),
      Buffer.from([0x80]),
      Buffer.from('),Dur'),
      Buffer.from([0xe9, 0x65, 0x20, 0x96, 0x20]), // "ée – "
      Buffer.from('mois\n100,12\n')
    ])
    const format = await sniffCsv(fixture('latin.csv', bytes))
    expect(format.encoding).toBe('windows-1252')
    expect(format.bom).toBe(false)
    expect(format.header).toEqual(['Montant (€)', 'Durée – mois'])
  })

  it('reads plain ASCII and valid multi-byte text as utf-8 without a BOM', async () => {
    const format = await sniffCsv(fixture('utf8.csv', 'branch,amount_₹\nPuné,5\n'))
    expect(format).toMatchObject({ encoding: 'utf-8', bom: false, header: ['branch', 'amount_₹'] })
  })

  it('does not call a UTF-8 character cut in half by the 64 KiB sample boundary invalid', async () => {
    const head = 'id,note\n'
    const row = '1,aaaaaaaaaaaaaaaaaaaa\n'
    let text = head
    while (text.length + row.length < SNIFF_BYTES - 10) text += row
    text += '2,' + 'a'.repeat(SNIFF_BYTES - 1 - text.length - 2) // ASCII up to byte 65534
    text += '₹\n3,b\n' // '₹' is 3 bytes: 65535..65537
    expect(Buffer.byteLength(text.slice(0, text.indexOf('₹')))).toBe(SNIFF_BYTES - 1)
    const format = await sniffCsv(fixture('cut.csv', text))
    expect(format).toMatchObject({ encoding: 'utf-8', header: ['id', 'note'], delimiter: ',' })
  })

  it('refuses a byte that is not UTF-8 in a file whose BOM declares UTF-8, naming its line and column', async () => {
    const bytes = Buffer.concat([Buffer.from('\uFEFFid,city\n1,'), Buffer.from([0xe9]), Buffer.from('\n')])
    const error = await inputError(sniffCsv(fixture('bom-bad.csv', bytes)))
    expect(error).toMatchObject({ code: 'BAD_ENCODING', line: 2, column: 2 })
    expect(error.message).toMatch(/^bom-bad\.csv, line 2, column 2: the byte 0xE9 here is not UTF-8/)
  })

  it('decodes UTF-16LE with a BOM', async () => {
    const path = fixture(
      'utf16le.csv',
      iconv.encode('loan_id\tbranch\n1\tMünchen\n', 'utf-16le', { addBOM: true })
    )
    const format = await sniffCsv(path)
    expect(format).toMatchObject({
      encoding: 'utf-16le',
      bom: true,
      delimiter: '\t',
      header: ['loan_id', 'branch']
    })
  })

  it('decodes UTF-16BE with a BOM', async () => {
    const path = fixture('utf16be.csv', iconv.encode('\uFEFFa;b\n1;2\n', 'utf-16be'))
    expect(await sniffCsv(path)).toMatchObject({
      encoding: 'utf-16be',
      bom: true,
      delimiter: ';',
      header: ['a', 'b']
    })
  })

  it('recognises UTF-16LE without a BOM by its zero high bytes instead of calling it binary', async () => {
    const path = fixture('unmarked.csv', iconv.encode('loan_id,amount\n1,2\n', 'utf-16le'))
    expect(await sniffCsv(path)).toMatchObject({
      encoding: 'utf-16le',
      bom: false,
      header: ['loan_id', 'amount']
    })
  })
})

describe('sniffCsv delimiter and line ending', () => {
  it.each([
    [';', 'loan_id;rate;amount\n1;7,5;1000\n2;8,25;2000\n3;9;3000\n'],
    ['\t', 'loan_id\trate\tamount\n1\t7.5\t1,000\n2\t8\t2,000\n'],
    ['|', 'loan_id|name|amount\n1|Shah, R.|1000\n2|Rao, K.|2000\n']
  ])('detects the %j delimiter even when commas appear in values', async (delimiter, text) => {
    const format = await sniffCsv(fixture('d.csv', text))
    expect(format.delimiter).toBe(delimiter)
    expect(format.header).toEqual(['loan_id', expect.any(String), 'amount'])
  })

  it('is not confused by a quoted field holding commas and a line break', async () => {
    const text =
      'loan_id;remarks;amount\n' +
      '1;"late, twice, then paid,\nsee file, a, b, c";1000\n' +
      '2;"ok";2000\n' +
      '3;"x, y,\nz";3000\n'
    const format = await sniffCsv(fixture('q.csv', text))
    expect(format.delimiter).toBe(';')
    expect(format.header).toEqual(['loan_id', 'remarks', 'amount'])
  })

  it('reads a comma file whose quoted fields hold semicolons and line breaks', async () => {
    const text = 'id,note,amount\n1,"a;b;c;d\ne;f",5\n2,"g;h",6\n'
    expect((await sniffCsv(fixture('c.csv', text))).delimiter).toBe(',')
  })

  it('allows a single-column file and reports the comma delimiter for it', async () => {
    const format = await sniffCsv(fixture('one.csv', 'income\n100\n200\n'))
    expect(format).toMatchObject({ delimiter: ',', header: ['income'] })
  })

  it('reports CRLF line endings and leaves no carriage return in the header', async () => {
    const format = await sniffCsv(fixture('crlf.csv', 'loan_id,amount\r\n1,"multi\nline"\r\n2,3\r\n'))
    expect(format.lineEnding).toBe('crlf')
    expect(format.header).toEqual(['loan_id', 'amount'])
  })

  it.each([
    ['lf', 'a,b\n1,2\n'],
    ['cr', 'a,b\r1,2\r']
  ])('reports %s line endings', async (lineEnding, text) => {
    expect((await sniffCsv(fixture('e.csv', text))).lineEnding).toBe(lineEnding)
  })

  it('trims header names and reports the file size', async () => {
    const text = ' loan_id , amount \n1,2\n'
    const format = await sniffCsv(fixture('trim.csv', text))
    expect(format.header).toEqual(['loan_id', 'amount'])
    expect(format.sizeBytes).toBe(Buffer.byteLength(text))
  })

  it('takes the first non-blank record as the header', async () => {
    const format = await sniffCsv(fixture('blank.csv', '\n,,\n  \nloan_id,amount\n1,2\n'))
    expect(format.header).toEqual(['loan_id', 'amount'])
  })
})

describe('sniffCsv rejects unusable files', () => {
  it('rejects a 0-byte file as EMPTY_FILE', async () => {
    const error = await inputError(sniffCsv(fixture('empty.csv', '')))
    expect(error.code).toBe('EMPTY_FILE')
    expect(error.file).toBe('empty.csv')
    expect(error.message).toMatch(/^empty\.csv: /)
  })

  it.each([
    ['whitespace', ' \n\t\r\n  \n'],
    ['a BOM and blank lines', '\uFEFF\n\n'],
    ['only empty cells', ',,,\n,,,\n']
  ])('rejects a file of %s as EMPTY_FILE', async (_what, text) => {
    expect((await inputError(sniffCsv(fixture('blank.csv', text)))).code).toBe('EMPTY_FILE')
  })

  it('accepts a header-only file but readCsvRecords then rejects it as HEADER_ONLY', async () => {
    const path = fixture('header.csv', 'loan_id,amount,defaulted\r\n')
    const format = await sniffCsv(path)
    expect(format.header).toEqual(['loan_id', 'amount', 'defaulted'])
    const error = await inputError(readCsvRecords(path, format, () => {}))
    expect(error.code).toBe('HEADER_ONLY')
    expect(error.message).toMatch(/^header\.csv: .*no data rows/)
  })

  it('rejects a first row of numbers as NO_HEADER', async () => {
    const error = await inputError(sniffCsv(fixture('nohead.csv', '650,50000,200000\n700,60000,100000\n')))
    expect(error.code).toBe('NO_HEADER')
    expect(error.line).toBe(1)
    expect(error.message).toContain('650, 50000, 200000')
  })

  it('names the unnamed index column of a pandas export Unnamed_1 instead of refusing the file', async () => {
    const format = await sniffCsv(fixture('pandas.csv', ',loan_id,amount\n0,1,2\n'))
    expect(format.header).toEqual(['Unnamed_1', 'loan_id', 'amount'])
  })

  it('rejects a first row whose names are mostly empty as NO_HEADER, naming the column', async () => {
    const error = await inputError(sniffCsv(fixture('blanks.csv', ',,amount\n0,1,2\n')))
    expect(error.code).toBe('NO_HEADER')
    expect(error.column).toBe(1)
    expect(error.message).toMatch(/^blanks\.csv, line 1, column 1: column 1 .* no name/)
  })

  it('rejects equal names (after trimming) as DUPLICATE_COLUMNS naming both positions', async () => {
    const error = await inputError(sniffCsv(fixture('dup.csv', 'id,amount,term, amount \n1,2,3,4\n')))
    expect(error.code).toBe('DUPLICATE_COLUMNS')
    expect(error.line).toBe(1)
    expect(error.column).toBe(4)
    expect(error.message).toContain('columns 2 ("amount") and 4 ("amount")')
    expect(error.message).not.toContain('\n')
  })

  it('keeps names that differ only in case as different columns', async () => {
    const format = await sniffCsv(fixture('case.csv', 'id,Amount,amount,AMOUNT\n1,2,3,4\n'))
    expect(format.header).toEqual(['id', 'Amount', 'amount', 'AMOUNT'])
  })

  it.each([
    ['a tab', 'id,x,"a\tb"\n1,2,3\n', 3, /tab U\+0009/],
    ['a line break', 'id,"a\nb",x\n1,2,3\n', 2, /line feed U\+000A/],
    ['DEL', 'id,x,a\u007fb\n1,2,3\n', 3, /DEL U\+007F/]
  ])(
    'refuses a column name holding %s as BAD_COLUMN_NAME naming its position',
    async (_, text, column, what) => {
      const error = await inputError(sniffCsv(fixture('ctl.csv', text)))
      expect(error.code).toBe('BAD_COLUMN_NAME')
      expect(error.column).toBe(column)
      expect(error.message).toMatch(what)
      expect(error.message).toContain(`column ${column}`)
      expect([...error.message].every((c) => c >= ' ')).toBe(true)
    }
  )

  it('refuses a NUL in a column name as BINARY_FILE naming its line and column, as a NUL anywhere', async () => {
    const error = await inputError(sniffCsv(fixture('nul.csv', 'id,"am\u0000ount",x\n1,2,3\n')))
    expect(error).toMatchObject({ code: 'BINARY_FILE', line: 1, column: 2 })
  })

  it('rejects a PNG image as BINARY_FILE', async () => {
    const png = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00,
      0x00, 0x00, 0x10, 0x00, 0x00, 0x00, 0x10, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0xf3, 0xff, 0x61
    ])
    const error = await inputError(sniffCsv(fixture('photo.png', png)))
    expect(error.code).toBe('BINARY_FILE')
    expect(error.message).toMatch(/^photo\.png, line 3, column 1: this is a binary file/)
  })

  it('rejects a ZIP-based workbook (xlsx/ods) as EXCEL_FILE with Save As advice', async () => {
    const fake = Buffer.concat([
      Buffer.from([0x50, 0x4b, 0x03, 0x04]),
      Buffer.from('[Content_Types].xml junk')
    ])
    const error = await inputError(sniffCsv(fixture('loans.xlsx', fake)))
    expect(error.code).toBe('EXCEL_FILE')
    expect(error.message).toBe(
      'loans.xlsx: this is an Excel workbook, not a CSV file. In Excel use File → Save As → "CSV UTF-8 (Comma delimited)" and import that file.'
    )
  })

  it('rejects an OLE2 file (old .xls) as EXCEL_FILE even when it is named .csv', async () => {
    const ole2 = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(504, 0)
    ])
    const error = await inputError(sniffCsv(fixture('loans.csv', ole2)))
    expect(error.code).toBe('EXCEL_FILE')
    expect(error.message).toContain('.xls')
  })

  it('rejects a first line longer than the 64 KiB sample as UNREADABLE', async () => {
    const error = await inputError(sniffCsv(fixture('long.csv', 'x'.repeat(SNIFF_BYTES + 10) + '\n1\n')))
    expect(error.code).toBe('UNREADABLE')
    expect(error.line).toBe(1)
  })

  it('rejects a missing file as NOT_FOUND, naming only its base name', async () => {
    const error = await inputError(sniffCsv(join(dir, 'gone', 'missing.csv')))
    expect(error.code).toBe('NOT_FOUND')
    expect(error.file).toBe('missing.csv')
    expect(error.message).not.toContain(dir)
  })

  it('rejects a folder as UNREADABLE', async () => {
    expect((await inputError(sniffCsv(dir))).code).toBe('UNREADABLE')
  })
})
