import { createHash } from 'node:crypto'
import { availableParallelism } from 'node:os'
import { basename } from 'node:path'
import { stringify } from 'csv-stringify/sync'
import type { BatchSummary, PsiInfo } from '../../../shared/dto'
import { normaliseColumnName } from '../data/columnNames'
import { headerOnlyError } from '../data/csv/CsvInputError'
import { sniffCsv, type CsvFormat } from '../data/csv/sniffCsv'
import { inEncodingFound } from '../data/csv/encodingGuard'
import { BadRecordError, readCsvChunks } from '../data/csv/readCsvChunks'
import { CancelledError, InputError } from '../base/errors'
import { checkOutputPath, OutputFile, removeStaleOutput, type ProtectedPath } from '../base/outputFile'
import {
  emptyDriftCounts,
  expectedShares,
  populationStabilityIndex,
  psiStatus,
  type DriftCounts
} from '../ml/drift'
import type { DriftBins, InputField, ModelArtifact } from '../model/ModelArtifact'
import { checkFeatureCount, corruptForest, type LoadedModel, type StoredModel } from './loadModel'
import { readEnsembleHeader, serializedTrees } from '../model/ensembleFormat'
import { ChunkScorer, HISTOGRAM_BINS, type ChunkResult, type FilePlan, type ScoreChunk } from './ChunkScorer'
import { CompiledForest } from './CompiledForest'
import { restoreCompiled, type StoredCompiledForest } from './compiledForestStore'
import { neutraliseCell } from './neutraliseCell'
import { ScoringWorkers } from './ScoringWorkers'
import type { Governance } from '../policy/modelDefaults'

export const OUTPUT_COLUMNS = [
  'Default_Probability',
  'Default_Prediction',
  'Risk_Grade',
  'Reason_1',
  'Reason_2',
  'Reason_3'
]

export interface ScoreFileOptions {
  input: string
  output: string
  signal?: AbortSignal
  /** Bytes of the input read so far, and its size. */
  onProgress?: (done: number, total: number) => void
  /** Worker threads (at most MAX_SCORING_THREADS); 0 scores in the calling thread. Default: 0 for small files, else one per core. */
  threads?: number
  /** Files the outputs must never replace (the workbench database); the input is always protected. */
  protect?: readonly ProtectedPath[]
  /** Input bytes per chunk (default CHUNK_BYTES); tests make it small to cross chunk boundaries. */
  chunkBytes?: number
  /** The model's policy checks and dictionary (rows failing a check go to the errors file). */
  governance?: Governance
  /**
   * Awaited once every row is scored, before the outputs take their names: a rejection
   * discards them (the store's whole-file check, when it runs beside the batch).
   */
  beforeCommit?: () => Promise<void>
}

/** `SCORED.csv` → `SCORED.errors.csv`: where rows that cannot be scored go. */
export function errorsPathFor(output: string): string {
  return output.replace(/\.csv$/i, '') + '.errors.csv'
}

/**
 * Checks a file's header against the model before any scoring: every input column of
 * the model must be there (matched exactly, else ignoring case, spaces and
 * underscores). Returns the column index of each model input.
 */
export function matchColumns(file: string, header: string[], inputs: InputField[]): Map<string, number> {
  const { index, missing } = locateInputs(header, inputs)
  if (missing.length) {
    throw new InputError(
      `${file}: the model needs the column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')}, which the file does not have. Add ${missing.length > 1 ? 'them' : 'it'} (empty cells are allowed) or choose the right file.`,
      { missing }
    )
  }
  return index
}

/** Where each model input stands in a header (exact name first, else ignoring case, spaces and underscores). */
function locateInputs(
  header: string[],
  inputs: InputField[]
): { index: Map<string, number>; missing: string[] } {
  const index = new Map<string, number>()
  const missing: string[] = []
  for (const field of inputs) {
    let i = header.indexOf(field.name)
    if (i < 0) i = header.findIndex((h) => normaliseColumnName(h) === normaliseColumnName(field.name))
    if (i < 0) missing.push(field.name)
    else index.set(field.name, i)
  }
  return { index, missing }
}

