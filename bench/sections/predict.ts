import { readFileSync } from 'node:fs'
import { Agent, request } from 'node:http'
import { forestArgs, type BenchConfig } from '../lib/config'
import { PTM_JS } from '../lib/command'
import { encodeNumeric, fitNumericEncoding } from '../lib/csvFiles'
import { dataPath, ensureFixture, ensureModel, ID_COLUMN, TARGET } from '../lib/fixtures'
import { runPython, runStep, startProcess, tail } from '../lib/proc'
import { addTable, attempt, mb, median, newSection, num, percentile, type SectionResult } from '../lib/report'

/** The body of the spec's curl example (seed-spec.md, "Make a Sample Prediction"). */
export const SPEC_BODY = {
  Credit_Score: 650,
  Loan_Amount: 50000,
  Account_Balance: 200000,
  Interest_Rate: 5.5,
  Loan_to_Balance_Ratio: 0.25,
  High_Credit_Risk: 0
}

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

interface Load {
  latencies: number[]
  seconds: number
  statuses: Record<number, number>
  sample: string
}

/** `clients` keep-alive connections, each sending requests back to back until `total` are done. */
async function drive(port: number, body: string, clients: number, total: number): Promise<Load> {
  const latencies: number[] = []
  const statuses: Record<number, number> = {}
  let sample = ''
  let next = 0
  const t0 = performance.now()
  await Promise.all(
    Array.from({ length: clients }, async () => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 })
      while (next < total) {
        next++
        const reply = await post(agent, port, body)
        latencies.push(reply.ms)
        statuses[reply.status] = (statuses[reply.status] ?? 0) + 1
        sample ||= reply.body
      }
      agent.destroy()
    })
  )
  return { latencies, seconds: (performance.now() - t0) / 1000, statuses, sample }
}

/** Peak resident set of a process (Linux: VmHWM), MB; NaN elsewhere. */
function peakRssOf(pid: number | undefined): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return m ? Number(m[1]) / 1024 : NaN
  } catch {
    return NaN
  }
}

/**
 * /predict as a user runs it: `ptm serve --port 0` (the CLI, cold, on the store of the
 * 100k-row model), then from this process: sequential requests with the spec's body
 * (exact reasons), sequential with `"reasons": false`, and 16 concurrent keep-alive
 * clients; beside scikit-learn's one-row predict_proba latency in the same run.
 */
