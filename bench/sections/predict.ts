import { Agent, request } from 'node:http'
import { mainTrainParams, type BenchConfig } from '../lib/config'
import { ensureFixture, ensureModel } from '../lib/fixtures'
import { RESULT_MARKER, runStep, startStep, tail } from '../lib/proc'
import { addTable, attempt, mb, median, newSection, num, percentile, type SectionResult } from '../lib/report'

/** The body of the spec's curl example (seed-spec.md, "Make a Sample Prediction"). */
export const SPEC_BODY = JSON.stringify({
  Credit_Score: 650,
  Loan_Amount: 50000,
  Account_Balance: 200000,
  Interest_Rate: 5.5,
  Loan_to_Balance_Ratio: 0.25,
  High_Credit_Risk: 0
})

interface Reply {
  status: number
  body: string
  ms: number
}

function post(agent: Agent, port: number, body: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now()
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/predict',
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }
      },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (d: string) => (text += d))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, ms: performance.now() - t0 }))
      }
    )
    req.on('error', reject)
    req.end(body)
  })
}

/**
 * Issue 4: /predict latency. The service (createPredictServer) runs in a child process on
 * 127.0.0.1, an ephemeral port; this process sends sequential POST /predict requests with
 * the spec's body over one keep-alive connection and times each to the last byte.
 */
