import { readFileSync, statSync } from 'node:fs'
import * as ort from 'onnxruntime-node'
import { describe, expect, it } from 'vitest'
import { useTrainedTemplate } from '../../../fixtures/trainedDatabase'
import { onlyJson, oneLine, ptm } from '../../../helpers/runPtm'
import { useTempDir } from '../../../helpers/tempDir'

describe('ptm export-model', () => {
  const trained = useTrainedTemplate({ rows: 1500 })
  const tmp = useTempDir()

  it('--json reports the file, its size, the opsets, the inputs and the outputs of a model ONNX Runtime loads', async () => {
    const db = trained.copyTo(tmp.path('w.db'))
    const out = tmp.path('model.onnx')
    const run = await ptm(db, 'export-model', '--format', 'onnx', '--out', out, '--json')
    expect(run).toMatchObject({ code: 0, stderr: '' })
    const report = onlyJson(run)
    expect(report).toMatchObject({
      file: out,
      bytes: statSync(out).size,
      modelId: trained.ids().modelId,
      format: 'onnx',
      opset: { ai_onnx: 21, ai_onnx_ml: 5, ir_version: 10 },
      outputs: [
        { name: 'Default_Probability', type: 'double' },
        { name: 'Default_Prediction', type: 'int64' },
        { name: 'Risk_Grade', type: 'string' }
      ]
    })
    const inputs = report.inputs as { name: string; type: string }[]
    expect(inputs).toContainEqual({ name: 'Credit_Score', type: 'double' })
    expect(inputs).toContainEqual({ name: 'Region', type: 'string' })
    expect(inputs.map((i) => i.name)).not.toContain('Loan_to_Balance_Ratio') // engineered inside the graph
    const session = await ort.InferenceSession.create(readFileSync(out))
    expect([...session.inputNames].sort()).toEqual(inputs.map((i) => i.name).sort())
    expect(session.outputNames).toEqual(['Default_Probability', 'Default_Prediction', 'Risk_Grade'])
    await session.release()
  })

  it('without --json says where the model went and what it takes', async () => {
    const db = trained.copyTo(tmp.path('w.db'))
    const run = await ptm(db, 'export-model', '--out', tmp.path('m.onnx'))
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^Model \d+ exported to .*m\.onnx \(\d+ KB; ONNX IR 10/)
    expect(run.stdout).toMatch(/Inputs, one \[N, 1\] tensor each: .*Credit_Score \(double\)/)
  })

  it('exits 1 with one line for no model, an unknown model and a folder that does not exist', async () => {
    const empty = await ptm(tmp.path('empty.db'), 'export-model', '--out', tmp.path('m.onnx'))
    expect(empty.code).toBe(1)
    expect(oneLine(empty.stderr)).toMatch(/^ptm: There is no model yet/)

    const db = trained.copyTo(tmp.path('w.db'))
    const unknown = await ptm(db, 'export-model', '--model', '99', '--out', tmp.path('m.onnx'))
    expect(unknown.code).toBe(1)
    expect(oneLine(unknown.stderr)).toMatch(/^ptm: There is no model 99/)

    const nowhere = await ptm(db, 'export-model', '--out', tmp.path('no/such/folder/m.onnx'))
    expect(nowhere.code).toBe(1)
    expect(oneLine(nowhere.stderr)).toMatch(
      /: the folder .* does not exist\. Create it or choose another folder/
    )
  })

  it('exits 2 for a format it does not write', async () => {
    const run = await ptm(tmp.path('w.db'), 'export-model', '--format', 'pmml', '--out', 'm.pmml')
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/Allowed choices are onnx/)
  })
})
