import { createReadStream, createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import { isFresh } from './fixtures'

/**
 * Derived copies of the generated CSV for the reference scripts that cannot take it as it
 * is. The generator writes plain fields (no quotes, no commas inside values), so a line
 * split on commas is exact; a quoted field is refused rather than mis-split.
 */

async function* lines(file: string): AsyncGenerator<string> {
  const rl = createInterface({
    input: createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 }),
    crlfDelay: Infinity
  })
  for await (const line of rl) {
    if (line.length === 0) continue
    if (line.includes('"'))
      throw new Error(`${file}: quoted field; the bench's CSV rewriting expects generated CSV`)
    yield line
  }
}

async function writeLines(file: string, source: AsyncIterable<string>): Promise<number> {
  const out = createWriteStream(file)
  let n = 0
  let buffer: string[] = []
  for await (const line of source) {
    buffer.push(line)
    n++
    if (buffer.length >= 10_000) {
      if (!out.write(buffer.join('\n') + '\n')) await once(out, 'drain')
      buffer = []
    }
  }
  if (buffer.length) out.write(buffer.join('\n') + '\n')
  out.end()
  await once(out, 'finish')
  return n - 1
}

/** The same CSV without one column (the customer id, an identifier our engine never uses as a feature). */
export async function withoutColumn(src: string, dst: string, column: string): Promise<string> {
  if (isFresh(dst, [src])) return dst
  let drop = -1
  await writeLines(
    dst,
    (async function* () {
      for await (const line of lines(src)) {
        const cells = line.split(',')
        if (drop < 0) {
          drop = cells.indexOf(column)
          if (drop < 0) throw new Error(`${src}: no column ${column}`)
        }
        cells.splice(drop, 1)
        yield cells.join(',')
      }
    })()
  )
  return dst
}

export interface NumericEncoding {
  columns: string[]
  /** Sorted levels of each categorical column (from the training file). */
  levels: Record<string, string[]>
  /** Median of each numeric column on the training file (fills its missing cells). */
  medians: Record<string, number>
}

/**
 * Learns, from the training file only, how to turn the generated CSV into an all-numeric
 * one: categorical columns label-encoded (sorted levels; missing or unseen → -1), missing
 * numbers → the training median, the dropped columns removed. scikit-learn 1.2's forest
 * (the one sk_batch.py fits on `d.values`) takes neither text nor NaN.
 */
export async function fitNumericEncoding(trainCsv: string, drop: string[]): Promise<NumericEncoding> {
  let header: string[] = []
  let values: number[][] = []
  let sets: Set<string>[] = []
  let isText: boolean[] = []
  for await (const line of lines(trainCsv)) {
    const cells = line.split(',')
    if (header.length === 0) {
      header = cells
      values = header.map(() => [])
      sets = header.map(() => new Set())
      isText = header.map(() => false)
      continue
    }
    for (let i = 0; i < header.length; i++) {
      const cell = cells[i] ?? ''
      if (cell === '') continue
      sets[i].add(cell)
      const x = Number(cell)
      if (Number.isFinite(x)) values[i].push(x)
      else isText[i] = true
    }
  }
  const encoding: NumericEncoding = {
    columns: header.filter((c) => !drop.includes(c)),
    levels: {},
    medians: {}
  }
  header.forEach((name, i) => {
    if (drop.includes(name)) return
    if (isText[i]) encoding.levels[name] = [...sets[i]].sort()
    else {
      const sorted = Float64Array.from(values[i]).sort()
      const m = sorted.length >> 1
      encoding.medians[name] =
        sorted.length === 0 ? 0 : sorted.length % 2 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2
    }
  })
  return encoding
}

/** Writes `src` encoded with `encoding` to `dst` (kept when already newer than its sources). */
export async function encodeNumeric(
  src: string,
  dst: string,
  encoding: NumericEncoding,
  sources: string[]
): Promise<string> {
  if (isFresh(dst, [src, ...sources])) return dst
  let plan: ((cells: string[]) => string)[] = []
  await writeLines(
    dst,
    (async function* () {
      for await (const line of lines(src)) {
        const cells = line.split(',')
        if (plan.length === 0) {
          plan = encoding.columns.map((name) => {
            const i = cells.indexOf(name)
            if (i < 0) throw new Error(`${src}: no column ${name}`)
            const levels = encoding.levels[name]
            if (levels) {
              const code = new Map(levels.map((l, k) => [l, String(k)]))
              return (row: string[]) => code.get(row[i]) ?? '-1'
            }
            const median = String(encoding.medians[name])
            return (row: string[]) => (row[i] === '' || row[i] === undefined ? median : row[i])
          })
          yield encoding.columns.join(',')
          continue
        }
        yield plan.map((f) => f(cells)).join(',')
      }
    })()
  )
  return dst
}
