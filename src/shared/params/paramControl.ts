import { z } from 'zod'
import { numberBounds } from './paramMeta'

/**
 * What kind of input a setting takes, read from its schema, so a form can draw any
 * setting of a parameter shape without a list of its own: a number within bounds, one of
 * a few named choices, a named rule or a number (features per split), or a switch.
 */
export type ParamControl =
  | { kind: 'number'; bounds: NumberBounds }
  | { kind: 'choice'; options: readonly string[] }
  | { kind: 'ruleOrNumber'; options: readonly string[]; bounds: NumberBounds }
  | { kind: 'switch' }

/** A number's bounds; `exclusiveMin` when the schema refuses the minimum itself (`gt`). */
export interface NumberBounds {
  min: number
  max: number
  integer: boolean
  exclusiveMin: boolean
}

/** The control a setting's schema calls for; throws for a schema no form can take (a record). */
export function paramControl(schema: z.ZodType): ParamControl {
  const inner = unwrapped(schema)
  if (inner instanceof z.ZodNumber) return { kind: 'number', bounds: boundsOf(inner) }
  if (inner instanceof z.ZodEnum) return { kind: 'choice', options: inner.options.map(String) }
  if (inner instanceof z.ZodBoolean) return { kind: 'switch' }
  if (inner instanceof z.ZodUnion) {
    const options = inner.options.map((o) => unwrapped(o as z.ZodType))
    const rule = options.find((o) => o instanceof z.ZodEnum)
    const number = options.find((o) => o instanceof z.ZodNumber)
    if (rule && number && options.length === 2)
      return { kind: 'ruleOrNumber', options: rule.options.map(String), bounds: boundsOf(number) }
  }
  throw new Error('a setting whose schema no form control takes')
}

function boundsOf(schema: z.ZodNumber): NumberBounds {
  const { min, max, integer } = numberBounds(schema)
  return { min, max, integer, exclusiveMin: Number.isFinite(min) && !schema.safeParse(min).success }
}

function unwrapped(schema: z.ZodType): z.ZodType {
  let inner = schema
  while (inner instanceof z.ZodDefault || inner instanceof z.ZodOptional) inner = inner.unwrap() as z.ZodType
  return inner
}
