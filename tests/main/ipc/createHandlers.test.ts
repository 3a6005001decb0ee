import { createHash } from 'node:crypto'
import { existsSync, readFileSync, symlinkSync } from 'node:fs'
import { stringify } from 'csv-stringify/sync'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { generateLoanBatches, LOAN_COLUMNS } from '../../../src/main/core/data/generateLoans'
import { Workbench } from '../../../src/main/core/service/Workbench'
import { createHandlers } from '../../../src/main/ipc/createHandlers'
import { FileRegistry, type Dialogs } from '../../../src/main/ipc/FileAccess'
import { dispatch } from '../../../src/main/ipc/registerIpc'
import type { JobManager } from '../../../src/main/jobs/JobManager'
import { useTrainedTemplate } from '../../fixtures/trainedDatabase'
import { useTempDir } from '../../helpers/tempDir'

const digest = (path: string): string =>
  existsSync(path) ? createHash('sha256').update(readFileSync(path)).digest('hex') : 'absent'

describe('saves the app does through main', () => {
  const tmp = useTempDir()
  const template = useTrainedTemplate({ rows: 1500, seed: 9 })
  const services: Workbench[] = []
  afterEach(() => {
    for (const s of services.splice(0)) s.close()
  })

  /** The handlers over a trained database, with save dialogs that answer `savePath`. */
  const setUp = (savePath: (db: string, input: string) => string) => {
    const db = template.copyTo(tmp.path('app.db'))
    const service = Workbench.open(db)
    services.push(service)
    const rows = generateLoanBatches({ rows: 40, seed: 2, defaultRate: 0.2 }).next().value as unknown[][]
    const input = tmp.write('applicants.csv', stringify([LOAN_COLUMNS.map((c) => c.name), ...rows]))
    const files = new FileRegistry()
    const start = vi.fn()
    const dialogs: Dialogs = {
      openCsv: async () => input,
      saveCsv: async () => savePath(db, input),
      savePdf: async () => savePath(db, input),
      saveModel: async () => savePath(db, input),
      showInFolder: () => undefined
    }
    const handlers = createHandlers({
      service,
      jobs: { start } as unknown as JobManager,
      files,
      dialogs,
      version: 'test'
    })
    return { db, input, service, handlers, start, handle: files.register(input).handle }
  }

  // Whatever the save dialog answers, the database and the input are never replaced, and
  // the renderer gets the catalogued error to show, before any job starts.
  it.each([
    ['the database', true, (db: string) => db],
    ['its -wal file', true, (db: string) => `${db}-wal`],
    [
      'a link to the database',
      true,
      (db: string) => {
        const link = `${db}.link.csv`
        if (!existsSync(link)) symlinkSync(db, link)
        return link
      }
    ],
    // The input is protected while it is being scored; exporting over it is the user's choice.
    ['the input being scored', false, (_db: string, input: string) => input],
    ['a device', true, () => '/dev/full']
  ])('refuses to save onto %s, with OUTPUT_REFUSED and no job', async (_what, everySave, savePath) => {
    const { db, input, handlers, start, handle, service } = setUp(savePath)
    const before = [digest(db), digest(input)]
    const scored = await dispatch(handlers, 'scoring/scoreFile', { handle })
    expect(scored).toMatchObject({ ok: false, error: { code: 'OUTPUT_REFUSED' } })
    expect(start).not.toHaveBeenCalled()
    if (everySave) await expectEveryOtherSaveRefused(handlers, service)
    expect([digest(db), digest(input)]).toEqual(before)
    expect(service.db.pragma('integrity_check', { simple: true })).toBe('ok')
  })

  const expectEveryOtherSaveRefused = async (
    handlers: ReturnType<typeof createHandlers>,
    service: Workbench
  ): Promise<void> => {
    const exported = await dispatch(handlers, 'datasets/export', { id: 1 })
    expect(exported).toMatchObject({ ok: false, error: { code: 'OUTPUT_REFUSED' } })
    const report = await dispatch(handlers, 'models/exportReport', { id: service.listModels()[0].id })
    expect(report).toMatchObject({ ok: false, error: { code: 'OUTPUT_REFUSED' } })
  }

  it('saves an export to an ordinary file, with formula cells neutralised', async () => {
    const { handlers } = setUp(() => tmp.path('export.csv'))
    const answer = await dispatch(handlers, 'datasets/export', { id: 1 })
    expect(answer).toMatchObject({ ok: true, value: { path: tmp.path('export.csv'), rows: 1500 } })
    expect(readFileSync(tmp.path('export.csv'), 'utf8').split('\n')[0]).toMatch(/^Customer_ID,Age,/)
  })
})
