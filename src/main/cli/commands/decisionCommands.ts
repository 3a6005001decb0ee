import type { Command } from 'commander'
import { refLine } from '../../../shared/applicantRef'
import type { HistoryEntry } from '../../../shared/dto'
import { OVERRIDE_REASONS, type OverrideReason } from '../../../shared/policy'
import { formatShare } from '../../../shared/numbers'
import { InputError } from '../../core/base/errors'
import type { Run } from '../common/CliContext'
import { textTable, toMinute } from '../common/format'
import { intOption } from '../common/parseOptions'

/** history and override: what was decided for whom, and an officer's own decision against or with the model. */
export function registerDecisionCommands(program: Command, run: Run): void {
  program
    .command('history')
    .description('list the scores (newest first) with the applicant, the verdict and any officer’s decision')
    .option('--limit <n>', 'at most this many', intOption(1, 5000), 50)
    .option('--model <id>', 'only scores of this model', intOption(1))
    .option('--ref <text>', 'only applicants whose name, customer id or application number contains this')
    .action(
      run((ctx, o: { limit: number; model?: number; ref?: string }) => {
        const entries = ctx.service().history({ limit: o.limit, modelId: o.model, reference: o.ref })
        const t = ctx.t
        if (entries.length === 0) ctx.print(t('cli.history.empty'))
        const singles = entries.filter(
          (e): e is Extract<HistoryEntry, { kind: 'single' }> => e.kind === 'single'
        )
        if (singles.length)
          ctx.print(
            textTable(
              ['id', 'date', 'applicant', 'verdict', 'officer', 'risk', 'grade', 'model', 'channel'].map(
                (k) => t(`cli.history.${k as 'id'}`)
              ),
              singles.map((e) => {
                const latest = e.overrides[0]
                return [
                  e.id,
                  toMinute(e.createdAt),
                  refLine(e.reference) || '-',
                  e.decision ? t(`decision.verdict.${e.decision}`) : '-',
                  latest
                    ? `${t(`decision.finalDecision.${latest.decision}`)} (${latest.officer}: ${t(`decision.overrideReason.${latest.reason}`)})`
                    : '-',
                  formatShare(e.probability),
                  e.grade,
                  e.modelId,
                  e.channel
                ]
              })
            )
          )
        for (const e of entries)
          if (e.kind === 'batch')
            ctx.print(t('cli.history.batch', { file: e.fileName, rows: e.rowsIn, errors: e.rowsError }))
        ctx.printJson({ entries })
      })
    )

  program
    .command('override')
    .description(
      'record an officer’s decision on a scored applicant (approve or decline), with a reason code'
    )
    .requiredOption('--audit <id>', 'audit record of the score', intOption(1))
    .requiredOption('--decision <decision>', 'approve or decline')
    .requiredOption('--reason <code>', `reason code: ${OVERRIDE_REASONS.join(', ')}`)
    .requiredOption('--by <name>', 'the officer who decides')
    .option('--note <text>', 'what the officer saw (required with --reason other)', '')
    .action(
      run((ctx, o: { audit: number; decision: string; reason: string; by: string; note: string }) => {
        if (o.decision !== 'approve' && o.decision !== 'decline')
          throw new InputError(`--decision ${o.decision}: give approve or decline.`)
        const service = ctx.service()
        const recorded = service.recordOverride({
          auditId: o.audit,
          decision: o.decision,
          reason: o.reason as OverrideReason,
          note: o.note,
          officer: o.by
        })
        const t = ctx.t
        ctx.print(
          t('cli.override.recorded', {
            id: o.audit,
            decision: t(`decision.finalDecision.${recorded.decision}`),
            officer: recorded.officer,
            reason: t(`decision.overrideReason.${recorded.reason}`)
          })
        )
        const entry = service.audit.single(o.audit)
        const verdict = entry.kind === 'single' ? entry.decision : null
        if (verdict && verdict !== 'refer' && verdict !== recorded.decision)
          ctx.print(t('cli.override.against', { verdict: t(`decision.verdict.${verdict}`) }))
        ctx.printJson({ override: recorded })
      })
    )
}
