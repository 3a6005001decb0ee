import type { TrainParams } from '../../src/main/core/model/ModelArtifact'
import { openWorkbench, step, timed } from './step'

/** train DB DATASET_ID PARAMS_JSON: Workbench.trainModel (split, prepare, SMOTE, forest, calibrate, evaluate, store). */
step(async ([db, id, paramsJson]) => {
  const params = JSON.parse(paramsJson) as Partial<TrainParams>
  const wb = openWorkbench(db)
  const { value, seconds } = await timed(() => wb.trainModel(Number(id), params, { activate: true }))
  wb.close()
  const e = value.evaluation
  return {
    modelId: value.model.id,
    seconds,
    phases: e.seconds,
    rows: e.rows,
    auc: e.metrics.auc,
    testRows: e.metrics.numRows,
    testPositives: e.metrics.numPositive,
    accuracy: e.metrics.accuracy,
    averagePrecision: e.metrics.averagePrecision,
    brier: e.metrics.brier
  }
})
