import type { ModelArtifact } from '../model/ModelArtifact'
import type { TreeEnsemble } from '../model/TreeEnsemble'
import { engineGraphOf } from './engineGraph'
import { encodeModel } from './onnxProto'
import {
  buildScoringModel,
  ONNX_OPSET,
  ONNX_OUTPUTS,
  onnxInputsOf,
  type OnnxTensorInfo
} from './scoringModel'

/** Where a model's training data came from, written into the exported model's metadata. */
export interface TrainingProvenance {
  datasetId: number | null
  datasetName: string
  source?: 'generated' | 'imported'
  sourceFile?: string | null
  /** SHA-256 of the imported file, as recorded at import. */
  sourceSha256?: string | null
  /** trainingDataSha256 of the dataset; null when the dataset has been deleted since. */
  rowsSha256: string | null
  /** The generator's parameters (rows, seed, default rate) of a generated dataset. */
  generator?: Record<string, unknown>
}

/** What an export produced: the ONNX bytes and what a caller of the model needs to know. */
export interface OnnxExport {
  bytes: Uint8Array
  opset: { ai_onnx: number; ai_onnx_ml: number; ir_version: number }
  inputs: OnnxTensorInfo[]
  outputs: OnnxTensorInfo[]
  metadata: Record<string, string>
}

/**
 * A stored model's whole scoring pipeline as one ONNX model (see scoringModel.ts), with
 * metadata naming the model, its training data, threshold and grade bands. Every engine
 * exports exactly: its model is a TreeEnsemble.
 */
export function exportScoringOnnx(
  model: { id: number; name: string; artifact: ModelArtifact; ensemble: TreeEnsemble },
  provenance: TrainingProvenance
): OnnxExport {
  const { artifact } = model
  const engine = engineGraphOf(model.ensemble)
  const inputs = onnxInputsOf(artifact)
  const outputs = ONNX_OUTPUTS.map((o) => ({ name: o.name, type: o.type }))
  const metadata: Record<string, string> = {
    model_id: String(model.id),
    // The version /predict reports as Model_Version.
    model_version: String(model.id),
    model_name: model.name,
    engine: artifact.params.engine,
    artifact_format: `${artifact.format} ${artifact.version}`,
    trained_at: artifact.trainedAt,
    training_data_sha256: provenance.rowsSha256 ?? '',
    training_data: JSON.stringify({
      ...provenance,
      rowsSha256: undefined,
      split: { testSize: artifact.params.testSize, seed: artifact.params.seed }
    }),
    target: JSON.stringify(artifact.target),
    threshold: String(artifact.threshold),
    risk_grades: JSON.stringify(artifact.riskGrades),
    calibration: artifact.calibration.kind,
    base_rate: String(artifact.baseRate),
    inputs: JSON.stringify(inputs),
    outputs: JSON.stringify(outputs),
    missing_values:
      'numbers: NaN; categories: "" (any value not seen in training scores as the most frequent one)'
  }
  const docString =
    `Loan default model ${model.id} "${model.name}": raw applicant columns in (one [N, 1] tensor each; ` +
    'numbers as double with NaN for missing, categories as trimmed text with "" for missing); ' +
    'calibrated Default_Probability (double), Default_Prediction (int64, 1 at or above the threshold) ' +
    'and Risk_Grade (string) out, as the workbench scores them.'
  const proto = buildScoringModel(artifact, engine, { modelId: model.id, metadata, docString })
  return {
    bytes: encodeModel(proto),
    opset: { ai_onnx: ONNX_OPSET.onnx, ai_onnx_ml: ONNX_OPSET.ml, ir_version: ONNX_OPSET.irVersion },
    inputs,
    outputs,
    metadata
  }
}
