import { InvalidArgumentError, type Command } from 'commander'
import { resolve } from 'node:path'
import type { StrategyPoint, StrategyTarget } from '../../../shared/validation'
import { InputError } from '../../core/base/errors'
import type { StrategyReport } from '../../core/service/committee'
import { lakhCrore } from '../../core/validation/format'
import type { CliContext, Run } from '../common/CliContext'
import { fmt, pct, textTable } from '../common/format'
import { collectList, floatOption, intOption } from '../common/parseOptions'

interface StrategyOptions {
  model?: number
  data?: string
  lgd?: number
  ead?: string
  margin?: number
  targetBadRate?: number
  basis: 'expected' | 'observed'
  targetApproval?: number
  maxProfit?: boolean
  apply?: boolean
  reason?: string
}

interface ValidateOptions {
  model?: number
  data?: string
  segment?: string[]
  out?: string
  replicates: number
}

/** strategy and validate: the credit committee's cut-off decision and the model's validation pack. */
export function registerCommitteeCommands(program: Command, run: Run): void {
  program
    .command('strategy')
    .description(
      'for every cut-off: approval rate, bad rate, expected loss and profit on the held-out rows (or a file with outcomes); recommend and apply a cut-off'
    )
    .option('--model <id>', 'model id (default: the active model)', intOption(1))
    .option('--data <file.csv>', "loans with outcomes to use instead of the model's held-out rows")
    .option('--lgd <share>', 'loss given default when the data has no Collateral column', floatOption(0, 1))
    .option('--ead <column>', "the column with the exposure (default: the model's loan amount)")
    .option(
      '--margin <share>',
      'net interest margin per period on the exposure (default: 0.03)',
      floatOption(-1, 1)
    )
    .option(
      '--target-bad-rate <r>',
      'recommend the cut-off approving the most with a bad rate at most r',
      floatOption(0, 1)
    )
    .option(
      '--basis <which>',
      'the bad rate --target-bad-rate reads: expected (from PDs) or observed',
      'expected'
    )
    .option(
      '--target-approval <a>',
      'recommend the cut-off approving the most, at most a share a',
      floatOption(0, 1)
    )
    .option('--max-profit', 'recommend the most profitable cut-off')
    .option(
      '--apply',
      "make the recommended cut-off the model's decision threshold from now on (needs --reason)"
    )
    .option('--reason <text>', 'why the threshold changes, recorded with it')
    .action(
      run(async (ctx, o: StrategyOptions) => {
        const target = strategyTarget(o)
        if (o.apply && !o.reason?.trim())
          throw new InvalidArgumentError('--apply needs --reason TEXT: say why the threshold changes.')
        if (o.apply && !target)
          throw new InvalidArgumentError(
            '--apply needs a target (--target-bad-rate, --target-approval or --max-profit) to choose the cut-off.'
          )
        const service = ctx.service()
        const id = service.resolveModelId(o.model)
        const report = await service.strategy(id, {
          data: o.data ? resolve(o.data) : undefined,
          lgd: o.lgd,
          ead: o.ead,
          margin: o.margin,
          target
        })
        printStrategy(ctx, report)
        let applied = null
        if (o.apply) {
          const cutoff = report.result.recommended?.cutoff
          if (cutoff === null || cutoff === undefined)
            throw new InputError(
              `No cut-off meets the target, so none was applied: ${report.result.recommended?.reason}`
            )
          applied = service.applyThreshold(id, cutoff, o.reason!)
          ctx.print(
            `\nApplied: model ${id} now declines from ${pct(applied.threshold)} (was ${pct(applied.previous)}), recorded at ${applied.appliedAt}: "${applied.reason}".`
          )
        }
        ctx.printJson({
          modelId: id,
          data: report.data,
          threshold: applied ? applied.threshold : report.model.threshold,
          curve: report.result.curve,
          atModelThreshold: report.result.atModelThreshold,
          recommended: report.result.recommended,
          conventions: report.result.conventions,
          applied
        })
      })
    )

  program
    .command('validate')
    .description(
      'the validation pack a committee files: discrimination with confidence intervals, calibration by grade, stability, concentration and segments, each with a verdict'
    )
    .option('--model <id>', 'model id (default: the active model)', intOption(1))
    .option('--data <file.csv>', "loans to validate on (a newer book) instead of the model's held-out rows")
    .option(
      '--segment <column>',
      'compare approval and accuracy across the values of a column (repeatable)',
      collectList
    )
    .option('--out <file.pdf>', 'also write the pack as a PDF')
    .option(
      '--replicates <n>',
      'bootstrap replicates for the confidence intervals',
      intOption(100, 100_000),
      1000
    )
    .action(
      run(async (ctx, o: ValidateOptions) => {
        const service = ctx.service()
        const id = service.resolveModelId(o.model)
        const data = o.data ? resolve(o.data) : undefined
        const pack = await service.validate(id, { data, segments: o.segment, replicates: o.replicates })
        ctx.print(`Validation of model ${id} "${pack.model.name}" on ${pack.data.label}\n`)
        ctx.print(
          textTable(
            ['test', 'verdict', 'result', 'why'],
            pack.verdicts.map((v) => [v.title, v.light.toUpperCase(), v.value, v.reason])
          )
        )
        for (const note of pack.notes) ctx.print(`note: ${note}`)
        let out: string | null = null
        if (o.out) {
          out = resolve(o.out)
          // The strategy at the model's threshold goes in the pack when the data has a loan amount.
          const strategy = await service
            .strategy(id, { data })
            .catch((e: unknown) => (e instanceof InputError ? null : Promise.reject(e)))
          await service.writeValidationReport(pack, strategy?.result ?? null, out)
          ctx.print(`\nWritten to ${out}`)
        }
        ctx.printJson({
          modelId: id,
          data: pack.data,
          auc: pack.discrimination?.auc ?? null,
          aucCi: pack.discrimination?.aucCi ?? null,
          gini: pack.discrimination?.gini ?? null,
          ks: pack.discrimination?.ks ?? null,
          grades: pack.calibration?.grades ?? null,
          hosmerLemeshow: pack.calibration?.hosmerLemeshow ?? null,
          psi: pack.stability?.psi ?? null,
          stability: pack.stability,
          concentration: pack.concentration,
          segments: pack.segments?.segments ?? [],
          verdicts: pack.verdicts,
          notes: pack.notes,
          out
        })
      })
    )
}

