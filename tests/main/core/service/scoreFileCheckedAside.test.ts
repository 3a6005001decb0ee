import Database from 'better-sqlite3'
import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import { stringify } from 'csv-stringify/sync'
import { describe, expect, it } from 'vitest'
import { isCancellation, WorkbenchError } from '../../../../src/main/core/base/errors'
import { generateLoanBatches, LOAN_COLUMNS } from '../../../../src/main/core/data/generateLoans'
import { Workbench } from '../../../../src/main/core/service/Workbench'
import { useTrainedTemplate } from '../../../fixtures/trainedDatabase'
import { damageFillerTable } from '../../../helpers/damagedDatabase'
import { useTempDir } from '../../../helpers/tempDir'

// A batch opened with the store's whole-file check running beside it (Workbench.openCheckedAside,
// as `ptm score FILE` opens it) must write nothing before that check has passed: not the
// compiled forest, not its outputs under their names, not its record.
describe('Workbench.scoreFile beside the whole-file check', () => {
  const tmp = useTempDir()
  const template = useTrainedTemplate({ rows: 1500, seed: 19 })

  const applicants = (name: string, rows: number): string => {
    const batch = [...generateLoanBatches({ rows, seed: 4, defaultRate: 0.2 })].flat() as unknown[][]
    const file = tmp.path(name)
    writeFileSync(file, stringify([LOAN_COLUMNS.map((c) => c.name), ...batch]))
    return file
  }
  const batches = (file: string): number => {
    const service = Workbench.open(file, undefined, { verify: false })
    try {
      return service.history().filter((h) => h.kind === 'batch').length
    } finally {
      service.close()
    }
  }

  it('refuses a damaged store with DATABASE_FILE: no output under its name, no batch recorded', async () => {
    const file = damageFillerTable(template.copyTo(tmp.path('damaged.db')))
    const input = applicants('applicants.csv', 300)
    const out = tmp.path('scored.csv')
    const { workbench, checked } = Workbench.openCheckedAside(file)
    try {
      await expect(workbench.scoreFile(input, out, { checked })).rejects.toMatchObject({
        code: 'DATABASE_FILE'
      })
    } finally {
      workbench.close()
    }
    expect(existsSync(out)).toBe(false)
    expect(readdirSync(tmp.path('.')).filter((f) => f.includes('scored'))).toEqual([])
    expect(batches(file)).toBe(0)
  })

  it('waits for a slow check before its outputs take their names and the batch is recorded', async () => {
    const file = template.copyTo(tmp.path('sound.db'))
    const input = applicants('slow.csv', 300)
    const out = tmp.path('slow-scored.csv')
    let pass!: () => void
    const checked = new Promise<void>((resolve) => (pass = resolve))
    const workbench = Workbench.open(file, undefined, { verify: false })
    try {
      let finished = false
      const run = workbench.scoreFile(input, out, { checked }).then((summary) => {
        finished = true
        return summary
      })
      // Long enough for 300 rows to be scored: the batch then waits at its outputs.
      await new Promise((resolve) => setTimeout(resolve, 1500))
      expect([finished, existsSync(out), batches(file)]).toEqual([false, false, 0])
      pass()
      const summary = await run
      expect(summary.rowsIn).toBe(300)
      expect(existsSync(out)).toBe(true)
      expect(batches(file)).toBe(1)
    } finally {
      workbench.close()
    }
  })

  const compiledForests = (file: string): number => {
    const db = new Database(file, { readonly: true })
    try {
      return (db.prepare('SELECT count(*) AS n FROM model_compiled').get() as { n: number }).n
    } finally {
      db.close()
    }
  }

  /** A check that has already failed. */
  const failedCheck = (): { damage: WorkbenchError; checked: Promise<void> } => {
    const damage = new WorkbenchError('DATABASE_FILE', 'the database is damaged (test)')
    const checked = Promise.reject(damage)
    checked.catch(() => undefined)
    return { damage, checked }
  }

  it('keeps no compiled forest in a store the check refuses', async () => {
    const file = template.copyTo(tmp.path('uncompiled.db'))
    const db = new Database(file)
    db.exec('DELETE FROM model_compiled')
    db.close()
    const { damage, checked } = failedCheck()
    const workbench = Workbench.open(file, undefined, { verify: false })
    try {
      await expect(
        workbench.scoreFile(applicants('few.csv', 300), tmp.path('few-scored.csv'), { checked })
      ).rejects.toBe(damage)
    } finally {
      workbench.close()
    }
    expect(compiledForests(file)).toBe(0)
  })

  it('stops the batch as soon as the check fails, with the check’s error', async () => {
    const file = template.copyTo(tmp.path('stops.db'))
    // Some ten chunks of rows; the check has already failed when the first is read.
    const input = applicants('many.csv', 60_000)
    const { damage, checked } = failedCheck()
    const progress: number[] = []
    const workbench = Workbench.open(file, undefined, { verify: false })
    try {
      await expect(
        workbench.scoreFile(input, tmp.path('many-scored.csv'), {
          checked,
          threads: 0,
          onProgress: (done) => progress.push(done)
        })
      ).rejects.toBe(damage)
    } finally {
      workbench.close()
    }
    expect(progress.length).toBeLessThan(2)
    expect(existsSync(tmp.path('many-scored.csv'))).toBe(false)
  })

  it('still stops when the person cancels, the check passed or not', async () => {
    const file = template.copyTo(tmp.path('cancel.db'))
    const workbench = Workbench.open(file, undefined, { verify: false })
    try {
      const failure = await workbench
        .scoreFile(applicants('cancel.csv', 300), tmp.path('cancel-scored.csv'), {
          checked: Promise.resolve(),
          signal: AbortSignal.abort()
        })
        .then(
          () => undefined,
          (e: unknown) => e
        )
      expect(isCancellation(failure)).toBe(true)
    } finally {
      workbench.close()
    }
    expect(batches(file)).toBe(0)
  })

  it('stops the check when the store is closed before it ends (a command that failed early waits for nothing)', async () => {
    const { workbench, checked } = Workbench.openCheckedAside(template.copyTo(tmp.path('closed.db')))
    workbench.close()
    await expect(checked).rejects.toThrow('the whole-file check was stopped')
  })
})
