import { scoreOne } from '../../src/main/core/scoring/scoreOne'
import { openWorkbench, step } from './step'

/**
 * single DB MODEL_ID COUNT BODY_JSON: the /predict work without HTTP, in one process:
 * scoreOne alone (validation, forest, calibration, TreeSHAP reasons) and
 * Workbench.scoreApplicant (the same plus the audit record). Milliseconds per call.
 */
step(async ([db, modelId, count, body]) => {
  const wb = openWorkbench(db)
  const model = wb.scoringModel(Number(modelId))
  const input = JSON.parse(body) as Record<string, unknown>
  const n = Number(count)
  const time = (fn: () => void): number[] => {
    for (let i = 0; i < Math.min(50, n); i++) fn()
    const ms: number[] = []
    for (let i = 0; i < n; i++) {
      const t0 = performance.now()
      fn()
      ms.push(performance.now() - t0)
    }
    return ms
  }
  const scoreOnly = time(() => scoreOne(model, input))
  const withAudit = time(() => wb.scoreApplicant(input, 'http', Number(modelId)))
  wb.close()
  return { scoreOne: scoreOnly, scoreApplicant: withAudit }
})
