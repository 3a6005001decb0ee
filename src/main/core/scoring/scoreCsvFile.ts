import { createWriteStream, type WriteStream } from 'node:fs'
import { rename, rm } from 'node:fs/promises'
import { once } from 'node:events'
import { finished } from 'node:stream/promises'
import { basename } from 'node:path'
import { stringify } from 'csv-stringify/sync'
import type { BatchSummary, PsiInfo } from '../../../shared/dto'
import { readCsvRecords } from '../data/csv/readCsvRecords'
import { sniffCsv } from '../data/csv/sniffCsv'
import { sha256File } from '../data/fileHash'
import { CancelledError, InputError } from '../errors'
import {
  accumulateDrift,
  emptyDriftCounts,
  expectedShares,
  populationStabilityIndex,
  psiStatus
} from '../ml/drift'
import type { InputField } from '../ml/ModelArtifact'
import type { LoadedModel } from '../storage/ModelRepo'
import { neutraliseCell } from './neutraliseCell'
import { parseApplicants } from './parseApplicants'
import { describeReason } from './reasons'
import { scoreApplicants } from './scoreApplicants'

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
  onProgress?: (done: number, total: number) => void
}

/** `SCORED.csv` → `SCORED.errors.csv`: where rows that cannot be scored go. */
export function errorsPathFor(output: string): string {
  return output.replace(/\.csv$/i, '') + '.errors.csv'
}

const normalise = (s: string): string => s.toLowerCase().replace(/[\s_.-]+/g, '')

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
    if (i < 0) i = header.findIndex((h) => normalise(h) === normalise(field.name))
    if (i < 0) missing.push(field.name)
    else index.set(field.name, i)
  }
  return { index, missing }
}

/**
 * Scores a CSV file to a CSV file, streaming in chunks: every input column unchanged,
 * then the six output columns; rows that cannot be scored go to the errors file with
 * their line and reason, so rows in = rows scored + rows in errors. Outputs are written
 * to temporary files renamed at the end: a cancelled or failed run leaves no partial
 * output behind. Reasons are the per-tree path attribution (one walk per tree).
 */
