import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import iconv from 'iconv-lite'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CsvInputError } from '../../../../../src/main/core/data/csv/CsvInputError'
import {
  readCsvRecords,
  type CsvRecord,
  type ReadCsvOptions
} from '../../../../../src/main/core/data/csv/readCsvRecords'
import { sniffCsv } from '../../../../../src/main/core/data/csv/sniffCsv'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'readCsvRecords-'))
})
afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

function fixture(name: string, content: string | Buffer): string {
  const path = join(dir, name)
  writeFileSync(path, content)
  return path
}

/** Sniffs and reads a fixture, collecting every record and each batch's size. */
async function readAll(content: string | Buffer, options: ReadCsvOptions = {}) {
  const path = fixture('loans.csv', content)
  const format = await sniffCsv(path)
  const records: CsvRecord[] = []
  const batchSizes: number[] = []
  const result = await readCsvRecords(
    path,
    format,
    (batch) => {
      batchSizes.push(batch.length)
      records.push(...batch)
    },
    options
  )
  return { result, records, batchSizes, format }
}

describe('readCsvRecords line numbers', () => {
  it('gives the physical start line of each record when quoted fields span lines', async () => {
    const text = 'id,note\n1,"two\nlines"\n2,plain\n3,"three\n\nlines"\n4,end'
    const { records } = await readAll(text)
    expect(records).toEqual([
      { line: 2, fields: ['1', 'two\nlines'] },
      { line: 4, fields: ['2', 'plain'] },
      { line: 5, fields: ['3', 'three\n\nlines'] },
      { line: 8, fields: ['4', 'end'] }
    ])
  })

  it('reads CRLF files (Excel: LF inside cells, CRLF between rows) without stray \\r and with exact lines', async () => {
    const text = 'id,note\r\n1,"a\r\nb"\r\n2,"c\nd"\r\n\r\n3,e\r\n'
    const { records, format } = await readAll(text)
    expect(format.lineEnding).toBe('crlf')
    expect(records).toEqual([
      { line: 2, fields: ['1', 'a\r\nb'] },
      { line: 4, fields: ['2', 'c\nd'] },
      { line: 7, fields: ['3', 'e'] }
    ])
  })

  it('reads CR-only (old Mac) line endings', async () => {
    const { records } = await readAll('id,v\r1,a\r2,b\r')
    expect(records).toEqual([
      { line: 2, fields: ['1', 'a'] },
      { line: 3, fields: ['2', 'b'] }
    ])
  })

  it('skips blank lines and rows of empty cells but still counts them as lines', async () => {
    const text = '\n\nid,v\n1,a\n\n,\n  ,  \n2,b\n,\n'
    const { records, result } = await readAll(text)
    expect(records).toEqual([
      { line: 4, fields: ['1', 'a'] },
      { line: 8, fields: ['2', 'b'] }
    ])
    expect(result).toEqual({ records: 2, ragged: 0 })
  })
})

describe('readCsvRecords content', () => {
  it('counts ragged records and still passes them on unchanged', async () => {
    const { records, result } = await readAll('a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12\n')
    expect(result).toEqual({ records: 4, ragged: 2 })
    expect(records.map((r) => r.fields)).toEqual([
      ['1', '2', '3'],
      ['4', '5'],
      ['6', '7', '8', '9'],
      ['10', '11', '12']
    ])
  })

  it('does not trim or type fields', async () => {
    const { records } = await readAll('a;b;c\n 1 ; x ;"y;z"\n')
    expect(records[0].fields).toEqual([' 1 ', ' x ', 'y;z'])
  })

  it('keeps a stray quote inside an unquoted field as text instead of failing', async () => {
    const { records } = await readAll('id,item\n1,12" pipe\n2,O"Brien\n')
    expect(records.map((r) => r.fields[1])).toEqual(['12" pipe', 'O"Brien'])
  })

  it('decodes windows-1252 content (€, é, –)', async () => {
    const content = iconv.encode('name,amount\nRené – Müller,€ 500\n', 'windows-1252')
    expect(content.includes(0x80)).toBe(true)
    const { records, format } = await readAll(content)
    expect(format.encoding).toBe('windows-1252')
    expect(records).toEqual([{ line: 2, fields: ['René – Müller', '€ 500'] }])
  })

  it('decodes UTF-16LE and drops its BOM', async () => {
    const content = iconv.encode('id\tbranch\n1\tPuné\n', 'utf-16le', { addBOM: true })
    const { records } = await readAll(content)
    expect(records).toEqual([{ line: 2, fields: ['1', 'Puné'] }])
  })

  it('drops the UTF-8 BOM so the header is not taken for data', async () => {
    const { records, format } = await readAll('\uFEFFid,v\n1,₹5\n')
    expect(format.bom).toBe(true)
    expect(records).toEqual([{ line: 2, fields: ['1', '₹5'] }])
  })
})

