import { describe, expect, it } from 'vitest'
import {
  CancelledError,
  corruptModel,
  fromThreadError,
  InputError,
  isCancellation,
  isErrorCode,
  notFound,
  toThreadError,
  WorkbenchError
} from '../../../../src/main/core/base/errors'

describe('the error catalogue’s helpers', () => {
  it('knows its own codes only (not inherited names)', () => {
    expect(isErrorCode('INPUT_ERROR')).toBe(true)
    expect(isErrorCode('UNSUPPORTED_MEDIA_TYPE')).toBe(true)
    expect(isErrorCode('NOPE')).toBe(false)
    expect(isErrorCode('toString')).toBe(false)
    expect(isErrorCode('constructor')).toBe(false)
  })

  it('makes user mistakes INPUT_ERROR and missing things NOT_FOUND, keeping their details', () => {
    const input = new InputError('bad value', { field: 'x' })
    expect(input).toBeInstanceOf(WorkbenchError)
    expect([input.name, input.code, input.message, input.details]).toEqual([
      'InputError',
      'INPUT_ERROR',
      'bad value',
      { field: 'x' }
    ])
    const missing = notFound('There is no model 9.', { id: 9 })
    expect([missing.name, missing.code, missing.message, missing.details]).toEqual([
      'WorkbenchError',
      'NOT_FOUND',
      'There is no model 9.',
      { id: 9 }
    ])
    expect(new WorkbenchError('INTERNAL', 'x', undefined, { cause: 'why' }).cause).toBe('why')
  })

  it('says which stored forest is corrupt and what to do, with the problem as data', () => {
    expect(corruptModel('truncated in tree 3')).toMatchObject({
      code: 'MODEL_CORRUPT',
      message:
        'The stored forest is corrupt (truncated in tree 3). Retrain the model or restore the database from a backup.',
      details: { problem: 'truncated in tree 3' }
    })
    expect(corruptModel('bad', 4)).toMatchObject({
      message:
        'Model 4: its forest is corrupt (bad). Retrain the model or restore the database from a backup.',
      details: { problem: 'bad', modelId: 4 }
    })
    expect(corruptModel('bad').details).not.toHaveProperty('modelId')
  })

  it('recognises a cancellation by the AbortError name, ours or the platform’s', () => {
    expect(new CancelledError().message).toBe('Cancelled')
    expect(isCancellation(new CancelledError('Stopped'))).toBe(true)
    expect(isCancellation(new DOMException('x', 'AbortError'))).toBe(true)
    expect(isCancellation(new Error('Cancelled'))).toBe(false)
    expect(isCancellation({ name: 'AbortError' })).toBe(false)
  })
})

describe('errors crossing threads', () => {
  it('keeps a catalogued error’s class, code and details', () => {
    const input = fromThreadError(toThreadError(new InputError('no such column', { column: 'x' })))
    expect(input).toBeInstanceOf(InputError)
    expect(input).toMatchObject({ code: 'INPUT_ERROR', message: 'no such column', details: { column: 'x' } })
    const corrupt = fromThreadError(toThreadError(corruptModel('bad', 2)))
    expect(corrupt).toBeInstanceOf(WorkbenchError)
    expect(corrupt).not.toBeInstanceOf(InputError)
    expect(corrupt).toMatchObject({ code: 'MODEL_CORRUPT', details: { problem: 'bad', modelId: 2 } })
  })

  it('keeps a platform error’s name, message and errno code', () => {
    const enoent = Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT' })
    expect(toThreadError(enoent)).toEqual({ name: 'Error', message: 'ENOENT: no such file', code: 'ENOENT' })
    const back = fromThreadError(toThreadError(enoent)) as Error & { code?: string }
    expect(back).not.toBeInstanceOf(WorkbenchError)
    expect([back.name, back.message, back.code]).toEqual(['Error', 'ENOENT: no such file', 'ENOENT'])
    const range = fromThreadError(toThreadError(new RangeError('too big'))) as Error & { code?: string }
    expect([range.name, range.message, 'code' in range]).toEqual(['RangeError', 'too big', false])
  })

  it('turns a thrown non-error into a message, and ignores a numeric code', () => {
    expect(toThreadError('plain text')).toEqual({ name: 'Error', message: 'plain text' })
    expect(toThreadError(Object.assign(new Error('x'), { code: 5 }))).toEqual({ name: 'Error', message: 'x' })
    const cancelled = fromThreadError(toThreadError(new CancelledError()))
    expect(isCancellation(cancelled)).toBe(true)
  })
})