export async function scoreCsvFile(
  model: LoadedModel,
  options: ScoreFileOptions
): Promise<Omit<BatchSummary, 'id' | 'createdAt' | 'modelName'>> {
  const started = Date.now()
  const file = basename(options.input)
  const format = await sniffCsv(options.input)
  const header = format.header
  const { artifact } = model
  const columnOf = matchColumns(file, header, artifact.inputs)
  const errorsPath = errorsPathFor(options.output)
  const tmpOut = `${options.output}.partial`
  const tmpErr = `${errorsPath}.partial`
  // A write failure (no such folder, no permission, disk full) rejects the run; without a
  // listener it would be an unhandled 'error' event and take the whole process down.
  let writeFailure: Error | undefined
  const openOutput = async (path: string): Promise<WriteStream> => {
    const stream = createWriteStream(path).on('error', (e) => {
      writeFailure ??= e
    })
    await once(stream, 'open')
    return stream
  }
  let out: WriteStream | undefined
  let err: WriteStream | undefined
  const grades: Record<string, number> = Object.fromEntries(artifact.riskGrades.map((g) => [g.grade, 0]))
  const histogram = new Array<number>(20).fill(0)
  const drift = artifact.drift.map((bins) => ({ bins, counts: emptyDriftCounts(bins) }))
  let rowsIn = 0
  let rowsScored = 0
  let rowsError = 0
  let predictedDefaults = 0
  const write = async (stream: WriteStream, text: string): Promise<void> => {
    if (writeFailure) throw writeFailure
    if (!stream.write(text)) await once(stream, 'drain')
  }
  try {
    const output = await openOutput(tmpOut)
    out = output
    await write(output, stringify([[...header.map(neutraliseCell), ...OUTPUT_COLUMNS]]))
    await readCsvRecords(
      options.input,
      format,
      async (batch) => {
        if (options.signal?.aborted) throw new CancelledError()
        const n = batch.length
        rowsIn += n
        const ragged = new Uint8Array(n)
        batch.forEach((rec, i) => {
          if (rec.fields.length !== header.length) ragged[i] = 1
        })
        const parsed = parseApplicants(
          artifact,
          n,
          (field, r) => batch[r].fields[columnOf.get(field.name)!],
          false
        )
        for (let r = 0; r < n; r++) if (ragged[r]) parsed.failed[r] = 1
        const scored = scoreApplicants(model, parsed, 'path')
        for (const d of drift) {
          const numeric = parsed.raw.numeric.get(d.bins.name)
          const text = parsed.raw.categorical.get(d.bins.name)
          accumulateDrift(d.bins, d.counts, numeric, text, n)
        }
        const okRows: string[][] = []
        const badRows: string[][] = []
        for (let r = 0; r < n; r++) {
          const fields = batch[r].fields
          if (parsed.failed[r]) {
            rowsError++
            const reason = ragged[r]
              ? `has ${fields.length} fields, the header has ${header.length}`
              : parsed.issues[r]
                  .filter((i) => i.severity === 'error')
                  .map((i) => i.message)
                  .join('; ')
            badRows.push([String(batch[r].line), reason, ...fields].map(neutraliseCell))
            continue
          }
          rowsScored++
          const p = scored.probability[r]
          const g = scored.grade[r]
          grades[g] = (grades[g] ?? 0) + 1
          histogram[Math.min(19, Math.floor(p * 20))]++
          predictedDefaults += scored.prediction[r]
          const reasons = scored.contributions[r]
            .filter((c) => c.contribution > 0)
            .slice(0, 3)
            .map((c) => describeReason(c))
          okRows.push([
            ...fields.map(neutraliseCell),
            p.toFixed(6),
            String(scored.prediction[r]),
            g,
            ...[0, 1, 2].map((k) => neutraliseCell(reasons[k] ?? ''))
          ])
        }
        if (okRows.length) await write(output, stringify(okRows))
        if (badRows.length) {
          if (!err) {
            err = await openOutput(tmpErr)
            await write(err, stringify([['line', 'error', ...header.map(neutraliseCell)]]))
          }
          await write(err, stringify(badRows))
        }
      },
      { signal: options.signal, onProgress: options.onProgress }
    )
    if (writeFailure) throw writeFailure
    output.end()
    await once(output, 'finish')
    if (err) {
      err.end()
      await once(err, 'finish')
      await rename(tmpErr, errorsPath)
    } else {
      await rm(errorsPath, { force: true })
    }
    await rename(tmpOut, options.output)
  } catch (error) {
    await discard(out, tmpOut)
    await discard(err, tmpErr)
    if (error === writeFailure) {
      throw new InputError(
        `${options.output}: cannot write the scored file (${(error as Error).message}). Choose a folder that exists and that you may write to.`
      )
    }
    throw error
  }
  const psi: PsiInfo[] = drift.map((d) => {
    const value = populationStabilityIndex(expectedShares(d.bins), d.counts)
    return { column: d.bins.name, psi: value, status: psiStatus(value) }
  })
  return {
    modelId: model.id,
    fileName: file,
    fileSha256: await sha256File(options.input),
    outPath: options.output,
    errorsPath: rowsError > 0 ? errorsPath : null,
    rowsIn,
    rowsScored,
    rowsError,
    predictedDefaults,
    seconds: (Date.now() - started) / 1000,
    grades,
    histogram,
    psi
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

/**
 * Closes a temporary output and removes its file. Waits for the stream to close first:
 * an open still in flight would otherwise create the file after the removal.
 */
async function discard(stream: WriteStream | undefined, path: string): Promise<void> {
  if (stream) {
    stream.destroy()
    await finished(stream).catch(() => undefined)
  }
  await rm(path, { force: true })
}
