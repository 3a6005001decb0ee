import type { Command } from 'commander'
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { z } from 'zod'
import { DictionarySchema, inLang, resolveDictionary, type FieldShape } from '../../../shared/dictionary'
import { PolicySchema } from '../../../shared/policy'
import { InputError, WorkbenchError } from '../../core/base/errors'
import { fromFileSystemError } from '../../core/data/csv/CsvInputError'
import type { Run } from '../common/CliContext'
import { textTable } from '../common/format'
import { intOption } from '../common/parseOptions'

/**
 * activate (maker–checker), policy and dictionary: how the risk team governs the models the
 * branches score with.
 */
export function registerGovernanceCommands(program: Command, run: Run): void {
  program
    .command('activate')
    .description(
      'make a model the one used for scoring: one person asks (--by NAME), a second person confirms (--confirm --by NAME --note TEXT)'
    )
    .argument('<id>', 'model id', intOption(1))
    .option('--by <name>', 'your name (kept with the request or the decision)')
    .option('--note <text>', 'why (required to confirm or reject)', '')
    .option('--confirm', 'confirm the pending request: the model becomes active')
    .option('--reject', 'reject the pending request')
    .action(
      run((ctx, id: number, o: { by?: string; note: string; confirm?: boolean; reject?: boolean }) => {
        const service = ctx.service()
        if (!o.by)
          throw new InputError(
            `Making a model active takes two people: the first asks with "ptm activate ${id} --by NAME", a second confirms with "ptm activate ${id} --confirm --by NAME --note TEXT".`
          )
        if (o.confirm && o.reject) throw new InputError('Give --confirm or --reject, not both.')
        if (o.confirm || o.reject) {
          const decided = service.decideActivation(id, o.by, o.note, o.confirm === true)
          ctx.print(
            ctx.t(o.confirm ? 'cli.activation.confirmed' : 'cli.activation.rejected', {
              id,
              maker: decided.requestedBy,
              checker: decided.decidedBy ?? ''
            })
          )
          ctx.printJson({ modelId: id, active: o.confirm === true, activation: decided })
          return
        }
        const requested = service.requestActivation(id, o.by, o.note)
        ctx.print(ctx.t('cli.activation.requested', { id }))
        ctx.printJson({ modelId: id, active: false, activation: requested })
      })
    )

  program
    .command('policy')
    .description(
      "show or set a model's policy checks (required fields, hard limits, referral rules) and purpose"
    )
    .option('--model <id>', 'model id (default: the active model)', intOption(1))
    .option(
      '--set <file.json>',
      'replace the policy with this JSON file ({"required": [...], "limits": [...], "referrals": [...]})'
    )
    .option('--reset', 'go back to the default policy')
    .option(
      '--purpose <text>',
      'what the model is for, as the officer reads it ("Retail loans — default risk")'
    )
    .option('--by <name>', 'your name (every change is logged with it)')
    .action(
      run(
        async (ctx, o: { model?: number; set?: string; reset?: boolean; purpose?: string; by?: string }) => {
          const service = ctx.service()
          const id = service.resolveModelId(o.model)
          if (o.set || o.reset || o.purpose !== undefined) {
            if (!o.by) throw new InputError('Say who makes the change (--by NAME): every change is logged.')
            const policy = o.reset
              ? null
              : o.set
                ? await readJsonFile(o.set, PolicySchema, 'policy')
                : undefined
            service.setModelGovernance(id, { policy, purpose: o.purpose }, o.by)
          }
          const g = service.modelGovernance(id)
          const label = (f: string): string => g.dictionary.find((e) => e.field === f)?.label.en ?? f
          ctx.print(
            `Model ${id}: ${g.purpose ?? 'purpose not written yet'}${g.policyIsDefault ? ' (default policy)' : ''}`
          )
          ctx.print(`Required: ${g.policy.required.map(label).join(', ') || 'none'}`)
          ctx.print(
            textTable(
              ['field', 'at least', 'at most'],
              g.policy.limits.map((l) => [l.field, l.min ?? '-', l.max ?? '-'])
            )
          )
          ctx.print(
            `Referral rules: ${g.policy.referrals.map((r) => JSON.stringify(r)).join('; ') || 'none'}`
          )
          ctx.printJson({ modelId: id, purpose: g.purpose, policy: g.policy, default: g.policyIsDefault })
        }
      )
    )

  program
    .command('dictionary')
    .description(
      'show or set the data dictionary (display names in English and Hindi, units, descriptions) of a model or a dataset'
    )
    .option('--model <id>', 'model id (default: the active model)', intOption(1))
    .option(
      '--dataset <id>',
      "a dataset's dictionary instead (models trained on it start from it)",
      intOption(1)
    )
    .option('--set <file.json>', 'replace the edited entries with this JSON file (a list of entries)')
    .option('--reset', 'go back to the defaults')
    .option('--by <name>', 'your name (every change is logged with it)')
    .action(
      run(
        async (ctx, o: { model?: number; dataset?: number; set?: string; reset?: boolean; by?: string }) => {
          const service = ctx.service()
          const edit = o.set
            ? await readJsonFile(o.set, DictionarySchema, 'dictionary')
            : o.reset
              ? null
              : undefined
          if (edit !== undefined && !o.by)
            throw new InputError('Say who makes the change (--by NAME): every change is logged.')
          let entries
          if (o.dataset !== undefined) {
            const dataset = service.getDataset(o.dataset)
            if (edit !== undefined) service.governance.setDatasetDictionary(dataset.id, edit ?? [], o.by!)
            const shapes: FieldShape[] = dataset.columnSpecs.map((c) => ({ name: c.name, kind: c.kind }))
            entries = resolveDictionary(shapes, service.governance.datasetDictionary(dataset.id))
          } else {
            const id = service.resolveModelId(o.model)
            if (edit !== undefined) service.setModelGovernance(id, { dictionary: edit }, o.by!)
            entries = service.modelGovernance(id).dictionary
          }
          ctx.print(
            textTable(
              ['field', 'name', 'नाम', 'unit'],
              entries.map((e) => [e.field, e.label.en, inLang(e.label, 'hi'), e.unit])
            )
          )
          ctx.printJson({ entries })
        }
      )
    )
}

/** A JSON file read and checked against its schema; every problem names the file and the place. */
async function readJsonFile<T extends z.ZodType>(
  file: string,
  schema: T,
  what: string
): Promise<z.output<T>> {
  const path = resolve(file)
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    throw fromFileSystemError(path, error)
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    throw new WorkbenchError('MALFORMED_JSON', `${path}: not valid JSON (${(error as Error).message}).`)
  }
  const parsed = schema.safeParse(value)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new InputError(
      `${path}: not a valid ${what} at ${issue.path.join('.') || 'the top'}: ${issue.message}.`
    )
  }
  return parsed.data
}
