import Database from 'better-sqlite3'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { classifyError, exitStatusOf } from '../../../../src/main/core/base/classifyError'
import {
  CancelledError,
  ERROR_CATALOGUE,
  fromThreadError,
  InputError,
  toThreadError,
  WorkbenchError,
  type ErrorCode
} from '../../../../src/main/core/base/errors'
import { useTempDir } from '../../../helpers/tempDir'

const errno = (code: string, extra: Record<string, unknown> = {}): Error =>
  Object.assign(new Error(`${code}: something, open '/data/x.csv'`), { code, ...extra })

describe('the error catalogue', () => {
  it('gives every code an exit status of 1, 2 or 130 and an HTTP error status', () => {
    for (const [code, entry] of Object.entries(ERROR_CATALOGUE)) {
      expect([1, 2, 130], code).toContain(entry.exit)
      expect(entry.http, code).toBeGreaterThanOrEqual(400)
      expect(entry.http, code).toBeLessThan(600)
      expect(entry.meaning.length, code).toBeGreaterThan(10)
      expect(entry.remedy.length, code).toBeGreaterThan(10)
    }
    // Only a fault of ours is a 500; bad usage exits 2 like commander's own errors.
    const http500 = Object.entries(ERROR_CATALOGUE).filter(([, e]) => e.http === 500)
    expect(http500.map(([c]) => c)).toEqual(['INTERNAL'])
    expect(exitStatusOf('INVALID_INPUT')).toBe(2)
    expect(exitStatusOf('CANCELLED')).toBe(130)
  })
})

describe("the README's Troubleshooting section", () => {
  it('lists every code of the catalogue with its exit status and HTTP status', () => {
    const readme = readFileSync(resolve(__dirname, '../../../../README.md'), 'utf8')
    const section = readme.slice(
      readme.indexOf('## Troubleshooting'),
      readme.indexOf('## Measured performance')
    )
    const listed = new Map(
      [...section.matchAll(/^\| `([A-Z_]+)` \| (\d+) \| (\d+) \|/gm)].map((m) => [
        m[1],
        [Number(m[2]), Number(m[3])]
      ])
    )
    expect([...listed.keys()].sort()).toEqual(Object.keys(ERROR_CATALOGUE).sort())
    for (const [code, entry] of Object.entries(ERROR_CATALOGUE))
      expect(listed.get(code), code).toEqual([entry.exit, entry.http])
  })
})

describe('classifyError', () => {
  const tmp = useTempDir()

  it.each([
    ['ENOENT', 'NOT_FOUND', /no such file or folder/],
    ['EACCES', 'PERMISSION_DENIED', /permission denied/],
    ['EROFS', 'PERMISSION_DENIED', /read-only/],
    ['ENOSPC', 'DISK_FULL', /disk is full/],
    ['EFBIG', 'DISK_FULL', /file-size limit/],
    ['ELOOP', 'PATH_INVALID', /symbolic links loop/],
    ['ENOTDIR', 'PATH_INVALID', /not a folder/],
    ['EISDIR', 'PATH_INVALID', /folder, not a file/],
    ['EBUSY', 'FILE_BUSY', /locked/],
    ['EIO', 'IO_ERROR', /input\/output/]
  ] as const)('turns %s into %s naming the path', (code, expected, words) => {
    const info = classifyError(errno(code, { path: '/data/x.csv' }))
    expect(info.code).toBe(expected)
    expect(info.message).toMatch(/^\/data\/x\.csv: /)
    expect(info.message).toMatch(words)
  })

  it('names the address of a port in use and a host that is not this computer', () => {
    expect(classifyError(errno('EADDRINUSE', { address: '127.0.0.1', port: 5000 }))).toMatchObject({
      code: 'ADDRESS_IN_USE',
      message: expect.stringMatching(/^127\.0\.0\.1:5000: .*--port/)
    })
    expect(classifyError(errno('ENOTFOUND', { hostname: 'no.such.host' }))).toMatchObject({
      code: 'BAD_HOST',
      message: expect.stringMatching(/^no\.such\.host: .*--host 127\.0\.0\.1/)
    })
  })

  it('turns a real SQLITE_BUSY (another connection holds the write lock) into DATABASE_BUSY naming the database', () => {
    const file = tmp.path('busy.db')
    const holder = new Database(file)
    holder.pragma('journal_mode = WAL')
    holder.exec('CREATE TABLE t (x)')
    const other = new Database(file, { timeout: 0 })
    holder.exec('BEGIN IMMEDIATE')
    let caught: unknown
    try {
      other.exec('INSERT INTO t VALUES (1)')
    } catch (error) {
      caught = error
    }
    holder.exec('ROLLBACK')
    holder.close()
    other.close()
    expect(classifyError(caught, { database: file })).toMatchObject({
      code: 'DATABASE_BUSY',
      message: expect.stringContaining(file)
    })
  })

  it('keeps our own codes, schema failures and cancellations', () => {
    expect(classifyError(new InputError('bad --kind'))).toMatchObject({
      code: 'INPUT_ERROR',
      message: 'bad --kind'
    })
    const zod = z.object({ id: z.number() }).safeParse({ id: 'x' })
    expect(classifyError(zod.error).code).toBe('INVALID_INPUT')
    expect(classifyError(new CancelledError()).code).toBe('CANCELLED')
    expect(classifyError(new TypeError('x is undefined'))).toEqual({
      code: 'INTERNAL',
      message: 'x is undefined'
    })
  })

  it('carries a catalogued error across threads with its code and details', () => {
    const error = new WorkbenchError('MODEL_CORRUPT', 'Model 3: its forest is corrupt (x).', { modelId: 3 })
    const again = fromThreadError(structuredClone(toThreadError(error)))
    expect(again).toBeInstanceOf(WorkbenchError)
    expect(again).toMatchObject({ code: 'MODEL_CORRUPT', message: error.message, details: { modelId: 3 } })
    expect(fromThreadError(toThreadError(new InputError('no')))).toBeInstanceOf(InputError)
  })

  // Whatever is thrown, an adapter gets one line, a catalogue code and plain data.
  it('never throws and always answers one line of plain data, for anything thrown', () => {
    const codes = Object.keys(ERROR_CATALOGUE)
    const thrown = fc.oneof(
      fc.anything(),
      fc.string({ unit: 'binary' }).map((m) => new Error(m)),
      fc
        .tuple(
          fc.string(),
          fc.constantFrom(
            'ENOENT',
            'EPERM',
            'SQLITE_BUSY',
            'SQLITE_FULL',
            'EWHATEVER',
            'toString',
            '__proto__'
          )
        )
        .map(([m, code]) => Object.assign(new Error(m), { code, path: m })),
      fc
        .tuple(
          fc.constantFrom(...(codes as ErrorCode[])),
          fc.string({ unit: 'binary' }),
          fc.dictionary(fc.string(), fc.jsonValue())
        )
        .map(([code, m, details]) => new WorkbenchError(code, m, details))
    )
    fc.assert(
      fc.property(thrown, (error) => {
        const info = classifyError(error)
        expect(codes).toContain(info.code)
        expect(info.message).not.toMatch(/[\r\n]/)
        expect(info.message).not.toMatch(/\s+at .*\(.*:\d+:\d+\)/)
        if (info.details) expect(JSON.parse(JSON.stringify(info.details))).toEqual(info.details)
      }),
      { numRuns: 300, seed: 10 }
    )
  })
})
