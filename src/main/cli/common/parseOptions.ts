import { InvalidArgumentError } from 'commander'

/** Commander parser for a whole number within bounds (bad usage → exit 2). */
export function intOption(min: number, max = Number.MAX_SAFE_INTEGER) {
  return (text: string): number => {
    const value = Number(text.replace(/_/g, ''))
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}, got "${text}"`)
    }
    return value
  }
}

/** Commander parser for a number strictly between bounds. */
export function floatOption(minExclusive: number, maxExclusive: number) {
  return (text: string): number => {
    const value = Number(text)
    if (!Number.isFinite(value) || value <= minExclusive || value >= maxExclusive) {
      throw new InvalidArgumentError(
        `expected a number between ${minExclusive} and ${maxExclusive}, got "${text}"`
      )
    }
    return value
  }
}

/** Commander parser for NAME=VALUE pairs collected into a record. */
export function collectPairs(text: string, previous: Record<string, string> = {}): Record<string, string> {
  const eq = text.indexOf('=')
  if (eq <= 0) throw new InvalidArgumentError(`expected NAME=VALUE, got "${text}"`)
  return { ...previous, [text.slice(0, eq).trim()]: text.slice(eq + 1).trim() }
}

/** Commander parser for a repeatable option collected into a list. */
export function collectList(text: string, previous: string[] = []): string[] {
  return [...previous, text]
}
