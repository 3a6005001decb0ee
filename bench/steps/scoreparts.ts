import { readFileSync } from 'node:fs'
import { CsvRecordTable, tokenizeCsv } from '../../src/main/core/data/csv/tokenizeCsv'
import { sniffCsv } from '../../src/main/core/data/csv/sniffCsv'
import { ChunkScorer, type FilePlan } from '../../src/main/core/scoring/ChunkScorer'
import { CategoryCells, parseCsvInputs } from '../../src/main/core/scoring/parseCsvInputs'
import { scoreApplicants, type ReasonMode } from '../../src/main/core/scoring/scoreApplicants'
import { CHUNK_BYTES, matchColumns } from '../../src/main/core/scoring/scoreCsvFile'
import { openWorkbench, step, timed } from './step'

const ROUNDS = 3

/**
 * scoreparts DB MODEL_ID IN: where batch scoring's CPU time goes, on one thread, in
 * cumulative passes over the file's chunks held in memory (cut as scoreCsvFile cuts them):
 * tokenize; + read the model inputs; + features, forest and calibration without reasons;
 * + path reasons; + the whole ChunkScorer (output rows, drift). What scoreFile spends
 * beyond that (reading, hashing, cutting and writing, on the coordinating thread) is not in
 * these passes. Each pass runs ROUNDS times, interleaved with the others; its best time is kept.
 */
step(async ([db, modelId, input]) => {
  const wb = openWorkbench(db)
  const model = await wb.batchModel(Number(modelId))
  // The model's policy checks and dictionary, as ptm score gives them (rows refused, reasons in its words).
  const governance = wb.scoringGovernance(model)
  wb.close()
  const format = await sniffCsv(input)
  const columns = matchColumns(input, format.header, model.artifact.inputs)
  const plan: FilePlan = {
    header: format.header,
    delimiter: format.delimiter,
    columnOf: model.artifact.inputs.map((f) => columns.get(f.name)!),
    policy: governance.policy,
    dictionary: governance.dictionary
  }
  const delimiter = format.delimiter.charCodeAt(0)
  const bytes = readFileSync(input)
  const headerEnd = tokenizeCsv(bytes, 0, bytes.length, delimiter, true, new CsvRecordTable(), 1).end
  const chunks: Uint8Array[] = []
  for (let start = headerEnd; start < bytes.length;) {
    const end = Math.min(bytes.length, start + CHUNK_BYTES)
    const whole = tokenizeCsv(bytes, start, end, delimiter, end === bytes.length, null).end
    chunks.push(bytes.subarray(start, whole))
    start = whole
  }
  const table = new CsvRecordTable()
  const columnOf = Int32Array.from(plan.columnOf)
  const categories = model.artifact.inputs.map(() => new CategoryCells())
  const scorer = new ChunkScorer(model.artifact, model.compiled, plan)
  let rows = 0
  const pass = (depth: 'tokenize' | 'parse' | ReasonMode | 'all') =>
    timed(() => {
      rows = 0
      for (const chunk of chunks) {
        if (depth === 'all') {
          rows += scorer.score({ bytes: chunk }).rowsIn
          continue
        }
        tokenizeCsv(chunk, 0, chunk.length, delimiter, true, table)
        rows += table.numRecords
        if (depth === 'tokenize') continue
        const inputs = parseCsvInputs(model.artifact, chunk, table, columnOf, plan.header.length, categories)
        if (depth === 'parse') continue
        scoreApplicants({ artifact: model.artifact, compiled: model.compiled }, inputs, depth)
      }
    })
  // Three rounds of the five passes, each pass's best kept: on a shared host one slow minute
  // could make a deeper pass read faster than a shallower one, and a piece negative.
  const depths = ['tokenize', 'parse', 'none', 'path', 'all'] as const
  const best = new Map<(typeof depths)[number], number>()
  for (let round = 0; round < ROUNDS; round++)
    for (const depth of depths) {
      const { seconds } = await pass(depth)
      best.set(depth, Math.min(best.get(depth) ?? Infinity, seconds))
    }
  return {
    rows,
    tokenize: best.get('tokenize')!,
    parse: best.get('parse')!,
    forest: best.get('none')!,
    reasons: best.get('path')!,
    all: best.get('all')!
  }
})
