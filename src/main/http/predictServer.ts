import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify'
import type { Workbench } from '../core/service/Workbench'
import { auditEntryOf, type ScoreRequest } from '../core/service/scoreRequest'
import { scoreDecisionOnly, scoreOne, type ScoreDecision } from '../core/scoring/scoreOne'
import { clip } from '../core/base/clipText'
import type { ScoreResult } from '../../shared/dto'
import { PredictPool } from './PredictPool'
import { classifyError } from '../core/base/classifyError'
import { ERROR_CATALOGUE, WorkbenchError } from '../core/base/errors'
import { AuditQueue, type AuditQueueOptions } from './AuditQueue'

/** Largest request body accepted (the spec's requests are a few hundred bytes). */
export const MAX_BODY_BYTES = 1024 * 1024
/** Deepest nesting of objects and arrays in a body; an applicant is one flat object. */
export const MAX_JSON_DEPTH = 16
/** Seconds a client is told to wait (Retry-After) when the database is busy. */
export const RETRY_AFTER_SECONDS = 2
/**
 * Longest a statement of the serving connection waits for a lock, synchronously: reads
 * rarely wait at all (WAL), and this bounds how long /health can ever be held up.
 */
const SERVE_BUSY_TIMEOUT_MS = 100

export interface ServerTimeouts {
  /** The whole request (headers and body) must arrive within this (a slow body is dropped with 408). */
  requestMs?: number
  /** The headers must arrive within this. */
  headersMs?: number
  /** A connection idle this long is closed. */
  idleMs?: number
}

export interface PredictServerOptions {
  /** Score with this model; default: whichever model is active at request time. */
  modelId?: number
  timeouts?: ServerTimeouts
  /** How audit records wait for a busy database (see AuditQueue). */
  audit?: AuditQueueOptions
  /**
   * Worker threads scoring requests (PredictPool), 0 to MAX_PREDICT_THREADS; 0 (the
   * default here; `ptm serve` starts one per core) scores on the serving thread.
   */
  threads?: number
}

/**
 * The spec's Flask /predict API on fastify: the same request (raw applicant fields as
 * JSON) and response (`{"Default_Prediction": 0}` plus probability, grade, reasons,
 * model version and warnings). Errors are JSON `{error, code}` with the status of the one
 * error catalogue (core/base/errors.ts): malformed JSON 400, nesting deeper than
 * MAX_JSON_DEPTH 400, wrong types 422 naming the fields, bodies over 1 MB 413, unknown
 * route 404, wrong method 405, no model 503, database busy 503 with Retry-After. Work per
 * request is bounded (body size, depth, one warning for all unknown fields, a bounded
 * audit record) and slow clients are dropped. Every score is audited before it is
 * answered, through an AuditQueue, so another program's write lock never freezes the service.
 *
 * With `threads`, scores run on a PredictPool of worker threads (exact reasons in
 * WebAssembly, the same numbers as the app's) while this thread parses, resolves each
 * request against the store and writes the audit records: one writer of the database.
 * `"reasons": false` in the body answers the probability, grade and decision alone, by the
 * forest walk (the same probability a batch file gives the row), with no TreeSHAP work.
 */
