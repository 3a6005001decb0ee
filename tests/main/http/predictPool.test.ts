import type { FastifyInstance } from 'fastify'
import { afterEach, describe, expect, it } from 'vitest'
import { Rng } from '../../../src/main/core/base/random'
import { parseApplicants } from '../../../src/main/core/scoring/parseApplicants'
import { scoreApplicants } from '../../../src/main/core/scoring/scoreApplicants'
import { prepareBatchModel } from '../../../src/main/core/scoring/scoreCsvFile'
import { scoreOne } from '../../../src/main/core/scoring/scoreOne'
import { Workbench } from '../../../src/main/core/service/Workbench'
import { createPredictServer } from '../../../src/main/http/predictServer'
import { useTrainedTemplate } from '../../fixtures/trainedDatabase'
import { useTempDir } from '../../helpers/tempDir'

/** The spec's four fields, always sent (the default policy requires them). */
const SPEC_FIELDS = ['Credit_Score', 'Loan_Amount', 'Account_Balance', 'Interest_Rate']

/**
 * Applicants spread over the model's training ranges: every numeric field drawn between its
 * min and max, categories drawn from the seen ones (now and then an unseen one), and
 * optional fields left out now and then, so reasons, not-provided shares and warnings vary.
 */
function applicants(service: Workbench, count: number, seed: number): Record<string, unknown>[] {
  const rng = new Rng(seed)
  const { fields } = service.inputFields()
  return Array.from({ length: count }, (_, k) => {
    const body: Record<string, unknown> = {}
    for (const f of fields) {
      if (!SPEC_FIELDS.includes(f.name) && rng.next() < 0.25) continue
      if (f.kind === 'numeric') {
        const lo = f.min ?? 0
        const hi = f.max ?? 1
        body[f.name] = Math.round((lo + (hi - lo) * rng.next()) * 100) / 100
      } else {
        const seen = f.categories ?? []
        body[f.name] = k % 11 === 0 ? 'Never seen' : seen[rng.int(seen.length)]
      }
    }
    return body
  })
}

describe('/predict on a pool of worker threads', () => {
  const tmp = useTempDir()
  // Deeper trees than the suite's usual small forest, so exact reasons have work to do.
  const template = useTrainedTemplate({ rows: 3000, seed: 12, params: { trees: 16, maxDepth: 12 } })
  const open: { service: Workbench; app: FastifyInstance }[] = []

  afterEach(async () => {
    for (const { service, app } of open.splice(0)) {
      await app.close()
      service.close()
    }
  })

  const serve = (threads: number): { service: Workbench; app: FastifyInstance } => {
    const service = Workbench.open(template.copyTo(tmp.path(`pool-${open.length}.db`)))
    const app = createPredictServer(service, { threads })
    open.push({ service, app })
    return { service, app }
  }

  const post = (app: FastifyInstance, body: unknown) =>
    app.inject({
      method: 'POST',
      url: '/predict',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify(body)
    })

  it('answers 48 concurrent requests with exactly the reasons of the TypeScript exact TreeSHAP path, each audited once', async () => {
    const { app, service } = serve(2)
    const bodies = applicants(service, 48, 5)
    const responses = await Promise.all(bodies.map((b) => post(app, b)))
    // The app's path before the WebAssembly kernel: the loaded model without its prepared
    // forest, so scoreApplicants explains with linearTreeShap.ts's TypeScript walk.
    const model = service.scoringModel()
    const typescriptPath = { ...model, shap: undefined }
    const ids = new Set<number>()
    responses.forEach((response, i) => {
      expect(response.statusCode).toBe(200)
      const { Audit_Id: auditId, ...body } = response.json()
      const request = service.scoreRequest(bodies[i], 'http')
      const expected = scoreOne(typescriptPath, request.fields, request.context)
      expect(body).toEqual(JSON.parse(JSON.stringify(expected)))
      expect(body.Reasons.length).toBeGreaterThan(0)
      ids.add(auditId)
      const record = service.audit.single(auditId)
      expect(record).toMatchObject({ channel: 'http', probability: body.Default_Probability })
    })
    expect(ids.size).toBe(48)
    expect(service.history({ kind: 'single' })).toHaveLength(48)
  })

  it('gives the same answers with one worker, two or none (the serving thread)', async () => {
    const bodies = applicants(serve(0).service, 12, 8)
    const answers: unknown[][] = []
    for (const threads of [0, 1, 2]) {
      const { app } = serve(threads)
      const replies = await Promise.all(bodies.map((b) => post(app, b)))
      answers.push(
        replies.map((r) => {
          const body = r.json()
          delete body.Audit_Id
          return body
        })
      )
    }
    expect(answers[1]).toEqual(answers[0])
    expect(answers[2]).toEqual(answers[0])
  })

  it('answers "reasons": false with the decision alone, at the probability a batch file gives the same row', async () => {
    const { app, service } = serve(2)
    const bodies = applicants(service, 24, 13)
    const model = service.scoringModel()
    const batch = prepareBatchModel(model)
    const replies = await Promise.all(bodies.map((b) => post(app, { ...b, reasons: false })))
    const withReasons = await Promise.all(bodies.map((b) => post(app, b)))
    replies.forEach((reply, i) => {
      expect(reply.statusCode).toBe(200)
      const body = reply.json()
      for (const absent of ['Reasons', 'Contributions', 'Not_Provided', 'Base_Rate'])
        expect(body).not.toHaveProperty(absent)
      const parsed = parseApplicants(model.artifact, 1, (f) => bodies[i][f.name], false)
      const p = scoreApplicants(batch, parsed, 'none').probability[0]
      expect(body.Default_Probability).toBe(Math.round(p * 1e6) / 1e6)
      const full = withReasons[i].json()
      for (const key of ['Default_Probability', 'Default_Prediction', 'Risk_Grade', 'Decision', 'Referrals'])
        expect(body[key]).toEqual(full[key])
      expect(service.audit.single(body.Audit_Id)).toMatchObject({ probability: body.Default_Probability })
    })
  })

  it('refuses a "reasons" that is not true or false with 422 naming it, and scores nothing', async () => {
    const { app, service } = serve(1)
    const [body] = applicants(service, 1, 2)
    const reply = await post(app, { ...body, reasons: 'no' })
    expect(reply.statusCode).toBe(422)
    expect(reply.json()).toMatchObject({ code: 'FIELD_INVALID', fields: [{ field: 'reasons' }] })
    expect(reply.json().error).toMatch(/"reasons" must be true .* or false/)
    expect(service.history({ kind: 'single' })).toHaveLength(0)
  })

  it('answers a worker-side refusal (wrong type, policy check) as the serving thread does', async () => {
    const { app } = serve(2)
    const wrongType = await post(app, { Credit_Score: 'high' })
    expect(wrongType.statusCode).toBe(422)
    expect(wrongType.json().code).toBe('FIELD_INVALID')
    expect(wrongType.json().fields[0].field).toBe('Credit_Score')
    const blocked = await post(app, { Credit_Score: 650 })
    expect(blocked.statusCode).toBe(422)
    expect(blocked.json().code).toBe('POLICY_CHECK_FAILED')
  })
})
