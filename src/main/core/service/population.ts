import { basename } from 'node:path'
import { InputError } from '../base/errors'
import { normaliseColumnName } from '../data/columnNames'
import { readCsvRecords } from '../data/csv/readCsvRecords'
import { sniffCsv } from '../data/csv/sniffCsv'
import { parseNumber } from '../data/csv/parseNumber'
import type { Table } from '../data/Table'
import type { RawInputs } from '../ml/preprocess'
import type { LoadedModel } from '../scoring/loadModel'
import { parseApplicants } from '../scoring/parseApplicants'
import { scoreApplicants } from '../scoring/scoreApplicants'
import { prepareBatchModel } from '../scoring/scoreCsvFile'
import { prepareFeatures, tableInputs } from '../training/prepareFeatures'

/**
 * The rows a committee's strategy and validation run on, scored by the model: either the
 * held-out rows of the dataset the model was trained on (the rows its evaluation used, which
 * no fit has seen), or a file of loans with their outcomes (a newer book, say). Every column
 * of the source is kept as text or numbers, so exposure, collateral and segment columns that
 * the model does not read (a protected attribute kept out on purpose) can still be used.
 */
export interface Population {
  /** What the rows are, in words: "2,000 held-out rows of dataset …" or "book-2026.csv (5,000 rows)". */
  label: string
  /** Calibrated P(default) per row. */
  pd: Float64Array
  /** Source line (file) or dataset line of each row, for messages. */
  lines: Int32Array
  /** 1 default, 0 repaid per row; null when the source has no outcome column. */
  outcome: Uint8Array | null
  /** The model's raw inputs of these rows (for characteristic stability). */
  inputs: RawInputs
  /** Every column of the source by name, as text (null for missing). */
  columns: Map<string, (string | null)[]>
  /** An identifier column's values, when the source has one (for grade migration). */
  ids: (string | null)[] | null
  /** Rows left out, with why (a cell the model cannot read, an outcome that is neither class). */
  skipped: { line: number; reason: string }[]
}

/** The model's held-out rows: its training split re-drawn from the seed it stored. */
export function heldOutPopulation(model: LoadedModel, table: Table, datasetName: string): Population {
  const { artifact } = model
  if (artifact.params.testSize === 0) {
    throw new InputError(
      `Model ${model.id} was trained with --test-size 0 and has no held-out rows; give a file of loans with outcomes (--data FILE.csv).`
    )
  }
  const test = prepareFeatures(table, artifact.params).split.test
  const all = tableInputs(table)
  const inputs: RawInputs = {
    numRows: test.length,
    numeric: new Map([...all.numeric].map(([k, v]) => [k, Float64Array.from(test, (r) => v[r])])),
    categorical: new Map([...all.categorical].map(([k, v]) => [k, Array.from(test, (r) => v[r])]))
  }
  const scored = scoreApplicants(
    prepareBatchModel(model),
    { raw: inputs, failed: new Uint8Array(test.length) },
    'none'
  )
  const columns = new Map<string, (string | null)[]>()
  let ids: (string | null)[] | null = null
  for (const c of table.columns) {
    const values =
      c.kind === 'numeric'
        ? Array.from(test, (r) => (Number.isNaN(c.values[r]) ? null : String(c.values[r])))
        : Array.from(test, (r) => (c.codes[r] < 0 ? null : c.levels[c.codes[r]]))
    columns.set(c.name, values)
    if (c.kind === 'identifier' && ids === null) ids = values
  }
  return {
    label: `${test.length.toLocaleString('en-IN')} held-out rows of dataset "${datasetName}"`,
    pd: scored.probability,
    lines: Int32Array.from(test, (r) => table.lines[r]),
    outcome: Uint8Array.from(test, (r) => table.target[r]),
    inputs,
    columns,
    ids,
    skipped: []
  }
}

/**
 * A CSV file of loans scored by the model. Its outcome column is the model's target (by
 * name, ignoring case and separators), read with the model's positive class; a file without
 * it gives PDs only. Rows the model cannot read are skipped and listed, never guessed.
 */
