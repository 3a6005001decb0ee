import * as ort from 'onnxruntime-node'
import { exportModelFile } from '../../src/main/core/service/exportModel'
// The example head office is given, timed as it is (plain ESM JavaScript, typed by score-csv.d.mts).
import { scoreCsv } from '../../examples/onnx/score-csv.mjs'
import { openWorkbench, step, timed } from './step'

/**
 * onnxScore DB MODEL_ID IN OUT MODEL.onnx: exports the model to ONNX (timed and reported
 * apart, training-data hash included), loads it into ONNX Runtime before the clock starts
 * (as the score step loads and compiles its model), then times examples/onnx/score-csv.mjs's
 * scoreCsv: read the CSV, build one tensor per input column, run, write the scored CSV.
 */
step(async ([db, modelId, input, output, onnxPath]) => {
  const wb = openWorkbench(db)
  const exported = await timed(() => exportModelFile(wb, Number(modelId), onnxPath))
  wb.close()
  const session = await ort.InferenceSession.create(onnxPath)
  const { value: rows, seconds } = await timed(() => scoreCsv(session, input, output))
  await session.release()
  return { rows, seconds, exportSeconds: exported.seconds, onnxBytes: exported.value.bytes }
})
