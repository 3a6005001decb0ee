/** Plain-text table with aligned columns, for terminal output: the first `leftColumns` flush left, the rest right. */
export function textTable(header: string[], rows: (string | number)[][], leftColumns = 1): string {
  const cells = [header, ...rows.map((r) => r.map((c) => String(c)))]
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)))
  const line = (r: string[]): string =>
    r
      .map((c, i) => (i < leftColumns ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join('  ')
      .trimEnd()
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n')
}

/** A list as an aligned table, or `empty` (saying what to do) when there is nothing to list. */
export function listTable<T>(
  items: readonly T[],
  empty: string,
  header: string[],
  row: (item: T) => (string | number)[]
): string {
  return items.length === 0 ? empty : textTable(header, items.map(row))
}

/** An ISO time to the minute, as the lists show it: "2026-03-01 10:00". */
export function toMinute(iso: string): string {
  return iso.slice(0, 16).replace('T', ' ')
}

/** A number for people: grouped the Indian way, at most `digits` decimals, '-' when missing. */
export function fmt(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '-'
  return value.toLocaleString('en-IN', { maximumFractionDigits: digits })
}

/** A share as a percentage with one decimal. */
export function pct(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '-'
  return `${(value * 100).toFixed(1)} %`
}
