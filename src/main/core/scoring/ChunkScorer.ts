import { isUtf8 } from 'node:buffer'
import { stringify } from 'csv-stringify/sync'
import { CsvRecordTable, decodeRange, FieldKind, fieldText, tokenizeCsv } from '../data/csv/tokenizeCsv'
import { accumulateDrift, emptyDriftCounts } from '../ml/drift'
import type { ModelArtifact } from '../model/ModelArtifact'
import type { CompiledForest } from './CompiledForest'
import { FORMULA_START_CHARS, neutraliseCell } from './neutraliseCell'
import { CategoryCells, parseCsvInputs } from './parseCsvInputs'
import { describeReason } from './reasons'
import { ReasonCell } from './ReasonCell'
import { RowBytes } from './RowBytes'
import type { Dictionary } from '../../../shared/dictionary'
import type { Policy } from '../../../shared/policy'
import { checkApplicants } from '../policy/checkApplicants'
import { DecisionText, type ReasonSentence } from '../../../shared/decisionText'
import { scoreApplicants, type ScoredApplicants } from './scoreApplicants'
import type { RawInputs } from '../ml/preprocess'

/** Whole records of a scored file, as the coordinator cuts them (see scoreCsvFile). */
export interface ScoreChunk {
  /** UTF-8 bytes of complete records, starting at a record boundary. */
  bytes: Uint8Array
  /** Memory of an output already written, for this chunk's output (see RowBytes). */
  spare?: ArrayBuffer
}

/** A row that cannot be scored, for the errors file. */
export interface ErrorRow {
  /** Line breaks in the chunk before the row: the coordinator, which knows where the chunk starts, makes it a line number. */
  lineOffset: number
  reason: string
  fields: string[]
}

/** A chunk scored: its rows for the output and the errors file, and its share of the batch summary. */
export interface ChunkResult {
  /** Output rows: the input columns, then OUTPUT_COLUMNS' six. */
  output: Uint8Array
  /** The rows that cannot be scored (few, so sent as data). */
  errors: ErrorRow[]
  /** Line breaks in the chunk: where the next chunk's lines start. */
  lineBreaks: number
  rowsIn: number
  rowsScored: number
  predictedDefaults: number
  /** Rows per risk grade, in the order of the artifact's riskGrades. */
  grades: number[]
  /** Probabilities in 20 bins of 0.05. */
  histogram: number[]
  /** Per drift column of the artifact, the chunk's counts in its training bins. */
  drift: number[][]
}

/** How the file's columns feed the model: the same for every chunk of a file. */
export interface FilePlan {
  header: string[]
  delimiter: string
  /** File column of each model input, in the order of artifact.inputs. */
  columnOf: number[]
  /** The model's policy checks: rows that fail them go to the errors file, unscored. */
  policy?: Policy
  /** The model's data dictionary: reasons name fields and show values through it. */
  dictionary?: Dictionary
}

export const HISTOGRAM_BINS = 20

/**
 * Scores chunks of one CSV file with one model: tokenizes the records, reads the model's
 * inputs, scores them (compiled forest with path reasons) and writes the output and error
 * rows. The same object runs in the coordinating thread or in a worker thread, so the
 * output does not depend on the number of threads.
 */
export class ChunkScorer {
  private readonly table = new CsvRecordTable()
  private readonly columnOf: Int32Array
  private readonly delimiter: number
  /** Output cells may be copied as written only from comma-separated files. */
  private readonly copyRecords: boolean
  /** Per model feature: whether its name is plain text in a CSV cell (see _sentenceCell). */
  private readonly plainNames: boolean[]
  private readonly categories: CategoryCells[]
  private readonly gradeIndex: Map<string, number>
  /** Per model feature, its reason sentence (in the dictionary's words when the plan has one). */
  private readonly sentences: ReasonSentence[]
  /** Per model feature, the writer of its reasons as bytes (null: the sentence's string is written). */
  private readonly cells: (ReasonCell | null)[]
  /** Per risk grade, its output cell as UTF-8. */
  private readonly gradeCells: Uint8Array[]
  /** The dictionary's words for reasons and policy messages, when the plan has a dictionary. */
  private readonly text: DecisionText | null

