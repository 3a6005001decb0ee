import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { afterEach, describe, expect, it } from 'vitest'
import { Workbench } from '../../../src/main/core/service/Workbench'
import { createPredictServer, MAX_BODY_BYTES } from '../../../src/main/http/predictServer'
import { useTrainedTemplate } from '../../fixtures/trainedDatabase'
import { useTempDir } from '../../helpers/tempDir'

/** HTTP status per error code, as the README's Troubleshooting table documents it. */
function documentedHttpStatus(): Map<string, number> {
  const readme = readFileSync(resolve(__dirname, '../../../README.md'), 'utf8')
  const section = readme.slice(
    readme.indexOf('## Troubleshooting'),
    readme.indexOf('## Measured performance')
  )
  return new Map(
    [...section.matchAll(/^\| `([A-Z_]+)` \| \d+ \| (\d+) \|/gm)].map((m) => [m[1], Number(m[2])])
  )
}

describe('/predict answers each failure with the status the README documents', () => {
  const tmp = useTempDir()
  const template = useTrainedTemplate({ rows: 1200, seed: 5 })
  const documented = documentedHttpStatus()
  const open: { service: Workbench; app: FastifyInstance }[] = []

  afterEach(async () => {
    for (const { service, app } of open.splice(0)) {
      await app.close()
      service.close()
    }
  })

  const serve = (options: { empty?: boolean } = {}): FastifyInstance => {
    const service = Workbench.open(options.empty ? tmp.path('empty.db') : template.copyTo(tmp.path('w.db')))
    const app = createPredictServer(service)
    open.push({ service, app })
    return app
  }
  const post = (app: FastifyInstance, payload: string, contentType = 'application/json') =>
    app.inject({ method: 'POST', url: '/predict', headers: { 'content-type': contentType }, payload })

  it('the README gives 415 for a body that is not JSON, 400 for malformed JSON, 413 for too large', () => {
    expect(documented.get('UNSUPPORTED_MEDIA_TYPE')).toBe(415)
    expect(documented.get('MALFORMED_JSON')).toBe(400)
    expect(documented.get('REQUEST_TOO_COMPLEX')).toBe(400)
    expect(documented.get('BODY_TOO_LARGE')).toBe(413)
    expect(documented.get('FIELD_INVALID')).toBe(422)
    expect(documented.get('NO_ACTIVE_MODEL')).toBe(503)
  })

  it.each([
    ['text/plain', 'Credit_Score=650'],
    ['application/x-www-form-urlencoded', 'Credit_Score=650'],
    ['text/csv', 'Credit_Score\n650\n']
  ])('refuses a %s body with 415 UNSUPPORTED_MEDIA_TYPE', async (type, payload) => {
    const response = await post(serve(), payload, type)
    expect(response.statusCode).toBe(415)
    expect(response.statusCode).toBe(documented.get('UNSUPPORTED_MEDIA_TYPE'))
    expect(response.json()).toEqual({
      error: 'Send the applicant as JSON with Content-Type: application/json.',
      code: 'UNSUPPORTED_MEDIA_TYPE'
    })
  })

  it('refuses malformed JSON with 400 MALFORMED_JSON', async () => {
    const response = await post(serve(), '{"Credit_Score": 650,')
    expect(response.statusCode).toBe(documented.get('MALFORMED_JSON'))
    expect(response.json().code).toBe('MALFORMED_JSON')
    expect(response.json().error).toMatch(/^Malformed JSON: /)
  })

  it('refuses a body nested more than 16 deep with 400 REQUEST_TOO_COMPLEX, and takes 16', async () => {
    const nested = (depth: number): string => '{"a":'.repeat(depth - 1) + '{}' + '}'.repeat(depth - 1)
    const app = serve()
    const deep = await post(app, nested(17))
    expect(deep.statusCode).toBe(documented.get('REQUEST_TOO_COMPLEX'))
    expect(deep.json().code).toBe('REQUEST_TOO_COMPLEX')
    const fine = await post(app, `{"Credit_Score": 650, "x": ${nested(15)}}`)
    expect(fine.statusCode).toBe(200)
  })

  it('refuses a body over 1 MB with 413 BODY_TOO_LARGE', async () => {
    const big = `{"Credit_Score": 650, "pad": "${'x'.repeat(MAX_BODY_BYTES)}"}`
    const response = await post(serve(), big)
    expect(response.statusCode).toBe(documented.get('BODY_TOO_LARGE'))
    expect(response.json().code).toBe('BODY_TOO_LARGE')
  })

  it('refuses text where a number is due with 422 FIELD_INVALID naming the field', async () => {
    const response = await post(serve(), '{"Credit_Score": "high"}')
    expect(response.statusCode).toBe(documented.get('FIELD_INVALID'))
    expect(response.json()).toMatchObject({
      code: 'FIELD_INVALID',
      fields: [expect.objectContaining({ field: 'Credit_Score' })]
    })
  })

  it('refuses a JSON array with 422 INPUT_ERROR', async () => {
    const response = await post(serve(), '[{"Credit_Score": 650}]')
    expect(response.statusCode).toBe(documented.get('INPUT_ERROR'))
    expect(response.json().code).toBe('INPUT_ERROR')
  })

  it('answers 503 NO_ACTIVE_MODEL without a model, 404 for an unknown route and 405 with Allow for a wrong method', async () => {
    const empty = serve({ empty: true })
    const none = await post(empty, '{"Credit_Score": 650}')
    expect(none.statusCode).toBe(documented.get('NO_ACTIVE_MODEL'))
    expect(none.json().code).toBe('NO_ACTIVE_MODEL')
    const app = serve()
    const lost = await app.inject({ method: 'GET', url: '/score' })
    expect(lost.statusCode).toBe(404)
    expect(lost.json()).toEqual({
      error: 'No route GET /score. Use POST /predict or GET /health.',
      code: 'NOT_FOUND'
    })
    const wrong = await app.inject({ method: 'GET', url: '/predict' })
    expect(wrong.statusCode).toBe(405)
    expect(wrong.headers.allow).toBe('POST')
    const health = await app.inject({ method: 'POST', url: '/health' })
    expect(health.statusCode).toBe(405)
    expect(health.headers.allow).toBe('GET')
  })
})
