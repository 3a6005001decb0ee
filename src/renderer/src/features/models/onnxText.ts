import type { OnnxExportReport } from '../../../../shared/dto'
import { t } from '../../i18n'
import { formatBytes } from '../../ui/format'

/** What an ONNX export wrote, in one line: size, operator sets, inputs and outputs. */
export function onnxReportText(report: OnnxExportReport): string {
  return t('models.onnx.written', {
    size: formatBytes(report.bytes),
    opset: report.opset.ai_onnx,
    ml: report.opset.ai_onnx_ml,
    inputs: report.inputs.length,
    outputs: report.outputs.map((o) => o.name).join(', ')
  })
}
