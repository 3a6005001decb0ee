import { EventEmitter } from 'node:events'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { CancelledError } from '../../../../src/main/core/base/errors'
import type { CsvFormat } from '../../../../src/main/core/data/csv/sniffCsv'
import {
  surveyOnThread,
  type CsvSurvey,
  type SurveyWorkerInit
} from '../../../../src/main/core/storage/csvSurvey'

// surveyOnThread's side of the thread: what it starts the thread with, and what each answer
// (progress, the survey, an error, a crash, an exit, a cancel) becomes. The thread is stood in
// for: it records what it was given and answers as each test tells it to.

interface StandIn extends EventEmitter {
  terminated: number
  terminate: () => Promise<number>
}
const started: { entry: { name: string }; init: SurveyWorkerInit; worker: StandIn }[] = []

vi.mock('../../../../src/main/core/base/spawnWorker', () => ({
  spawnWorker: (entry: { name: string }, init: SurveyWorkerInit) => {
    const worker = Object.assign(new EventEmitter(), {
      terminated: 0,
      terminate: async (): Promise<number> => {
        worker.terminated++
        return 1
      }
    })
    started.push({ entry, init, worker })
    return worker
  }
}))

const FORMAT: CsvFormat = {
  encoding: 'utf-8',
  bom: false,
  delimiter: ',',
  header: ['a', 'Default'],
  lineEnding: 'lf',
  sizeBytes: 100
}
const INIT: SurveyWorkerInit = { path: '/data/loans.csv', format: FORMAT, targetIndex: 1 }
const SURVEY: CsvSurvey = {
  kinds: ['numeric', 'numeric'],
  outcomes: { values: ['0', '1'], stray: 0 },
  distinct: [false, false],
  sha256: 'ab'
}

/** The stand-in thread of the latest survey. */
const thread = (): StandIn => started[started.length - 1].worker

describe('surveyOnThread', () => {
  beforeEach(() => {
    started.length = 0
  })

  it('starts csvSurveyWorker with the file, reports its progress and resolves with its survey', async () => {
    const bytes: number[] = []
    const survey = surveyOnThread(INIT, { onBytes: (b) => bytes.push(b) })
    expect(started.map((s) => [s.entry.name, s.init])).toEqual([['csvSurveyWorker', INIT]])
    thread().emit('message', { type: 'progress', bytes: 40 })
    thread().emit('message', { type: 'progress', bytes: 100 })
    thread().emit('message', { type: 'done', survey: SURVEY })
    await expect(survey).resolves.toEqual(SURVEY)
    expect(bytes).toEqual([40, 100])
    // What comes after the answer changes nothing.
    thread().emit('exit', 0)
    thread().emit('message', { type: 'progress', bytes: 7 })
    expect(bytes).toEqual([40, 100, 7])
  })

  it('takes progress without a listener', async () => {
    const survey = surveyOnThread(INIT)
    thread().emit('message', { type: 'progress', bytes: 40 })
    thread().emit('message', { type: 'done', survey: SURVEY })
    await expect(survey).resolves.toEqual(SURVEY)
  })

  it('raises the thread’s error again with its code', async () => {
    const survey = surveyOnThread(INIT)
    thread().emit('message', {
      type: 'error',
      error: { name: 'InputError', message: 'loans.csv: line 3 is odd', code: 'INPUT_ERROR' }
    })
    await expect(survey).rejects.toMatchObject({ code: 'INPUT_ERROR', message: 'loans.csv: line 3 is odd' })
  })

  it('fails when the thread cannot run or stops without an answer', async () => {
    const crashed = surveyOnThread(INIT)
    thread().emit('error', new Error('out of memory'))
    thread().emit('exit', 1)
    await expect(crashed).rejects.toThrow('out of memory')
    const stopped = surveyOnThread(INIT)
    thread().emit('exit', 3)
    await expect(stopped).rejects.toThrow('the thread reading the CSV file stopped (exit code 3)')
  })

  it('stops the thread and rejects with CancelledError when cancelled, before or during the survey', async () => {
    const during = new AbortController()
    const survey = surveyOnThread(INIT, { signal: during.signal })
    during.abort()
    await expect(survey).rejects.toBeInstanceOf(CancelledError)
    expect(thread().terminated).toBe(1)
    // The answer after a cancel changes nothing, and a second abort does not stop it twice.
    thread().emit('message', { type: 'done', survey: SURVEY })
    during.abort()
    expect(thread().terminated).toBe(1)

    const before = surveyOnThread(INIT, { signal: AbortSignal.abort() })
    await expect(before).rejects.toBeInstanceOf(CancelledError)
    expect(thread().terminated).toBe(1)
  })

  it('no longer listens to the signal once the survey is done', async () => {
    const controller = new AbortController()
    const survey = surveyOnThread(INIT, { signal: controller.signal })
    thread().emit('message', { type: 'done', survey: SURVEY })
    await expect(survey).resolves.toEqual(SURVEY)
    controller.abort()
    expect(thread().terminated).toBe(0)
  })
})
