import { createHash } from 'node:crypto'
import fc from 'fast-check'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { MAX_RECORD_CHARS } from '../../../../../src/main/core/data/csv/CsvInputError'
import { BadRecordError, readCsvChunks } from '../../../../../src/main/core/data/csv/readCsvChunks'
import type { CsvFormat } from '../../../../../src/main/core/data/csv/sniffCsv'
import { EncodingChange } from '../../../../../src/main/core/data/csv/encodingGuard'
import { useTempDir } from '../../../../helpers/tempDir'

const UTF8: CsvFormat = {
  encoding: 'utf-8',
  bom: false,
  delimiter: ',',
  header: ['id', 'name'],
  lineEnding: 'lf',
  sizeBytes: 0
}

/** The chunks readCsvChunks cuts `content` into, as text, and the header's line breaks. */
async function chunks(
  path: string,
  format: CsvFormat = UTF8,
  chunkBytes = 16
): Promise<{ header: number[]; texts: string[] }> {
  const header: number[] = []
  const texts: string[] = []
  await readCsvChunks(
    path,
    format,
    { chunkBytes },
    {
      onHeader: (lineBreaks) => header.push(lineBreaks),
      onChunk: (bytes) => {
        texts.push(Buffer.from(bytes).toString('utf8'))
      }
    }
  )
  return { header, texts }
}

/** The error readCsvChunks rejects with. */
async function failure(path: string, format: CsvFormat = UTF8, chunkBytes = 16): Promise<unknown> {
  return chunks(path, format, chunkBytes).then(
    () => undefined,
    (e: unknown) => e
  )
}

describe('readCsvChunks', () => {
  const tmp = useTempDir()

  it('sends whole records after the header, cut near chunkBytes, and all of them at the end', async () => {
    const rows = Array.from({ length: 12 }, (_, i) => `${i},name ${i}`)
    const { header, texts } = await chunks(tmp.write('a.csv', ['\n', 'id,name', ...rows].join('\n') + '\n'))
    // Two blank lines before the header ("\n" then the join's "\n"), then the header's own break.
    expect(header).toEqual([3])
    expect(texts.join('')).toBe(rows.join('\n') + '\n')
    for (const t of texts) expect(t.endsWith('\n')).toBe(true)
    expect(texts.length).toBeGreaterThan(3)
  })

  it('gives each chunk memory of its own: moving every chunk to another thread as it comes leaves the rest whole', async () => {
    // Batch scoring moves each chunk's buffer to a worker thread; a chunk that shared memory
    // with bytes not yet sent (or with Node's shared pool) would break the chunks after it.
    const cell = fc
      .stringMatching(/^[a-zé€ ,"0-9]{0,12}$/)
      .map((t) => (/[,"]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t))
    const file = fc.array(fc.tuple(cell, cell), { minLength: 1, maxLength: 60 })
    const encoding = fc.constantFrom('utf-8', 'windows-1252')
    await fc.assert(
      fc.asyncProperty(file, fc.integer({ min: 1, max: 300 }), encoding, async (rows, chunkBytes, enc) => {
        const text = ['id,name', ...rows.map(([a, b]) => `${a},${b}`)].join('\n') + '\n'
        const path = tmp.write('moved.csv', enc === 'utf-8' ? Buffer.from(text) : iconv.encode(text, enc))
        const received: string[] = []
        await readCsvChunks(
          path,
          { ...UTF8, encoding: enc },
          { chunkBytes },
          {
            onHeader: () => {},
            onChunk: (bytes) => {
              // Not in Node's shared pool of small buffers, which cannot move to another thread.
              expect(bytes.buffer).not.toBe(Buffer.from('pool').buffer)
              const moved = structuredClone(bytes, { transfer: [bytes.buffer as ArrayBuffer] })
              received.push(Buffer.from(moved).toString('utf8'))
            }
          }
        )
        expect(received.join('')).toBe(text.slice(text.indexOf('\n') + 1))
      }),
      {
        numRuns: 150,
        // Reads of 8 bytes: the first is the header, each next one a fresh read holding a record and a half.
        examples: [
          [
            [
              ['1', 'ab'],
              ['2', 'cd'],
              ['3', 'ef'],
              ['4', 'gh']
            ],
            8,
            'utf-8'
          ]
        ]
      }
    )
  })

  it('drops a UTF-8 byte order mark, hashes the file’s own bytes, and decodes Windows-1252', async () => {
    const content = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('id,name\n1,Ré\n')])
    const path = tmp.write('bom.csv', content)
    const hash = createHash('sha256')
    const texts: string[] = []
    await readCsvChunks(
      path,
      { ...UTF8, bom: true },
      { chunkBytes: 4, hash },
      { onHeader: () => {}, onChunk: (b) => void texts.push(Buffer.from(b).toString('utf8')) }
    )
    expect(texts.join('')).toBe('1,Ré\n')
    expect(hash.digest('hex')).toBe(createHash('sha256').update(content).digest('hex'))
    const cp = tmp.write('cp.csv', iconv.encode('id,name\n1,René – €\n', 'windows-1252'))
    expect((await chunks(cp, { ...UTF8, encoding: 'windows-1252' })).texts.join('')).toBe('1,René – €\n')
  })

  it('switches a UTF-8 file without a BOM to Windows-1252 at its first non-UTF-8 byte, but not one with a BOM', async () => {
    const bytes = Buffer.concat([Buffer.from('id,name\n1,Ren'), Buffer.from([0xe9, 0x0a])])
    expect(await failure(tmp.write('w.csv', bytes))).toBeInstanceOf(EncodingChange)
    const withBom = tmp.write('b.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]))
    const error = await failure(withBom, { ...UTF8, bom: true })
    expect(error).toMatchObject({ code: 'BAD_ENCODING', line: 2, column: 2 })
  })

  it('counts the lines from the unsent bytes to a quote never closed', async () => {
    const error = await failure(tmp.write('q.csv', 'id,name\n1,a\n2,"b\n3,c\n'), UTF8, 1 << 16)
    expect(error).toBeInstanceOf(BadRecordError)
    expect([(error as BadRecordError).kind, (error as BadRecordError).lineBreaks]).toEqual(['unclosed', 1])
    expect((error as BadRecordError).inputError('q.csv', 2, 'import').line).toBe(3)
  })

  it('stops a record past MAX_RECORD_CHARS, in the header or after it', async () => {
    const huge = '"' + 'x'.repeat(MAX_RECORD_CHARS + 10)
    const inHeader = await failure(tmp.write('h.csv', huge), UTF8, 1 << 16)
    expect([(inHeader as BadRecordError).kind, (inHeader as BadRecordError).lineBreaks]).toEqual([
      'too long',
      0
    ])
    const inData = await failure(tmp.write('d.csv', 'id,name\n' + huge), UTF8, 1 << 16)
    expect((inData as BadRecordError).kind).toBe('too long')
  })
})
