import { mkdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { FileRegistry } from '../../../src/main/ipc/FileAccess'
import { useTempDir } from '../../helpers/tempDir'

describe('FileRegistry (files the user picked or dropped)', () => {
  const tmp = useTempDir()

  it('registers CSV, TSV and TXT files, whatever the case of the extension, with name and size', () => {
    const files = new FileRegistry()
    for (const name of ['loans.csv', 'LOANS.CSV', 'book.tsv', 'export.Txt']) {
      const path = tmp.write(name, 'a,b\n1,2\n')
      const picked = files.register(path)
      expect(picked.fileName).toBe(name)
      expect(picked.sizeBytes).toBe(8)
      expect(picked.handle).toMatch(/^file-[0-9a-f-]{36}$/)
      expect(files.resolve(picked.handle)).toBe(path)
    }
  })

  it.each(['book.xlsx', 'loans.csv.exe', 'notes.pdf', 'archive.zip', 'csv', 'data.csvx'])(
    'refuses to register %s: only CSV files can be imported or scored',
    (name) => {
      const path = tmp.write(name, 'a,b\n1,2\n')
      expect(() => new FileRegistry().register(path)).toThrow(
        `${name}: only CSV files (.csv, .tsv, .txt) can be imported or scored. Save the sheet as CSV first.`
      )
    }
  )

  it('refuses a CSV name that is missing or is a folder', () => {
    const files = new FileRegistry()
    expect(() => files.register(tmp.path('gone.csv'))).toThrow(
      'gone.csv: cannot read this file. Choose a CSV file on this computer.'
    )
    const folder = tmp.path('folder.csv')
    mkdirSync(folder)
    expect(() => files.register(folder)).toThrow('folder.csv: cannot read this file.')
  })

  it('gives each registration its own handle and refuses handles it never gave', () => {
    const files = new FileRegistry()
    const path = tmp.write('loans.csv', 'a\n1\n')
    const first = files.register(path)
    const second = files.register(path)
    expect(first.handle).not.toBe(second.handle)
    expect(() => files.resolve('file-00000000-0000-0000-0000-000000000000')).toThrow(
      'That file is no longer available; choose it again.'
    )
    expect(() => new FileRegistry().resolve(first.handle)).toThrow(/no longer available/)
  })
})
