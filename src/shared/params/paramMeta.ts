import type { z } from 'zod'

/**
 * How one setting of a command is presented, kept on its zod schema (`.meta()`), so that
 * the CLI option, the IPC input, the form field and its limits all come from one place.
 */
export interface ParamMeta {
  /** The CLI flag, e.g. `--trees`; for a boolean that defaults to true, the `--no-…` form is derived. */
  flag: string
  /** The CLI's placeholder for the value, e.g. `<n>`. */
  placeholder?: string
  /** The form's label. */
  label: string
  /** One line of help, for `--help` and the form's tooltip. */
  help: string
  /** Engines that read this setting; absent when every engine (or the pipeline around it) does. */
  engines?: readonly string[]
  /** Stored as a share in [0, 1], shown to people as a percentage. */
  percent?: boolean
}

/** Attaches presentation to a schema (typed, unlike a bare `.meta()`). */
export function param<T extends z.ZodType>(schema: T, meta: ParamMeta): T {
  return schema.meta(meta as unknown as Record<string, unknown>) as T
}

/** The presentation attached by {@link param}. */
export function metaOf(schema: z.ZodType): ParamMeta {
  const meta = schema.meta() as ParamMeta | undefined
  if (!meta?.flag) throw new Error('a parameter schema without param() metadata')
  return meta
}

/** Numeric bounds of a (possibly defaulted or optional) number schema, for forms and messages. */
export function numberBounds(schema: z.ZodType): { min: number; max: number; integer: boolean } {
  let inner: z.ZodType = schema
  // Unwrap defaults and optionals down to the number itself.
  while ('unwrap' in inner && typeof inner.unwrap === 'function') inner = inner.unwrap() as z.ZodType
  const n = inner as unknown as {
    minValue: number | null
    maxValue: number | null
    isInt?: boolean
    format?: string | null
  }
  return {
    min: n.minValue ?? -Infinity,
    max: n.maxValue ?? Infinity,
    // Stryker disable next-line LogicalOperator,ConditionalExpression,StringLiteral: zod 4 marks an integer both ways (isInt and format "safeint"), so either test alone decides
    integer: n.isInt === true || n.format === 'safeint'
  }
}
