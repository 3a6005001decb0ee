import type { Command } from 'commander'
import type { AddressInfo } from 'node:net'
import { availableParallelism } from 'node:os'
import { resolve } from 'node:path'
import { InputError, WorkbenchError } from '../../core/base/errors'
import { MAX_SCORING_THREADS } from '../../core/scoring/scoreCsvFile'
import type { CliContext, Run } from '../common/CliContext'
import { fmt } from '../common/format'
import { refLine } from '../../../shared/applicantRef'
import type { ScoreResult } from '../../../shared/dto'
import { formatShare } from '../../../shared/numbers'
import { readApplicantRef } from '../../core/service/governance'
import { intOption } from '../common/parseOptions'
import { MAX_PREDICT_THREADS } from '../../http/PredictPool'

/** score and serve: the spec's step 6 and the card's offline batch scoring. */
export function registerScoreCommands(program: Command, run: Run): void {
  program
    .command('score')
    .description('score a CSV file of applicants (or one applicant given as JSON with --applicant)')
    .argument('[file]', "CSV file of applicants with the model's input columns")
    .option('--out <file.csv>', 'scored output file (rows that cannot be scored go to <out>.errors.csv)')
    .option('--model <id>', 'model id (default: the active model)', intOption(1))
    .option('--applicant <json>', 'score one applicant given as a JSON object of raw fields')
    .option(
      '--ref <text>',
      'who the applicant is (name, customer id, application number): kept in the audit record and on the decision sheet'
    )
    .option(
      '--threads <n>',
      'worker threads for a file, 0 to 4 (default: one per core, none for small files)',
      intOption(0, MAX_SCORING_THREADS)
    )
    .action(
      run(
        async (
          ctx,
          file: string | undefined,
          o: { out?: string; model?: number; applicant?: string; ref?: string; threads?: number }
        ) => {
          if (o.applicant !== undefined) {
            const service = ctx.service()
            let input: unknown
            try {
              input = JSON.parse(o.applicant)
            } catch (error) {
              throw new WorkbenchError(
                'MALFORMED_JSON',
                `--applicant: malformed JSON (${(error as Error).message}). Give one JSON object of fields in single quotes, e.g. --applicant '{"Credit_Score": 650}'.`
              )
            }
            if (input === null || typeof input !== 'object' || Array.isArray(input))
              throw new InputError('--applicant: expected a JSON object of fields.')
            const lang = ctx.lang
            const reference = o.ref === undefined ? undefined : readApplicantRef(o.ref, '--ref')
            const result = service.scoreApplicant(input as Record<string, unknown>, 'cli', o.model, {
              reference,
              lang
            })
            printScore(ctx, result)
            ctx.printJson(result)
            return
          }
          if (!file)
            throw new InputError(
              'Give a CSV file to score (ptm score FILE.csv --out SCORED.csv) or one applicant with --applicant JSON.'
            )
          if (!o.out) throw new InputError('Say where to write the scored file with --out SCORED.csv.')
          // A batch writes to the store only at its end: the store is checked whole meanwhile.
          const { service, checked } = ctx.serviceCheckedAside()
          const summary = await service.scoreFile(resolve(file), resolve(o.out), {
            modelId: o.model,
            threads: o.threads,
            checked,
            signal: ctx.signal,
            onProgress: (done, total) =>
              ctx.progress(`scoring ${Math.round((100 * done) / Math.max(1, total))} %`)
          })
          ctx.progressDone()
          ctx.print(
            `Scored ${summary.fileName} with model ${summary.modelId}: rows in ${fmt(summary.rowsIn, 0)} = scored ${fmt(summary.rowsScored, 0)} + errors ${fmt(summary.rowsError, 0)} (${summary.seconds.toFixed(1)} s, ${fmt(summary.rowsIn / Math.max(summary.seconds, 1e-3), 0)} rows/s)`
          )
          ctx.print(`Output: ${summary.outPath}`)
          if (summary.errorsPath) ctx.print(`Rows that could not be scored: ${summary.errorsPath}`)
          ctx.print(
            `Predicted defaults: ${fmt(summary.predictedDefaults, 0)}; grades: ${Object.entries(
              summary.grades
            )
              .map(([g, c]) => `${g} ${fmt(c, 0)}`)
              .join(', ')}`
          )
          const drift = summary.psi.filter((p) => p.status !== 'stable')
          ctx.print(
            drift.length
              ? `Drift against the training data: ${drift.map((p) => `${p.column} PSI ${p.psi.toFixed(3)} (${p.status})`).join(', ')}`
              : 'No drift against the training data (every column PSI < 0.1).'
          )
          ctx.printJson({ batchId: summary.id, ...summary })
        }
      )
    )

  program
    .command('serve')
    .description("serve POST /predict and GET /health for real-time scoring (the spec's step 6, 'deploy')")
    .option('--host <host>', 'address to listen on (loopback unless you say otherwise)', '127.0.0.1')
    .option('--port <port>', 'port', intOption(0, 65535), 5000)
    .option('--model <id>', 'model id (default: the active model at each request)', intOption(1))
    .option(
      '--threads <n>',
      `worker threads scoring requests, 0 to ${MAX_PREDICT_THREADS} (default: one per core; 0 scores on the serving thread)`,
      intOption(0, MAX_PREDICT_THREADS)
    )
    .action(
      run(async (ctx, o: { host: string; port: number; model?: number; threads?: number }) => {
        const service = ctx.service()
        if (o.model !== undefined) service.scoringModel(o.model)
        // Fastify is loaded by the one command that serves (~0.1 s of every other command's start).
        const { createPredictServer } = await import('../../http/predictServer')
        const threads = o.threads ?? Math.min(availableParallelism(), MAX_PREDICT_THREADS)
        const app = createPredictServer(service, { modelId: o.model, threads })
        try {
          await app.listen({ host: o.host, port: o.port })
        } catch (error) {
          await app.close()
          throw error
        }
        const addresses = app.addresses().filter((a): a is AddressInfo => typeof a !== 'string')
        const urls = addresses.map(urlOf)
        const exposed = addresses.filter((a) => !isLoopback(a.address))
        const warnings = exposed.length
          ? [
              `listening on ${exposed.map(describeAddress).join(', ')}: any computer that can reach this one can score applicants and read the model's inputs, without a password. Use --host 127.0.0.1 unless that is what you want.`
            ]
          : []
        ctx.print(
          `Serving ${o.model ? `model ${o.model}` : 'the active model'} on ${urls.join(', ')}: POST /predict, GET /health (Ctrl+C to stop)`
        )
        for (const w of warnings) ctx.stderr.write(`ptm: warning: ${w}\n`)
        ctx.printJson({ address: urls[0], addresses: urls, warnings })
        await new Promise<void>((done) => {
          const stop = (): void => {
            void app.close().then(() => done())
          }
          if (ctx.signal) {
            if (ctx.signal.aborted) stop()
            else ctx.signal.addEventListener('abort', stop, { once: true })
          } else {
            process.once('SIGINT', stop)
            process.once('SIGTERM', stop)
          }
        })
      })
    )
}

