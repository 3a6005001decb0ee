import { openWorkbench, step, timed } from './step'

/**
 * score DB MODEL_ID IN OUT [THREADS]: Workbench.scoreFile, CSV to CSV. The model is loaded
 * and compiled for batch scoring before the clock starts (as sk_batch.py trains before its
 * clock starts); THREADS overrides the default number of worker threads.
 */
step(async ([db, modelId, input, output, threads]) => {
  const wb = openWorkbench(db)
  const model = await wb.batchModel(Number(modelId))
  const { value, seconds } = await timed(() =>
    wb.scoreFile(input, output, { model, threads: threads === undefined ? undefined : Number(threads) })
  )
  wb.close()
  return { rowsIn: value.rowsIn, rowsScored: value.rowsScored, rowsError: value.rowsError, seconds }
})