  constructor(
    private readonly artifact: ModelArtifact,
    private readonly compiled: CompiledForest,
    private readonly plan: FilePlan
  ) {
    this.columnOf = Int32Array.from(plan.columnOf)
    this.delimiter = plan.delimiter.charCodeAt(0)
    this.copyRecords = plan.delimiter === ','
    this.categories = artifact.inputs.map(() => new CategoryCells())
    this.gradeIndex = new Map(artifact.riskGrades.map((g, i) => [g.grade, i]))
    this.text = plan.dictionary ? new DecisionText(plan.dictionary) : null
    this.sentences = artifact.features.map(({ name }) =>
      this.text
        ? this.text.reasonSentence(name)
        : (value, contribution) => describeReason({ feature: name, value, contribution, direction: 'raises' })
    )
    const label = (name: string): string => (this.text ? this.text.label(name) : name)
    this.plainNames = artifact.features.map(
      (f) => neutraliseCell(label(f.name)) === label(f.name) && !CSV_SPECIAL.test(label(f.name))
    )
    const text = this.text
    this.cells = artifact.features.map((f, i) =>
      text && this.plainNames[i] ? ReasonCell.of(text.reasonTemplate(f.name)) : null
    )
    this.gradeCells = artifact.riskGrades.map((g) => Buffer.from(csvCell(g.grade)))
  }

  /**
   * Scores one chunk of whole records (the coordinator cuts them so: a quote never
   * closed is found there, with the line it is on, before any chunk holds it).
   */
  score(chunk: ScoreChunk): ChunkResult {
    const { bytes, spare } = chunk
    const table = this.table
    const { lineBreaks } = tokenizeCsv(bytes, 0, bytes.length, this.delimiter, true, table)
    const { artifact } = this
    const n = table.numRecords
    const inputs = parseCsvInputs(
      artifact,
      bytes,
      table,
      this.columnOf,
      this.plan.header.length,
      this.categories
    )
    if (this.plan.policy) {
      const text = this.text ?? new DecisionText([])
      const refused = inputs.failed.slice()
      checkApplicants(
        this.plan.policy,
        artifact.inputs,
        inputs.raw,
        (r, issue) => {
          inputs.failed[r] = 1
          const message = `${issue.field}: ${text.issue(issue)}`
          const list = inputs.errors.get(r)
          if (list) list.push(message)
          else inputs.errors.set(r, [message])
        },
        refused
      )
    }
    const scored = scoreApplicants({ artifact, compiled: this.compiled }, inputs, 'path')
    const values = featureColumns(artifact, scored.featured)

    const drift = artifact.drift.map((bins) => {
      const counts = emptyDriftCounts(bins)
      accumulateDrift(
        bins,
        counts,
        inputs.raw.numeric.get(bins.name),
        inputs.raw.categorical.get(bins.name),
        n
      )
      return counts.counts
    })
    const grades = new Array<number>(artifact.riskGrades.length).fill(0)
    const histogram = new Array<number>(HISTOGRAM_BINS).fill(0)
    // A record kept as written is copied byte for byte (see RowBytes): the same bytes as
    // decoding it and encoding it again, when the chunk is valid UTF-8 (every loan file the
    // coordinator passes on); a chunk that is not is decoded record by record, as before.
    const source = isUtf8(bytes) ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length) : null
    const output = new RowBytes(bytes.length * 3, spare)
    const errors: ErrorRow[] = []
    let rowsScored = 0
    let predictedDefaults = 0
    for (let r = 0; r < n; r++) {
      if (inputs.failed[r]) {
        errors.push({
          lineOffset: table.recordLine[r],
          reason: (inputs.errors.get(r) ?? []).join('; '),
          fields: this._fields(bytes, r)
        })
        continue
      }
      rowsScored++
      const p = scored.probability[r]
      const grade = scored.grade[r]
      const g = this.gradeIndex.get(grade)
      grades[g ?? grades.length - 1]++
      histogram[Math.min(HISTOGRAM_BINS - 1, Math.floor(p * HISTOGRAM_BINS))]++
      predictedDefaults += scored.prediction[r]
      if (this.copyRecords && !this._needsNeutralising(bytes, r)) {
        const start = table.recordStart[r]
        const end = table.recordEnd[r]
        if (source) output.copy(source, start, end)
        else output.text(decodeRange(bytes, start, end))
        output.byte(COMMA)
        output.fixedPoint(p, 6)
        output.byte(COMMA)
        output.cell(String(scored.prediction[r]))
        output.byte(COMMA)
        if (g === undefined) output.cell(csvCell(grade))
        else output.bytes(this.gradeCells[g])
        for (let k = 0; k < 3; k++) {
          output.byte(COMMA)
          this._writeReason(output, scored, values, r, k)
        }
        output.byte(LINE_FEED)
      } else {
        const top = scored.top!
        const reasons = [0, 1, 2].map((k) => {
          const at = reasonAt(top, r, k)
          const f = at < 0 ? -1 : top.feature[at]
          return f < 0 ? '' : this._sentenceCell(f, valueAt(values, f, r), top.contribution[at], false)
        })
        const results = [p.toFixed(6), String(scored.prediction[r]), grade, ...reasons]
        output.text(stringify([[...this._fields(bytes, r).map(neutraliseCell), ...results]]))
      }
    }
    return {
      output: output.written(),
      errors,
      lineBreaks,
      rowsIn: n,
      rowsScored,
      predictedDefaults,
      grades,
      histogram,
      drift
    }
  }

  /** Row r's k-th reason as a quoted output cell, written as bytes where its feature has a ReasonCell; nothing when the row has fewer. */
  private _writeReason(
    output: RowBytes,
    scored: ScoredApplicants,
    values: FeatureColumns,
    r: number,
    k: number
  ): void {
    const top = scored.top!
    const at = reasonAt(top, r, k)
    if (at < 0) return
    const f = top.feature[at]
    const value = valueAt(values, f, r)
    const cell = this.cells[f]
    if (cell === null || !cell.write(output, value, top.contribution[at]))
      output.cell(this._sentenceCell(f, value, top.contribution[at], true))
  }

  /**
   * Feature f's reason sentence as the text of an output cell, neutralised, and quoted for CSV
   * when `quote`. The sentence is the feature's name, its value and fixed words: a sentence
   * whose name neutraliseCell leaves alone (checked once per feature) is not neutralised again;
   * it is quoted when it holds a comma or a quote.
   */
  private _sentenceCell(
    f: number,
    value: number | string | null,
    contribution: number,
    quote: boolean
  ): string {
    const text = this.sentences[f](value, contribution)
    // The value is formatted (₹1,56,664 has commas): the sentence itself decides the quotes.
    if (this.plainNames[f] && !CSV_SPECIAL.test(text)) return text
    const safe = neutraliseCell(text)
    return quote ? csvCell(safe) : safe
  }

  private _fields(bytes: Uint8Array, record: number): string[] {
    const table = this.table
    const fields: string[] = []
    for (let f = table.fieldFirst[record]; f < table.fieldFirst[record + 1]; f++)
      fields.push(fieldText(bytes, table, f))
    return fields
  }

  /** Whether a cell of the record would be changed by neutraliseCell (checked on its first byte first). */
  private _needsNeutralising(bytes: Uint8Array, record: number): boolean {
    const table = this.table
    for (let f = table.fieldFirst[record]; f < table.fieldFirst[record + 1]; f++) {
      const kind = table.fieldKind[f]
      const at = table.fieldStart[f] + (kind === FieldKind.quoted || kind === FieldKind.escaped ? 1 : 0)
      if (at >= table.fieldEnd[f] || FORMULA_FIRST_BYTE[bytes[at]] === 0) continue
      const text = fieldText(bytes, table, f)
      if (neutraliseCell(text) !== text) return true
    }
    return false
  }
}