export function createPredictServer(service: Workbench, options: PredictServerOptions = {}): FastifyInstance {
  const timeouts = { requestMs: 10_000, headersMs: 5_000, idleMs: 30_000, ...options.timeouts }
  const app = Fastify({
    bodyLimit: MAX_BODY_BYTES,
    logger: false,
    requestTimeout: timeouts.requestMs,
    connectionTimeout: timeouts.idleMs,
    keepAliveTimeout: Math.min(5_000, timeouts.idleMs),
    http: {
      headersTimeout: Math.min(timeouts.headersMs, timeouts.requestMs),
      // Node checks the two timeouts above only this often (default 30 s).
      connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(timeouts.requestMs / 4)))
    }
  })
  service.db.pragma(`busy_timeout = ${SERVE_BUSY_TIMEOUT_MS}`)
  const audit = new AuditQueue(service.db, service.audit, options.audit)
  const pool = options.threads ? PredictPool.start(options.threads) : null
  if (pool) warmPool(service, pool, options.modelId)
  app.addHook('onClose', async () => {
    audit.close()
    await pool?.close()
  })
  /** Scores a resolved request on a worker thread, or here without a pool. */
  const score = (
    request: ScoreRequest,
    reasons: boolean
  ): Promise<Omit<ScoreResult, 'Audit_Id'> | ScoreDecision> =>
    pool
      ? pool.score(request, reasons)
      : Promise.resolve(
          (reasons ? scoreOne : scoreDecisionOnly)(request.model, request.fields, request.context)
        )

  // Fastify reads text/plain bodies too (as a string, which would then be refused as "not an
  // object" with 422); an applicant comes only as JSON, so any other type is 415.
  app.removeContentTypeParser('text/plain')
  const parseJson = app.getDefaultJsonParser('error', 'ignore')
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    parseJson(request, String(body), (error: Error | null, value?: unknown) => {
      if (error) return done(error, undefined)
      if (depthOf(value) > MAX_JSON_DEPTH) {
        return done(
          new WorkbenchError(
            'REQUEST_TOO_COMPLEX',
            `The body nests objects or arrays more than ${MAX_JSON_DEPTH} deep; an applicant is one flat JSON object of fields.`
          ),
          undefined
        )
      }
      done(null, value)
    })
  })

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, _request, reply) => {
    if (error.statusCode === 413)
      return sendError(reply, 'BODY_TOO_LARGE', `Request body too large: at most ${MAX_BODY_BYTES} bytes.`)
    if (error.statusCode === 415)
      return sendError(
        reply,
        'UNSUPPORTED_MEDIA_TYPE',
        'Send the applicant as JSON with Content-Type: application/json.'
      )
    if (error.statusCode === 408)
      return sendError(reply, 'REQUEST_TIMEOUT', 'The request took too long to arrive; send it at once.')
    if (error.statusCode === 400 && !(error instanceof WorkbenchError))
      return sendError(reply, 'MALFORMED_JSON', `Malformed JSON: ${error.message}`)
    const info = classifyError(error, { database: service.dbPath })
    if (info.code === 'INTERNAL') return sendError(reply, 'INTERNAL', `Internal error: ${info.message}`)
    return sendError(reply, info.code, info.message, info.details)
  })
  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send({
      error: `No route ${request.method} ${clipUrl(request.url)}. Use POST /predict or GET /health.`,
      code: 'NOT_FOUND'
    })
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
        error:
          'Expected a JSON object of applicant fields, e.g. {"Credit_Score": 650, "Loan_Amount": 50000}.',
        code: 'INPUT_ERROR'
      })
    }
    // `reasons` is the request's own switch, not an applicant field (as Applicant_Ref is).
    const { reasons, ...input } = body as Record<string, unknown>
    if (reasons !== undefined && typeof reasons !== 'boolean') {
      return reply.code(422).send({
        error: `"reasons" must be true (the default: exact reasons) or false (probability, grade and decision alone), not ${clip(JSON.stringify(reasons) ?? String(reasons), 40)}.`,
        code: 'FIELD_INVALID',
        fields: [{ field: 'reasons', severity: 'error', message: 'reasons must be true or false' }]
      })
    }
    try {
      const request = service.scoreRequest(input, 'http', options.modelId)
      const result = await score(request, reasons !== false)
      const auditId = await audit.record(auditEntryOf(request, result))
      return reply.code(200).send({ ...result, Audit_Id: auditId })
    } catch (error) {
      const info = classifyError(error, { database: service.dbPath })
      if (info.code === 'FIELD_INVALID')
        return reply
          .code(422)
          .send({ error: 'Invalid applicant fields.', code: info.code, fields: info.details?.fields })
      // The policy checks: a required field not sent or an impossible value; nothing was scored or audited.
      if (info.code === 'POLICY_CHECK_FAILED')
        return reply.code(422).send({ error: info.message, code: info.code, fields: info.details?.fields })
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
        inputs: model.artifact.inputs.map((f) => f.name),
        pendingAuditRecords: audit.pending
      })
    } catch (error) {
      const info = classifyError(error, { database: service.dbPath })
      if (info.code === 'DATABASE_BUSY') reply.header('Retry-After', String(RETRY_AFTER_SECONDS))
      return reply.code(503).send({ status: 'unavailable', error: info.message, code: info.code })
    }
  })
  app.route({ method: ['POST', 'PUT', 'DELETE', 'PATCH'], url: '/health', handler: methodNotAllowed('GET') })
  return app
}

/**
 * Sends the model the server will score with to the workers now. A model that cannot be
 * loaded yet (none active, a store being written) is left to the requests, which answer
 * why (503 with the reason), as a server without a pool does.
 */
function warmPool(service: Workbench, pool: PredictPool, modelId: number | undefined): void {
  try {
    pool.warm(service.scoringModel(modelId))
  } catch {
    // Each request loads the model again and reports what is wrong.
  }
}

/** Answers with the catalogue's HTTP status for `code`; a busy database also says when to retry. */
function sendError(
  reply: FastifyReply,
  code: keyof typeof ERROR_CATALOGUE,
  message: string,
  details?: Record<string, unknown>
): FastifyReply {
  if (code === 'DATABASE_BUSY') reply.header('Retry-After', String(RETRY_AFTER_SECONDS))
  return reply
    .code(ERROR_CATALOGUE[code].http)
    .send({ error: message, code, ...(details ? { details } : {}) })
}

/** Nesting depth of a parsed JSON value (a scalar is 0), walked without recursion. */
function depthOf(value: unknown): number {
  let deepest = 0
  const stack: [unknown, number][] = [[value, 0]]
  while (stack.length) {
    const [v, depth] = stack.pop()!
    if (v === null || typeof v !== 'object') continue
    const here = depth + 1
    if (here > deepest) deepest = here
    if (here > MAX_JSON_DEPTH) return here
    for (const child of Array.isArray(v) ? v : Object.values(v as Record<string, unknown>))
      stack.push([child, here])
  }
  return deepest
}

function clipUrl(url: string): string {
  return url.length > 200 ? `${url.slice(0, 199)}…` : url
}