/** The URL of one bound address (IPv6 in brackets). */
function urlOf(a: AddressInfo): string {
  return `http://${a.family === 'IPv6' || a.address.includes(':') ? `[${a.address}]` : a.address}:${a.port}`
}

/** True for an address only this computer can reach. */
function isLoopback(address: string): boolean {
  return /^127\./.test(address) || address === '::1' || /^::ffff:127\./i.test(address)
}

/** An address as people read it: the wildcard ones say what they mean. */
function describeAddress(a: AddressInfo): string {
  if (a.address === '0.0.0.0') return `${urlOf(a)} (every IPv4 network interface)`
  if (a.address === '::') return `${urlOf(a)} (every network interface)`
  return urlOf(a)
}

/** One applicant's score as a person reads it, in the catalogue's words and the user's language. */
function printScore(ctx: CliContext, result: ScoreResult): void {
  const t = ctx.t
  ctx.print(
    t('cli.scoreLine', {
      verdict: result.Decision_Text,
      probability: formatShare(result.Default_Probability),
      threshold: formatShare(result.Threshold),
      grade: result.Risk_Grade,
      model: result.Model_Version
    })
  )
  ctx.print(`  ${result.Decision_Why}`)
  if (result.Reasons.length) {
    ctx.print(t('cli.reasons'))
    for (const r of result.Reasons) ctx.print(`  ${r.text}`)
  }
  if (result.Not_Provided.text) ctx.print(`  ${result.Not_Provided.text}`)
  if (result.Warnings.length) {
    ctx.print(t('cli.warnings'))
    for (const w of result.Warnings) ctx.print(`  ${w.message}`)
  }
  const reference = refLine(result.Applicant_Ref)
  ctx.print(
    reference
      ? t('cli.auditFor', { id: result.Audit_Id, reference })
      : t('cli.audit', { id: result.Audit_Id })
  )
}
