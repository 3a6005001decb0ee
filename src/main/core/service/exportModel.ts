import { resolve } from 'node:path'
import type { ModelSummary } from '../../../shared/dto'
import { writeOutput, type ProtectedPath } from '../base/outputFile'
import { exportScoringOnnx, type OnnxExport, type TrainingProvenance } from '../onnx/exportOnnx'
import type { DatasetRepo } from '../storage/DatasetRepo'
import type { ModelRepo } from '../storage/ModelRepo'
import { trainingDataSha256 } from '../storage/trainingDataHash'

/** The report of `ptm export-model` (and of the Models screen's export). */
export interface ExportReport {
  file: string
  bytes: number
  modelId: number
  format: 'onnx'
  opset: OnnxExport['opset']
  inputs: OnnxExport['inputs']
  outputs: OnnxExport['outputs']
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
  out: string,
  protect: readonly ProtectedPath[] = []
): Promise<ExportReport> {
  const model = repos.models.load(modelId)
  const summary = repos.models.summary(modelId)
  const notes: string[] = []
  const provenance = trainingProvenance(repos.datasets, summary)
  if (provenance.rowsSha256 === null) {
    notes.push(
      `The dataset "${summary.datasetName}" the model was trained on has been deleted: the export carries no training data hash.`
    )
  }
  const exported = exportScoringOnnx(model, provenance)
  const file = resolve(out)
  await writeOutput(file, { protect, what: 'ONNX model' }, (output) => output.write(exported.bytes))
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
