import { parentPort, workerData } from 'node:worker_threads'
import { toThreadError } from '../base/errors'
import { surveyCsv, type SurveyWorkerInit, type SurveyWorkerReply } from './csvSurvey'

/** Surveys one CSV file (surveyCsv, the whole file), reporting progress, and ends. */
const port = parentPort
if (port === null) throw new Error('csvSurveyWorker must run as a worker thread')
const { path, format, targetIndex } = workerData as SurveyWorkerInit
const post = (reply: SurveyWorkerReply): void => port.postMessage(reply)
surveyCsv(path, format, targetIndex, { onBytes: (bytes) => post({ type: 'progress', bytes }) }).then(
  (survey) => post({ type: 'done', survey }),
  (error: unknown) => post({ type: 'error', error: toThreadError(error) })
)
