import { InvalidArgumentError, Option, type Command } from 'commander'
import { z } from 'zod'
import { metaOf, numberBounds } from '../../../shared/params/paramMeta'

/**
 * Commander options derived from a shared parameter shape (src/shared/params): the flag,
 * placeholder and help come from each schema's metadata, and every value is checked by
 * the schema itself, so the CLI accepts exactly what the IPC input and the forms accept.
 * Defaults are not set on the options: they come from the schema when the options are
 * read ({@link readParams}), so "given" and "defaulted" stay apart.
 */

type Shape = Record<string, z.ZodType>

/** Adds one option per key of `shape` to `command`. */
export function addParamOptions(command: Command, shape: Shape): Command {
  for (const schema of Object.values(shape))
    for (const option of optionsFor(schema)) command.addOption(option)
  return command
}

/**
 * The values of `shape`'s keys from commander's parsed options, validated (with defaults
 * filled in) by `schema`. A value commander could not check alone (a NAME=VALUE pair's
 * name) is refused here with the flag named.
 */
export function readParams<S extends z.ZodObject>(schema: S, options: Record<string, unknown>): z.output<S> {
  const picked: Record<string, unknown> = {}
  for (const [key, field] of Object.entries(schema.shape as Shape)) {
    const value = options[attributeName(field)]
    if (value !== undefined) picked[key] = value
  }
  const parsed = schema.safeParse(picked)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]
  const field = (schema.shape as Shape)[String(issue.path[0])]
  const flag = field ? metaOf(field).flag : String(issue.path[0])
  throw new InvalidArgumentError(`${flag}: ${describeIssue(issue, field)}`)
}

function optionsFor(schema: z.ZodType): Option[] {
  const meta = metaOf(schema)
  const kind = baseKind(schema)
  const fallback = defaultOf(schema)
  const shown =
    fallback === undefined || (typeof fallback === 'object' && fallback !== null)
      ? ''
      : ` (default: ${fallback})`
  if (kind === 'boolean') {
    // Both --NAME and --no-NAME are accepted (scripts written for either default keep working);
    // help shows the one that changes the default. Given neither, the schema's default applies.
    const on = new Option(meta.flag, meta.help)
    // Stryker disable next-line Regex: a flag holds "--" only at its start
    const off = new Option(meta.flag.replace(/^--/, '--no-'), `do not ${meta.help}`)
    return fallback === true ? [off, on.hideHelp()] : [on, off.hideHelp()]
  }
  const option = new Option(`${meta.flag} ${meta.placeholder ?? '<value>'}`, meta.help + shown)
  if (kind === 'enum') return [option.choices(enumValues(schema))]
  if (kind === 'record') return [option.argParser(collectPair(schema))]
  const parse = (text: string): unknown =>
    checkValue(schema, kind === 'number' ? toNumber(text) : toUnion(text))
  return [option.argParser(parse)]
}

function checkValue(schema: z.ZodType, value: unknown): unknown {
  const parsed = schema.safeParse(value)
  if (parsed.success) return value
  throw new InvalidArgumentError(describeIssue(parsed.error.issues[0], schema))
}

function collectPair(schema: z.ZodType) {
  return (text: string, previous: Record<string, string> = {}): Record<string, string> => {
    const eq = text.indexOf('=')
    if (eq <= 0) throw new InvalidArgumentError(`expected NAME=VALUE, got "${text}"`)
    const next = { ...previous, [text.slice(0, eq).trim()]: text.slice(eq + 1).trim() }
    const parsed = schema.safeParse(next)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      const names = recordKeys(schema)
      if (issue.code === 'unrecognized_keys' && names)
        throw new InvalidArgumentError(`"${issue.keys.join('", "')}" is not one of ${names.join(', ')}`)
      throw new InvalidArgumentError(describeIssue(issue, schema))
    }
    return next
  }
}

/** A message for a schema issue that names the accepted range, as a person would say it. */
function describeIssue(issue: z.core.$ZodIssue, schema: z.ZodType | undefined): string {
  if (
    schema &&
    baseKind(schema) === 'number' &&
    (issue.code === 'too_small' || issue.code === 'too_big' || issue.code === 'invalid_type')
  ) {
    const { min, max, integer } = numberBounds(schema)
    return `expected ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}`
  }
  if (schema && baseKind(schema) === 'union') {
    return `expected ${unionChoices(schema)}`
  }
  return issue.message
}

type Kind = 'number' | 'boolean' | 'enum' | 'record' | 'union' | 'other'

function unwrapped(schema: z.ZodType): z.ZodType {
  let inner = schema
  while (inner instanceof z.ZodDefault || inner instanceof z.ZodOptional) inner = inner.unwrap() as z.ZodType
  return inner
}

function baseKind(schema: z.ZodType): Kind {
  const inner = unwrapped(schema)
  if (inner instanceof z.ZodNumber) return 'number'
  if (inner instanceof z.ZodBoolean) return 'boolean'
  if (inner instanceof z.ZodEnum) return 'enum'
  if (inner instanceof z.ZodRecord) return 'record'
  if (inner instanceof z.ZodUnion) return 'union'
  return 'other'
}

function enumValues(schema: z.ZodType): string[] {
  return (unwrapped(schema) as z.ZodEnum).options.map(String)
}

function recordKeys(schema: z.ZodType): string[] | null {
  const key = (unwrapped(schema) as z.ZodRecord).keyType
  return key instanceof z.ZodEnum ? key.options.map(String) : null
}

/** "sqrt, log2, all or a whole number from 1 to 10000" for a union of an enum and a number. */
function unionChoices(schema: z.ZodType): string {
  const parts = (unwrapped(schema) as z.ZodUnion).options.map((option) => {
    const o = option as z.ZodType
    if (o instanceof z.ZodEnum) return o.options.join(', ')
    if (o instanceof z.ZodNumber) {
      const { min, max, integer } = numberBounds(o)
      return `${integer ? 'a whole number' : 'a number'} from ${min} to ${max}`
    }
    return 'another value'
  })
  return parts.join(' or ')
}

function defaultOf(schema: z.ZodType): unknown {
  return schema instanceof z.ZodDefault ? (schema.def.defaultValue as unknown) : undefined
}

/** Numbers as people type them on a command line: `1_000` and `1000` alike; anything else is NaN. */
function toNumber(text: string): number {
  const trimmed = text.trim().replace(/_/g, '')
  return trimmed === '' ? NaN : Number(trimmed)
}

/** A value for an enum-or-number union: a number when it reads as one, else the text. */
function toUnion(text: string): unknown {
  const n = toNumber(text)
  return Number.isNaN(n) ? text.trim() : n
}

/** Commander's attribute name for a parameter's flag (`--min-leaf` → minLeaf, `--no-smote` → smote). */
function attributeName(schema: z.ZodType): string {
  return new Option(metaOf(schema).flag).attributeName()
}
