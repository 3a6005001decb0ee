import { describe, expect, it } from 'vitest'
import { Rng } from '../../../../src/main/core/base/random'
import type { Table } from '../../../../src/main/core/data/Table'
import { profileTableInWorkers } from '../../../../src/main/core/eda/profileInWorkers'
import { profileTable } from '../../../../src/main/core/eda/profileTable'

describe('profileTableInWorkers', () => {
  it('gives exactly the profile profileTable gives, with the numeric columns profiled on threads', async () => {
    const rng = new Rng(11)
    const n = 400_000
    const table: Table = {
      numRows: n,
      columns: [
        { name: 'a', kind: 'numeric', values: Float64Array.from({ length: n }, () => rng.normal()) },
        {
          name: 'g',
          kind: 'categorical',
          codes: Int32Array.from({ length: n }, () => rng.int(4) - 1),
          levels: ['x', 'y', 'z']
        },
        {
          name: 'b',
          kind: 'numeric',
          values: Float64Array.from({ length: n }, () => (rng.next() < 0.1 ? NaN : rng.int(50)))
        },
        { name: 'c', kind: 'numeric', values: Float64Array.from({ length: n }, () => rng.next() * 1e6) },
        { name: 'd', kind: 'numeric', values: Float64Array.from({ length: n }, () => -rng.next()) },
        { name: 'e', kind: 'numeric', values: Float64Array.from({ length: n }, () => rng.normal() * 3) },
        { name: 'f', kind: 'numeric', values: Float64Array.from({ length: n }, () => rng.int(7)) }
      ],
      target: Uint8Array.from({ length: n }, () => (rng.next() < 0.1 ? 1 : 0)),
      targetName: 'Default',
      positiveClass: '1',
      lines: Int32Array.from({ length: n }, (_, i) => i + 2)
    }
    expect(JSON.stringify(await profileTableInWorkers(table, 2))).toBe(JSON.stringify(profileTable(table)))
  })
})
