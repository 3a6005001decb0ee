import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { TrainParams } from '../../src/main/core/model/ModelArtifact'
import { ROOT, runStep } from './proc'

/** Generated data, databases and CSV files of the bench (gitignored). */
export const DATA_DIR = join(ROOT, 'bench', 'data')
export const RESULTS_DIR = join(ROOT, 'bench', 'results')
export const TARGET = 'Default'
export const ID_COLUMN = 'Customer_ID'
export const SEED = 42

/** A generated dataset in its own database, with its CSV export (what the sections share). */
export interface Fixture {
  rows: number
  seed: number
  db: string
  datasetId: number
  csv: string
  /** Models trained on it, by a key of their parameters. */
  models: Record<string, number>
}

export function dataPath(name: string): string {
  mkdirSync(DATA_DIR, { recursive: true })
  return join(DATA_DIR, name)
}

const manifestPath = (rows: number): string => dataPath(`gen-${rows}.json`)

/** Removes a SQLite database with its WAL files. */
export function removeDb(db: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true })
}

export function fixturePaths(rows: number): { db: string; csv: string } {
  return { db: dataPath(`gen-${rows}.db`), csv: dataPath(`gen-${rows}.csv`) }
}

export function saveFixture(fixture: Fixture): void {
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
 * The generated dataset of `rows` rows (seed 42) and its CSV export: made by the data
 * section of this run, or reused from an earlier run, or generated now (untimed).
 */
export async function ensureFixture(rows: number, seed = SEED): Promise<Fixture> {
  const cached = loadFixture(rows, seed)
  if (cached) return cached
  const { db, csv } = fixturePaths(rows)
  removeDb(db)
  rmSync(csv, { force: true })
  const generated = await runStep<{ datasetId: number }>('generate', [db, rows, seed])
  await runStep('export', [db, generated.result.datasetId, csv])
  const fixture: Fixture = { rows, seed, db, datasetId: generated.result.datasetId, csv, models: {} }
  saveFixture(fixture)
  return fixture
}

export const modelKey = (params: Partial<TrainParams>): string =>
  JSON.stringify(params, Object.keys(params).sort())

export function rememberModel(fixture: Fixture, params: Partial<TrainParams>, modelId: number): void {
  fixture.models[modelKey(params)] = modelId
  saveFixture(fixture)
}

/** A model trained on the fixture with these parameters (trained now, untimed, when there is none yet). */
export async function ensureModel(fixture: Fixture, params: Partial<TrainParams>): Promise<number> {
  const known = fixture.models[modelKey(params)]
  if (known !== undefined) return known
  const trained = await runStep<{ modelId: number }>('train', [
    fixture.db,
    fixture.datasetId,
    JSON.stringify(params)
  ])
  rememberModel(fixture, params, trained.result.modelId)
  return trained.result.modelId
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
