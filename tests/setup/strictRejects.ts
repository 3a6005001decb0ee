import { chai } from 'vitest'

// Vitest 4.1 lets `await expect(promise).rejects.toThrow('message')` pass when the promise
// rejects with `undefined` (checked: it passes for any message), so such an assertion could
// not fail on code that loses its error. Here a rejection must carry an Error before
// toThrow or toThrowError compares it; `.not` and every other matcher are left as they are.
chai.use((api, utils) => {
  for (const name of ['toThrow', 'toThrowError']) {
    utils.overwriteMethod(
      api.Assertion.prototype,
      name,
      (original: (...args: unknown[]) => unknown) =>
        function (this: object, ...args: unknown[]): unknown {
          const rejected = utils.flag(this, 'object') as unknown
          if (
            utils.flag(this, 'promise') === 'rejects' &&
            !utils.flag(this, 'negate') &&
            !(rejected instanceof Error)
          )
            throw new Error(
              `expected the promise to reject with an Error, but it rejected with ${String(rejected)}`
            )
          return original.apply(this, args)
        }
    )
  }
})