function strategyTarget(o: StrategyOptions): StrategyTarget | undefined {
  const given = [o.targetBadRate !== undefined, o.targetApproval !== undefined, o.maxProfit === true].filter(
    Boolean
  )
  if (given.length > 1)
    throw new InvalidArgumentError('give one target: --target-bad-rate, --target-approval or --max-profit')
  if (o.basis !== 'expected' && o.basis !== 'observed')
    throw new InvalidArgumentError(`--basis must be expected or observed, got "${o.basis}"`)
  if (o.targetBadRate !== undefined) return { kind: 'bad-rate', maxBadRate: o.targetBadRate, basis: o.basis }
  if (o.targetApproval !== undefined) return { kind: 'approval', maxApprovalRate: o.targetApproval }
  if (o.maxProfit) return { kind: 'max-profit' }
  return undefined
}

/** The curve every 5 % of PD, plus the model's threshold and the recommended cut-off. */
function printStrategy(ctx: CliContext, report: StrategyReport): void {
  const { result, model, data } = report
  ctx.print(
    `Strategy for model ${model.id} "${model.name}" on ${data.label}; ${result.conventions.decision}\n`
  )
  const marks = new Set([model.threshold, result.recommended?.cutoff ?? -1])
  const shown = result.curve.filter(
    (p) => marks.has(p.cutoff) || Math.abs(p.cutoff * 20 - Math.round(p.cutoff * 20)) < 1e-9
  )
  const row = (p: StrategyPoint): string[] => [
    pct(p.cutoff) +
      (p.cutoff === model.threshold ? ' (now)' : p.cutoff === result.recommended?.cutoff ? ' (rec.)' : ''),
    pct(p.approvalRate),
    pct(p.badRate),
    pct(p.expectedBadRate),
    lakhCrore(p.expectedLoss),
    lakhCrore(p.expectedProfit)
  ]
  ctx.print(
    textTable(
      ['cut-off', 'approved', 'bad rate', 'expected bad', 'expected loss', 'expected profit'],
      shown.map(row)
    )
  )
  ctx.print(
    `\nExposure: ${result.conventions.ead} ${result.conventions.lgd} Margin ${pct(result.conventions.margin)} a year. ${result.conventions.period}`
  )
  if (data.skipped.length)
    ctx.print(
      `note: ${fmt(data.skipped.length, 0)} rows left out; first: line ${data.skipped[0].line}: ${data.skipped[0].reason}`
    )
  if (result.recommended)
    ctx.print(
      `\nRecommended: ${result.recommended.cutoff === null ? 'none' : pct(result.recommended.cutoff)}. ${result.recommended.reason}`
    )
}
