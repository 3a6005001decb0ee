import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { paramControl } from '../../../src/shared/params/paramControl'
import { metaOf, numberBounds, param } from '../../../src/shared/params/paramMeta'

// The form control and the limits each kind of setting schema calls for, on schemas written
// here (the expected controls follow from the schemas by hand).

describe('paramControl', () => {
  it('gives a number its bounds, whole or not, and says when the minimum itself is refused', () => {
    expect(paramControl(z.number().int().min(1).max(500).default(200))).toEqual({
      kind: 'number',
      bounds: { min: 1, max: 500, integer: true, exclusiveMin: false }
    })
    expect(paramControl(z.number().gt(0).lt(1).optional())).toEqual({
      kind: 'number',
      bounds: { min: 0, max: 1, integer: false, exclusiveMin: true }
    })
    expect(paramControl(z.number())).toEqual({
      kind: 'number',
      bounds: { min: -Infinity, max: Infinity, integer: false, exclusiveMin: false }
    })
  })

  it('gives named choices, a switch, and a rule-or-number for an enum and a number', () => {
    expect(paramControl(z.enum(['isotonic', 'platt', 'none']).default('isotonic'))).toEqual({
      kind: 'choice',
      options: ['isotonic', 'platt', 'none']
    })
    expect(paramControl(z.boolean().default(true))).toEqual({ kind: 'switch' })
    expect(
      paramControl(z.union([z.enum(['sqrt', 'log2']), z.number().int().min(1).max(64)]).default('sqrt'))
    ).toEqual({
      kind: 'ruleOrNumber',
      options: ['sqrt', 'log2'],
      bounds: { min: 1, max: 64, integer: true, exclusiveMin: false }
    })
    expect(paramControl(z.union([z.number().min(2).default(3), z.enum(['all']).optional()]))).toEqual({
      kind: 'ruleOrNumber',
      options: ['all'],
      bounds: { min: 2, max: Infinity, integer: false, exclusiveMin: false }
    })
  })

  it('refuses a schema no form control takes', () => {
    const message = 'a setting whose schema no form control takes'
    expect(() => paramControl(z.record(z.string(), z.string()))).toThrow(message)
    expect(() => paramControl(z.union([z.enum(['a']), z.number(), z.boolean()]))).toThrow(message)
    expect(() => paramControl(z.union([z.enum(['a']), z.enum(['b'])]))).toThrow(message)
    expect(() => paramControl(z.union([z.number(), z.boolean()]))).toThrow(message)
    expect(() => paramControl(z.string())).toThrow(message)
  })
})

describe('paramMeta', () => {
  it('keeps the presentation on the schema and reads it back', () => {
    const trees = param(z.number().int().min(1), {
      flag: '--trees',
      label: 'Trees',
      help: 'trees in the forest'
    })
    expect(metaOf(trees)).toEqual({ flag: '--trees', label: 'Trees', help: 'trees in the forest' })
    expect(trees.parse(3)).toBe(3)
  })

  it('refuses a schema without param() metadata', () => {
    expect(() => metaOf(z.number())).toThrow('a parameter schema without param() metadata')
    expect(() => metaOf(z.number().meta({ label: 'no flag' }))).toThrow(
      'a parameter schema without param() metadata'
    )
  })

  it('reads the bounds through defaults and optionals; a safe integer counts as whole', () => {
    expect(numberBounds(z.number().min(-5).max(5).optional().default(0))).toEqual({
      min: -5,
      max: 5,
      integer: false
    })
    expect(numberBounds(z.int().min(0))).toEqual({ min: 0, max: Number.MAX_SAFE_INTEGER, integer: true })
  })
})