export async function predictSection(
  config: BenchConfig,
  python: { ok: boolean; reason?: string }
): Promise<SectionResult> {
  const p = config.predict
  const section = newSection('predict', 'Predict: POST /predict over loopback')
  const table = addTable(section, [
    'Load',
    'Requests',
    'p50 ms',
    'p90 ms',
    'p99 ms',
    'Max ms',
    'Requests/s',
    'Statuses'
  ])
  const store = await ensureFixture(config.train.modelRows)
  const modelId = await ensureModel(store, forestArgs(config))

  let skP50: number | undefined
  if (python.ok) {
    await attempt(section, "scikit-learn's one-row latency", async () => {
      const encoding = await fitNumericEncoding(store.csv, [ID_COLUMN])
      const train = await encodeNumeric(store.csv, dataPath(`gen-${store.rows}.num.csv`), encoding, [
        store.csv
      ])
      const sk = await runPython<{ p50_ms: number; p99_ms: number; calls: number }>(
        'reference/sk_latency.py',
        [train, TARGET, p.skCalls]
      )
      skP50 = sk.result.p50_ms
      table.push([
        `scikit-learn predict_proba, one row, no reasons (n_jobs=2)`,
        num(sk.result.calls),
        sk.result.p50_ms.toFixed(2),
        '–',
        sk.result.p99_ms.toFixed(2),
        '–',
        '–',
        '–'
      ])
      section.data.sklearn = sk
    })
  } else section.notes.push(`scikit-learn not measured: ${python.reason}`)

  const server = startProcess(process.execPath, [
    PTM_JS,
    '--db',
    store.db,
    '--json',
    'serve',
    '--port',
    0,
    '--model',
    modelId
  ])
  let stdout = ''
  let stderr = ''
  server.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d))
  server.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d))
  const closed = new Promise<number | null>((resolve) => server.on('close', resolve))
  try {
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`ptm serve did not start:\n${tail(stderr)}`)), 120_000)
      server.stdout!.on('data', () => {
        const m = /"address":"http:\/\/[^"]*:(\d+)"/.exec(stdout)
        if (m) {
          clearTimeout(timer)
          resolve(Number(m[1]))
        }
      })
      server.on('close', () => reject(new Error(`ptm serve exited:\n${tail(stderr)}`)))
    })
    const withReasons = JSON.stringify(SPEC_BODY)
    const probabilityOnly = JSON.stringify({ ...SPEC_BODY, reasons: false })
    await drive(port, withReasons, 1, p.warmup)
    await drive(port, probabilityOnly, 1, p.warmup)
    const loads: [string, Load][] = [
      ['sequential, exact reasons (the spec’s body)', await drive(port, withReasons, 1, p.requests)],
      ['sequential, "reasons": false', await drive(port, probabilityOnly, 1, p.requests)],
      [
        `${p.clients} concurrent clients, exact reasons`,
        await drive(port, withReasons, p.clients, p.concurrentRequests)
      ],
      [
        `${p.clients} concurrent clients, "reasons": false`,
        await drive(port, probabilityOnly, p.clients, p.concurrentRequests)
      ]
    ]
    const serverRss = peakRssOf(server.pid)
    for (const [label, l] of loads) {
      table.push([
        label,
        num(l.latencies.length),
        median(l.latencies).toFixed(2),
        percentile(l.latencies, 90).toFixed(2),
        percentile(l.latencies, 99).toFixed(2),
        Math.max(...l.latencies).toFixed(2),
        num(l.latencies.length / l.seconds, 0),
        Object.entries(l.statuses)
          .map(([s, n]) => `${s}×${n}`)
          .join(' ')
      ])
    }
    const [seq, seqFast, conc] = loads.map(([, l]) => l)
    const seqP50 = median(seq.latencies)
    const concRate = conc.latencies.length / conc.seconds
    const concP50 = median(conc.latencies)
    const concP99 = percentile(conc.latencies, 99)
    const allOk = loads.every(([, l]) => (l.statuses[200] ?? 0) === l.latencies.length)
    if (skP50 !== undefined) {
      const rateGoal = 1000 / skP50
      section.headline.push({
        what: '`/predict` one applicant, exact reasons',
        rows: '1',
        ours: `p50 ${seqP50.toFixed(1)} ms ("reasons": false ${median(seqFast.latencies).toFixed(1)} ms)`,
        reference: `scikit-learn predict_proba, one row, no reasons: p50 ${skP50.toFixed(1)} ms`,
        ratio: `${(seqP50 / skP50).toFixed(2)}×`,
        goal: '≤ 2×',
        met: seqP50 <= 2 * skP50
      })
      section.headline.push({
        what: `\`/predict\`, ${p.clients} concurrent clients, exact reasons`,
        rows: num(conc.latencies.length),
        ours: `${num(concRate)} req/s, p50 ${concP50.toFixed(1)} ms, p99 ${concP99.toFixed(1)} ms`,
        reference: `1000 / scikit-learn's one-row ms = ${num(rateGoal)} req/s`,
        ratio: `${(concRate / rateGoal).toFixed(2)}×; p99 = ${(concP99 / concP50).toFixed(1)}× p50`,
        goal: '≥ 1000 / sklearn ms req/s, p99 ≤ 10× p50',
        met: concRate >= rateGoal && concP99 <= 10 * concP50
      })
      section.checks.push(
        {
          what: '/predict p50 with reasons ÷ scikit-learn one-row p50',
          target: '≤ 2',
          value: (seqP50 / skP50).toFixed(2),
          met: seqP50 <= 2 * skP50
        },
        {
          what: `/predict with ${p.clients} clients: requests/s and p99 ÷ p50`,
          target: `≥ ${num(rateGoal)} req/s, ≤ 10`,
          value: `${num(concRate)} req/s, ${(concP99 / concP50).toFixed(1)}`,
          met: concRate >= rateGoal && concP99 <= 10 * concP50
        }
      )
    }
    section.checks.push({
      what: 'every /predict answered 200',
      target: 'all',
      value: allOk ? 'all' : 'not all (see the table)',
      met: allOk
    })
    section.data = {
      ...section.data,
      modelId,
      loads: Object.fromEntries(
        loads.map(([k, l]) => [
          k,
          {
            ...l,
            latencies: undefined,
            p50: median(l.latencies),
            p99: percentile(l.latencies, 99),
            rate: l.latencies.length / l.seconds
          }
        ])
      ),
      serverPeakRssMb: serverRss,
      sample: JSON.parse(seq.sample) as unknown
    }
    section.notes.push(
      `Server: \`ptm serve --port 0 --model ${modelId}\` (node out/cli/ptm.js), peak RSS ${mb(serverRss)} MB; every call audited. Client and server share the machine's cores.`
    )
  } finally {
    server.kill('SIGINT')
    await closed
  }

  await attempt(section, 'in-process breakdown', async () => {
    const single = await runStep<{
      scoreOne: number[]
      scoreDecisionOnly: number[]
      scoreApplicant: number[]
      shap: { typescript: number[]; wasm: number[]; differingBits: number; compared: number }
    }>('single', [store.db, modelId, Math.min(100, p.requests), JSON.stringify(SPEC_BODY)])
    const parts = addTable(
      section,
      ['In one process, no HTTP (breakdown)', 'Calls', 'p50 ms', 'p99 ms'],
      'Breakdown: one applicant'
    )
    const row = (label: string, ms: number[]): void => {
      parts.push([label, num(ms.length), median(ms).toFixed(2), percentile(ms, 99).toFixed(2)])
    }
    row('scoreOne: validate, forest, calibrate, exact TreeSHAP reasons', single.result.scoreOne)
    row('scoreDecisionOnly: the same without reasons ("reasons": false)', single.result.scoreDecisionOnly)
    row('Workbench.scoreApplicant: scoreOne + audit record', single.result.scoreApplicant)
    row('exact TreeSHAP alone, TypeScript (Linear TreeShap, prepared forest)', single.result.shap.typescript)
    row('exact TreeSHAP alone, WebAssembly (ShapForest, SIMD)', single.result.shap.wasm)
    const { differingBits, compared } = single.result.shap
    section.notes.push(
      `Exact TreeSHAP kernels on the same ${num(single.result.shap.wasm.length + 2)} vectors: ${differingBits} of ${num(compared)} contributions differ in any bit between TypeScript and WebAssembly.`
    )
    section.data.single = single.result
  })
  return section
}
