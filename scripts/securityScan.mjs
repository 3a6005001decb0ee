// `npm run security`: Doyensec's Electronegativity over the Electron-facing code, failing on
// any finding that security/electronegativity-accepted.json does not accept with a reason.
//
// src/ is scanned always, out/ when it has been built (the bundled main and preload and
// the renderer as it ships, including the .vue code the scanner cannot read in src/).
// Each is scanned on its own beside package.json, so the project-wide checks (a CSP is set,
// navigation is limited, permission requests are handled) must pass for each alone.
//
// The tool is driven through its programmatic runner rather than its CLI: the 1.10 CLI
// breaks on the commander our own CLI uses, and its start-up fetches translations from
// the network. Here it runs offline and in English (deterministic messages to match).
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import Module, { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve, sep } from 'node:path'

const repo = resolve(import.meta.dirname, '..')
const allowListPath = join(repo, 'security', 'electronegativity-accepted.json')
const reportPath = join(repo, 'test-results', 'electronegativity.json')
const roots = ['src', 'out'].filter((root) => existsSync(join(repo, root)))

const require = createRequire(import.meta.url)
const toolDir = dirname(require.resolve('@doyensec/electronegativity/package.json'))
const toolRequire = createRequire(join(toolDir, 'package.json'))

/** Replaces the tool's translation loader (which downloads from S3) with its bundled English. */
function useBundledEnglish() {
  const loaderPath = toolRequire.resolve('./dist/locales/i18n.js')
  const i18n = toolRequire('i18n')
  const stub = new Module(loaderPath)
  stub.filename = loaderPath
  stub.loaded = true
  stub.exports = async () => {
    i18n.configure({
      locales: ['en-US'],
      defaultLocale: 'en-US',
      directory: dirname(loaderPath),
      updateFiles: false,
      objectNotation: true,
      register: globalThis
    })
    i18n.setLocale('en-US')
  }
  require.cache[loaderPath] = stub
}

/** Reads the allow-list and refuses one whose entries lack a check, a file or a reason. */
function readAllowList() {
  const list = JSON.parse(readFileSync(allowListPath, 'utf8'))
  const problems = []
  for (const [i, entry] of (list.excludedChecks ?? []).entries()) {
    if (!entry.check || !entry.reason?.trim())
      problems.push(`excludedChecks[${i}] needs "check" and "reason"`)
  }
  for (const [i, entry] of (list.accepted ?? []).entries()) {
    if (!entry.check || !entry.file || !entry.reason?.trim()) {
      problems.push(`accepted[${i}] needs "check", "file" and "reason"`)
    }
  }
  if (problems.length > 0) fail(`${relative(repo, allowListPath)}: ${problems.join('; ')}`)
  return { excludedChecks: list.excludedChecks ?? [], accepted: list.accepted ?? [] }
}

function fail(message) {
  console.error(`security scan: ${message}`)
  process.exit(1)
}

/** Scans one root (copied beside package.json into a scratch folder); findings with repo paths. */
async function scanRoot(run, root, excludedChecks) {
  const stage = mkdtempSync(join(tmpdir(), 'electronegativity-'))
  try {
    cpSync(join(repo, root), join(stage, root), { recursive: true })
    cpSync(join(repo, 'package.json'), join(stage, 'package.json'))
    const result = await run(
      {
        input: stage,
        isRelative: false,
        excludeFromScan: excludedChecks.map((entry) => entry.check)
      },
      false
    )
    const repoPath = (file) =>
      file === 'N/A' ? `${root}/ (project-wide)` : relative(stage, file).split(sep).join('/')
    return {
      errors: result.errors.map((error) => ({ ...error, file: repoPath(error.file) })),
      findings: result.issues.map((issue) => ({
        check: issue.id,
        file: repoPath(issue.file),
        line: issue.location.line,
        column: issue.location.column,
        severity: issue.severity.name,
        confidence: issue.confidence.name,
        manualReview: issue.manualReview,
        description: issue.description,
        sample: typeof issue.sample === 'string' ? issue.sample.trim() : '',
        url: issue.shortenedURL
      }))
    }
  } finally {
    rmSync(stage, { recursive: true, force: true })
  }
}

/** An accepted entry covers findings of its check in its file (and, when given, on a line reading `sample`). */
const covers = (entry, finding) =>
  entry.check === finding.check &&
  entry.file === finding.file &&
  (entry.sample === undefined || entry.sample.trim() === finding.sample)

async function main() {
  const { excludedChecks, accepted } = readAllowList()
  useBundledEnglish()
  const run = toolRequire('./dist/runner.js')

  const seen = new Map()
  const parseErrors = []
  for (const root of roots) {
    const { errors, findings } = await scanRoot(run, root, excludedChecks)
    parseErrors.push(...errors.filter((error) => !error.tolerable))
    // package.json is scanned with each root: report each finding once.
    for (const finding of findings)
      seen.set(JSON.stringify([finding.check, finding.file, finding.line, finding.column]), finding)
  }
  const findings = [...seen.values()].map((finding) => ({
    ...finding,
    acceptedBecause: accepted.find((entry) => covers(entry, finding))?.reason ?? null
  }))
  const open = findings.filter((finding) => finding.acceptedBecause === null)
  // An entry for a scanned file that matches nothing is stale: the list must stay honest.
  const stale = accepted.filter(
    (entry) =>
      roots.some((root) => entry.file.startsWith(`${root}/`)) &&
      !findings.some((finding) => covers(entry, finding))
  )

  mkdirSync(dirname(reportPath), { recursive: true })
  writeFileSync(
    reportPath,
    JSON.stringify({ scanned: roots, excludedChecks, findings, parseErrors }, null, 2) + '\n'
  )

  console.log(
    `Electronegativity over ${roots.join(', ')}: ${findings.length} finding(s), ${open.length} not accepted.`
  )
  for (const finding of findings) {
    const status = finding.acceptedBecause === null ? 'FAIL' : 'accepted'
    console.log(
      `  ${status.padEnd(8)} ${finding.check} ${finding.file}:${finding.line}:${finding.column} ` +
        `[${finding.severity}/${finding.confidence}] ${finding.description} (${finding.url})`
    )
  }
  for (const error of parseErrors)
    console.error(`  could not parse ${error.file}, so it was not checked: ${error.message}`)
  for (const entry of stale) {
    console.error(`  stale allow-list entry: ${entry.check} in ${entry.file} is no longer found; remove it.`)
  }
  console.log(`Report: ${relative(repo, reportPath)}`)
  const problems = [
    open.length > 0 &&
      `${open.length} finding(s) marked FAIL: fix them in the Electron-facing files, or accept one in ${relative(repo, allowListPath)} with the reason it is safe`,
    parseErrors.length > 0 && `${parseErrors.length} file(s) could not be parsed`,
    stale.length > 0 && `${stale.length} stale allow-list entr(ies)`
  ].filter(Boolean)
  if (problems.length > 0) fail(problems.join('; ') + '.')
}

main().catch((error) => fail(error.stack ?? String(error)))
