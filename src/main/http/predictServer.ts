import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify'
import type { Workbench } from '../core/service/Workbench'
import { InputError } from '../core/base/errors'
import { FieldValidationError } from '../core/scoring/scoreOne'

/** Largest request body accepted (the spec's requests are a few hundred bytes). */
export const MAX_BODY_BYTES = 1024 * 1024

export interface PredictServerOptions {
  /** Score with this model; default: whichever model is active at request time. */
  modelId?: number
}

/**
 * The spec's Flask /predict API on fastify: the same request (raw applicant fields as
 * JSON) and response (`{"Default_Prediction": 0}` plus probability, grade, reasons,
 * model version and warnings). Errors are JSON with a message: malformed JSON 400,
 * wrong types 422 naming the fields, bodies over 1 MB 413, unknown route 404, wrong
 * method 405, no model 503. Every call is audited like a single score.
 */
export function createPredictServer(service: Workbench, options: PredictServerOptions = {}): FastifyInstance {
  const app = Fastify({ bodyLimit: MAX_BODY_BYTES, logger: false })

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, _request, reply) => {
    const status = error.statusCode ?? 500
    if (status === 413)
      return reply.code(413).send({ error: `Request body too large: at most ${MAX_BODY_BYTES} bytes.` })
    if (status === 415)
      return reply
        .code(415)
        .send({ error: 'Send the applicant as JSON with Content-Type: application/json.' })
    if (status === 400) return reply.code(400).send({ error: `Malformed JSON: ${error.message}` })
    return reply.code(500).send({ error: `Internal error: ${error.message}` })
  })
  app.setNotFoundHandler((request, reply) => {
    reply
      .code(404)
      .send({ error: `No route ${request.method} ${request.url}. Use POST /predict or GET /health.` })
  })

  const methodNotAllowed = (allow: string) => (_request: unknown, reply: FastifyReply) =>
    reply
      .code(405)
      .header('Allow', allow)
      .send({ error: `Method not allowed; use ${allow}.` })

  app.post('/predict', async (request, reply) => {
    const body = request.body
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      return reply.code(422).send({
        error: 'Expected a JSON object of applicant fields, e.g. {"Credit_Score": 650, "Loan_Amount": 50000}.'
      })
    }
    try {
      const result = service.scoreApplicant(body as Record<string, unknown>, 'http', options.modelId)
      return reply.code(200).send(result)
    } catch (error) {
      if (error instanceof FieldValidationError)
        return reply.code(422).send({ error: 'Invalid applicant fields.', fields: error.fields })
      if (error instanceof InputError && error.details?.reason === 'NO_ACTIVE_MODEL')
        return reply.code(503).send({ error: error.message })
      if (error instanceof InputError) return reply.code(503).send({ error: error.message })
      throw error
    }
  })
  app.route({ method: ['GET', 'PUT', 'DELETE', 'PATCH'], url: '/predict', handler: methodNotAllowed('POST') })

  app.get('/health', async (_request, reply) => {
    try {
      const model = service.scoringModel(options.modelId)
      const summary = service.models.summary(model.id)
      return reply.send({
        status: 'ok',
        model: {
          id: model.id,
          name: model.name,
          trainedAt: model.artifact.trainedAt,
          auc: summary.metrics.auc,
          threshold: model.artifact.threshold
        },
        inputs: model.artifact.inputs.map((f) => f.name)
      })
    } catch (error) {
      return reply.code(503).send({ status: 'unavailable', error: (error as Error).message })
    }
  })
  app.route({ method: ['POST', 'PUT', 'DELETE', 'PATCH'], url: '/health', handler: methodNotAllowed('GET') })
  return app
}
