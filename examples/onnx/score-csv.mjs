// Scores a CSV file with a model exported by `ptm export-model --format onnx`, in Node with
// ONNX Runtime: the Node twin of score_csv.py (what head office runs in Python).
//
//   npm install onnxruntime-node csv-parse
//   node score-csv.mjs MODEL.onnx LOANS.csv SCORED.csv
//
// The output is every input column, then Default_Probability (6 decimals, as `ptm score`
// writes it), Default_Prediction and Risk_Grade. The file is read and scored in batches of
// BATCH_ROWS rows, so its size does not matter. Prints one JSON line: {rows, seconds}.
import { createReadStream, createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'
import { parse } from 'csv-parse'
import * as ort from 'onnxruntime-node'

const BATCH_ROWS = 50_000

/** The workbench's spellings of "no value" (compared trimmed, in any case). */
const MISSING = new Set(['', 'na', 'n/a', 'null', 'nan', '-', '?', 'none', '#n/a'])

const isMissing = (text) => MISSING.has(text.trim().toLowerCase())

/** A number cell: NaN when missing; plain decimal numbers only (clean others before scoring). */
function readNumber(text, column, line) {
  if (isMissing(text)) return NaN
  const value = Number(text)
  if (text.trim() === '' || Number.isNaN(value))
    throw new Error(`line ${line}, ${column}: "${text}" is not a number`)
  return value
}

/** A category cell: the trimmed text, "" when missing (the model scores it as the most frequent category). */
const readCategory = (text) => (isMissing(text) ? '' : text.trim())

/** The model's inputs from a batch of records: one [n, 1] tensor per input column. */
function feedsOf(session, header, records, firstLine) {
  const feeds = {}
  const n = records.length
  for (const name of session.inputNames) {
    const column = header.indexOf(name)
    if (column < 0) throw new Error(`the file has no column "${name}", which the model needs`)
    const type = session.inputMetadata.find((m) => m.name === name).type
    if (type === 'float64') {
      const values = new Float64Array(n)
      for (let r = 0; r < n; r++) values[r] = readNumber(records[r][column], name, firstLine + r)
      feeds[name] = new ort.Tensor('float64', values, [n, 1])
    } else {
      feeds[name] = new ort.Tensor(
        'string',
        records.map((record) => readCategory(record[column])),
        [n, 1]
      )
    }
  }
  return feeds
}

const csvCell = (text) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text)

/** Scores `inputPath` into `outputPath` with a loaded model; returns the number of rows. */
export async function scoreCsv(session, inputPath, outputPath) {
  const out = createWriteStream(outputPath)
  const write = async (text) => {
    if (!out.write(text)) await once(out, 'drain')
  }
  let header = null
  let batch = []
  let rows = 0
  const flush = async () => {
    if (batch.length === 0) return
    const result = await session.run(feedsOf(session, header, batch, rows + 2))
    const p = result.Default_Probability.data
    const decision = result.Default_Prediction.data
    const grade = result.Risk_Grade.data
    let text = ''
    for (let r = 0; r < batch.length; r++) {
      text += `${batch[r].map(csvCell).join(',')},${p[r].toFixed(6)},${decision[r]},${csvCell(grade[r])}\n`
    }
    await write(text)
    rows += batch.length
    batch = []
  }
  const records = createReadStream(inputPath).pipe(parse({ bom: true, relax_column_count: false }))
  for await (const record of records) {
    if (header === null) {
      header = record
      await write(
        `${[...header, 'Default_Probability', 'Default_Prediction', 'Risk_Grade'].map(csvCell).join(',')}\n`
      )
      continue
    }
    batch.push(record)
    if (batch.length === BATCH_ROWS) await flush()
  }
  await flush()
  out.end()
  await once(out, 'finish')
  return rows
}

async function main(modelPath, inputPath, outputPath) {
  const start = performance.now()
  const session = await ort.InferenceSession.create(modelPath)
  const rows = await scoreCsv(session, inputPath, outputPath)
  console.log(JSON.stringify({ rows, seconds: (performance.now() - start) / 1000 }))
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [modelPath, inputPath, outputPath] = process.argv.slice(2)
  if (!outputPath) {
    console.error('usage: node score-csv.mjs MODEL.onnx LOANS.csv SCORED.csv')
    process.exit(2)
  }
  main(modelPath, inputPath, outputPath).catch((error) => {
    console.error(`score-csv: ${error.message}`)
    process.exit(1)
  })
}
