import { Command } from 'commander'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { addParamOptions, readParams } from '../../../../src/main/cli/common/paramOptions'
import { param } from '../../../../src/shared/params/paramMeta'

// Options from a parameter shape written here, with the kinds the train and generate shapes
// do not have (a setting without a default, a switch that defaults to on, a record with free
// names): the help, flags and refusals follow from the schemas by hand.

const shape = {
  share: param(z.number().min(0).max(1).optional(), { flag: '--share', label: 'Share', help: 'a share' }),
  count: param(z.number().int().min(0).max(10).default(3), {
    flag: '--count',
    placeholder: '<n>',
    label: 'Count',
    help: 'a count'
  }),
  on: param(z.boolean().default(true), { flag: '--on', label: 'On', help: 'switch it on' }),
  rule: param(z.union([z.enum(['sqrt', 'all']), z.number().int().min(1).max(9)]).default('sqrt'), {
    flag: '--rule',
    label: 'Rule',
    help: 'a rule or a count'
  }),
  pairs: param(z.record(z.string(), z.string().min(1)).default({}), {
    flag: '--pair',
    label: 'Pairs',
    help: 'NAME=VALUE'
  })
}
const schema = z.object(shape).strict()

/** The command's options. */
const options = () => addParamOptions(new Command('x'), shape).options

/** Parses `args` and reads the settings, or the message of the refusal. */
function parse(...args: string[]): z.output<typeof schema> | string {
  const command = addParamOptions(new Command('x'), shape)
  command.exitOverride().configureOutput({ writeErr: () => undefined, writeOut: () => undefined })
  try {
    command.parse(args, { from: 'user' })
    return readParams(schema, command.opts())
  } catch (error) {
    return (error as Error).message
  }
}

describe('addParamOptions on other kinds of settings', () => {
  it('shows no default for a setting without one, and <value> when no placeholder is given', () => {
    const share = options().find((o) => o.long === '--share')!
    expect([share.flags, share.description]).toEqual(['--share <value>', 'a share'])
    const count = options().find((o) => o.long === '--count')!
    expect([count.flags, count.description]).toEqual(['--count <n>', 'a count (default: 3)'])
    expect(options().find((o) => o.long === '--rule')!.description).toBe('a rule or a count (default: sqrt)')
    expect(options().find((o) => o.long === '--pair')!.description).toBe('NAME=VALUE')
  })

  it('shows --no-NAME in the help for a switch that is on by default, and hides --NAME', () => {
    const on = options().find((o) => o.long === '--on')!
    const off = options().find((o) => o.long === '--no-on')!
    expect([off.hidden, on.hidden]).toEqual([false, true])
    expect(off.description).toBe('do not switch it on')
    expect(parse()).toMatchObject({ on: true, count: 3, rule: 'sqrt', pairs: {} })
    expect(parse('--no-on')).toMatchObject({ on: false })
  })

  it('reads numbers as people type them and refuses an empty one', () => {
    expect(parse('--count', '1_0', '--share', ' 0.5 ')).toMatchObject({ count: 10, share: 0.5 })
    expect(parse('--count', '')).toContain('expected a whole number from 0 to 10')
    expect(parse('--share', '  ')).toContain('expected a number from 0 to 1')
  })

  it('reads a rule or a number, and names both in a refusal', () => {
    expect(parse('--rule', '3')).toMatchObject({ rule: 3 })
    expect(parse('--rule', ' all ')).toMatchObject({ rule: 'all' })
    expect(parse('--rule', '0')).toContain('expected sqrt, all or a whole number from 1 to 9')
    expect(parse('--rule', 'half')).toContain('expected sqrt, all or a whole number from 1 to 9')
  })

  it('gives zod’s own message for a pair whose value the schema refuses, when its names are free', () => {
    expect(parse('--pair', 'a=1', '--pair', 'b=2')).toMatchObject({ pairs: { a: '1', b: '2' } })
    const message = parse('--pair', 'a=')
    expect(message).toContain('Too small: expected string to have >=1 characters')
  })
})
