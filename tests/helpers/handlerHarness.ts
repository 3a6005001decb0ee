import { afterEach } from 'vitest'
import { Workbench } from '../../src/main/core/service/Workbench'
import { createHandlers } from '../../src/main/ipc/createHandlers'
import { FileRegistry, type Dialogs } from '../../src/main/ipc/FileAccess'
import { dispatch } from '../../src/main/ipc/registerIpc'
import type { JobManager } from '../../src/main/jobs/JobManager'
import type { CallOutput, Channel, Envelope } from '../../src/shared/api'
import type { useTrainedTemplate } from '../fixtures/trainedDatabase'
import type { useTempDir } from './tempDir'

/**
 * Main's IPC handlers as the window calls them, each over a fresh copy of a trained database:
 * a save dialog answers a file of that name in the test's temp folder (and records the name),
 * there is no open dialog and no job. Every service opened is closed after its test.
 */
export function useHandlerHarness(
  template: ReturnType<typeof useTrainedTemplate>,
  tmp: ReturnType<typeof useTempDir>
) {
  const services: Workbench[] = []
  afterEach(() => services.splice(0).forEach((s) => s.close()))

  return (dbName: string) => {
    const db = template.copyTo(tmp.path(dbName))
    const service = Workbench.open(db)
    services.push(service)
    const saves: string[] = []
    const save = async (name: string): Promise<string> => {
      saves.push(name)
      return tmp.path(name)
    }
    const dialogs: Dialogs = {
      openCsv: async () => null,
      saveCsv: save,
      savePdf: save,
      saveModel: save,
      showInFolder: () => undefined
    }
    const handlers = createHandlers({
      service,
      jobs: {} as JobManager,
      files: new FileRegistry(),
      dialogs,
      version: 'test'
    })
    /** What main answers a call: its value, or the error the window would show. */
    const envelope = <C extends Channel>(channel: C, input: unknown) =>
      dispatch(handlers, channel, input) as Promise<Envelope<CallOutput<C>>>
    /** A call's value; a failed call throws with the channel and main's message. */
    const call = async <C extends Channel>(channel: C, input: unknown): Promise<CallOutput<C>> => {
      const answer = await envelope(channel, input)
      if (!answer.ok) throw new Error(`${channel}: ${answer.error.message}`)
      return answer.value
    }
    return { db, service, call, envelope, saves, ids: template.ids() }
  }
}
