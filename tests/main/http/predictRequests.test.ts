import Database from 'better-sqlite3'
import type { FastifyInstance } from 'fastify'
import { afterEach, describe, expect, it } from 'vitest'
import { Workbench } from '../../../src/main/core/service/Workbench'
import { createPredictServer, type PredictServerOptions } from '../../../src/main/http/predictServer'
import { useTrainedTemplate } from '../../fixtures/trainedDatabase'
import { useTempDir } from '../../helpers/tempDir'

/** The spec's request: every field the default policy requires. */
const SPEC = { Credit_Score: 650, Loan_Amount: 50000, Account_Balance: 200000, Interest_Rate: 5.5 }

describe('/predict: the request’s own switches and the answers to what is not an applicant', () => {
  const tmp = useTempDir()
  const template = useTrainedTemplate({ rows: 1200, seed: 5 })
  const open: (() => Promise<void> | void)[] = []
  afterEach(async () => {
    for (const close of open.splice(0).reverse()) await close()
  })

  const serve = (options: PredictServerOptions = {}): { app: FastifyInstance; service: Workbench } => {
    const service = Workbench.open(template.copyTo(tmp.path(`w-${open.length}.db`)))
    const app = createPredictServer(service, options)
    open.push(
      () => service.close(),
      () => app.close()
    )
    return { app, service }
  }
  const post = (app: FastifyInstance, body: unknown) =>
    app.inject({
      method: 'POST',
      url: '/predict',
      headers: { 'content-type': 'application/json' },
      payload: typeof body === 'string' ? body : JSON.stringify(body)
    })

  it('refuses a "reasons" that is not true or false with 422, naming the field and quoting the value', async () => {
    const { app } = serve()
    const response = await post(app, { ...SPEC, reasons: 'yes' })
    expect(response.statusCode).toBe(422)
    expect(response.json()).toEqual({
      error:
        '"reasons" must be true (the default: exact reasons) or false (probability, grade and decision alone), not "yes".',
      code: 'FIELD_INVALID',
      fields: [{ field: 'reasons', severity: 'error', message: 'reasons must be true or false' }]
    })
  })

  it('answers "reasons": false with the same probability and decision and no reasons; true and absent give the reasons', async () => {
    const { app } = serve()
    const plain = (await post(app, { ...SPEC, reasons: false })).json()
    const withReasons = (await post(app, { ...SPEC, reasons: true })).json()
    const byDefault = (await post(app, SPEC)).json()
    expect(plain).not.toHaveProperty('Reasons')
    expect(plain).not.toHaveProperty('Contributions')
    expect(withReasons.Reasons.length).toBeGreaterThan(0)
    expect(byDefault.Reasons).toEqual(withReasons.Reasons)
    expect(plain.Default_Probability).toBeCloseTo(withReasons.Default_Probability, 6)
    expect(plain.Decision).toBe(withReasons.Decision)
    // "reasons" is the request's switch, never an unknown applicant field.
    expect(JSON.stringify(plain.Warnings)).not.toContain('reasons')
  })

  it('refuses a body carrying __proto__ as malformed, and takes a "constructor" field as an unknown one', async () => {
    const { app } = serve()
    const poisoned = await post(app, `{"Credit_Score": 650, "__proto__": {"admin": true}}`)
    expect(poisoned.statusCode).toBe(400)
    expect(poisoned.json().code).toBe('MALFORMED_JSON')
    const odd = await post(
      app,
      `{${JSON.stringify(SPEC).slice(1, -1)}, "constructor": {"prototype": {"x": 1}}}`
    )
    expect(odd.statusCode).toBe(200)
    expect(odd.json().Warnings.map((w: { field: string }) => w.field)).toContain('constructor')
  })

  it('says how deep a body may nest and what an applicant is', async () => {
    const { app } = serve()
    const response = await post(app, '['.repeat(17) + ']'.repeat(17))
    expect(response.json()).toEqual({
      error:
        'The body nests objects or arrays more than 16 deep; an applicant is one flat JSON object of fields.',
      code: 'REQUEST_TOO_COMPLEX'
    })
  })

  it('names the method to use on a wrong one, and clips a long unknown path to 200 characters', async () => {
    const { app } = serve()
    const get = await app.inject({ method: 'GET', url: '/predict' })
    expect(get.json()).toEqual({ error: 'Method not allowed; use POST.' })
    const postHealth = await app.inject({ method: 'POST', url: '/health' })
    expect(postHealth.headers.allow).toBe('GET')
    expect(postHealth.json()).toEqual({ error: 'Method not allowed; use GET.' })
    const long = '/' + 'x'.repeat(299)
    const notFound = (await app.inject({ method: 'GET', url: long })).json()
    expect(notFound.error).toBe(`No route GET ${long.slice(0, 199)}…. Use POST /predict or GET /health.`)
    const short = '/' + 'y'.repeat(199)
    expect((await app.inject({ method: 'GET', url: short })).json().error).toBe(
      `No route GET ${short}. Use POST /predict or GET /health.`
    )
  })

  it('answers an unexpected failure with 500 INTERNAL and its message, and a busy store with 503 and Retry-After', async () => {
    const { app, service } = serve({ audit: { deadlineMs: 100, retryMs: 20 } })
    const scoreRequest = service.scoreRequest.bind(service)
    service.scoreRequest = () => {
      throw new Error('the disk fell off')
    }
    const failed = await post(app, SPEC)
    expect(failed.statusCode).toBe(500)
    expect(failed.json()).toMatchObject({
      code: 'INTERNAL',
      error: expect.stringMatching(/^Internal error: /)
    })
    expect(failed.json().error).toContain('the disk fell off')
    expect(failed.headers['retry-after']).toBeUndefined()
    service.scoreRequest = scoreRequest
    // Another connection holds the write lock past the audit's wait: no decision without its record.
    const other = new Database(service.dbPath)
    other.exec('BEGIN IMMEDIATE')
    other.exec("INSERT INTO settings (key, value) VALUES ('import', 'in progress')")
    try {
      const busy = await post(app, SPEC)
      expect(busy.statusCode).toBe(503)
      expect(busy.headers['retry-after']).toBe('2')
      expect(busy.json().code).toBe('DATABASE_BUSY')
    } finally {
      other.exec('ROLLBACK')
      other.close()
    }
    const ok = await post(app, SPEC)
    expect(ok.statusCode).toBe(200)
    expect(ok.headers['retry-after']).toBeUndefined()
  })
})