/**
 * Input bytes per chunk: some 5,200 loan rows, scored in one piece (one kernel call, see
 * CompiledForest.CHUNK_ROWS) by one thread. The forest walk reads every tree once per
 * call, so larger chunks spread that over more rows (measured on 1M rows, 2 threads:
 * 64 KB chunks 17 % slower on one thread than 256 KB, 512 KB another ~6 % faster); larger
 * still, the workers' heaps grow toward the 400 MB budget.
 */
export const CHUNK_BYTES = 1 << 19
/** Files smaller than this are scored in the calling thread: starting workers would cost more. */
const WORKERS_FROM_BYTES = 4 << 20
/** At most this many scoring threads: beyond it the coordinating thread's reading and writing is the limit. */
export const MAX_SCORING_THREADS = 4

/**
 * A model ready for batch files: its artifact and its forest compiled with a scratch slot
 * per scoring thread. It holds no FlatTree forest, so during a long batch the process
 * keeps one form of the trees, not two.
 */
export interface BatchModel {
  id: number
  name: string
  artifact: ModelArtifact
  compiled: CompiledForest
}

/**
 * A model for batch files from its stored compiled forest (ModelRepo.loadStoredCompiled),
 * or null when that was made for another layout or kernel, or is damaged: then the forest
 * is compiled again (prepareBatchModel).
 */
export function restoreBatchModel(stored: {
  id: number
  name: string
  artifact: ModelArtifact
  compiled: StoredCompiledForest
}): BatchModel | null {
  const compiled = restoreCompiled(stored.compiled, MAX_SCORING_THREADS)
  if (!compiled) return null
  checkFeatureCount(stored.id, compiled.numFeatures, stored.artifact)
  return { id: stored.id, name: stored.name, artifact: stored.artifact, compiled }
}

/**
 * Compiles a model for batch files (a fifth of a second for 200 deep trees): a loaded
 * model's forest, or a stored model's forest bytes read one tree at a time.
 */
export function prepareBatchModel(model: LoadedModel | StoredModel): BatchModel {
  if ('ensemble' in model) {
    const { id, name, artifact } = model
    return { id, name, artifact, compiled: CompiledForest.compile(model.ensemble, MAX_SCORING_THREADS) }
  }
  const bytes = model.forestBytes
  let compiled: CompiledForest
  try {
    const { numFeatures, combine } = readEnsembleHeader(bytes)
    checkFeatureCount(model.id, numFeatures, model.artifact)
    compiled = CompiledForest.compileTrees(
      numFeatures,
      () => serializedTrees(bytes),
      MAX_SCORING_THREADS,
      combine
    )
  } catch (error) {
    throw corruptForest(model.id, error)
  }
  return { id: model.id, name: model.name, artifact: model.artifact, compiled }
}

/**
 * Scores a CSV file to a CSV file: every input column unchanged, then the six output
 * columns; rows that cannot be scored go to the errors file with their line and reason,
 * so rows in = rows scored + rows in errors. Reasons are the per-tree path attribution.
 *
 * The file streams through in chunks of whole records (cut here, at record boundaries),
 * scored by ChunkScorers on worker threads that share one compiled forest, and written
 * back in file order; at most four chunks per thread are in flight, so memory stays
 * bounded whatever the file's size. The file is hashed as it is read. Outputs are
 * written to temporary files renamed at the end: a cancelled or failed run leaves no
 * partial output behind.
 */
export async function scoreCsvFile(
  model: BatchModel,
  options: ScoreFileOptions
): Promise<Omit<BatchSummary, 'id' | 'createdAt' | 'modelName'>> {
  const started = Date.now()
  // A file that turns out to be Windows-1252 past the sample is scored again from the start.
  return inEncodingFound(await sniffCsv(options.input), (format) =>
    scoreWithFormat(model, options, format, started)
  )
}

