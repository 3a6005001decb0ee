import { spawn } from 'node:child_process'
import { createWriteStream, existsSync, statSync } from 'node:fs'
import { once } from 'node:events'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { importCsv } from '../../../../src/main/core/storage/importCsv'
import { openDatabase } from '../../../../src/main/core/storage/openDatabase'
import { NOTHING_STORED, storedDatasetParts } from '../../../helpers/storedDatasets'
import { useTempDir } from '../../../helpers/tempDir'

const ROOT = resolve(__dirname, '../../../..')
const CHILD = join(ROOT, 'tests/fixtures/importUntilKilled.ts')
const ROWS = 300_000

/** A large loan CSV written in chunks (about 10 MB). */
async function writeLoans(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path)
  out.write('Customer_ID,Credit_Score,Loan_Amount,Region,Default\n')
  const regions = ['North', 'South', 'East', 'West']
  for (let start = 0; start < rows; start += 10_000) {
    let chunk = ''
    for (let i = start; i < Math.min(rows, start + 10_000); i++) {
      chunk += `C${i},${300 + ((i * 7) % 600)},${10_000 + ((i * 7919) % 990_000)},${regions[i % 4]},${i % 9 === 0 ? 1 : 0}\n`
    }
    if (!out.write(chunk)) await once(out, 'drain')
  }
  out.end()
  await once(out, 'finish')
}

/** Resolves with the child's first stdout line. */
function firstLine(child: ReturnType<typeof spawn>): Promise<string> {
  return new Promise((done, fail) => {
    let text = ''
    let errors = ''
    child.stderr?.on('data', (d: Buffer) => (errors += d.toString()))
    child.stdout?.on('data', (d: Buffer) => {
      text += d.toString()
      const nl = text.indexOf('\n')
      if (nl >= 0) done(text.slice(0, nl))
    })
    child.on('exit', (code) => fail(new Error(`child exited (${code}) before saying anything: ${errors}`)))
  })
}

describe('a killed import', () => {
  const tmp = useTempDir()

  it('leaves no partial dataset: no catalog entry, no columns, and a database that passes quick_check', async () => {
    const dbFile = tmp.path('w.db')
    const csv = tmp.path('big.csv')
    await writeLoans(csv, ROWS)

    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dbFile, csv, 'Default'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    const exited = once(child, 'exit')
    // The child is now holding mid-transaction, part-way through writing the dataset's columns.
    expect(await firstLine(child)).toBe('importing')
    child.kill('SIGKILL')
    const [code, signal] = (await exited) as [number | null, NodeJS.Signals | null]
    expect(code).toBeNull()
    expect(signal).toBe('SIGKILL')
    // The uncommitted columns did reach the disk (the WAL), so the recovery below is really tested.
    expect(existsSync(`${dbFile}-wal`) && statSync(`${dbFile}-wal`).size > 0).toBe(true)

    const db = openDatabase(dbFile)
    expect(db.pragma('quick_check', { simple: true })).toBe('ok')
    expect(storedDatasetParts(db)).toEqual(NOTHING_STORED)

    // And the database takes the next import as if nothing had happened.
    const small = tmp.write(
      'small.csv',
      'Customer_ID,Credit_Score,Default\n' +
        Array.from({ length: 30 }, (_, i) => `S${i},${600 + i},${i % 3 === 0 ? 1 : 0}`).join('\n')
    )
    const { dataset } = await importCsv(db, { path: small, target: 'Default' })
    expect(dataset.rows).toBe(30)
    db.close()
  })
})
