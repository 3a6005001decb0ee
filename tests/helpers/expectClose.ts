import { expect } from 'vitest'

/**
 * Compares a value with an oracle's, recursively: numbers within a relative tolerance (NaN
 * matches NaN or null, as JSON writes it), everything else exactly. The failure names the path
 * of the first difference, e.g. `columns[3].boxByClass[1].q3`.
 */
export function expectClose(actual: unknown, expected: unknown, relTol = 1e-9, path = '$'): void {
  if (typeof expected === 'number' || (expected === null && typeof actual === 'number')) {
    expect(typeof actual, path).toBe('number')
    const a = actual as number
    if (expected === null || Number.isNaN(expected)) {
      expect(Number.isNaN(a), `${path}: ${a} should be NaN`).toBe(true)
      return
    }
    const scale = Math.max(Math.abs(expected), Number.MIN_VALUE)
    expect(Math.abs(a - expected) / scale, `${path}: ${a} vs ${expected}`).toBeLessThanOrEqual(relTol)
    return
  }
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual), `${path} should be an array`).toBe(true)
    const a = actual as unknown[]
    expect(a.length, `${path}.length`).toBe(expected.length)
    expected.forEach((e, i) => expectClose(a[i], e, relTol, `${path}[${i}]`))
    return
  }
  if (expected !== null && typeof expected === 'object') {
    expect(actual !== null && typeof actual === 'object', `${path} should be an object`).toBe(true)
    const a = actual as Record<string, unknown>
    for (const [key, e] of Object.entries(expected)) expectClose(a[key], e, relTol, `${path}.${key}`)
    return
  }
  expect(actual, path).toEqual(expected)
}
