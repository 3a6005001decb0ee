import { describe, expect, it } from 'vitest'
import {
  CsvInputError,
  MAX_RECORD_CHARS,
  fromFileSystemError,
  headerOnlyError,
  openQuoteError
} from '../../../../../src/main/core/data/csv/CsvInputError'

/** A Node file-system error with `code`. */
const fsError = (code: string): NodeJS.ErrnoException => Object.assign(new Error(`${code}: failed`), { code })

describe('CsvInputError messages (file, line, column: what was wrong. What to do.)', () => {
  it('keeps only the base name, and puts line and column in the message and the details', () => {
    const error = new CsvInputError({
      code: 'MALFORMED_CSV',
      file: '/home/officer/loans/march.csv',
      line: 7,
      column: 3,
      problem: 'bad\r\nthing',
      remedy: 'Fix it.\nThen again.',
      cause: 'x'
    })
    expect(error.message).toBe('march.csv, line 7, column 3: bad thing. Fix it. Then again.')
    expect([error.name, error.code, error.file, error.line, error.column, error.cause]).toEqual([
      'CsvInputError',
      'MALFORMED_CSV',
      'march.csv',
      7,
      3,
      'x'
    ])
    expect(error.details).toEqual({ file: 'march.csv', line: 7, column: 3 })
  })

  it('says what a missing, locked or misplaced file means, and passes other errors through', () => {
    expect((fromFileSystemError('/x/a.csv', fsError('ENOENT')) as CsvInputError).message).toBe(
      'a.csv: the file does not exist (it may have been moved, renamed or deleted). Choose the file again.'
    )
    expect((fromFileSystemError('/x/a.csv', fsError('EBUSY')) as CsvInputError).message).toBe(
      'a.csv: the file cannot be read: it is locked by another program (EBUSY). Close any program that has it open (such as Excel), check you may read it, and try again.'
    )
    const misplaced = fromFileSystemError('/x/a.csv', fsError('EISDIR')) as CsvInputError
    expect([misplaced.code, misplaced.message]).toEqual([
      'UNREADABLE',
      'a.csv: the file cannot be read: it is a folder (EISDIR). Check the path and choose the CSV file itself.'
    ])
    const already = headerOnlyError('a.csv')
    expect(fromFileSystemError('a.csv', already)).toBe(already)
    const other = fsError('EWHATEVER')
    expect(fromFileSystemError('a.csv', other)).toBe(other)
    expect(fromFileSystemError('a.csv', fsError('toString'))).toBeInstanceOf(Error)
    expect(fromFileSystemError('a.csv', fsError('toString'))).not.toBeInstanceOf(CsvInputError)
    expect(fromFileSystemError('a.csv', 'text')).toBe('text')
  })

  it('words the header-only and open-quote refusals', () => {
    expect(headerOnlyError('a.csv').message).toBe(
      'a.csv: the file has column names but no data rows below them. Export the loan table again with its data rows, or choose the file that holds the loans.'
    )
    expect(openQuoteError('a.csv', 4, 'unclosed', 'import').message).toBe(
      'a.csv, line 4: a quote (") opened in this record is never closed, so the rest of the file would become one value. Open the file in a text editor, close or remove the stray quote on that line, save, and import again.'
    )
    expect(openQuoteError('a.csv', 9, 'too long', 'score').message).toBe(
      `a.csv, line 9: this record is longer than ${MAX_RECORD_CHARS} characters, most likely because a quote (") in it is never closed. Open the file in a text editor, close or remove the stray quote on that line, save, and score again.`
    )
    expect(MAX_RECORD_CHARS).toBe(1048576)
  })
})