export async function predictSection(config: BenchConfig): Promise<SectionResult> {
  const section = newSection('predict', 'Predict: POST /predict latency (sequential, loopback, keep-alive)')
  const table = addTable(section, [
    'Requests',
    'Median ms',
    'p90 ms',
    'p99 ms',
    'Max ms',
    'Requests/s',
    'Statuses',
    'Server peak RSS MB'
  ])
  const fixture = await ensureFixture(config.train.rows)
  const modelId = await ensureModel(fixture, mainTrainParams(config))

  const server = startStep('serve', [fixture.db, modelId])
  let stdout = ''
  let stderr = ''
  server.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d))
  server.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d))
  const closed = new Promise<number | null>((resolve) => server.on('close', resolve))
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${tail(stderr)}`)), 120_000)
    const check = (): void => {
      const m = /@@LISTEN (\d+)/.exec(stdout)
      if (m) {
        clearTimeout(timer)
        resolve(Number(m[1]))
      }
    }
    server.stdout!.on('data', check)
    server.on('close', () => reject(new Error(`server exited:\n${tail(stderr)}`)))
  })

  const agent = new Agent({ keepAlive: true, maxSockets: 1 })
  const statuses: Record<number, number> = {}
  const latencies: number[] = []
  let sample = ''
  try {
    for (let i = 0; i < config.predict.warmup; i++) await post(agent, port, SPEC_BODY)
    const t0 = performance.now()
    for (let i = 0; i < config.predict.requests; i++) {
      const reply = await post(agent, port, SPEC_BODY)
      statuses[reply.status] = (statuses[reply.status] ?? 0) + 1
      latencies.push(reply.ms)
      if (i === 0) sample = reply.body
    }
    const wall = (performance.now() - t0) / 1000
    agent.destroy()
    server.stdin!.end()
    const code = await closed
    const line = stdout.split('\n').find((l) => l.startsWith(RESULT_MARKER))
    const serverRss = line
      ? (JSON.parse(line.slice(RESULT_MARKER.length)) as { maxRssKb: number }).maxRssKb / 1024
      : NaN
    if (code !== 0) section.notes.push(`server exited with ${code}: ${tail(stderr, 3)}`)

    const med = median(latencies)
    const p99 = percentile(latencies, 99)
    table.push([
      num(latencies.length),
      med.toFixed(2),
      percentile(latencies, 90).toFixed(2),
      p99.toFixed(2),
      Math.max(...latencies).toFixed(2),
      num(latencies.length / wall, 1),
      Object.entries(statuses)
        .map(([s, n]) => `${s}×${n}`)
        .join(' '),
      mb(serverRss)
    ])
    section.data = {
      requests: latencies.length,
      warmup: config.predict.warmup,
      modelId,
      body: JSON.parse(SPEC_BODY) as unknown,
      medianMs: med,
      p90Ms: percentile(latencies, 90),
      p99Ms: p99,
      maxMs: Math.max(...latencies),
      meanMs: latencies.reduce((a, b) => a + b, 0) / latencies.length,
      requestsPerSecond: latencies.length / wall,
      statuses,
      serverPeakRssMb: serverRss,
      sampleResponse: JSON.parse(sample) as unknown
    }
    await attempt(section, 'in-process breakdown', async () => {
      const n = Math.min(100, config.predict.requests)
      const single = await runStep<{
        scoreOne: number[]
        scoreApplicant: number[]
        shap: { algorithm2: number[]; prepared: number[]; perCall: number[]; maxRelativeGap: number }
      }>('single', [fixture.db, modelId, n, SPEC_BODY])
      const row = (label: string, ms: number[]): string[] => [
        label,
        num(ms.length),
        median(ms).toFixed(2),
        percentile(ms, 90).toFixed(2),
        percentile(ms, 99).toFixed(2),
        Math.max(...ms).toFixed(2)
      ]
      const parts = addTable(
        section,
        ['In-process, no HTTP (breakdown)', 'Calls', 'Median ms', 'p90 ms', 'p99 ms', 'Max ms'],
        'Where the time goes'
      )
      parts.push(row('scoreOne: validate, forest, calibrate, TreeSHAP reasons', single.result.scoreOne))
      parts.push(
        row('Workbench.scoreApplicant: scoreOne + audit record (SQLite)', single.result.scoreApplicant)
      )
      const shap = single.result.shap
      const ratio = (ms: number[]): string => `${(median(ms) / median(shap.algorithm2)).toFixed(3)}×`
      const shapTable = addTable(
        section,
        ['Exact TreeSHAP alone (interleaved)', 'Calls', 'Median ms', 'p90 ms', 'vs Algorithm 2'],
        'Exact TreeSHAP over the whole forest, one applicant'
      )
      const shapRow = (label: string, ms: number[]): string[] => [
        label,
        num(ms.length),
        median(ms).toFixed(2),
        percentile(ms, 90).toFixed(2),
        ratio(ms)
      ]
      shapTable.push(shapRow('Algorithm 2, tree by tree (before)', shap.algorithm2))
      shapTable.push(shapRow('Linear TreeShap, forest prepared once (forestShapPrepared)', shap.prepared))
      shapTable.push(shapRow('forestShap (prepares the forest on every call)', shap.perCall))
      section.notes.push(
        `Exact TreeSHAP alone: the three run one after another on each of the same vectors (the model's own split points); largest difference from Algorithm 2 ${shap.maxRelativeGap.toExponential(1)} of the largest contribution.`
      )
      section.data.inProcess = {
        calls: n,
        scoreOne: { medianMs: median(single.result.scoreOne), p99Ms: percentile(single.result.scoreOne, 99) },
        scoreApplicant: {
          medianMs: median(single.result.scoreApplicant),
          p99Ms: percentile(single.result.scoreApplicant, 99)
        },
        exactShap: {
          calls: shap.algorithm2.length,
          algorithm2MedianMs: median(shap.algorithm2),
          preparedMedianMs: median(shap.prepared),
          perCallMedianMs: median(shap.perCall),
          maxRelativeGap: shap.maxRelativeGap
        }
      }
    })
    const ok = statuses[200] === latencies.length
    section.checks.push({
      what: `POST /predict × ${num(latencies.length)} (spec's body)`,
      target: 'all 200; median and p99 reported',
      value: `median ${med.toFixed(2)} ms, p99 ${p99.toFixed(2)} ms${ok ? '' : `, statuses ${JSON.stringify(statuses)}`}`,
      met: ok
    })
    section.notes.push(
      `Body: the spec's curl example ${SPEC_BODY}; every call is scored (with TreeSHAP reasons) and written to the audit table, as in production.`,
      `${config.predict.warmup} warm-up requests first (not counted). Client and server share the machine's 2 cores.`
    )
  } finally {
    agent.destroy()
    if (server.exitCode === null) server.stdin!.end()
  }
  return section
}
