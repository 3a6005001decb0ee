import { readCsvRecords } from '../../src/main/core/data/csv/readCsvRecords'
import { sniffCsv } from '../../src/main/core/data/csv/sniffCsv'
import { matchColumns } from '../../src/main/core/scoring/scoreCsvFile'
import { parseApplicants } from '../../src/main/core/scoring/parseApplicants'
import { scoreApplicants, type ReasonMode } from '../../src/main/core/scoring/scoreApplicants'
import { openWorkbench, step, timed } from './step'

/**
 * scoreparts DB MODEL_ID IN: where batch scoring's time goes, in cumulative passes over
 * the same file with the pieces scoreCsvFile is made of: read the CSV records; + parse
 * the model's input fields; + forest and calibration without reasons ('none'); + the
 * per-tree path reasons ('path', what scoreFile uses). Formatting and writing the output,
 * drift counts and the file hash are the rest of scoreFile's time.
 */
step(async ([db, modelId, input]) => {
  const wb = openWorkbench(db)
  const model = wb.scoringModel(Number(modelId))
  wb.close()
  const format = await sniffCsv(input)
  const columnOf = matchColumns(input, format.header, model.artifact.inputs)
  let rows = 0
  const pass = (parse: boolean, mode?: ReasonMode) =>
    timed(() =>
      readCsvRecords(input, format, (batch) => {
        if (!parse) {
          rows += batch.length
          return
        }
        const parsed = parseApplicants(
          model.artifact,
          batch.length,
          (f, r) => batch[r].fields[columnOf.get(f.name)!],
          false
        )
        if (mode) scoreApplicants(model, parsed, mode)
      })
    )
  const read = await pass(false)
  const parse = await pass(true)
  const none = await pass(true, 'none')
  const path = await pass(true, 'path')
  return { rows, read: read.seconds, parse: parse.seconds, forest: none.seconds, reasons: path.seconds }
})
