/** What each section hands back: a table for people, notes, and the raw figures for the JSON file. */
export interface Table {
  title?: string
  columns: string[]
  rows: string[][]
}

export interface SectionResult {
  name: string
  title: string
  tables: Table[]
  notes: string[]
  /** Every measured figure, as numbers (written to the JSON file). */
  data: Record<string, unknown>
  /** Targets of the issues, checked on this run's figures. */
  checks: Check[]
  /** Rows of the whole-command table at the top of the report (the README's). */
  headline: Headline[]
  seconds?: number
  error?: string
}

export interface Check {
  what: string
  target: string
  value: string
  met: boolean
}

/** One row of the whole-command table: what the user runs, ours and the reference in the same run. */
export interface Headline {
  what: string
  rows: string
  ours: string
  reference: string
  ratio: string
  goal: string
  /** null when the row has no goal of its own. */
  met: boolean | null
}

export const HEADLINE_COLUMNS = [
  'What the user runs (whole command, cold)',
  'Rows',
  'Ours',
  'Reference, same run',
  'Ours vs reference',
  'Goal',
  'Met'
]

function headlineRow(h: Headline): string[] {
  return [
    h.what,
    h.rows,
    h.ours,
    h.reference,
    h.ratio,
    h.goal,
    h.met === null ? '–' : h.met ? 'yes' : '**no**'
  ]
}

export function newSection(name: string, title: string): SectionResult {
  return { name, title, tables: [], notes: [], data: {}, checks: [], headline: [] }
}

/** Adds a table to the section and returns its rows, to push to. */
export function addTable(section: SectionResult, columns: string[], title?: string): string[][] {
  const table: Table = { title, columns, rows: [] }
  section.tables.push(table)
  return table.rows
}

/** 1234567 → "1,234,567"; fractional values to `digits` decimals. */
export function num(x: number | undefined, digits = 0): string {
  if (x === undefined || !Number.isFinite(x)) return '–'
  return x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
}

export const secs = (x: number | undefined): string =>
  x === undefined || !Number.isFinite(x) ? '–' : x < 10 ? x.toFixed(2) : x.toFixed(1)
export const mb = (x: number | undefined): string => num(x, 0)
export const ratio = (x: number | undefined, digits = 2): string =>
  x === undefined || !Number.isFinite(x) ? '–' : `${x.toFixed(digits)}×`
export const signed = (x: number | undefined, digits = 4): string =>
  x === undefined || !Number.isFinite(x) ? '–' : `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(digits)}`

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length === 0 ? NaN : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

/** Nearest-rank percentile (p in 0..100). */
export function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b)
  if (s.length === 0) return NaN
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]
}

/** A plain-text table with aligned columns (what each section prints as it finishes). */
export function textTable(columns: string[], rows: string[][]): string {
  const width = columns.map((c, i) => Math.max(c.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(width[i]) : c.padStart(width[i]))).join('  ')
  return [line(columns), width.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n')
}

export function markdownTable(columns: string[], rows: string[][]): string {
  const esc = (s: string): string => s.replace(/\|/g, '\\|')
  return [
    `| ${columns.map(esc).join(' | ')} |`,
    `| ${columns.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
    ...rows.map((r) => `| ${columns.map((_, i) => esc(r[i] ?? '')).join(' | ')} |`)
  ].join('\n')
}

export function printSection(section: SectionResult): void {
  console.log(`\n== ${section.title} ==`)
  if (section.headline.length)
    console.log(textTable(HEADLINE_COLUMNS, section.headline.map(headlineRow)) + '\n')
  for (const t of section.tables) {
    if (t.title) console.log(`-- ${t.title}`)
    if (t.rows.length) console.log(textTable(t.columns, t.rows) + '\n')
  }
  for (const c of section.checks)
    console.log(`${c.met ? 'MET   ' : 'NOT MET'} ${c.what}: ${c.value} (target ${c.target})`)
  for (const n of section.notes) console.log(`note: ${n}`)
  if (section.error) console.log(`ERROR: ${section.error}`)
}

/** The whole run as Markdown, ready to paste into the README. */
export function markdownReport(header: string[], sections: SectionResult[]): string {
  const out: string[] = [...header, '']
  const headline = sections.flatMap((s) => s.headline)
  if (headline.length) {
    out.push('### Whole commands', '', markdownTable(HEADLINE_COLUMNS, headline.map(headlineRow)), '')
  }
  for (const s of sections) {
    out.push(`### ${s.title}`, '')
    for (const t of s.tables) {
      if (t.title) out.push(`*${t.title}*`, '')
      if (t.rows.length) out.push(markdownTable(t.columns, t.rows), '')
    }
    if (s.error) out.push(`**Section failed:** ${s.error}`, '')
    for (const n of s.notes) out.push(`- ${n}`)
    if (s.notes.length) out.push('')
  }
  const checks = sections.flatMap((s) =>
    s.checks.map((c) => [s.name, c.what, c.value, c.target, c.met ? 'met' : '**not met**'])
  )
  if (checks.length) {
    out.push(
      '### Targets of the issues',
      '',
      markdownTable(['Section', 'Figure', 'This run', 'Target', ''], checks),
      ''
    )
  }
  return out.join('\n')
}

/**
 * Runs one part of a section; a failure is recorded (notes and data.errors) and the rest of
 * the section goes on, so one broken figure does not cost a 30-minute run its others.
 */
export async function attempt(
  section: SectionResult,
  what: string,
  part: () => Promise<void>
): Promise<boolean> {
  try {
    await part()
    return true
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    section.notes.push(`NOT MEASURED: ${what}: ${message.split('\n').slice(0, 4).join(' ')}`)
    const errors = (section.data.errors ??= []) as { what: string; error: string }[]
    errors.push({ what, error: message })
    return false
  }
}
