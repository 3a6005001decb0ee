import type { FastifyInstance } from 'fastify'
import { afterEach, describe, expect, it } from 'vitest'
import { Workbench } from '../../../src/main/core/service/Workbench'
import { createPredictServer, MAX_BODY_BYTES } from '../../../src/main/http/predictServer'
import { useTrainedTemplate } from '../../fixtures/trainedDatabase'
import { useTempDir } from '../../helpers/tempDir'

/** The spec's curl request, word for word. */
const SPEC_BODY =
  '{"Credit_Score": 650, "Loan_Amount": 50000, "Account_Balance": 200000, "Interest_Rate": 5.5, "Loan_to_Balance_Ratio": 0.25, "High_Credit_Risk": 0}'

describe('predictServer', () => {
  const tmp = useTempDir()
  const template = useTrainedTemplate({ rows: 2000, seed: 31 })
  const open: { service: Workbench; app: FastifyInstance }[] = []

  afterEach(async () => {
    for (const { service, app } of open.splice(0)) {
      await app.close()
      service.close()
    }
  })

  /** A server over a fresh copy of the trained database (or an empty one). */
  const serve = (options: { empty?: boolean } = {}): { service: Workbench; app: FastifyInstance } => {
    const file = options.empty ? tmp.path('empty.db') : template.copyTo(tmp.path('w.db'))
    const service = Workbench.open(file)
    const app = createPredictServer(service)
    open.push({ service, app })
    return { service, app }
  }

  const post = (app: FastifyInstance, payload: string) =>
    app.inject({ method: 'POST', url: '/predict', headers: { 'content-type': 'application/json' }, payload })

  it("answers the spec's curl request with Default_Prediction 0 or 1 and the documented extra fields", async () => {
    const { app } = serve()
    const response = await post(app, SPEC_BODY)
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toMatch(/application\/json/)
    const body = response.json()
    expect([0, 1]).toContain(body.Default_Prediction)
    expect(body.Default_Probability).toBeGreaterThanOrEqual(0)
    expect(body.Default_Probability).toBeLessThanOrEqual(1)
    expect(body.Risk_Grade).toMatch(/^[A-E]$/)
    expect(Array.isArray(body.Reasons)).toBe(true)
    expect(body.Reasons.length).toBeGreaterThan(0)
    expect(body.Model_Version).toBe(template.ids().modelId)
    expect(body.Warnings.map((w: { field: string }) => w.field)).toEqual(
      expect.arrayContaining(['Loan_to_Balance_Ratio', 'High_Credit_Risk'])
    )
  })

  it('writes every /predict call to the audit table with channel http, its inputs and outputs', async () => {
    const { app, service } = serve()
    const first = (await post(app, SPEC_BODY)).json()
    const second = (
      await post(
        app,
        '{"Credit_Score": 420, "Loan_Amount": 90000, "Account_Balance": 1000, "Interest_Rate": 14}'
      )
    ).json()
    const history = service.history({ kind: 'single' })
    expect(history).toHaveLength(2)
    expect(history.map((h) => h.id).sort()).toEqual([first.Audit_Id, second.Audit_Id].sort())
    const record = service.audit.single(first.Audit_Id)
    expect(record).toMatchObject({
      kind: 'single',
      channel: 'http',
      modelId: template.ids().modelId,
      probability: first.Default_Probability,
      prediction: first.Default_Prediction,
      grade: first.Risk_Grade,
      inputs: JSON.parse(SPEC_BODY)
    })
    // A refused request scores nothing, so it is not an audited score: a wrong type, or a
    // request the policy checks stop (a required field left out, an impossible value).
    await post(app, '{"Credit_Score": "high"}')
    await post(app, '{"Credit_Score": 650}')
    await post(app, '{"Credit_Score": 650, "Loan_Amount": -50000, "Account_Balance": 0, "Interest_Rate": 9}')
    expect(service.history({ kind: 'single' })).toHaveLength(2)
  })

  it('answers malformed JSON with 400 and a message', async () => {
    const { app } = serve()
    const response = await post(app, '{"Credit_Score": 650,')
    expect(response.statusCode).toBe(400)
    expect(response.json().error).toMatch(/^Malformed JSON: /)
  })

  it('answers wrong types with 422 naming each bad field', async () => {
    const { app } = serve()
    const response = await post(
      app,
      '{"Credit_Score": "six fifty", "Region": {"name": "South"}, "Loan_Amount": 50000}'
    )
    expect(response.statusCode).toBe(422)
    const body = response.json()
    expect(body.error).toBe('Invalid applicant fields.')
    expect(body.code).toBe('FIELD_INVALID')
    expect(body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['Credit_Score', 'Region'])
    for (const payload of ['[1, 2]', '"text"', '42', 'null']) {
      const other = await post(app, payload)
      expect(other.statusCode, payload).toBe(422)
      expect(other.json().error, payload).toMatch(/JSON object of applicant fields/)
    }
  })

  it('answers a blank or impossible applicant with 422 naming every field, and never with a decision', async () => {
    const { app, service } = serve()
    const blank = await post(app, '{}')
    expect(blank.statusCode).toBe(422)
    expect(blank.json()).toMatchObject({ code: 'POLICY_CHECK_FAILED' })
    expect(blank.json().fields.map((f: { field: string; rule: string }) => [f.field, f.rule])).toEqual([
      ['Credit_Score', 'required'],
      ['Loan_Amount', 'required'],
      ['Account_Balance', 'required'],
      ['Interest_Rate', 'required']
    ])
    expect(blank.json()).not.toHaveProperty('Default_Prediction')
    const impossible = await post(
      app,
      '{"Credit_Score": 650, "Loan_Amount": -50000, "Account_Balance": 200000, "Interest_Rate": 140}'
    )
    expect(impossible.statusCode).toBe(422)
    expect(impossible.json().fields.map((f: { field: string; message: string }) => f.message)).toEqual([
      'Loan amount −₹50,000 is not possible: it must be at least ₹0.',
      'Interest rate 140 % is not possible: it must be at most 100 %.'
    ])
    expect(service.history({ kind: 'single' })).toEqual([])
  })

  it('keeps an optional Applicant_Ref with the score (not as a field) and answers the verdict in words', async () => {
    const { app, service } = serve()
    const body = JSON.parse(SPEC_BODY) as Record<string, unknown>
    const response = await post(
      app,
      JSON.stringify({
        ...body,
        Applicant_Ref: { name: 'Asha Verma', customer_id: 'CUST42', application_no: 'APP-7' }
      })
    )
    expect(response.statusCode).toBe(200)
    const result = response.json()
    expect(result.Applicant_Ref).toEqual({ name: 'Asha Verma', customerId: 'CUST42', applicationNo: 'APP-7' })
    expect(result.Warnings.map((w: { field: string }) => w.field)).not.toContain('Applicant_Ref')
    expect(['approve', 'decline', 'refer']).toContain(result.Decision)
    expect(result.Decision_Text).toBe(
      { approve: 'Approve', decline: 'Decline', refer: 'Refer to a senior officer' }[
        result.Decision as string
      ]
    )
    const record = service.audit.single(result.Audit_Id)
    expect(record).toMatchObject({ reference: result.Applicant_Ref, decision: result.Decision })
    const asText = await post(app, JSON.stringify({ ...body, Applicant_Ref: 'APP-8' }))
    expect(asText.json().Applicant_Ref).toEqual({ text: 'APP-8' })
    const wrong = await post(app, JSON.stringify({ ...body, Applicant_Ref: [1] }))
    expect(wrong.statusCode).toBe(422)
    expect(wrong.json().error).toMatch(/^Applicant_Ref: expected text or an object/)
  })

  it('answers a body over 1 MB with 413', async () => {
    const { app } = serve()
    const big = JSON.stringify({ Credit_Score: 650, Note: 'x'.repeat(MAX_BODY_BYTES) })
    const response = await post(app, big)
    expect(response.statusCode).toBe(413)
    expect(response.json().error).toMatch(/too large/)
  })

  it('answers an unknown route with 404 and a wrong method with 405 and an Allow header', async () => {
    const { app } = serve()
    const missing = await app.inject({ method: 'GET', url: '/score' })
    expect(missing.statusCode).toBe(404)
    expect(missing.json().error).toMatch(/POST \/predict/)

    const get = await app.inject({ method: 'GET', url: '/predict' })
    expect(get.statusCode).toBe(405)
    expect(get.headers.allow).toBe('POST')
    const del = await app.inject({ method: 'DELETE', url: '/predict' })
    expect(del.statusCode).toBe(405)
    const postHealth = await app.inject({ method: 'POST', url: '/health' })
    expect(postHealth.statusCode).toBe(405)
    expect(postHealth.headers.allow).toBe('GET')
  })

  it('answers 503 with the reason when no model is active, on /predict and /health', async () => {
    const { app } = serve({ empty: true })
    const predict = await post(app, SPEC_BODY)
    expect(predict.statusCode).toBe(503)
    expect(predict.json().error).toMatch(/No model is active for scoring\. Train one/)
    const health = await app.inject({ method: 'GET', url: '/health' })
    expect(health.statusCode).toBe(503)
    expect(health.json()).toMatchObject({ status: 'unavailable' })
  })

  it('reports the model in use on GET /health', async () => {
    const { app, service } = serve()
    const response = await app.inject({ method: 'GET', url: '/health' })
    expect(response.statusCode).toBe(200)
    const { modelId } = template.ids()
    const summary = service.models.summary(modelId)
    expect(response.json()).toMatchObject({
      status: 'ok',
      model: { id: modelId, name: summary.name, auc: summary.metrics.auc }
    })
    expect(response.json().inputs).toContain('Credit_Score')
  })
})