export async function filePopulation(model: LoadedModel, path: string): Promise<Population> {
  const file = basename(path)
  const format = await sniffCsv(path)
  const header = format.header
  const cells: string[][] = header.map(() => [])
  const lines: number[] = []
  await readCsvRecords(path, format, (batch) => {
    for (const record of batch) {
      lines.push(record.line)
      for (let c = 0; c < header.length; c++) cells[c].push(record.fields[c] ?? '')
    }
  })
  const n = lines.length
  const columnIndex = new Map(header.map((name, i) => [normaliseColumnName(name), i]))
  const indexOf = (name: string): number | undefined => columnIndex.get(normaliseColumnName(name))
  const { artifact } = model
  const missing = artifact.inputs.filter((f) => indexOf(f.name) === undefined).map((f) => f.name)
  if (missing.length) {
    throw new InputError(
      `${file}: the model reads ${missing.map((m) => `"${m}"`).join(', ')}, which the file does not have. Add the column${missing.length > 1 ? 's' : ''} or choose the model trained on this kind of file.`
    )
  }
  const parsed = parseApplicants(artifact, n, (field, r) => cells[indexOf(field.name)!][r], false)
  const skipped: Population['skipped'] = []
  for (let r = 0; r < n; r++) {
    if (parsed.failed[r])
      skipped.push({ line: lines[r], reason: parsed.issues[r].map((i) => i.message).join('; ') })
  }
  const outcomeAt = indexOf(artifact.target.name)
  const outcome =
    outcomeAt === undefined ? null : readOutcomes(file, artifact.target, cells[outcomeAt], lines, skipped)
  const keep = Int32Array.from({ length: n }, (_, r) => r).filter(
    (r) => !parsed.failed[r] && (outcome === null || outcome[r] !== 255)
  )
  if (keep.length === 0)
    throw new InputError(
      `${file}: no row could be scored (see the first problem: ${skipped[0]?.reason ?? 'no rows'}).`
    )
  const pick = <T>(values: ArrayLike<T>): T[] => Array.from(keep, (r) => values[r])
  const inputs: RawInputs = {
    numRows: keep.length,
    numeric: new Map([...parsed.raw.numeric].map(([k, v]) => [k, Float64Array.from(pick(v))])),
    categorical: new Map([...parsed.raw.categorical].map(([k, v]) => [k, pick(v)]))
  }
  const scored = scoreApplicants(
    prepareBatchModel(model),
    { raw: inputs, failed: new Uint8Array(keep.length) },
    'none'
  )
  const columns = new Map<string, (string | null)[]>()
  header.forEach((name, c) =>
    columns.set(
      name,
      pick(cells[c]).map((v) => (v.trim() === '' ? null : v.trim()))
    )
  )
  const idColumn = header.find((name) => /(^|_|\b)(id|customer|account|loan_?no|application)/i.test(name))
  return {
    label: `${file} (${keep.length.toLocaleString('en-IN')} rows)`,
    pd: scored.probability,
    lines: Int32Array.from(keep, (r) => lines[r]),
    outcome: outcome ? Uint8Array.from(keep, (r) => outcome[r]) : null,
    inputs,
    columns,
    ids: idColumn ? columns.get(idColumn)! : null,
    skipped: skipped.sort((a, b) => a.line - b.line)
  }
}

/** 1 for the model's positive class, 0 for the other value, 255 (skipped, listed) for a missing or third value. */
function readOutcomes(
  file: string,
  target: { name: string; positiveClass: string },
  values: string[],
  lines: number[],
  skipped: Population['skipped']
): Uint8Array {
  // Numbers compare as numbers ("1" and "1.0" are one class), text as written.
  const key = (v: string): string => (Number.isNaN(parseNumber(v)) ? v : String(parseNumber(v)))
  const positive = key(target.positiveClass)
  const others = new Set(
    values
      .map((v) => v.trim())
      .filter((v) => v !== '')
      .map(key)
      .filter((k) => k !== positive)
  )
  if (others.size > 1) {
    const shown = [...others]
      .slice(0, 5)
      .map((v) => `"${v}"`)
      .join(', ')
    throw new InputError(
      `${file}: the outcome column "${target.name}" holds ${shown} besides the default value "${target.positiveClass}"; it must hold two values. Recode it, or drop the column to validate without outcomes.`
    )
  }
  const out = new Uint8Array(values.length)
  for (let r = 0; r < values.length; r++) {
    const v = values[r].trim()
    if (v === '') {
      out[r] = 255
      skipped.push({ line: lines[r], reason: `${target.name} (the outcome) is empty` })
    } else out[r] = key(v) === positive ? 1 : 0
  }
  return out
}
