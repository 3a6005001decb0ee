import type { InferenceSession } from 'onnxruntime-node'

/** Types of score-csv.mjs, for the benchmark step that times it. */
export declare function scoreCsv(
  session: InferenceSession,
  inputPath: string,
  outputPath: string
): Promise<number>
