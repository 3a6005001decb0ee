import Database from 'better-sqlite3'
import type { FastifyInstance } from 'fastify'
import { connect } from 'node:net'
import type { AddressInfo } from 'node:net'
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { Workbench } from '../../../src/main/core/service/Workbench'
import {
  createPredictServer,
  MAX_JSON_DEPTH,
  type PredictServerOptions
} from '../../../src/main/http/predictServer'
import { useTrainedTemplate } from '../../fixtures/trainedDatabase'
import { useTempDir } from '../../helpers/tempDir'

/** Bytes of the largest audit record a request may leave (a model's inputs, clipped values, one summary). */
const MAX_AUDIT_ROW_BYTES = 16 * 1024
/** Bytes of the largest answer to a request of at most 1 MB. */
const MAX_RESPONSE_BYTES = 32 * 1024

const INPUTS = [
  'Credit_Score',
  'Loan_Amount',
  'Account_Balance',
  'Annual_Income',
  'Age',
  'Region',
  'Employment_Status',
  'Loan_Purpose',
  'Interest_Rate',
  'Loan_to_Balance_Ratio',
  'Default'
]

describe('/predict under hostile clients', () => {
  const tmp = useTempDir()
  const template = useTrainedTemplate({ rows: 2000, seed: 31 })
  const open: { service: Workbench; app: FastifyInstance }[] = []

  afterEach(async () => {
    for (const { service, app } of open.splice(0)) {
      await app.close()
      service.close()
    }
  })

  const serve = (
    options: PredictServerOptions = {}
  ): { service: Workbench; app: FastifyInstance; file: string } => {
    const file = template.copyTo(tmp.path(`w-${open.length}.db`))
    const service = Workbench.open(file)
    const app = createPredictServer(service, options)
    open.push({ service, app })
    return { service, app, file }
  }

  const post = (app: FastifyInstance, payload: string, contentType = 'application/json') =>
    app.inject({ method: 'POST', url: '/predict', headers: { 'content-type': contentType }, payload })

  const auditRowBytes = (service: Workbench, id: number): number => {
    const row = service.db.prepare('SELECT inputs, outputs FROM score_audit WHERE id = ?').get(id) as
      { inputs: string; outputs: string } | undefined
    if (!row) throw new Error(`no audit record ${id}`)
    return Buffer.byteLength(row.inputs) + Buffer.byteLength(row.outputs)
  }

  /** JSON bodies a hostile or careless client sends: anything, the model's fields with any values, deep and wide ones. */
  const body = fc.oneof(
    fc.jsonValue({ maxDepth: 5 }).map((v) => JSON.stringify(v)),
    fc
      .dictionary(
        fc.oneof(fc.constantFrom(...INPUTS), fc.string({ unit: 'binary', maxLength: 30 })),
        fc.jsonValue({ maxDepth: 3 }),
        {
          maxKeys: 20
        }
      )
      .map((v) => JSON.stringify(v)),
    fc
      .record({ depth: fc.integer({ min: 1, max: 5000 }), key: fc.constantFrom(...INPUTS) })
      .map(({ depth, key }) => `{"${key}":${'['.repeat(depth)}1${']'.repeat(depth)}}`),
    fc
      .record({ keys: fc.integer({ min: 1, max: 3000 }), value: fc.jsonValue({ maxDepth: 1 }) })
      .map(({ keys, value }) =>
        JSON.stringify(Object.fromEntries(Array.from({ length: keys }, (_, i) => [`field_${i}`, value])))
      ),
    fc.string({ unit: 'binary', maxLength: 200 })
  )

  // The properties: never a 500 for any body; work, answer and audit record bounded.
  it('never answers 500, and keeps every answer and audit record bounded, for any body', async () => {
    const { app, service } = serve()
    await fc.assert(
      fc.asyncProperty(body, async (payload) => {
        const response = await post(app, payload)
        expect([200, 400, 413, 415, 422]).toContain(response.statusCode)
        expect(response.body.length).toBeLessThan(MAX_RESPONSE_BYTES)
        const json = response.json()
        if (response.statusCode === 200) {
          expect(auditRowBytes(service, json.Audit_Id)).toBeLessThan(MAX_AUDIT_ROW_BYTES)
          expect(
            json.Warnings.filter((w: { message: string }) =>
              /not (a field|fields) of this model/.test(w.message)
            ).length
          ).toBeLessThanOrEqual(1)
        } else {
          expect(typeof json.error).toBe('string')
          expect(json.error).not.toMatch(/\n\s+at /)
        }
      }),
      { numRuns: 150, seed: 60 }
    )
  })

  it(`answers nesting deeper than ${MAX_JSON_DEPTH} with 400, not a crash, even 100,000 deep`, async () => {
    const { app } = serve()
    for (const depth of [MAX_JSON_DEPTH + 1, 100_000]) {
      const response = await post(app, `{"Credit_Score":${'['.repeat(depth)}${']'.repeat(depth)}}`)
      expect(response.statusCode).toBe(400)
      expect(response.json()).toMatchObject({ code: 'REQUEST_TOO_COMPLEX' })
    }
  })

  it('answers 70,000 unknown keys with one summarised warning and writes a small audit record', async () => {
    const { app, service } = serve()
    const payload = JSON.stringify({
      Credit_Score: 650,
      ...Object.fromEntries(Array.from({ length: 70_000 }, (_, i) => [`u${i}`, 1]))
    })
    const response = await post(app, payload)
    expect(response.statusCode).toBe(200)
    expect(response.body.length).toBeLessThan(MAX_RESPONSE_BYTES)
    const unknown = response
      .json()
      .Warnings.filter((w: { message: string }) => /are not fields of this model/.test(w.message))
    expect(unknown).toHaveLength(1)
    expect(unknown[0].message).toMatch(/^u0, u1, u2, u3, u4, … \(70000 in all\) are not fields/)
    const record = service.audit.single(response.json().Audit_Id)
    if (record.kind !== 'single') throw new Error('expected a single score')
    expect(record.inputs).toEqual({
      Credit_Score: 650,
      '(ignored fields)': expect.stringMatching(/^70000 fields not used by the model: u0, /)
    })
    expect(auditRowBytes(service, response.json().Audit_Id)).toBeLessThan(MAX_AUDIT_ROW_BYTES)
  })

  it('clips a megabyte-long value in the answer and the audit record', async () => {
    const { app, service } = serve()
    const response = await post(
      app,
      JSON.stringify({ Region: 'R'.repeat(900_000), Credit_Score: 'x'.repeat(50_000) })
    )
    expect(response.statusCode).toBe(422)
    expect(response.body.length).toBeLessThan(MAX_RESPONSE_BYTES)
    const ok = await post(app, JSON.stringify({ Region: 'R'.repeat(900_000) }))
    expect(ok.statusCode).toBe(200)
    expect(auditRowBytes(service, ok.json().Audit_Id)).toBeLessThan(MAX_AUDIT_ROW_BYTES)
  })
})