async function scoreWithFormat(
  model: BatchModel,
  options: ScoreFileOptions,
  format: CsvFormat,
  started: number
): Promise<Omit<BatchSummary, 'id' | 'createdAt' | 'modelName'>> {
  const file = basename(options.input)
  const header = format.header
  const { artifact } = model
  const columnOf = matchColumns(file, header, artifact.inputs)
  const plan: FilePlan = {
    header,
    delimiter: format.delimiter,
    columnOf: artifact.inputs.map((f) => columnOf.get(f.name)!),
    policy: options.governance?.policy,
    dictionary: options.governance?.dictionary
  }
  const errorsPath = errorsPathFor(options.output)
  const input: ProtectedPath = { path: options.input, what: 'the input file being scored' }
  const outOptions = { protect: [...(options.protect ?? []), input], what: 'scored file' }
  const errOptions = {
    protect: [...outOptions.protect, { path: options.output, what: 'the scored output file' }],
    what: 'errors file'
  }
  // Both outputs are checked before any work: a refused errors file must not cost a whole run.
  await checkOutputPath(options.output, outOptions)
  await checkOutputPath(errorsPath, errOptions)
  const threads = Math.min(options.threads ?? defaultThreads(format.sizeBytes), MAX_SCORING_THREADS)
  const { compiled } = model
  const workers =
    threads > 0 ? ScoringWorkers.start(threads, { artifact, forest: compiled.handle(), plan }) : null
  const inline = workers ? null : new ChunkScorer(artifact, compiled, plan)
  const scoreChunk = (chunk: ScoreChunk): Promise<ChunkResult> =>
    workers ? workers.score(chunk) : Promise.resolve().then(() => inline!.score(chunk))

  let err: OutputFile | undefined
  let out: OutputFile | undefined
  const totals = new BatchTotals(artifact)
  const hash = createHash('sha256')
  try {
    out = await OutputFile.create(options.output, outOptions)
    await out.write(stringify([[...header.map(neutraliseCell), ...OUTPUT_COLUMNS]]))
    const inFlight: Promise<ChunkResult>[] = []
    const maxInFlight = 4 * Math.max(1, threads)
    // Outputs once written: their memory goes out again with the next chunks (ScoreChunk.spare).
    const spares: ArrayBuffer[] = []
    // Physical line on which the next chunk to be written starts: chunks come back in file
    // order with their line breaks counted, so error rows get their line numbers here.
    let line = 1
    const take = async (): Promise<void> => {
      const result = await inFlight.shift()!
      totals.add(result)
      await out!.write(result.output)
      spares.push(result.output.buffer as ArrayBuffer)
      if (result.errors.length) {
        if (!err) {
          err = await OutputFile.create(errorsPath, errOptions)
          await err.write(stringify([['line', 'error', ...header.map(neutraliseCell)]]))
        }
        const rows = result.errors.map((e) =>
          [String(line + e.lineOffset), e.reason, ...e.fields].map(neutraliseCell)
        )
        await err.write(stringify(rows))
      }
      line += result.lineBreaks
    }
    const chunkBytes = options.chunkBytes ?? CHUNK_BYTES
    try {
      await readCsvChunks(
        options.input,
        format,
        { chunkBytes, hash, signal: options.signal },
        {
          onHeader: (lineBreaks) => {
            line += lineBreaks
          },
          onChunk: async (bytes, bytesRead) => {
            if (options.signal?.aborted) throw new CancelledError()
            inFlight.push(scoreChunk({ bytes, spare: spares.pop() }))
            // Claim the promise's rejection now: it is awaited only when its turn comes.
            inFlight[inFlight.length - 1].catch(() => undefined)
            while (inFlight.length >= maxInFlight) await take()
            options.onProgress?.(bytesRead, format.sizeBytes)
          }
        }
      )
    } catch (error) {
      if (!(error instanceof BadRecordError)) throw error
      // The bad record starts where the chunks sent so far end: count their lines first.
      while (inFlight.length) await take()
      throw error.inputError(options.input, line, 'score')
    }
    while (inFlight.length) await take()
    if (options.signal?.aborted) throw new CancelledError()
    if (totals.rowsIn === 0) throw headerOnlyError(options.input)
    await options.beforeCommit?.()
    // The errors file first: should renaming it fail, the scored file is still the old one.
    if (err) await err.commit()
    else await removeStaleOutput(errorsPath, errOptions)
    await out.commit()
  } catch (error) {
    await out?.discard()
    await err?.discard()
    throw error
  } finally {
    await workers?.close()
  }
  return {
    modelId: model.id,
    fileName: file,
    fileSha256: hash.digest('hex'),
    outPath: options.output,
    errorsPath: totals.rowsError > 0 ? errorsPath : null,
    rowsIn: totals.rowsIn,
    rowsScored: totals.rowsScored,
    rowsError: totals.rowsError,
    predictedDefaults: totals.predictedDefaults,
    seconds: (Date.now() - started) / 1000,
    grades: totals.gradeCounts(),
    histogram: totals.histogram,
    psi: totals.psi()
  }
}

