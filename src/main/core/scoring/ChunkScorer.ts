import { stringify } from 'csv-stringify/sync'
import { CsvInputError } from '../data/csv/CsvInputError'
import {
  CsvRecordTable,
  FieldKind,
  fieldText,
  tokenizeCsv,
  UnclosedQuoteError
} from '../data/csv/tokenizeCsv'
import { accumulateDrift, emptyDriftCounts } from '../ml/drift'
import type { ModelArtifact } from '../ml/ModelArtifact'
import type { CompiledForest } from './CompiledForest'
import { neutraliseCell } from './neutraliseCell'
import { parseCsvInputs } from './parseCsvInputs'
import { describeReason, type Reason } from './reasons'
import { scoreApplicants } from './scoreApplicants'

/** Whole records of a scored file, as the coordinator cuts them (see scoreCsvFile). */
export interface ScoreChunk {
  /** UTF-8 bytes of complete records, starting at a record boundary. */
  bytes: Uint8Array
  /** Physical line of the file on which the chunk's first byte stands. */
  firstLine: number
}

/** A chunk scored: its rows for the output and the errors file, and its share of the batch summary. */
export interface ChunkResult {
  /** Output rows: the input columns, then OUTPUT_COLUMNS' six. */
  output: Uint8Array
  /** Rows of the errors file: line, error, the input columns. */
  errors: Uint8Array
  rowsIn: number
  rowsScored: number
  rowsError: number
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
  /** The file's name, for error messages. */
  file: string
  header: string[]
  delimiter: string
  /** File column of each model input, in the order of artifact.inputs. */
  columnOf: number[]
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
  /** Per feature name: whether it is plain text in a CSV cell (see _reasonCell). */
  private readonly plainNames = new Map<string, boolean>()

  constructor(
    private readonly artifact: ModelArtifact,
    private readonly compiled: CompiledForest,
    private readonly plan: FilePlan
  ) {
    this.columnOf = Int32Array.from(plan.columnOf)
    this.delimiter = plan.delimiter.charCodeAt(0)
    this.copyRecords = plan.delimiter === ','
  }

  /** Scores one chunk; a quote never closed in it is a CsvInputError naming its line. */
  score(chunk: ScoreChunk): ChunkResult {
    const { bytes, firstLine } = chunk
    const table = this.table
    try {
      tokenizeCsv(bytes, 0, bytes.length, this.delimiter, true, table)
    } catch (error) {
      if (!(error instanceof UnclosedQuoteError)) throw error
      throw new CsvInputError({
        code: 'MALFORMED_CSV',
        file: this.plan.file,
        line: firstLine + error.lineBreaks,
        problem:
          'a quote (") opened in this record is never closed, so the rest of the file would become one value',
        remedy:
          'Open the file in a text editor, close or remove the stray quote on that line, save, and score again.'
      })
    }
    const { artifact } = this
    const n = table.numRecords
    const inputs = parseCsvInputs(artifact, bytes, table, this.columnOf, this.plan.header.length)
    const scored = scoreApplicants({ artifact, compiled: this.compiled }, inputs, 'path')

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
    const gradeIndex = new Map(artifact.riskGrades.map((g, i) => [g.grade, i]))
    const grades = new Array<number>(artifact.riskGrades.length).fill(0)
    const histogram = new Array<number>(HISTOGRAM_BINS).fill(0)
    const output = new ByteWriter(bytes.length + n * 320)
    const errors = new ByteWriter(0)
    let rowsScored = 0
    let predictedDefaults = 0
    for (let r = 0; r < n; r++) {
      if (inputs.failed[r]) {
        const line = firstLine + table.recordLine[r]
        const reason = (inputs.errors.get(r) ?? []).join('; ')
        errors.writeString(stringify([[String(line), reason, ...this._fields(bytes, r)].map(neutraliseCell)]))
        continue
      }
      rowsScored++
      const p = scored.probability[r]
      const grade = scored.grade[r]
      grades[gradeIndex.get(grade) ?? grades.length - 1]++
      histogram[Math.min(HISTOGRAM_BINS - 1, Math.floor(p * HISTOGRAM_BINS))]++
      predictedDefaults += scored.prediction[r]
      const reasons = scored.contributions[r]
      if (this.copyRecords && !this._needsNeutralising(bytes, r)) {
        output.writeBytes(bytes, table.recordStart[r], table.recordEnd[r])
        let suffix = `,${p.toFixed(6)},${scored.prediction[r]},${csvCell(grade)}`
        for (let k = 0; k < 3; k++) suffix += ',' + (k < reasons.length ? this._reasonCell(reasons[k]) : '')
        output.writeString(suffix + '\n')
      } else {
        const texts = reasons.map((c) => neutraliseCell(describeReason(c)))
        const results = [
          p.toFixed(6),
          String(scored.prediction[r]),
          grade,
          texts[0] ?? '',
          texts[1] ?? '',
          texts[2] ?? ''
        ]
        output.writeString(stringify([[...this._fields(bytes, r).map(neutraliseCell), ...results]]))
      }
    }
    return {
      output: output.bytes(),
      errors: errors.bytes(),
      rowsIn: n,
      rowsScored,
      rowsError: n - rowsScored,
      predictedDefaults,
      grades,
      histogram,
      drift
    }
  }