describe('readCsvRecords streaming', () => {
  it('delivers batches of batchSize records, the last one partial', async () => {
    const rows = Array.from({ length: 12 }, (_, i) => `${i},x`).join('\n')
    const { batchSizes, records } = await readAll(`id,v\n${rows}\n`, { batchSize: 5 })
    expect(batchSizes).toEqual([5, 5, 2])
    expect(records.map((r) => r.line)).toEqual(Array.from({ length: 12 }, (_, i) => i + 2))
  })

  it('rejects a batchSize that is not a positive integer', async () => {
    const path = fixture('a.csv', 'a\n1\n')
    const format = await sniffCsv(path)
    await expect(readCsvRecords(path, format, () => {}, { batchSize: 0 })).rejects.toThrow(
      'batchSize must be a positive integer, got 0'
    )
    await expect(readCsvRecords(path, format, () => {}, { batchSize: 2.5 })).rejects.toThrow(RangeError)
    const { batchSizes } = await readAll('a\n1\n2\n', { batchSize: 1 })
    expect(batchSizes).toEqual([1, 1])
  })

  it('streams 200,000 lines in batches, pausing the file while a batch is handled', async () => {
    const lines = ['loan_id,income,amount,defaulted']
    for (let i = 0; i < 200_000; i++)
      lines.push(`${i},${50_000 + (i % 997)},${100_000 + i},${i % 7 === 0 ? 1 : 0}`)
    const path = fixture('big.csv', lines.join('\n') + '\n')
    const format = await sniffCsv(path)
    const progress: number[] = []
    let batches = 0
    let lastLine = 0
    let maxBatch = 0
    const result = await readCsvRecords(
      path,
      format,
      async (batch) => {
        batches++
        maxBatch = Math.max(maxBatch, batch.length)
        lastLine = batch[batch.length - 1].line
        // A slow first consumer: without backpressure the whole file would be read meanwhile.
        if (batches === 1) await sleep(100)
      },
      { onProgress: (bytesRead) => progress.push(bytesRead) }
    )
    expect(result).toEqual({ records: 200_000, ragged: 0 })
    expect(batches).toBe(40)
    expect(maxBatch).toBe(5000)
    expect(lastLine).toBe(200_001)
    expect(progress[0]).toBeLessThan(format.sizeBytes / 4)
    expect(progress[progress.length - 1]).toBe(format.sizeBytes)
  })

  it('rejects with AbortError and reads no further batch when the signal aborts during a batch', async () => {
    const rows = Array.from({ length: 50_000 }, (_, i) => `${i},x`).join('\n')
    const path = fixture('abort.csv', `id,v\n${rows}\n`)
    const format = await sniffCsv(path)
    const controller = new AbortController()
    let batches = 0
    const reading = readCsvRecords(
      path,
      format,
      () => {
        batches++
        controller.abort()
      },
      { batchSize: 100, signal: controller.signal }
    )
    await expect(reading).rejects.toMatchObject({ name: 'AbortError' })
    expect(batches).toBe(1)
  })

  it('rejects with AbortError at once when the signal is already aborted', async () => {
    const path = fixture('a.csv', 'a\n1\n')
    const format = await sniffCsv(path)
    let called = false
    const reading = readCsvRecords(path, format, () => void (called = true), { signal: AbortSignal.abort() })
    await expect(reading).rejects.toMatchObject({ name: 'AbortError' })
    expect(called).toBe(false)
  })
})

describe('readCsvRecords errors', () => {
  it('reports a quote that is never closed with the line where its record starts', async () => {
    const path = fixture('bad.csv', 'id,note\n1,ok\n\n2,"never closed\n3,x\n4,y\n')
    const format = await sniffCsv(path)
    const error: unknown = await readCsvRecords(path, format, () => {}).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CsvInputError)
    expect(error).toMatchObject({ code: 'MALFORMED_CSV', file: 'bad.csv', line: 4 })
    expect((error as Error).message).toMatch(/^bad\.csv, line 4: .*quote.*never closed.*text editor/)
  })

  it('names the right line for a broken quote even when a slow consumer leaves records unread', async () => {
    // 50,000 parsed records are still buffered when the parser fails at the end of the file.
    const rows = Array.from({ length: 50_000 }, (_, i) => `${i},x`).join('\n')
    const path = fixture('late.csv', `id,v\n${rows}\n9,"open\nz,z\n`)
    const format = await sniffCsv(path)
    const reading = readCsvRecords(path, format, () => sleep(1), { batchSize: 1000 })
    await expect(reading).rejects.toMatchObject({ code: 'MALFORMED_CSV', line: 50_002 })
  })

  it('stops a quote that swallows more than MAX_RECORD_CHARS, naming the line where it opened', async () => {
    const path = fixture('runaway.csv', 'id,v\n1,a\n2,"open\n' + 'z,z\n'.repeat(300_000))
    const format = await sniffCsv(path)
    const error: unknown = await readCsvRecords(path, format, () => {}).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'MALFORMED_CSV', line: 3 })
    expect((error as Error).message).toMatch(
      /^runaway\.csv, line 3: this record is longer than 1048576 characters, most likely because a quote \(".*and import again\.$/
    )
  })

  it('rejects with NOT_FOUND when the file disappeared after sniffing', async () => {
    const path = fixture('gone.csv', 'a\n1\n')
    const format = await sniffCsv(path)
    rmSync(path)
    await expect(readCsvRecords(path, format, () => {})).rejects.toMatchObject({
      code: 'NOT_FOUND',
      file: 'gone.csv'
    })
  })

  it('lets an error thrown by onBatch through unchanged', async () => {
    const path = fixture('a.csv', 'a\n1\n')
    const format = await sniffCsv(path)
    const failure = new Error('database full')
    await expect(
      readCsvRecords(path, format, () => {
        throw failure
      })
    ).rejects.toBe(failure)
  })
})
