import type { Command } from 'commander'
import { resolve } from 'node:path'
import type { Run } from '../common/CliContext'
import { intOption } from '../common/parseOptions'

/** report and decision: the PDFs a risk committee files and a branch hands an applicant. */
export function registerReportCommands(program: Command, run: Run): void {
  program
    .command('report')
    .description("write a model's evaluation as a PDF report a risk committee can file")
    .option('--model <id>', 'model id (default: the active model)', intOption(1))
    .requiredOption('--out <file.pdf>', 'PDF file to write (replaced only once complete)')
    .action(
      run(async (ctx, o: { model?: number; out: string }) => {
        const service = ctx.service()
        const id = service.resolveModelId(o.model)
        const out = resolve(o.out)
        await service.writeEvaluationReport(id, out)
        ctx.print(`Evaluation report of model ${id} written to ${out}`)
        ctx.printJson({ modelId: id, out })
      })
    )

  program
    .command('decision')
    .description(
      'write the one-page credit decision sheet (PDF) of a scored applicant, with the main reasons'
    )
    .requiredOption(
      '--audit <id>',
      'audit record id of the score (shown as Audit_Id when scoring)',
      intOption(1)
    )
    .requiredOption('--out <file.pdf>', 'PDF file to write (replaced only once complete)')
    .action(
      run(async (ctx, o: { audit: number; out: string }) => {
        const out = resolve(o.out)
        await ctx.service().writeDecisionSheet(o.audit, out)
        ctx.print(`Decision sheet of audit record ${o.audit} written to ${out}`)
        ctx.printJson({ auditId: o.audit, out })
      })
    )
}