  /**
   * A reason as an output cell. The sentence starts with the feature's name and adds only
   * the value to fixed words, so when the name is plain text (no formula start, no comma,
   * quote or line break) and the value is a number or plain text, it needs neither
   * neutralising nor quoting: the common case skips both checks.
   */
  private _reasonCell(reason: Reason): string {
    const text = describeReason(reason)
    let plainName = this.plainNames.get(reason.feature)
    if (plainName === undefined) {
      plainName = neutraliseCell(reason.feature) === reason.feature && !CSV_SPECIAL.test(reason.feature)
      this.plainNames.set(reason.feature, plainName)
    }
    const plainValue = typeof reason.value !== 'string' || !CSV_SPECIAL.test(reason.value)
    return plainName && plainValue ? text : csvCell(neutraliseCell(text))
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
      if (at >= table.fieldEnd[f] || !FORMULA_FIRST_BYTES.has(bytes[at])) continue
      const text = fieldText(bytes, table, f)
      if (neutraliseCell(text) !== text) return true
    }
    return false
  }
}

/** First bytes of cells neutraliseCell may change: = + - @ tab CR. */
const FORMULA_FIRST_BYTES = new Set([0x3d, 0x2b, 0x2d, 0x40, 0x09, 0x0d])

const CSV_SPECIAL = /[",\r\n]/

/** A cell of a comma-separated row, quoted when it holds a comma, a quote or a line break. */
function csvCell(text: string): string {
  return CSV_SPECIAL.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** An output buffer that grows: copied record bytes and UTF-8 text, without a Buffer per row. */
class ByteWriter {
  private buffer: Buffer
  private length = 0

  constructor(capacity: number) {
    // Not from the shared pool: the buffer is moved to another thread whole.
    this.buffer = Buffer.allocUnsafeSlow(Math.max(capacity, 1024))
  }

  writeBytes(source: Uint8Array, start: number, end: number): void {
    this.reserve(end - start)
    this.buffer.set(source.subarray(start, end), this.length)
    this.length += end - start
  }

  writeString(text: string): void {
    this.reserve(text.length * 3)
    this.length += this.buffer.write(text, this.length, 'utf8')
  }

  /** The bytes written, as their own buffer (sent to another thread without copying). */
  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.length)
  }

  private reserve(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return
    const bigger = Buffer.allocUnsafeSlow(Math.max(this.buffer.length * 2, this.length + bytes))
    this.buffer.copy(bigger, 0, 0, this.length)
    this.buffer = bigger
  }
}