describe('/predict while another program holds the write lock', () => {
  const tmp = useTempDir()
  const template = useTrainedTemplate({ rows: 2000, seed: 31 })
  const cleanup: (() => Promise<void> | void)[] = []
  afterEach(async () => {
    for (const f of cleanup.splice(0).reverse()) await f()
  })

  /** A server, and a second connection (the app importing, say) that can hold the write lock. */
  const setUp = (options: PredictServerOptions) => {
    const file = template.copyTo(tmp.path(`busy-${cleanup.length}.db`))
    const service = Workbench.open(file)
    const app = createPredictServer(service, options)
    const other = new Database(file)
    cleanup.push(
      () => service.close(),
      () => app.close(),
      () => void other.close()
    )
    const lock = (): void => {
      other.exec('BEGIN IMMEDIATE')
      other.exec("INSERT INTO settings (key, value) VALUES ('import', 'in progress')")
    }
    const unlock = (): void => {
      if (other.inTransaction) other.exec('ROLLBACK')
    }
    cleanup.push(unlock)
    return { service, app, lock, unlock }
  }

  const SPEC = '{"Credit_Score": 650, "Loan_Amount": 50000, "Account_Balance": 200000, "Interest_Rate": 5.5}'
  const post = (app: FastifyInstance) =>
    app.inject({
      method: 'POST',
      url: '/predict',
      headers: { 'content-type': 'application/json' },
      payload: SPEC
    })

  it('keeps answering /health while the lock is held', async () => {
    const { app, lock, unlock } = setUp({})
    await app.inject({ method: 'GET', url: '/health' })
    lock()
    // Answered before the lock is released (unlock runs only after).
    const health = await app.inject({ method: 'GET', url: '/health' })
    expect(health.statusCode).toBe(200)
    unlock()
  })

  it('answers 503 with Retry-After, and gives no decision, when the lock outlasts the wait', async () => {
    const { app, service, lock, unlock } = setUp({ audit: { deadlineMs: 150, retryMs: 20 } })
    lock()
    const response = await post(app)
    unlock()
    expect(response.statusCode).toBe(503)
    expect(response.headers['retry-after']).toBe('2')
    expect(response.json()).toMatchObject({ code: 'DATABASE_BUSY' })
    expect(response.json()).not.toHaveProperty('Default_Probability')
    expect(service.history({ kind: 'single' })).toEqual([])
  })

  // Whatever the lock does, every decision given has its audit record, and no request gets a 500.
  it('answers 200 with a stored audit record or 503, never 500, as the lock comes and goes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({ at: fc.integer({ min: 0, max: 120 }), lockFor: fc.integer({ min: 0, max: 200 }) }),
          {
            minLength: 1,
            maxLength: 4
          }
        ),
        fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 1, maxLength: 6 }),
        async (locks, requests) => {
          const { app, service, lock, unlock } = setUp({ audit: { deadlineMs: 100, retryMs: 10 } })
          const timers: NodeJS.Timeout[] = []
          for (const l of locks) {
            timers.push(
              setTimeout(() => {
                unlock()
                lock()
                timers.push(setTimeout(unlock, l.lockFor))
              }, l.at)
            )
          }
          const responses = await Promise.all(
            requests.map(
              (at) =>
                new Promise<Awaited<ReturnType<typeof post>>>((done) => setTimeout(() => done(post(app)), at))
            )
          )
          await new Promise((done) => setTimeout(done, 350))
          timers.forEach(clearTimeout)
          unlock()
          for (const r of responses) {
            expect([200, 503]).toContain(r.statusCode)
            if (r.statusCode === 200) expect(service.audit.single(r.json().Audit_Id).kind).toBe('single')
            else expect(r.headers['retry-after']).toBe('2')
          }
          const decided = responses.filter((r) => r.statusCode === 200).length
          expect(service.history({ kind: 'single' })).toHaveLength(decided)
        }
      ),
      { numRuns: 8, seed: 61 }
    )
  })

  it('writes the waiting record and answers 200 once the lock frees within the wait', async () => {
    const { app, service, lock, unlock } = setUp({ audit: { deadlineMs: 5000, retryMs: 10 } })
    lock()
    const pending = post(app)
    // The request is scored, then waits for the lock: /health shows it waiting.
    let waiting = 0
    for (let tries = 0; tries < 200 && waiting === 0; tries++) {
      await new Promise((done) => setTimeout(done, 5))
      waiting = (await app.inject({ method: 'GET', url: '/health' })).json().pendingAuditRecords
    }
    expect(waiting).toBe(1)
    unlock()
    const response = await pending
    expect(response.statusCode).toBe(200)
    expect(service.audit.single(response.json().Audit_Id)).toMatchObject({
      kind: 'single',
      probability: response.json().Default_Probability
    })
  })
})

describe('/predict against slow clients', () => {
  const template = useTrainedTemplate({ rows: 2000, seed: 31 })
  const tmp = useTempDir()

  it('drops a client that never finishes sending its body', async () => {
    const service = Workbench.open(template.copyTo(tmp.path('slow.db')))
    const app = createPredictServer(service, { timeouts: { requestMs: 300, headersMs: 200 } })
    await app.listen({ host: '127.0.0.1', port: 0 })
    const { port } = app.server.address() as AddressInfo
    try {
      const answer = await new Promise<string>((done, fail) => {
        const socket = connect(port, '127.0.0.1', () => {
          socket.write(
            'POST /predict HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"Credit'
          )
        })
        let received = ''
        socket.on('data', (d) => (received += d.toString()))
        socket.on('close', () => done(received))
        socket.on('error', fail)
      })
      // Closed by the server (the promise resolves only on close), with a 408 when it says anything.
      if (answer) expect(answer).toMatch(/^HTTP\/1\.1 408/)
    } finally {
      await app.close()
      service.close()
    }
  })
})
