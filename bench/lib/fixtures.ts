import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ptm } from './command'
import { ROOT } from './proc'

/** Generated data, databases and CSV files of the bench (gitignored). */
export const DATA_DIR = join(ROOT, 'bench', 'data')
export const RESULTS_DIR = join(ROOT, 'bench', 'results')
export const TARGET = 'Default'
export const ID_COLUMN = 'Customer_ID'
export const SEED = 42

/** A generated dataset in a store of its own, with its CSV (row i depends only on the seed and i). */
export interface Fixture {
  rows: number
  seed: number
  db: string
  datasetId: number
  csv: string
  /** Models trained on it, by their `ptm train` options. */
  models: Record<string, number>
}

export function dataPath(name: string): string {
  mkdirSync(DATA_DIR, { recursive: true })
  return join(DATA_DIR, name)
}

const manifestPath = (rows: number): string => dataPath(`store-${rows}.json`)

/** Removes a SQLite database with its WAL files. */
export function removeDb(db: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true })
}

function saveFixture(fixture: Fixture): void {
  writeFileSync(manifestPath(fixture.rows), JSON.stringify(fixture, null, 2))
}

function loadFixture(rows: number, seed: number): Fixture | undefined {
  const file = manifestPath(rows)
  if (!existsSync(file)) return undefined
  const fixture = JSON.parse(readFileSync(file, 'utf8')) as Fixture
  if (fixture.seed !== seed || !existsSync(fixture.db) || !existsSync(fixture.csv)) return undefined
  return fixture
}

/**
 * A store holding the generated dataset of `rows` rows (seed 42) and that dataset as CSV:
 * reused from an earlier run, or made now with `ptm generate --out` (untimed).
 */
export async function ensureFixture(rows: number, seed = SEED): Promise<Fixture> {
  const cached = loadFixture(rows, seed)
  if (cached) return cached
  const db = dataPath(`store-${rows}.db`)
  const csv = dataPath(`gen-${rows}.csv`)
  removeDb(db)
  rmSync(csv, { force: true })
  const generated = await ptm<{ datasetId: number }>(db, [
    'generate',
    '--rows',
    rows,
    '--seed',
    seed,
    '--out',
    csv
  ])
  const fixture: Fixture = { rows, seed, db, datasetId: generated.json.datasetId, csv, models: {} }
  saveFixture(fixture)
  return fixture
}

/** Remembers a model trained on the fixture with these `ptm train` options. */
export function rememberModel(fixture: Fixture, args: string[], modelId: number): void {
  fixture.models[args.join(' ')] = modelId
  saveFixture(fixture)
}

/** A model trained on the fixture with these `ptm train` options (trained now, untimed, when there is none yet). */
export async function ensureModel(fixture: Fixture, args: string[]): Promise<number> {
  const known = fixture.models[args.join(' ')]
  if (known !== undefined) return known
  const trained = await ptm<{ modelId: number }>(fixture.db, [
    'train',
    '--dataset',
    fixture.datasetId,
    ...args
  ])
  rememberModel(fixture, args, trained.json.modelId)
  return trained.json.modelId
}

/** True when `file` exists and is newer than every source. */
export function isFresh(file: string, sources: string[]): boolean {
  if (!existsSync(file)) return false
  const t = statSync(file).mtimeMs
  return sources.every((s) => statSync(s).mtimeMs <= t)
}

export function fileMb(file: string): number {
  return statSync(file).size / 1024 / 1024
}
