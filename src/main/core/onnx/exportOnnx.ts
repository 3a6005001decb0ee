import { resolve } from 'node:path'
import type { ModelSummary } from '../../../shared/dto'
import { deserializeForest, type Forest } from '../ml/forest'
import type { ModelArtifact } from '../ml/ModelArtifact'
import type { DatasetRepo } from '../storage/DatasetRepo'
import { checkFeatureCount, corruptForest, type ModelRepo } from '../storage/ModelRepo'
import { engineGraphOf } from './engineGraph'
import { encodeModel } from './onnxProto'
import {
  buildScoringModel,
  ONNX_OPSET,
  ONNX_OUTPUTS,
  onnxInputsOf,
  type OnnxTensorInfo
} from './scoringModel'
import { trainingDataSha256 } from './trainingDataHash'
import { writeFileWhole } from './writeFileWhole'

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
 * metadata naming the model, its training data, threshold and grade bands. Refuses (a
 * user error) an engine that cannot be exported exactly.
 */
export function exportScoringOnnx(
  model: { id: number; name: string; artifact: ModelArtifact; forest: Forest },
  provenance: TrainingProvenance
): OnnxExport {
  const { artifact } = model
  const engine = engineGraphOf(model.id, artifact, model.forest)
  const inputs = onnxInputsOf(artifact)
  const outputs = ONNX_OUTPUTS.map((o) => ({ name: o.name, type: o.type }))
  const metadata: Record<string, string> = {
    model_id: String(model.id),
    // The version /predict reports as Model_Version.
    model_version: String(model.id),
    model_name: model.name,
    engine: engine.engine,
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

/** The report of `ptm export-model`. */
export interface ExportReport {
  file: string
  bytes: number
  modelId: number
  format: 'onnx'
  opset: OnnxExport['opset']
  inputs: OnnxTensorInfo[]
  outputs: OnnxTensorInfo[]
  trainingDataSha256: string | null
  notes: string[]
}

/**
 * Exports stored model `modelId` to `out` as ONNX: loads and checks it, hashes the rows of
 * the dataset it was trained on (when that dataset still exists), builds the graph and
 * writes the file whole.
 */
export async function exportModelFile(
  repos: { models: ModelRepo; datasets: DatasetRepo },
  modelId: number,
  out: string
): Promise<ExportReport> {
  const stored = repos.models.loadStored(modelId)
  let forest: Forest
  try {
    forest = deserializeForest(stored.forestBytes)
  } catch (error) {
    throw corruptForest(modelId, error)
  }
  checkFeatureCount(modelId, forest.numFeatures, stored.artifact)
  const summary = repos.models.summary(modelId)
  const notes: string[] = []
  const provenance = trainingProvenance(repos.datasets, summary)
  if (provenance.rowsSha256 === null) {
    notes.push(
      `The dataset "${summary.datasetName}" the model was trained on has been deleted: the export carries no training data hash.`
    )
  }
  const exported = exportScoringOnnx({ ...stored, forest }, provenance)
  const file = resolve(out)
  await writeFileWhole(file, exported.bytes, 'ONNX model')
  return {
    file,
    bytes: exported.bytes.length,
    modelId,
    format: 'onnx',
    opset: exported.opset,
    inputs: exported.inputs,
    outputs: exported.outputs,
    trainingDataSha256: provenance.rowsSha256,
    notes
  }
}

function trainingProvenance(datasets: DatasetRepo, summary: ModelSummary): TrainingProvenance {
  // models.dataset_id, not the artifact's copy: it is cleared when the dataset is deleted,
  // so a later dataset that reuses the id is never taken for the training data.
  if (summary.datasetId === null) {
    return { datasetId: null, datasetName: summary.datasetName, rowsSha256: null }
  }
  const dataset = datasets.get(summary.datasetId)
  return {
    datasetId: dataset.id,
    datasetName: dataset.name,
    source: dataset.source,
    sourceFile: dataset.sourceFile,
    sourceSha256: dataset.sourceSha256,
    rowsSha256: trainingDataSha256(datasets, dataset.id),
    generator: dataset.source === 'generated' ? dataset.params : undefined
  }
}
