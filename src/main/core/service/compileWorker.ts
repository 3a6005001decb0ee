import { parentPort, workerData } from 'node:worker_threads'
import { toThreadError } from '../base/errors'
import type { CompileWorkerInit, CompileWorkerReply } from './compileInWorker'
import { prepareBatchModel } from '../scoring/scoreCsvFile'
import { openDatabase } from '../storage/openDatabase'
import { ModelRepo } from '../storage/ModelRepo'

/**
 * Compiles one stored model for batch files and ends (see compileInWorker): the forest
 * BLOB and the trees read from it die with this thread.
 */
const init = workerData as CompileWorkerInit
let reply: CompileWorkerReply
try {
  // The caller's connection checked the whole file when it opened it.
  const db = openDatabase(init.dbPath, { nativeBinding: init.nativeBinding, readonly: true, verify: false })
  try {
    const model = prepareBatchModel(new ModelRepo(db).loadStored(init.modelId))
    const { id, name, artifact } = model
    reply = { type: 'done', id, name, artifact, forest: model.compiled.handle() }
  } finally {
    db.close()
  }
} catch (e) {
  reply = { type: 'error', error: toThreadError(e) }
}
parentPort?.postMessage(reply)
