import type { ScoreResult } from '../../../shared/dto'
import { auditInputs } from '../scoring/auditInputs'
import type { LoadedModel } from '../scoring/loadModel'
import type { ScoreContext, ScoreDecision } from '../scoring/scoreOne'
import type { ScoreAuditEntry, ScoreChannel } from '../storage/AuditRepo'

/** One applicant's score, resolved against the store (Workbench.scoreRequest) and ready to run anywhere. */
export interface ScoreRequest {
  model: LoadedModel
  fields: Record<string, unknown>
  context: ScoreContext
  channel: ScoreChannel
}

/** The audit record of a scored request: the result as given (without the per-field contributions) and a bounded projection of the input. */
export function auditEntryOf(
  request: ScoreRequest,
  result: Omit<ScoreResult, 'Audit_Id'> | ScoreDecision
): ScoreAuditEntry {
  const { model, fields, context, channel } = request
  return {
    modelId: model.id,
    modelName: model.name,
    channel,
    probability: result.Default_Probability,
    prediction: result.Default_Prediction,
    grade: result.Risk_Grade,
    decision: result.Decision,
    reference: context.reference ?? null,
    inputs: auditInputs(model.artifact, fields),
    outputs: { ...result, Contributions: undefined }
  }
}
