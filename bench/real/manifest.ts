import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'

/** Repository root (bench/real/ → ../..). */
export const ROOT = join(__dirname, '..', '..')
/** The committed manifest of the real datasets. */
export const MANIFEST_PATH = join(ROOT, 'bench', 'real', 'datasets.json')
/**
 * Downloads, extracted files, clean CSVs and split files (gitignored with bench/data/);
 * PTM_REAL_CACHE points elsewhere, e.g. a diagnosis's own folder beside a shared cache.
 */
export const REAL_CACHE = process.env.PTM_REAL_CACHE ?? join(ROOT, 'bench', 'data', 'real')

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a sha256 as 64 lower-case hex digits')

const SourceSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('apt'),
    package: z.string().min(1),
    version: z.string().min(1),
    packageSha256: sha256,
    /** Paths inside the package (as dpkg-deb -x lays them out) → sha256 of the file. */
    files: z.record(z.string(), sha256)
  }),
  z.object({
    kind: z.literal('npm'),
    package: z.string().min(1),
    version: z.string().min(1),
    /** Paths inside the tarball (under package/) → sha256 of the file. */
    files: z.record(z.string(), sha256)
  })
])

const FormatSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('arff'), path: z.string() }),
  z.object({ kind: z.literal('csv'), path: z.string() }),
  /** An R package's lazy-load database (path = .../data/Rdata, without .rdb/.rdx) and the object in it. */
  z.object({ kind: z.literal('r-lazyload'), path: z.string(), object: z.string() })
])

const DatasetSchema = z.object({
  name: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string(),
  source: SourceSchema,
  format: FormatSchema,
  /** sha256 of the clean CSV that fetchData writes (empty until first recorded). */
  csvSha256: z.union([sha256, z.literal('')]),
  target: z.string(),
  positive: z.string(),
  rows: z.number().int().positive(),
  positives: z.number().int().positive(),
  decoding: z.string(),
  licence: z.string(),
  fixture: z.string().nullable()
})

const ManifestSchema = z.object({ about: z.string(), datasets: z.array(DatasetSchema).min(1) })

export type RealDataset = z.infer<typeof DatasetSchema>
export type RealSource = z.infer<typeof SourceSchema>

/** Reads and validates bench/real/datasets.json. */
export function readManifest(path = MANIFEST_PATH): RealDataset[] {
  const parsed = ManifestSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')))
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new Error(`${path}: ${issue.path.join('.')}: ${issue.message}`)
  }
  return parsed.data.datasets
}

/** The clean CSV of a dataset in the cache. */
export function datasetCsv(name: string): string {
  return join(REAL_CACHE, 'csv', `${name}.csv`)
}

/** The folder of split `k` of a dataset: train.csv and test.csv (written by reference.py). */
export function splitDir(name: string, k: number): string {
  return join(REAL_CACHE, 'splits', name, `split-${k}`)
}
