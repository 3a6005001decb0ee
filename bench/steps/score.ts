import { openWorkbench, step, timed } from './step'

/**
 * score DB MODEL_ID IN OUT: Workbench.scoreFile, CSV to CSV. The model is loaded before
 * the clock starts (as sk_batch.py trains before its clock starts).
 */
step(async ([db, modelId, input, output]) => {
  const wb = openWorkbench(db)
  wb.scoringModel(Number(modelId))
  const { value, seconds } = await timed(() => wb.scoreFile(input, output, { modelId: Number(modelId) }))
  wb.close()
  return { rowsIn: value.rowsIn, rowsScored: value.rowsScored, rowsError: value.rowsError, seconds }
})
