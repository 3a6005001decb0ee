import Database from 'better-sqlite3'
import { execFileSync, spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  chmodSync,
  chownSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { join, resolve } from 'node:path'
import { Writable } from 'node:stream'
import { stringify } from 'csv-stringify/sync'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../../src/main/cli/program'
import { generateLoanBatches, LOAN_COLUMNS } from '../../../src/main/core/data/generateLoans'
import { useTrainedTemplate } from '../../fixtures/trainedDatabase'
import { damageFillerTable } from '../../helpers/damagedDatabase'
import { useTempDir } from '../../helpers/tempDir'

/** Runs `ptm ARGS` in-process, capturing both streams. */
async function ptm(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const sink = (append: (s: string) => void): Writable =>
    new Writable({
      write(chunk: Buffer | string, _encoding, done) {
        append(chunk.toString())
        done()
      }
    })
  const code = await runCli(args, { stdout: sink((s) => (stdout += s)), stderr: sink((s) => (stderr += s)) })
  return { code, stdout, stderr }
}

/** A file's identity and content (or what it is, for anything else). */
function fingerprint(path: string): string {
  const info = lstatSync(path, { throwIfNoEntry: false })
  if (!info) return 'absent'
  if (!info.isFile()) return `${info.mode}:${info.ino}`
  return `${info.ino}:${createHash('sha256').update(readFileSync(path)).digest('hex')}`
}

/** The rows a database holds, by table of the catalog, and whether it is sound. */
function databaseState(file: string): string {
  const db = new Database(file, { readonly: true })
  try {
    const check = db.pragma('integrity_check', { simple: true })
    const counts = ['datasets', 'models', 'score_audit', 'score_batches'].map(
      (t) => (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n
    )
    return `${String(check)} ${counts.join(',')}`
  } finally {
    db.close()
  }
}

/** True when a file starts like something ptm writes (a CSV of loans or scores, a PDF). */
function isOurOutput(path: string): boolean {
  if (!existsSync(path)) return false
  const head = readFileSync(path).subarray(0, 64).toString('latin1')
  return /^(%PDF-|Customer_ID|_line|line,error)/.test(head)
}

const PTM = resolve(__dirname, '../../../src/main/cli/ptm.ts')

/** One line of stderr that reads as a sentence: no stack frame, no "internal error". */
function expectOneSentence(stderr: string): void {
  const lines = stderr.split('\n').filter((l) => l.length > 0)
  expect(lines, stderr).toHaveLength(1)
  expect(lines[0]).toMatch(/^ptm: /)
  expect(stderr).not.toMatch(/internal error/i)
  expect(stderr).not.toMatch(/^\s+at /m)
}

describe('ptm when things go wrong', () => {
  const tmp = useTempDir()
  const template = useTrainedTemplate({ rows: 1500, seed: 7 })

  /** A work folder: a trained database, an applicants file and the hostile things around them. */
  const setUp = (name: string) => {
    const dir = tmp.path(name)
    mkdirSync(dir)
    const db = template.copyTo(join(dir, 'workbench.db'))
    const rows = generateLoanBatches({ rows: 50, seed: 3, defaultRate: 0.2 }).next().value as unknown[][]
    const input = join(dir, 'applicants.csv')
    writeFileSync(input, stringify([LOAN_COLUMNS.map((c) => c.name), ...rows]))
    symlinkSync(join(dir, 'loop-b'), join(dir, 'loop-a'))
    symlinkSync(join(dir, 'loop-a'), join(dir, 'loop-b'))
    symlinkSync(`${db}-journal`, join(dir, 'to-journal.csv'))
    symlinkSync(db, join(dir, 'to-db.pdf'))
    execFileSync('mkfifo', [join(dir, 'pipe.csv')])
    writeFileSync(join(dir, 'junk.db'), Buffer.alloc(8192, 0x41))
    writeFileSync(join(dir, 'binary.csv'), Buffer.concat([Buffer.from('a,b\n1,2\n'), Buffer.from([0, 1, 2])]))
    writeFileSync(join(dir, 'empty.csv'), '')
    writeFileSync(join(dir, 'plain-file'), 'not a folder')
    // SQLite's -wal and -shm change whenever the database is opened: they are checked for
    // our outputs below rather than for bytes.
    return { dir, db, input, watched: [db, `${db}-journal`, input], sqliteFiles: [`${db}-wal`, `${db}-shm`] }
  }

  /** Commands that must fail, each as a user would type it in the work folder. */
  const FAILING: ((w: ReturnType<typeof setUp>) => string[])[] = [
    (w) => ['--db', w.db, 'import', join(w.dir, 'nowhere.csv'), '--target', 'Default'],
    (w) => ['--db', w.db, 'import', w.dir, '--target', 'Default'],
    (w) => ['--db', w.db, 'import', join(w.dir, 'loop-a'), '--target', 'Default'],
    (w) => ['--db', w.db, 'import', join(w.dir, 'pipe.csv'), '--target', 'Default'],
    (w) => ['--db', w.db, 'import', '/dev/null', '--target', 'Default'],
    (w) => ['--db', w.db, 'import', join(w.dir, 'binary.csv'), '--target', 'b'],
    (w) => ['--db', w.db, 'import', join(w.dir, 'empty.csv'), '--target', 'Default'],
    (w) => ['--db', w.db, 'import', w.input, '--target', 'Outcome'],
    (w) => ['--db', w.db, 'score', w.input, '--out', w.db],
    (w) => ['--db', w.db, 'score', w.input, '--out', `${w.db}-wal`],
    (w) => ['--db', w.db, 'score', w.input, '--out', w.input],
    (w) => ['--db', w.db, 'score', w.input, '--out', join(w.dir, 'to-journal.csv')],
    (w) => ['--db', w.db, 'score', w.input, '--out', join(w.dir, 'pipe.csv')],
    (w) => ['--db', w.db, 'score', w.input, '--out', '/dev/full'],
    (w) => ['--db', w.db, 'score', w.input, '--out', w.dir],
    (w) => ['--db', w.db, 'score', w.input, '--out', join(w.dir, 'no', 'such', 'scored.csv')],
    (w) => ['--db', w.db, 'score', w.input, '--out', join(w.dir, 'loop-a')],
    (w) => ['--db', w.db, 'score', join(w.dir, 'nowhere.csv'), '--out', join(w.dir, 'scored.csv')],
    (w) => ['--db', w.db, 'score', join(w.dir, 'empty.csv'), '--out', join(w.dir, 'scored.csv')],
    (w) => ['--db', w.db, 'score', join(w.dir, 'binary.csv'), '--out', join(w.dir, 'scored.csv')],
    (w) => ['--db', w.db, 'score', '--applicant', '{"Credit_Score": 650,'],
    (w) => ['--db', w.db, 'score', '--applicant', '[1, 2]'],
    (w) => ['--db', w.db, 'score', '--applicant', '{"Credit_Score": "high", "Region": {"a": 1}}'],
    (w) => ['--db', w.db, 'score', '--applicant', `{"Region": ${'['.repeat(50_000)}${']'.repeat(50_000)}}`],
    (w) => ['--db', w.db, 'export', '--out', w.db],
    (w) => ['--db', w.db, 'export', '--out', `${w.db}-shm`],
    (w) => ['--db', w.db, 'export', '--dataset', '999', '--out', join(w.dir, 'x.csv')],
    (w) => ['--db', w.db, 'generate', '--rows', '100', '--out', `${w.db}-wal`],
    (w) => ['--db', w.db, 'preprocess', '--out', join(w.dir, 'to-journal.csv')],
    (w) => ['--db', w.db, 'report', '--out', join(w.dir, 'to-db.pdf')],
    (w) => ['--db', w.db, 'report', '--model', '999', '--out', join(w.dir, 'r.pdf')],
    (w) => ['--db', w.db, 'decision', '--audit', '999', '--out', join(w.dir, 'd.pdf')],
    (w) => ['--db', w.db, 'activate', '999'],
    (w) => ['--db', w.db, 'inspect', '--dataset', '999'],
    (w) => ['--db', w.db, 'train', '--dataset', '999', '--trees', '2'],
    (w) => ['--db', w.dir, 'datasets'],
    (w) => ['--db', join(w.dir, 'junk.db'), 'datasets'],
    (w) => ['--db', join(w.dir, 'pipe.csv'), 'datasets'],
    (w) => ['--db', join(w.dir, 'plain-file', 'w.db'), 'datasets'],
    () => ['--db', '/dev/null', 'datasets'],
    (w) => ['--db', w.db, 'frobnicate']
  ]

  // The issue's properties for the CLI: one sentence on stderr (no stack, no "internal
  // error"), exit 1 (or 2 for bad usage), nothing protected changed, and the database
  // opens and passes integrity_check with the rows it had.
  it('fails every hostile command with one sentence, changes nothing and leaves the database sound', async () => {
    let run = 0
    await fc.assert(
      fc.asyncProperty(fc.nat(FAILING.length - 1), fc.boolean(), async (which, json) => {
        const work = setUp(`w${run++}`)
        const state = databaseState(work.db)
        const before = new Map(work.watched.map((p) => [p, fingerprint(p)]))
        const args = FAILING[which](work)
        const result = await ptm(...(json ? ['--json', ...args] : args))
        expect([1, 2], args.join(' ')).toContain(result.code)
        if (result.code === 1) expectOneSentence(result.stderr)
        else expect(result.stderr).toMatch(/unknown command/)
        for (const [path, print] of before) expect(fingerprint(path), path).toBe(print)
        for (const path of work.sqliteFiles) expect(isOurOutput(path), path).toBe(false)
        expect(databaseState(work.db)).toBe(state)
        expect(readdirSync(work.dir).filter((f) => f.endsWith('.partial'))).toEqual([])
      }),
      { numRuns: 50, seed: 70 }
    )
  })

  it('refuses to score a file against a damaged store (checked while it scores): one sentence, no output', async () => {
    const work = setUp('damaged')
    damageFillerTable(work.db)
    const out = join(work.dir, 'scored.csv')
    const result = await ptm('--db', work.db, 'score', work.input, '--out', out)
    expect(result.code).toBe(1)
    expectOneSentence(result.stderr)
    expect(result.stderr).toMatch(/the database is damaged/)
    expect(existsSync(out)).toBe(false)
    expect(readdirSync(work.dir).filter((f) => f.includes('scored'))).toEqual([])
  })

  it('names a port in use and a host that is not this computer in one sentence', async () => {
    const work = setUp('serve')
    const blocker = (await import('node:net')).createServer()
    await new Promise<void>((done) => blocker.listen(0, '127.0.0.1', done))
    const port = (blocker.address() as { port: number }).port
    try {
      const inUse = await ptm('--db', work.db, 'serve', '--port', String(port))
      expect(inUse.code).toBe(1)
      expectOneSentence(inUse.stderr)
      expect(inUse.stderr).toContain(`127.0.0.1:${port}: another program already listens there`)
      const badHost = await ptm('--db', work.db, 'serve', '--host', 'no-such-host.invalid', '--port', '0')
      expect(badHost.code).toBe(1)
      expectOneSentence(badHost.stderr)
      expect(badHost.stderr).toMatch(/no-such-host\.invalid: not an address of this computer/)
    } finally {
      blocker.close()
    }
  })

  it('reports a host other than loopback truthfully, with a warning, and stops when interrupted', async () => {
    const work = setUp('serve-all')
    for (const [host, exposed] of [
      ['0.0.0.0', true],
      ['127.0.0.1', false]
    ] as const) {
      const interrupt = new AbortController()
      let stdout = ''
      let stderr = ''
      const sink = (append: (s: string) => void): Writable =>
        new Writable({
          write(chunk: Buffer | string, _encoding, done) {
            append(chunk.toString())
            if (stdout.includes('Serving')) interrupt.abort()
            done()
          }
        })
      const code = await runCli(['--db', work.db, 'serve', '--host', host, '--port', '0'], {
        stdout: sink((s) => (stdout += s)),
        stderr: sink((s) => (stderr += s)),
        signal: interrupt.signal
      })
      expect(code).toBe(0)
      expect(stdout).toMatch(
        new RegExp(`^Serving the active model on http://${host.replace(/\./g, '\\.')}:\\d+`)
      )
      if (exposed)
        expect(stderr).toMatch(
          /^ptm: warning: listening on http:\/\/0\.0\.0\.0:\d+ \(every IPv4 network interface\)/
        )
      else expect(stderr).toBe('')
    }
  })
})

describe('ptm as a process', () => {
  const tmp = useTempDir()
  const template = useTrainedTemplate({ rows: 1500, seed: 7 })

  /** Runs the real command line in a child process (optionally as another user or under a shell limit). */
  const run = (
    args: string[],
    options: {
      uid?: number
      gid?: number
      shellLimit?: string
      onStderrWait?: (child: ReturnType<typeof spawn>) => void
    } = {}
  ): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }> =>
    new Promise((done, fail) => {
      const node = [process.execPath, '--import', 'tsx', PTM, ...args]
      const child = options.shellLimit
        ? spawn('/bin/sh', ['-c', `${options.shellLimit} && exec "$@"`, 'sh', ...node], {
            uid: options.uid,
            gid: options.gid
          })
        : spawn(node[0], node.slice(1), {
            uid: options.uid,
            gid: options.gid,
            cwd: resolve(__dirname, '../../..')
          })
      let stdout = ''
      let stderr = ''
      child.stdout.on('data', (d) => (stdout += d))
      child.stderr.on('data', (d) => (stderr += d))
      options.onStderrWait?.(child)
      child.on('error', fail)
      child.on('close', (code, signal) => done({ code, signal, stdout, stderr }))
    })

  it('exits 1 with one sentence for a refused output and 2 for bad usage', async () => {
    const db = template.copyTo(tmp.path('p.db'))
    const refused = await run(['--db', db, 'export', '--out', db])
    expect(refused.code).toBe(1)
    expectOneSentence(refused.stderr)
    expect(refused.stderr).toContain('this is the workbench database')
    const usage = await run(['--db', db, 'export'])
    expect(usage.code).toBe(2)
    expect(usage.stderr).toMatch(/required option '--out <file.csv>'/)
  })

  it('stops quietly when its output pipe closes early (ptm … | head), with no stack', async () => {
    const db = template.copyTo(tmp.path('pipe.db'))
    const result = await new Promise<{ code: number | null; stderr: string }>((done) => {
      const child = spawn(process.execPath, ['--import', 'tsx', PTM, '--db', db, 'inspect'], {
        cwd: resolve(__dirname, '../../..')
      })
      // The reader goes away before ptm writes: every write it makes meets a closed pipe.
      child.stdout.destroy()
      let stderr = ''
      child.stderr.on('data', (d) => (stderr += d))
      child.on('close', (code) => done({ code, stderr }))
    })
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
  })

  it('turns a full disk (a file-size limit) into one sentence, exit 1, and leaves no partial file', async () => {
    const db = template.copyTo(tmp.path('full.db'))
    const out = tmp.path('export.csv')
    writeFileSync(out, 'the earlier export')
    // ulimit -f counts 512-byte blocks: 64 kB, far less than the 1,500-row export.
    const result = await run(['--db', db, 'export', '--out', out], { shellLimit: 'ulimit -f 128' })
    expect(result.code).toBe(1)
    expectOneSentence(result.stderr)
    expect(result.stderr).toMatch(
      /export\.csv: cannot write the CSV export: the file is larger than the disk or your file-size limit allows/
    )
    expect(readFileSync(out, 'utf8')).toBe('the earlier export')
    expect(readdirSync(tmp.path('')).filter((f) => f.endsWith('.partial'))).toEqual([])
  })

  it('turns a folder it may not write to into one sentence, exit 1', async () => {
    const dir = tmp.path('shared')
    mkdirSync(dir)
    const db = template.copyTo(join(dir, 'p.db'))
    const locked = join(dir, 'locked')
    mkdirSync(locked)
    // As root, run as "nobody" (root may write anywhere); otherwise a read-only folder refuses us.
    const asRoot = process.getuid?.() === 0
    chmodSync(tmp.path(''), 0o755)
    chmodSync(dir, 0o777)
    chmodSync(db, 0o666)
    if (asRoot) chownSync(db, 65534, 65534)
    else chmodSync(locked, 0o555)
    const result = await run(
      ['--db', db, 'export', '--out', join(locked, 'x.csv')],
      asRoot ? { uid: 65534, gid: 65534 } : {}
    )
    chmodSync(locked, 0o755)
    expect(result.code).toBe(1)
    expectOneSentence(result.stderr)
    expect(result.stderr).toMatch(/locked\/x\.csv: cannot write the CSV export: permission denied/)
    expect(existsSync(join(locked, 'x.csv'))).toBe(false)
  })

  it('stops at Ctrl+C with exit 130, removing what it was writing and keeping the database as it was', async () => {
    const db = template.copyTo(tmp.path('int.db'))
    const out = tmp.path('big.csv')
    writeFileSync(out, 'the earlier file')
    const before = databaseState(db)
    const result = await run(['--db', db, 'generate', '--rows', '3000000', '--out', out], {
      onStderrWait: (child) => {
        // Interrupt once the temporary output exists, i.e. while rows are being written.
        const poll = setInterval(() => {
          if (readdirSync(tmp.path('')).some((f) => f.endsWith('.partial'))) {
            clearInterval(poll)
            child.kill('SIGINT')
          }
        }, 20)
        child.on('close', () => clearInterval(poll))
      }
    })
    expect(result.code).toBe(130)
    expect(result.stderr.trim()).toBe('ptm: interrupted; nothing was written.')
    expect(readFileSync(out, 'utf8')).toBe('the earlier file')
    expect(readdirSync(tmp.path('')).filter((f) => f.endsWith('.partial'))).toEqual([])
    expect(databaseState(db)).toBe(before)
  })
})
