import type { Column, Table } from '../../src/main/core/data/Table'

/** The value every poisoned numeric cell gets (±): far beyond any real one. */
export const SENTINEL = 1e12
/** The category every poisoned categorical cell gets: never seen otherwise. */
export const LEAKED = 'LEAKED_CATEGORY'

/** A deep copy, so a test can change cells without touching the shared table. */
export function cloneTable(t: Table): Table {
  const columns: Column[] = t.columns.map((c) =>
    c.kind === 'numeric'
      ? { ...c, values: c.values.slice() }
      : { ...c, codes: c.codes.slice(), levels: [...c.levels] }
  )
  return { ...t, columns, target: t.target.slice(), lines: t.lines.slice() }
}

/** Sets every numeric feature to ± a huge sentinel and every categorical one to a never-seen category, on `rows` only. */
export function poisonRows(t: Table, rows: Int32Array): Table {
  const out = cloneTable(t)
  for (const c of out.columns) {
    if (c.kind === 'numeric') for (const r of rows) c.values[r] = r % 2 ? SENTINEL : -SENTINEL
    else if (c.kind === 'categorical') {
      const code = c.levels.push(LEAKED) - 1
      for (const r of rows) c.codes[r] = code
    }
  }
  return out
}
