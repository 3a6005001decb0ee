import { InputError } from '../base/errors'
import type { ModelArtifact } from '../model/ModelArtifact'
import { addCalibration } from './calibrationGraph'
import type { OnnxEngineGraph } from './engineGraph'
import { addFeatureMatrix } from './featureGraph'
import { attr, batchValue, GraphBuilder, ML_DOMAIN } from './GraphBuilder'
import { TensorType, type ModelProto, type TensorTypeCode } from './onnxProto'

/**
 * Operator sets of the exported graph: ai.onnx.ml 5 is the first with the TreeEnsemble
 * operator (double splits, weights and output); ai.onnx 21 and IR version 10 came with it
 * in ONNX 1.16, so any runtime that runs TreeEnsemble reads the rest. ONNX Runtime has run
 * it since 1.21 (tested here with onnxruntime-node 1.31).
 */
export const ONNX_OPSET = { irVersion: 10, onnx: 21, ml: 5 } as const

/** The graph's outputs, one value per row each ([N, 1]). */
export const ONNX_OUTPUTS = [
  { name: 'Default_Probability', type: 'double' },
  { name: 'Default_Prediction', type: 'int64' },
  { name: 'Risk_Grade', type: 'string' }
] as const

/** A graph input or output as reported to callers: its name and element type. */
export interface OnnxTensorInfo {
  name: string
  type: 'double' | 'int64' | 'string'
}

/** How the graph's inputs look: one [N, 1] tensor per raw input column of the model. */
export function onnxInputsOf(artifact: ModelArtifact): OnnxTensorInfo[] {
  return artifact.inputs.map((i) => ({ name: i.name, type: i.kind === 'numeric' ? 'double' : 'string' }))
}

/**
 * The model's whole scoring pipeline as one ONNX model: raw input columns in; the
 * calibrated probability, the decision at the model's threshold and the risk grade out.
 * `engine` supplies the part from features to raw score; the rest is the artifact's.
 */
export function buildScoringModel(
  artifact: ModelArtifact,
  engine: OnnxEngineGraph,
  meta: { modelId: number; metadata: Record<string, string>; docString: string }
): ModelProto {
  const inputs = onnxInputsOf(artifact)
  const outputNames = new Set<string>(ONNX_OUTPUTS.map((o) => o.name))
  const clash = inputs.find((i) => outputNames.has(i.name))
  if (clash) {
    throw new InputError(
      `Model ${meta.modelId}: its input column "${clash.name}" has the name of an output of the exported model. Retrain on a dataset without that column.`
    )
  }
  const g = new GraphBuilder([...inputs.map((i) => i.name), ...outputNames])
  const features = addFeatureMatrix(g, artifact)
  const probability = addCalibration(g, engine.addRawScore(g, features), artifact.calibration)
  g.node('Identity', [probability], { output: 'Default_Probability' })
  g.node('Cast', [g.node('GreaterOrEqual', [probability, g.scalar(artifact.threshold)])], {
    attributes: [attr.int('to', TensorType.INT64)],
    output: 'Default_Prediction'
  })
  addRiskGrade(g, probability, artifact, 'Risk_Grade')

  const typeCode: Record<OnnxTensorInfo['type'], TensorTypeCode> = {
    double: TensorType.DOUBLE,
    int64: TensorType.INT64,
    string: TensorType.STRING
  }
  const graph = g.build(
    `ptm_model_${meta.modelId}`,
    inputs.map((i) =>
      batchValue(i.name, typeCode[i.type], 1, i.type === 'double' ? 'NaN = missing' : '"" = missing')
    ),
    ONNX_OUTPUTS.map((o) => batchValue(o.name, typeCode[o.type], 1)),
    meta.docString
  )
  return {
    ir_version: ONNX_OPSET.irVersion,
    opset_import: [
      { domain: '', version: ONNX_OPSET.onnx },
      { domain: ML_DOMAIN, version: ONNX_OPSET.ml }
    ],
    producer_name: 'Loan Default Workbench',
    domain: 'in.bank.loandefaultworkbench',
    model_version: meta.modelId,
    doc_string: meta.docString,
    graph,
    metadata_props: Object.entries(meta.metadata).map(([key, value]) => ({ key, value }))
  }
}

/**
 * The risk grade (ModelArtifact's riskGrade): the first band whose upper bound is above p,
 * else the last; with bounds ascending that is band min(#bounds <= p, last).
 */
function addRiskGrade(g: GraphBuilder, probability: string, artifact: ModelArtifact, output: string): void {
  const grades = artifact.riskGrades
  for (let k = 1; k < grades.length; k++) {
    if (!(grades[k].upTo > grades[k - 1].upTo))
      throw new Error('ONNX export: risk grade bounds are not increasing')
  }
  const bounds = g.doubles(
    'grade_bounds',
    grades.map((b) => b.upTo),
    [1, grades.length]
  )
  const reached = g.node('Cast', [g.node('GreaterOrEqual', [probability, bounds])], {
    attributes: [attr.int('to', TensorType.INT64)]
  })
  const count = g.node('ReduceSum', [reached, g.int64s('axis_1', [1])])
  const index = g.node('Min', [count, g.int64s('last_grade', [grades.length - 1], [])], {
    hint: 'grade_index'
  })
  g.node(
    'Gather',
    [
      g.strings(
        'grades',
        grades.map((b) => b.grade)
      ),
      index
    ],
    { output }
  )
}
