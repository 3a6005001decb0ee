import type { ModelSummary } from '../../../shared/dto'
import type { ModelEvaluation } from '../../../shared/evaluation'

export interface EvaluationReportInput {
  model: ModelSummary
  evaluation: ModelEvaluation
  generatedAt: string
}

/** Writes a model's evaluation as a PDF report (placeholder until the report module lands). */
export async function writeEvaluationReport(input: EvaluationReportInput, path: string): Promise<void> {
  void input
  void path
  throw new Error('writeEvaluationReport is not implemented yet')
}