type FeatureColumns = (ArrayLike<number> | ArrayLike<string | null> | undefined)[]

/**
 * Per model feature, the column of raw values its reasons quote (engineered features as
 * computed; valueAt reads a NaN or a missing category as no value), looked up once per chunk.
 */
function featureColumns(artifact: ModelArtifact, featured: RawInputs): FeatureColumns {
  return artifact.features.map((f) =>
    f.kind === 'numeric' ? featured.numeric.get(f.name) : featured.categorical.get(f.name)
  )
}

/** Where row r's k-th reason is among the ranked reasons, or −1 when the row has fewer. */
function reasonAt(top: NonNullable<ScoredApplicants['top']>, r: number, k: number): number {
  if (k >= top.perRow) return -1
  const at = r * top.perRow + k
  return top.feature[at] < 0 ? -1 : at
}

/** The value feature f's reason quotes in row r: null for a NaN or a missing category (see featureColumns). */
function valueAt(values: FeatureColumns, f: number, r: number): number | string | null {
  const value = values[f]?.[r]
  return value === undefined || (typeof value === 'number' && Number.isNaN(value)) ? null : value
}

/** 1 for the first bytes of cells neutraliseCell may change (all ASCII). */
const FORMULA_FIRST_BYTE = new Uint8Array(256)
for (const c of FORMULA_START_CHARS) FORMULA_FIRST_BYTE[c.charCodeAt(0)] = 1

const CSV_SPECIAL = /[",\r\n]/
const COMMA = 0x2c
const LINE_FEED = 0x0a

/** A cell of a comma-separated row, quoted when it holds a comma, a quote or a line break. */
function csvCell(text: string): string {
  return CSV_SPECIAL.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}
