/**
 * The workbench's benchmark: `npm run bench -- [--quick] [--only startup,train,score,data,predict,smote,real]
 * [--repeat N] [--requests N] [--out bench/results/NAME.json]`.
 *
 * Every figure issue 12 asks for, as whole commands (`node out/cli/ptm.js …`, a fresh
 * process each, the model and data loaded from the store), with the reference stacks
 * (../shared/bench/*.py, bench/reference/*.py) run on the same rows in the same run,
 * alternating, so that ratios, not absolute times, are compared; kernel timings only as
 * breakdowns beneath. Prints a table per section as it goes, writes one JSON file to
 * bench/results/ and ends with the whole run as Markdown (paste into the README). See
 * bench/README.md.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { benchConfig, SECTIONS, type BenchConfig, type SectionName } from './lib/config'
import { RESULTS_DIR } from './lib/fixtures'
import { PYTHON, pythonStack, ROOT } from './lib/proc'
import { markdownReport, printSection, type SectionResult } from './lib/report'
import { buildCli } from './lib/command'
import { dataSection } from './sections/data'
import { gbmSection } from './sections/gbm'
import { predictSection } from './sections/predict'
import { realSection } from './sections/real'
import { scoreSection } from './sections/score'
import { smoteSection } from './sections/smote'
import { startupSection } from './sections/startup'
import { trainSection } from './sections/train'

interface Options {
  quick: boolean
  only: SectionName[]
  out: string
  repeat?: number
  requests?: number
}

function usage(message?: string): never {
  if (message) console.error(message)
  console.error(
    `usage: npm run bench -- [--quick] [--only ${SECTIONS.join(',')}] [--repeat N] [--requests N] [--out bench/results/NAME.json]`
  )
  process.exit(2)
}

function parseOptions(argv: string[]): Options {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19)
  const options: Options = { quick: false, only: [...SECTIONS], out: '' }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const [key, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined]
    const value = (): string => inline ?? argv[++i] ?? usage(`${key} needs a value`)
    if (key === '--quick') options.quick = true
    else if (key === '--only') {
      const names = value().split(',').filter(Boolean)
      const unknown = names.filter((n) => !SECTIONS.includes(n as SectionName))
      if (unknown.length) usage(`unknown section(s): ${unknown.join(', ')}`)
      options.only = SECTIONS.filter((s) => names.includes(s))
    } else if (key === '--out') options.out = value()
    else if (key === '--repeat') {
      options.repeat = Number(value())
      if (!Number.isInteger(options.repeat) || options.repeat < 1) usage('--repeat takes a positive integer')
    } else if (key === '--requests') {
      options.requests = Number(value())
      if (!Number.isInteger(options.requests) || options.requests < 1)
        usage('--requests takes a positive integer')
    } else if (key === '--help' || key === '-h') usage()
    else usage(`unknown option ${arg}`)
  }
  options.out = options.out
    ? resolve(options.out)
    : join(RESULTS_DIR, `bench-${stamp}${options.quick ? '-quick' : ''}.json`)
  return options
}

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim()
  } catch {
    return ''
  }
}

async function runSection(
  name: SectionName,
  config: BenchConfig,
  python: { ok: boolean; reason?: string }
): Promise<SectionResult> {
  const t0 = performance.now()
  const load = loadavg()[0]
  let section: SectionResult
  try {
    if (name === 'startup') section = await startupSection(config)
    else if (name === 'data') section = await dataSection(config, python)
    else if (name === 'train') section = await trainSection(config, python)
    else if (name === 'gbm') section = await gbmSection(config, python)
    else if (name === 'score') section = await scoreSection(config, python)
    else if (name === 'smote') section = await smoteSection(config, python)
    else if (name === 'real') section = await realSection(config, python)
    else section = await predictSection(config, python)
  } catch (error) {
    section = {
      name,
      title: name,
      tables: [],
      notes: [],
      data: {},
      checks: [],
      headline: [],
      error: (error as Error).message
    }
  }
  section.seconds = (performance.now() - t0) / 1000
  section.data.loadAverage = { start: load, end: loadavg()[0] }
  section.notes.push(
    `Load average (1 min) ${load.toFixed(1)} at the start of this section, ${loadavg()[0].toFixed(1)} at its end, on ${cpus().length} CPUs.`
  )
  printSection(section)
  return section
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2))
  const config = benchConfig(options.quick, options.repeat)
  if (options.requests !== undefined) config.predict.requests = options.requests
  await buildCli()
  const started = new Date()
  const stack = await pythonStack()
  const python = stack.ok ? { ok: true } : { ok: false, reason: stack.reason }
  const environment = {
    startedAt: started.toISOString(),
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? '',
    memoryGb: totalmem() / 1024 ** 3,
    loadAverageAtStart: loadavg(),
    commit: git(['rev-parse', '--short', 'HEAD']),
    dirtyFiles: git(['status', '--porcelain', '--untracked-files=no']).split('\n').filter(Boolean).length,
    python: PYTHON,
    pythonStack: stack.ok ? stack.versions : { missing: stack.reason }
  }
  console.log(
    `bench: ${options.quick ? 'QUICK (harness check, tiny sizes)' : 'full'} run of ${options.only.join(', ')}; repeat ${config.repeat}`
  )
  console.log(
    `node ${environment.node}, ${environment.cpus} CPUs, load ${environment.loadAverageAtStart.map((l) => l.toFixed(2)).join(' ')}, commit ${environment.commit}${environment.dirtyFiles ? ` (+${environment.dirtyFiles} modified files)` : ''}`
  )
  console.log(
    stack.ok
      ? `reference stack: ${Object.entries(stack.versions)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}`
      : `reference stack missing: ${stack.reason}`
  )

  const sections: SectionResult[] = []
  mkdirSync(dirname(options.out), { recursive: true })
  for (const name of options.only) {
    sections.push(await runSection(name, config, python))
    // Written after every section, so a long run that dies keeps what it measured.
    writeFileSync(
      options.out,
      JSON.stringify({ environment, config, sections, partial: true }, null, 2) + '\n'
    )
  }

  const finished = new Date()
  const minutes = (finished.getTime() - started.getTime()) / 60000
  const result = {
    environment: { ...environment, finishedAt: finished.toISOString(), minutes },
    config,
    sections
  }
  mkdirSync(dirname(options.out), { recursive: true })
  writeFileSync(options.out, JSON.stringify(result, null, 2) + '\n')

  const header = [
    `## Benchmark (${options.quick ? 'quick run: harness check only' : 'full run'}, ${started.toISOString().slice(0, 10)})`,
    '',
    `\`npm run bench${process.argv.length > 2 ? ' -- ' + process.argv.slice(2).join(' ') : ''}\` · ${environment.cpus} CPUs (${environment.cpuModel.trim()}), load average at start ${environment.loadAverageAtStart[0].toFixed(2)} · Node ${environment.node}` +
      (stack.ok
        ? ` · scikit-learn ${stack.versions.sklearn}, imbalanced-learn ${stack.versions.imblearn}, XGBoost ${stack.versions.xgboost}, pandas ${stack.versions.pandas}`
        : '') +
      ` · commit ${environment.commit}${environment.dirtyFiles ? ' (with uncommitted changes)' : ''} · ${minutes.toFixed(1)} min.`,
    'Shared, noisy machine: compare the ratios (measured side by side in this run), not absolute seconds across runs.'
  ]
  console.log('\n' + '='.repeat(30) + ' Markdown ' + '='.repeat(30) + '\n')
  console.log(markdownReport(header, sections))
  console.log(`\nJSON: ${relative(process.cwd(), options.out)}`)
  if (sections.some((s) => s.error)) process.exitCode = 1
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
