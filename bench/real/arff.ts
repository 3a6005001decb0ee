import { parse } from 'csv-parse/sync'

/** A table read from an ARFF file: attribute names and rows of text cells ('' = missing). */
export interface ArffTable {
  relation: string
  columns: string[]
  rows: string[][]
}

/**
 * Reads Weka's ARFF text (dense @data only, as Weka's example files are): `%` comments,
 * `@attribute NAME TYPE` lines in order, then comma-separated values where `'...'`
 * quotes a value and `?` is missing. Values are kept as written (quotes removed).
 */
export function parseArff(text: string): ArffTable {
  const lines = text.split(/\r?\n/)
  const columns: string[] = []
  let relation = ''
  let dataStart = -1
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim()
    if (line === '' || line.startsWith('%')) continue
    const lower = line.toLowerCase()
    if (lower.startsWith('@relation')) relation = unquote(line.slice(9).trim())
    else if (lower.startsWith('@attribute')) columns.push(attributeName(line.slice(10).trim(), i + 1))
    else if (lower.startsWith('@data')) {
      dataStart = i + 1
      break
    } else throw new Error(`ARFF line ${i + 1}: expected @relation, @attribute or @data, got "${line}"`)
  }
  if (dataStart < 0) throw new Error('ARFF: no @data line')
  if (columns.length === 0) throw new Error('ARFF: no @attribute lines')
  if (lines.slice(dataStart).some((l) => l.trim().startsWith('{')))
    throw new Error('ARFF: sparse @data ({index value, ...}) is not supported')
  const rows = parse(lines.slice(dataStart).join('\n'), {
    quote: "'",
    escape: '\\',
    comment: '%',
    skip_empty_lines: true,
    trim: true,
    relax_column_count: true,
    on_record: (record: string[], context) => {
      if (record.length !== columns.length)
        throw new Error(
          `ARFF line ${dataStart + context.lines}: ${record.length} values for ${columns.length} attributes`
        )
      return record.map((v) => (v === '?' ? '' : v))
    }
  })
  return { relation, columns, rows }
}

function attributeName(rest: string, lineNumber: number): string {
  const quoted = /^(['"])(.*?)\1/.exec(rest)
  if (quoted) return quoted[2]
  const name = /^\S+/.exec(rest)
  if (!name) throw new Error(`ARFF line ${lineNumber}: @attribute without a name`)
  return name[0]
}

function unquote(text: string): string {
  return text.replace(/^(['"])(.*)\1$/, '$2')
}
