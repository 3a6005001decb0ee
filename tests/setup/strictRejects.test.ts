import { describe, expect, it } from 'vitest'

describe('rejects.toThrow (tests/setup/strictRejects.ts)', () => {
  it('fails on a promise that rejects with undefined or a string, whatever the message asked', async () => {
    for (const value of [undefined, 'a message', null]) {
      const failure = await expect(Promise.reject(value))
        .rejects.toThrow('a message')
        .then(
          () => null,
          (error: unknown) => error
        )
      expect(failure, String(value)).toBeInstanceOf(Error)
      expect((failure as Error).message).toContain('expected the promise to reject with an Error')
    }
  })

  it('still compares an Error’s message, and leaves .not alone', async () => {
    await expect(Promise.reject(new Error('disk full'))).rejects.toThrow('disk full')
    await expect(expect(Promise.reject(new Error('other'))).rejects.toThrow('disk full')).rejects.toThrow()
    await expect(Promise.reject(new Error('x'))).rejects.not.toThrow('disk full')
  })
})