/** Worker threads for a file of this size: none for small files, else one per core. */
function defaultThreads(sizeBytes: number): number {
  if (sizeBytes < WORKERS_FROM_BYTES) return 0
  return Math.max(1, Math.min(MAX_SCORING_THREADS, availableParallelism()))
}

/** The batch summary's counts, summed over chunks in file order. */
class BatchTotals {
  rowsIn = 0
  rowsScored = 0
  rowsError = 0
  predictedDefaults = 0
  readonly histogram = new Array<number>(HISTOGRAM_BINS).fill(0)
  private readonly grades: number[]
  private readonly drift: { bins: DriftBins; counts: DriftCounts }[]

  constructor(private readonly artifact: ModelArtifact) {
    this.grades = new Array<number>(artifact.riskGrades.length).fill(0)
    this.drift = artifact.drift.map((bins) => ({ bins, counts: emptyDriftCounts(bins) }))
  }

  add(result: ChunkResult): void {
    this.rowsIn += result.rowsIn
    this.rowsScored += result.rowsScored
    this.rowsError += result.rowsIn - result.rowsScored
    this.predictedDefaults += result.predictedDefaults
    result.grades.forEach((c, i) => (this.grades[i] += c))
    result.histogram.forEach((c, i) => (this.histogram[i] += c))
    result.drift.forEach((counts, d) => {
      const into = this.drift[d].counts
      counts.forEach((c, b) => (into.counts[b] += c))
      into.total += result.rowsIn
    })
  }

  gradeCounts(): Record<string, number> {
    return Object.fromEntries(this.artifact.riskGrades.map((g, i) => [g.grade, this.grades[i]]))
  }

  psi(): PsiInfo[] {
    return this.drift.map((d) => {
      const value = populationStabilityIndex(expectedShares(d.bins), d.counts)
      return { column: d.bins.name, psi: value, status: psiStatus(value) }
    })
  }
}

/** Which of a model's inputs a file has and lacks, read from its header only (before a batch starts). */
export async function checkScoringFile(
  model: LoadedModel,
  path: string
): Promise<{
  fileName: string
  columns: string[]
  matched: string[]
  missing: string[]
  extra: string[]
  sizeBytes: number
}> {
  const format = await sniffCsv(path)
  const header = format.header
  const { index, missing } = locateInputs(header, model.artifact.inputs)
  const matched = [...index.keys()]
  const used = new Set(index.values())
  return {
    fileName: basename(path),
    columns: header,
    matched,
    missing,
    extra: header.filter((_, i) => !used.has(i)),
    sizeBytes: format.sizeBytes
  }
}
