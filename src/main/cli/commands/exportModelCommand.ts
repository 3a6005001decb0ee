import { Option, type Command } from 'commander'
import type { Run } from '../common/CliContext'
import { intOption } from '../common/parseOptions'

/** export-model: a stored model's whole scoring pipeline as a file other engines run (ONNX). */
export function registerExportModelCommand(program: Command, run: Run): void {
  program
    .command('export-model')
    .description(
      "write a model's whole scoring pipeline (raw columns in, calibrated probability, decision and grade out) as one ONNX graph for ONNX Runtime, Spark or a model server"
    )
    .option('--model <id>', 'model id (default: the active model)', intOption(1))
    .addOption(new Option('--format <format>', 'file format').choices(['onnx']).default('onnx'))
    .requiredOption('--out <file.onnx>', 'file to write (replaced only once complete)')
    .action(
      run(async (ctx, o: { model?: number; format: 'onnx'; out: string }) => {
        const service = ctx.service()
        const id = service.resolveModelId(o.model)
        const report = await service.exportModel(id, o.out)
        const { opset } = report
        ctx.print(
          `Model ${id} exported to ${report.file} (${(report.bytes / 1024).toFixed(0)} KB; ONNX IR ${opset.ir_version}, ` +
            `opsets ai.onnx ${opset.ai_onnx} and ai.onnx.ml ${opset.ai_onnx_ml}).`
        )
        ctx.print(
          `Inputs, one [N, 1] tensor each: ${report.inputs.map((i) => `${i.name} (${i.type})`).join(', ')}.`
        )
        ctx.print(`Outputs: ${report.outputs.map((i) => `${i.name} (${i.type})`).join(', ')}.`)
        for (const note of report.notes) ctx.print(`Note: ${note}`)
        ctx.printJson(report)
      })
    )
}
